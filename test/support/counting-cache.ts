import { folderCache, type CacheStore } from '../../src/cache/store.js';

/** A cache in a folder that counts its hits, misses and writes, to tell which path a value took. */
export function countingCache(dir: string): CacheStore & { hits: number; misses: number; writes: number } {
  const inner = folderCache(dir);
  const counts = { hits: 0, misses: 0, writes: 0 };
  return Object.assign(counts, {
    written: inner.written,
    read(name: string, key: Buffer) {
      const value = inner.read(name, key);
      if (value === undefined) counts.misses++;
      else counts.hits++;
      return value;
    },
    write(name: string, key: Buffer, payload: Uint8Array) {
      counts.writes++;
      inner.write(name, key, payload);
    },
  });
}
