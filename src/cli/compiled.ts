import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Cli from './cli.js';
import type * as CompiledFile from './compiled-cli.js';

/*
 * Node 20 compiles every ES module anew on each start, and compiling the program's code is a good part of a short
 * command's time. So the bundle also holds the whole command line as one CommonJS file (scripts/bundle.mjs), which
 * runs here with V8's code cache (cache/code-cache.ts): the compiled functions of an earlier run of the same command.
 */

const here = dirname(fileURLToPath(import.meta.url));
/** Written by scripts/bundle.mjs beside the bundle; absent when the program runs as the modules in dist/src. */
const manifest = join(here, 'compiled.json');

export interface CompiledCli {
  cli: typeof Cli;
  /** Keeps the functions this run compiled for the next run of the same command, if the cache had none that fit. */
  keepCodeCache(): void;
}

/** `--help` and `--version` print text and need only commander: the modules load faster than the whole bundle. */
export function onlyPrints(argv: readonly string[]): boolean {
  return (
    argv.includes('--help') ||
    argv.includes('-h') ||
    argv[0] === 'help' ||
    (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V'))
  );
}

/**
 * A name per command and, for genereer, per set of formats: each run compiles other functions (the DOCX writer, the
 * wizard), and the cache of one is kept for the same kind of run.
 */
export function codeCacheName(argv: readonly string[]): string {
  const command = argv[0] === undefined || argv[0].startsWith('-') ? 'wizard' : argv[0];
  const at = argv.findIndex((word) => word === '--formaten' || word.startsWith('--formaten='));
  const formats = at < 0 ? '' : argv[at]!.includes('=') ? argv[at]!.split('=')[1]! : (argv[at + 1] ?? '');
  const kind = [command, ...formats.toLowerCase().split(',').sort()].filter(Boolean).join('-');
  return `code-${/^[a-z,-]{1,60}$/.test(kind) ? kind : 'other'}`;
}

/** The command line from the compiled bundle with its code cache, or undefined where there is no bundle. */
export async function compiledCli(argv: readonly string[]): Promise<CompiledCli | undefined> {
  if (!existsSync(manifest)) return undefined;
  const { file } = JSON.parse(readFileSync(manifest, 'utf8')) as { file: string };
  const [{ defaultCache }, { runWithCodeCache }] = await Promise.all([
    import('../cache/store.js'),
    import('../cache/code-cache.js'),
  ]);
  const cache = defaultCache();
  const compiled = runWithCodeCache<typeof CompiledFile>(join(here, file), codeCacheName(argv), cache);
  compiled.exports.useCache(cache);
  return { cli: compiled.exports, keepCodeCache: () => compiled.keepCodeCache() };
}
