#!/usr/bin/env node
import { removePendingFiles } from '../output/atomic.js';
import { exitCodes, interruptedMessage } from './errors.js';
import { processIo } from './io.js';
import { runCli } from './run.js';

// `integriteitsplan themas | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Ctrl-C while documents are being made (prompts handle their own Ctrl-C): leave no half-written file.
process.on('SIGINT', () => {
  removePendingFiles();
  process.stderr.write(interruptedMessage);
  process.exit(exitCodes.interrupted);
});

process.exitCode = await runCli(process.argv.slice(2), processIo);
