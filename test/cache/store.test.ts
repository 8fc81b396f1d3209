import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, cacheKey, folderCache, noCache } from '../../src/cache/store.js';
import { withTempDir } from '../support/tools.js';

describe('where the cache lives', () => {
  test('INTEGRITEITSPLAN_CACHE first (uit: no cache), then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(cacheDir({ INTEGRITEITSPLAN_CACHE: '/srv/cache', XDG_CACHE_HOME: '/x', HOME: '/home/a' })).toBe(
      '/srv/cache',
    );
    expect(cacheDir({ INTEGRITEITSPLAN_CACHE: 'uit', HOME: '/home/a' })).toBeUndefined();
    expect(cacheDir({ XDG_CACHE_HOME: '/var/cache/a', HOME: '/home/a' })).toBe('/var/cache/a/integriteitsplan');
    // A relative XDG_CACHE_HOME is invalid by the spec and ignored.
    expect(cacheDir({ XDG_CACHE_HOME: 'cache', HOME: '/home/a' })).toBe('/home/a/.cache/integriteitsplan');
  });
});

describe('a cache in a folder', () => {
  const key = cacheKey('proef', 'invoer 1');
  const payload = Buffer.from('de opgeslagen waarde');

  test('gives back exactly what was stored under the same key, and nothing under another', async () => {
    await withTempDir(async (dir) => {
      const cache = folderCache(join(dir, 'nieuw', 'map'));
      expect(cache.read('proef', key)).toBeUndefined();
      cache.write('proef', key, payload);
      expect(cache.read('proef', key)?.equals(payload)).toBe(true);
      expect(cache.read('proef', cacheKey('proef', 'invoer 2'))).toBeUndefined();
      expect(cache.read('ander', key)).toBeUndefined();
      // Replaced whole, with no temporary file left beside it.
      cache.write('proef', key, Buffer.from('nieuw'));
      expect(cache.read('proef', key)?.toString()).toBe('nieuw');
      expect(readdirSync(join(dir, 'nieuw', 'map'))).toEqual(['proef.cache']);
      expect(statSync(join(dir, 'nieuw', 'map', 'proef.cache')).mode & 0o077).toBe(0);
    });
  });

  test('keys differ when any part differs, also when parts only regroup', () => {
    expect(cacheKey('ab', 'c').equals(cacheKey('a', 'bc'))).toBe(false);
    expect(cacheKey('a', Buffer.from('b')).equals(cacheKey('a', 'b'))).toBe(true);
  });

  test('ignores a damaged, truncated, foreign or empty file', async () => {
    await withTempDir(async (dir) => {
      const cache = folderCache(dir);
      const file = join(dir, 'proef.cache');
      cache.write('proef', key, payload);
      const good = readFileSync(file);
      const damaged = Buffer.from(good);
      damaged.writeUInt8(damaged.readUInt8(damaged.length - 3) ^ 0xff, damaged.length - 3);
      for (const bytes of [
        damaged,
        good.subarray(0, good.length - 1),
        good.subarray(0, 20),
        Buffer.from('PK\x03\x04'),
        Buffer.alloc(0),
      ]) {
        writeFileSync(file, bytes, { mode: 0o600 });
        expect(cache.read('proef', key)).toBeUndefined();
      }
    });
  });

  test('ignores a file that others may change (it could hold code that runs)', async () => {
    await withTempDir(async (dir) => {
      const cache = folderCache(dir);
      cache.write('proef', key, payload);
      chmodSync(join(dir, 'proef.cache'), 0o666);
      expect(cache.read('proef', key)).toBeUndefined();
    });
  });

  test('where it cannot write, nothing happens: no error, no file', async () => {
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'een-bestand'), 'geen map');
      const cache = folderCache(join(dir, 'een-bestand', 'cache'));
      expect(() => cache.write('proef', key, payload)).not.toThrow();
      expect(cache.read('proef', key)).toBeUndefined();
      expect(readdirSync(dir)).toEqual(['een-bestand']);
    });
  });

  test('no cache reads nothing and writes nothing', () => {
    noCache.write('proef', key, payload);
    expect(noCache.read('proef', key)).toBeUndefined();
  });
});
