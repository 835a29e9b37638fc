// A change the store refuses because of the job's state, not its input: there is no such job (404), or the job
// moved on since the caller looked (409: another desk approved it first, a worker took it). The desk's API
// answers with the status; the CLI prints it as any UserError.
import { UserError } from '../../errors.ts';

export class JobRefusal extends UserError {
  constructor(
    readonly status: 404 | 409,
    problem: string,
    fix: string,
  ) {
    super(problem, fix);
  }
}
