import { flushCaches } from '../../../../src/cache/store.js';
import type { StoredRun } from '../../../../src/writers/pdf/engine/patches/stored-shaping.js';
import { loadShapingCache } from '../../../../src/writers/pdf/engine/shaping-cache.js';
import { countingCache } from '../../../support/counting-cache.js';
import { withTempDir } from '../../../support/tools.js';

const fonts = new Map([
  ['a.ttf', new Uint8Array([1, 2, 3])],
  ['b.ttf', new Uint8Array([4, 5, 6])],
]);
const run: StoredRun = [[[4, [32]]], [4], [508, 0, 0, 0]];

describe('the stored text measurements', () => {
  test('are written once the command is done, and read back by the next run, per font', async () => {
    await withTempDir(async (dir) => {
      const cache = countingCache(dir);
      const first = loadShapingCache(fonts, cache);
      expect(first.book('a.ttf').get(' ')).toBeUndefined();
      first.book('a.ttf').add(' ', run);
      expect(cache.writes).toBe(0);
      flushCaches();
      expect(cache.writes).toBe(1);
      // Nothing new: nothing written.
      flushCaches();
      expect(cache.writes).toBe(1);

      const next = loadShapingCache(fonts, cache);
      expect(next.book('a.ttf').get(' ')).toEqual(run);
      expect(next.book('b.ttf').get(' ')).toBeUndefined();
      next.book('b.ttf').add('x', run);
      flushCaches();
      const third = loadShapingCache(fonts, cache);
      expect([third.book('a.ttf').get(' '), third.book('b.ttf').get('x')]).toEqual([run, run]);
    });
  });

  test('of other font files are not read', async () => {
    await withTempDir(async (dir) => {
      const cache = countingCache(dir);
      loadShapingCache(fonts, cache).book('a.ttf').add(' ', run);
      flushCaches();
      const changed = new Map([...fonts, ['a.ttf', new Uint8Array([1, 2, 4])]]);
      expect(loadShapingCache(changed, cache).book('a.ttf').get(' ')).toBeUndefined();
    });
  });

  test('that are not of the stored form give an empty book, not an error', () => {
    for (const payload of ['[1, 2]', 'null', '{"a.ttf": 5}', '{"a.ttf": [5, [" ", 1]]}', '{']) {
      const cache = { read: () => Buffer.from(payload), write: () => undefined };
      const book = loadShapingCache(fonts, cache).book('a.ttf');
      expect([' ', 'x'].map((text) => book.get(text) ?? 'leeg')).toEqual(
        payload.includes('" "') ? [1, 'leeg'] : ['leeg', 'leeg'],
      );
    }
  });
});
