import { constants } from 'node:os';
import { interruptedMessage } from './errors.js';

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Ctrl-C, a closed terminal or a `kill` while documents are made (prompts handle their own
 * Ctrl-C). Nothing needs undoing here: files are moved into place in one synchronous step that a
 * signal handler cannot interrupt (see output/atomic.ts), and the folder lock is released by
 * proper-lockfile on exit. Exit code 128 + the signal's number, as a shell reports it.
 */
export function installInterruptHandlers(): void {
  for (const signal of signals) {
    process.on(signal, () => {
      process.stderr.write(interruptedMessage);
      process.exit(128 + constants.signals[signal]);
    });
  }
}
