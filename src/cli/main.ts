#!/usr/bin/env node
import { compiledCli, onlyPrints } from './compiled.js';
import { processIo } from './io.js';

// `integriteitsplan themas | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const argv = process.argv.slice(2);
const compiled = onlyPrints(argv) ? undefined : await compiledCli(argv);
const cli = compiled?.cli ?? (await import('./cli.js'));
cli.installInterruptHandlers();
process.exitCode = await cli.runCli(argv, processIo);
// Only a run that went through compiled the functions the next run needs; an early error's would be kept for good.
if (process.exitCode === 0) compiled?.keepCodeCache();
