#!/usr/bin/env node
import { processIo } from './io.js';
import { runCli } from './run.js';
import { installInterruptHandlers } from './signals.js';

// `integriteitsplan themas | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

installInterruptHandlers();

process.exitCode = await runCli(process.argv.slice(2), processIo);
