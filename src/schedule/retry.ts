// Which failures are worth another try and when. Transient: the network or the server (timeouts, refused
// connections, DNS, HTTP 408/429/5xx), the machine (disk full, out of memory), a crashed render or any other
// unexpected error. Permanent: the article itself is wrong (404 and other 4xx, not HTML, no readable text, a
// language Kokoro cannot speak, a private address): trying again would fail the same way.
import { UserError } from '../errors.ts';

export type FailureKind = 'transient' | 'permanent';

/** A UserError is about the input unless it says it is of the moment (`transient`); anything else is the machine. */
export function classifyFailure(error: unknown): FailureKind {
  if (!(error instanceof UserError)) return 'transient';
  return error.transient ? 'transient' : 'permanent';
}

export interface RetryPolicy {
  maxAttempts: number;
  backoffSeconds: number;
}

/** Seconds to wait after failed attempt number `attempt` (1-based): the base, then 4x per attempt, at most a day. */
export function backoffSeconds(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.backoffSeconds * 4 ** (attempt - 1), 86_400);
}

/** After a failed attempt: retry at a time, or give up. */
export function nextStep(policy: RetryPolicy, kind: FailureKind, attempt: number, now: Date): { retryAt: Date } | { giveUp: true } {
  if (kind === 'permanent' || attempt >= policy.maxAttempts) return { giveUp: true };
  return { retryAt: new Date(now.getTime() + backoffSeconds(policy, attempt) * 1000) };
}
