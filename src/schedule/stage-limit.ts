// A time limit on each stage of a job. A stage that overruns (a page built to hang the parser, a render that
// never ends) fails the attempt: the job is recorded failed with the reason and retried by the retry rules, and
// the worker goes on to its next job at once instead of waiting on work that may never finish. The work is also
// told to stop (the signal), and stops at its next check: between passes, or in the renderer.
import { UserError } from '../errors.ts';
import type { ProduceStage } from './producer.ts';

export type StageLimits = Record<ProduceStage, number>;

function overrun(stage: ProduceStage, limitMs: number): UserError {
  return new UserError(
    `The job's ${stage} stage ran past its time limit of ${Number((limitMs / 60_000).toPrecision(3))} minutes and was stopped`,
    `If the machine is only slow, raise stageMinutes.${stage} in the config; the item is tried again per retry:`,
    // The machine's load may be the cause: worth the retries the config allows, no more.
    { transient: true },
  );
}

/** `run` under the limits: it starts in 'narrating' and reports each next stage through its `onStage`. */
export async function withStageLimits<T>(
  limits: StageLimits,
  signal: AbortSignal,
  onStage: (stage: ProduceStage) => void,
  run: (signal: AbortSignal, onStage: (stage: ProduceStage) => void) => Promise<T>,
): Promise<T> {
  const stop = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let current: ProduceStage | null = null;
  let fail!: (error: UserError) => void;
  const overran = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const enter = (stage: ProduceStage) => {
    if (stage === current) return;
    current = stage;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const error = overrun(stage, limits[stage]);
      stop.abort(error);
      fail(error);
    }, limits[stage]);
  };
  enter('narrating');
  try {
    const work = run(AbortSignal.any([signal, stop.signal]), (stage) => {
      enter(stage);
      onStage(stage);
    });
    return await Promise.race([work, overran]);
  } finally {
    clearTimeout(timer);
  }
}
