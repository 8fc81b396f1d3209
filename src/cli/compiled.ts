import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type * as Cli from './cli.js';

/*
 * Node 20 compiles every ES module anew on each start, and compiling the program's code is a good part of a short
 * command's time. So the bundle also holds the whole command line as one CommonJS file (scripts/bundle.mjs), which
 * runs here through vm.Script with V8's code cache: the compiled functions of an earlier run of the same command,
 * kept in the program's cache (cache/store.ts) under a key of the source itself and the Node version. V8 refuses a
 * code cache of other flags and compiles afresh; the store hands over only a file that is intact and the user's
 * own. The cache changes how fast the program starts, never what it does.
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
  const path = join(here, file);
  const { cacheKey, defaultCache } = await import('../cache/store.js');
  const cache = defaultCache();
  const name = codeCacheName(argv);
  // CommonJS's own wrapper, so the file sees require, module and __filename as under Node's loader.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(path, 'utf8')}\n})`;
  // Keyed by the source itself, not only the file's name: V8 checks little more than the source's length, and a
  // file edited in place (a hotfix, patch-package) must never run the functions compiled from the old text.
  const key = cacheKey('code', source, process.version, process.versions.v8, process.arch);
  const cachedData = cache.read(name, key);
  const script = new Script(source, {
    filename: path,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as typeof Cli };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(path), module, path, here);
  return {
    cli: module.exports,
    keepCodeCache() {
      if (cachedData === undefined || script.cachedDataRejected) cache.write(name, key, script.createCachedData());
    },
  };
}
