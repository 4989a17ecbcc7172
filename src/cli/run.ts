import { CommanderError, type Command } from 'commander';
import { capProblems, DomainError, formatProblem, sortProblems, type ErrorCode } from '../core/problems.js';

/** The one place where domain error codes become exit codes. */
const exitCodes: Record<ErrorCode, number> = {
  'invalid-input': 1,
  'not-found': 1,
  conflict: 1,
  forbidden: 1,
  usage: 2,
  'disk-full': 1,
  'not-a-workspace': 2,
  'workspace-corrupt': 2,
  'workspace-too-new': 2,
  'workspace-busy': 1,
  'database-unavailable': 2,
};
export const EXIT_INTERNAL = 3;

/** Runs the program and returns the exit code; never lets a stack trace reach the user for bad input. */
export async function runCli(program: Command, argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message; help and version are not errors.
      return ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code) ? 0 : 2;
    }
    if (error instanceof DomainError) {
      if (error.problems.length > 0) {
        for (const problem of capProblems(sortProblems(error.problems)))
          process.stderr.write(`${formatProblem(problem)}\n`);
      } else {
        process.stderr.write(`trellis: ${error.message}\n`);
      }
      return exitCodes[error.code];
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`trellis: internal error: ${message}\n`);
    if (process.env.TRELLIS_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return EXIT_INTERNAL;
  }
}
