import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { cacheKey, type CacheStore } from './store.js';

/*
 * Node 20 compiles every file anew on each start, and has no code cache for the files it loads itself. A CommonJS
 * file of the bundle (scripts/bundle.mjs) run here through vm.Script starts from V8's code cache instead: the
 * compiled functions of an earlier run, kept in the program's cache (store.ts) under a key of the source itself and
 * the Node and V8 versions. V8 refuses a code cache of other flags and compiles afresh; the store hands over only a
 * file that is intact and the user's own. The cache changes how fast the program starts, never what it does.
 *
 * A code cache holds every function the run compiled, and every later start deserializes them all. A run that filled
 * another cache (parsed the knowledge base, compiled the templates, measured the fonts) ran code that later runs,
 * which read those from the cache, never call: ~20% more to deserialize on every start. So only a run that wrote no
 * other cache keeps its code cache; on a first run that is the next one.
 */

/** Every code cache is named `code-…`: what a run wrote under another name is another cache. */
const codeCacheName = /^code-/;

interface CodeCached {
  /**
   * Keeps the functions this process compiled for the next run, if the cache had none that fit and the run wrote no
   * other cache.
   */
  keepCodeCache(): void;
}

export interface CachedModule<T> extends CodeCached {
  /** What the file put in module.exports. */
  exports: T;
}

export interface CachedValue<T> extends CodeCached {
  /** What the code evaluated to. */
  value: T;
}

/** Compiles and runs `source` with the code cache stored as `name`, under a key of `identity` (the source's bytes). */
function runScript(source: string, identity: string | Uint8Array, filename: string, name: string, cache: CacheStore) {
  if (!codeCacheName.test(name)) throw new Error(`a code cache's name starts with code-: ${name}`);
  const key = cacheKey('code', identity, process.version, process.versions.v8, process.arch);
  const cachedData = cache.read(name, key);
  const script = new Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
  return {
    value: script.runInThisContext() as unknown,
    keepCodeCache() {
      if (cachedData !== undefined && !script.cachedDataRejected) return;
      if ([...(cache.written ?? [])].some((written) => !codeCacheName.test(written))) return;
      cache.write(name, key, script.createCachedData());
    },
  };
}

/** Runs the CommonJS file at `path` as Node's loader would, with the code cache stored as `name`. */
export function runWithCodeCache<T>(path: string, name: string, cache: CacheStore): CachedModule<T> {
  const file = readFileSync(path);
  // The bundle's files are ASCII (scripts/bundle.mjs): read as Latin-1, their text needs no UTF-8 decoding.
  const text = isAscii(file) ? file.toString('latin1') : file.toString('utf8');
  // CommonJS's own wrapper, so the file sees require, module and __filename as under Node's loader.
  const source = `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  // Keyed by the file itself, not only its name: V8 checks little more than the source's length, and a file edited
  // in place (a hotfix, patch-package) must never run the functions compiled from the old text. Its bytes, as read:
  // turning the 3 MB source back into bytes to hash it cost more than the hash.
  const { value, keepCodeCache } = runScript(source, file, path, name, cache);
  const module = { exports: {} as T };
  (value as (...args: unknown[]) => void).call(
    module.exports,
    module.exports,
    createRequire(path),
    module,
    path,
    dirname(path),
  );
  return { exports: module.exports, keepCodeCache };
}

/**
 * The value of a JavaScript expression this program made (the templates' specs: templates/cached.ts), with the code
 * cache stored as `name`, keyed by the expression itself.
 */
export function evaluateWithCodeCache<T>(
  expression: string,
  filename: string,
  name: string,
  cache: CacheStore,
): CachedValue<T> {
  const { value, keepCodeCache } = runScript(`(${expression}\n)`, expression, filename, name, cache);
  return { value: value as T, keepCodeCache };
}
