import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/*
 * A cache on disk for what is the same on every run: the validated knowledge base, the compiled templates, the text
 * measurements of the PDF fonts. It only saves time: a value read back is the one that was stored under exactly the
 * same key (a hash of everything it was made from), checked by its own hash, or nothing. A missing, unreadable,
 * unwritable, damaged or outdated file is a miss, never an error: the caller computes the value as without a cache.
 */

/** Where the cache lives, when set: a folder, or `uit` for no cache at all. */
export const cacheDirVariable = 'INTEGRITEITSPLAN_CACHE';

/** The cache folder: $INTEGRITEITSPLAN_CACHE, else $XDG_CACHE_HOME/integriteitsplan, else ~/.cache/integriteitsplan. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env[cacheDirVariable];
  if (own !== undefined && own !== '') return own === 'uit' ? undefined : resolve(own);
  // The XDG spec: a relative path in XDG_CACHE_HOME is invalid and is to be ignored.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'integriteitsplan');
  try {
    const home = env.HOME || homedir();
    return home === '' ? undefined : join(home, '.cache', 'integriteitsplan');
  } catch {
    return undefined;
  }
}

/** The hash a cache entry is stored under, from everything its value depends on (each part framed by its length). */
export function cacheKey(...parts: readonly (string | Uint8Array)[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(bytes.length));
    hash.update(length).update(bytes);
  }
  return hash.digest();
}

const MAGIC = Buffer.from('integriteitsplan-cache 1\n', 'latin1');
const DIGEST = 32;
const HEADER = MAGIC.length + 2 * DIGEST;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

export interface CacheStore {
  /** The payload stored as `name` under exactly this key, intact; otherwise undefined. */
  read(name: string, key: Buffer): Buffer | undefined;
  /** Stores the payload as `name` (replacing what was there), or silently does not. */
  write(name: string, key: Buffer, payload: Uint8Array): void;
  /** The names this store has written in this process (a store that keeps no record: none). */
  readonly written?: ReadonlySet<string>;
}

/** No cache: every read misses and nothing is written. */
export const noCache: CacheStore = { read: () => undefined, write: () => undefined };

/**
 * A cache in a folder, one file per name: the key and a hash of the payload in front of it. A file is replaced
 * whole (written beside it, then renamed), so a reader sees the old file or the new one, never half of one.
 */
export function folderCache(dir: string): CacheStore {
  const file = (name: string) => join(dir, `${name}.cache`);
  const written = new Set<string>();
  return {
    written,
    read(name, key) {
      const bytes = readOwnFile(file(name));
      if (bytes === undefined) return undefined;
      if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
      if (!bytes.subarray(MAGIC.length, MAGIC.length + DIGEST).equals(key)) return undefined;
      const payload = bytes.subarray(HEADER);
      return bytes.subarray(MAGIC.length + DIGEST, HEADER).equals(sha256(payload)) ? payload : undefined;
    },
    write(name, key, payload) {
      const temporary = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        writeFileSync(temporary, Buffer.concat([MAGIC, key, sha256(payload), payload]), { mode: 0o600 });
        renameSync(temporary, file(name));
        written.add(name);
      } catch {
        attempt(() => rmSync(temporary, { force: true }));
      }
    },
  };
}

/**
 * The file's bytes if this user wrote it and nobody else may change it (a cache can hold compiled templates, which
 * run as code), else undefined.
 */
function readOwnFile(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    const uid = process.getuid?.();
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) attempt(() => closeSync(fd!));
  }
}

/** Runs a clean-up that may fail without consequence. */
function attempt(action: () => void): void {
  try {
    action();
  } catch {
    // Nothing to do: the cache is an optimisation.
  }
}

let processCache: CacheStore | undefined;

/** The cache of this process, in the folder `cacheDir()` names, or no cache. */
export function defaultCache(): CacheStore {
  processCache ??= ((dir) => (dir === undefined ? noCache : folderCache(dir)))(cacheDir());
  return processCache;
}

/**
 * Makes `store` the cache of this process. The bundle holds this module twice, in the ES modules that start the
 * compiled CommonJS file and in that file (cli/compiled.ts): one store, so that it knows all the run wrote.
 */
export function useCache(store: CacheStore): void {
  processCache = store;
}

// The flush registry lives apart (flush.ts), so that `--help` does not load node:crypto for it.
export { flushCaches, onFlush } from './flush.js';
