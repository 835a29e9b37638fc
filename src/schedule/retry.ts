// Which failures are worth another try and when. Transient: the network or the server (timeouts, refused
// connections, DNS, HTTP 408/429/5xx), the machine (disk full, out of memory), a crashed render or any other
// unexpected error. Permanent: the article itself is wrong (404 and other 4xx, not HTML, no readable text, a
// language Kokoro cannot speak, a private address): trying again would fail the same way.
import { UserError } from '../errors.ts';

export type FailureKind = 'transient' | 'permanent';

// The article fetcher's own wording for failures that can pass (src/article/fetch.ts); test/schedule-retry.test.ts
// checks these against the real fetcher so a change of wording fails a test instead of changing the behaviour.
const TRANSIENT_USER_ERRORS = [
  /answered HTTP (408|429|5\d\d)\b/,
  /did not answer within/,
  /could not be found \(DNS\)/,
  /refused the connection/,
  /could not be fetched/,
];

/** A UserError is about the input unless it is one of the fetcher's passing failures; anything else is the machine. */
export function classifyFailure(error: unknown): FailureKind {
  if (!(error instanceof UserError)) return 'transient';
  return TRANSIENT_USER_ERRORS.some((pattern) => pattern.test(error.message)) ? 'transient' : 'permanent';
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
