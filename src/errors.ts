/**
 * A problem the user can fix. The CLI prints its message as one line and exits non-zero, with no stack trace;
 * every other error is a bug and keeps its stack.
 */
export class UserError extends Error {
  constructor(problem: string, fix: string) {
    super(`${problem}. ${fix}`);
    this.name = 'UserError';
  }
}
