#!/usr/bin/env node
import { compiledCli, onlyPrints } from './compiled.js';
import { processIo } from './io.js';

/*
 * The program's start, in dist/src as an ES module, in the bundle as a CommonJS file (scripts/bundle.mjs) that the
 * package's bin, a two-line ES module, requires: Node starts CommonJS without its ES module loader and the ES faces of
 * the node: modules. No top-level await for that reason.
 */

// `integriteitsplan themas | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

async function main(argv: readonly string[]): Promise<void> {
  const compiled = onlyPrints(argv) ? undefined : await compiledCli(argv);
  const cli = compiled?.cli ?? (await import('./cli.js'));
  cli.installInterruptHandlers();
  process.exitCode = await cli.runCli(argv, processIo);
  // Only a run that went through compiled the functions the next run needs; an early error's would be kept for good.
  if (process.exitCode === 0) compiled?.keepCodeCache();
}

void main(process.argv.slice(2));
