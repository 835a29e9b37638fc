/**
 * A problem the user can fix. The CLI prints its message as one line and exits non-zero, with no stack trace;
 * every other error is a bug and keeps its stack. `transient` marks a failure of the moment (the network, the
 * server) rather than of the input: unattended production tries such an item again later.
 */
export class UserError extends Error {
  readonly transient: boolean;

  constructor(
    /** What is wrong, without the fix: for a caller that says it in its own context. */
    readonly problem: string,
    fix: string,
    options: { transient?: boolean } = {},
  ) {
    super(`${problem}. ${fix}`);
    this.name = 'UserError';
    this.transient = options.transient ?? false;
  }
}
