/**
 * The command line as main.ts starts it: from the compiled bundle (compiled.ts) or, where there is none (the modules
 * in dist/src, `--help`), as these modules.
 */
export { runCli } from './run.js';
export { installInterruptHandlers } from './signals.js';
