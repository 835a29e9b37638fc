// Every command ends here: a user's mistake is one line on stderr and exit code 1; anything else is a bug,
// reported in one line too, with its stack only under --verbose.
import { CommanderError, type Command, type OptionValues } from 'commander';
import { UserError } from '../errors.ts';

export async function runCommand(main: () => Promise<void>): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  try {
    await main();
  } catch (error) {
    // Commander has already printed its message; --help ends with exit code 0, a bad flag with 1.
    if (error instanceof CommanderError) process.exitCode = error.exitCode;
    else if (error instanceof UserError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`internal error: ${message}${verbose ? `\n${(error as Error).stack ?? ''}` : ' (run with --verbose for details)'}\n`);
      process.exitCode = 2;
    }
  }
}

/** Parse the command line; commander's own errors (and --help) end in runCommand with commander's exit code. */
export function parseOptions<T extends OptionValues>(program: Command): T {
  program.exitOverride().configureOutput({ writeErr: (line) => process.stderr.write(line) });
  program.parse();
  return program.opts<T>();
}
