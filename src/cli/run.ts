import { flushCaches } from '../cache/flush.js';
import { reportError } from './errors.js';
import type { CliIo } from './io.js';
import { buildProgram } from './program.js';
import { safeIo } from './terminal.js';

/** Runs the command line and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], terminal: CliIo): Promise<number> {
  const io = safeIo(terminal);
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  } finally {
    flushCaches();
  }
}
