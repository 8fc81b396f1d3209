import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Font } from 'fontkit';
import { folderCache, noCache } from '../../../src/cache/store.js';
import { charactersMissingFromPdf, fontCoverage } from '../../../src/writers/pdf/coverage.js';
import { loadFontFiles } from '../../../src/writers/pdf/engine/fonts.js';
import { countingCache } from '../../support/counting-cache.js';
import { withTempDir } from '../../support/tools.js';

const require = createRequire(import.meta.url);
const fonts = loadFontFiles().contents;

/** What every font has a glyph for, straight from fontkit. */
function measured(files: ReadonlyMap<string, Uint8Array>): number[] {
  const fontkit = require('fontkit') as typeof import('fontkit');
  const sets = [...files.values()].map((bytes) => new Set((fontkit.create(Buffer.from(bytes)) as Font).characterSet));
  return [...sets[0]!].filter((code) => sets.every((set) => set.has(code))).sort((a, b) => a - b);
}

const sorted = (set: ReadonlySet<number>) => [...set].sort((a, b) => a - b);

describe("the code points the PDF's fonts cover", () => {
  const expected = measured(fonts);

  test('are measured once, stored, and read back by the next run: the same set', async () => {
    await withTempDir(async (dir) => {
      const cache = countingCache(dir);
      expect(sorted(fontCoverage(fonts, cache))).toEqual(expected);
      expect([cache.hits, cache.writes]).toEqual([0, 1]);
      expect(sorted(fontCoverage(fonts, cache))).toEqual(expected);
      expect([cache.hits, cache.writes]).toEqual([1, 1]);
      // Latin letters and the signs Dutch names use; not Hebrew.
      expect(expected).toEqual(expect.arrayContaining([0x41, 0xfb, 0x132, 0x20ac, 0x2116]));
      expect(expected).not.toContain(0x5d0);
    });
  });

  test('without a cache (INTEGRITEITSPLAN_CACHE=uit) are the same', () => {
    expect(sorted(fontCoverage(fonts, noCache))).toEqual(expected);
  });

  test('of other font files are measured anew, not read', async () => {
    await withTempDir(async (dir) => {
      const cache = countingCache(dir);
      const [first, second] = [...fonts.keys()];
      fontCoverage(new Map([[first!, fonts.get(first!)!]]), cache);
      const other = new Map([[first!, fonts.get(second!)!]]);
      expect(sorted(fontCoverage(other, cache))).toEqual(measured(other));
      expect([cache.hits, cache.writes]).toEqual([0, 2]);
    });
  });

  test('from a damaged or foreign cache file are measured anew and stored again', async () => {
    await withTempDir(async (dir) => {
      fontCoverage(fonts, folderCache(dir));
      const [file] = readdirSync(dir);
      const bytes = readFileSync(join(dir, file!));
      bytes[bytes.length - 3]! ^= 0xff;
      writeFileSync(join(dir, file!), bytes, { mode: 0o600 });
      const cache = countingCache(dir);
      expect(sorted(fontCoverage(fonts, cache))).toEqual(expected);
      expect([cache.hits, cache.writes]).toEqual([0, 1]);
    });
    // Intact, but not a list of code points.
    for (const payload of ['{', '{"a": 1}', '[1, "a"]', '[-1]', '[1.5]', 'null']) {
      const cache = { read: () => Buffer.from(payload), write: () => undefined };
      expect(sorted(fontCoverage(fonts, cache))).toEqual(expected);
    }
  });
});

test('charactersMissingFromPdf: each character the fonts lack once, in order, astral ones and lone surrogates whole', () => {
  const covered = new Set(measured(fonts));
  /** The characters one by one (code points), as a string iterates them. */
  const reference = (text: string) => [
    ...new Set([...text].filter((char) => !covered.has(char.codePointAt(0)!) && !'\t\n\r'.includes(char))),
  ];
  const texts = [
    'Gewoon Nederlands: één café, € 5 – ‘zo’.\n\tKlaar.',
    'שלום en 😀 en nog eens שלום 😀',
    'een losse \ud83d helft, en \ude00 de andere',
    '',
  ];
  for (const text of texts) expect(charactersMissingFromPdf(text)).toEqual(reference(text));
  expect(charactersMissingFromPdf(texts[1]!)).toEqual(['ש', 'ל', 'ו', 'ם', '😀']);
});
