import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  DRAWN_ALIKE,
  KEPT_APART,
  MERGED,
  mergeLine,
} from '../../../../../src/writers/pdf/engine/patches/merge-runs.js';
import { internalPrototype } from '../../../../../src/writers/pdf/engine/patches/internals.js';
import { checkedPdf } from '../../../../support/pdf-tools.js';
import { sampleTree } from '../../../../fixtures/sample-tree.js';
import { reliesOn } from './relies-on.js';

/** One test per internal of pdfmake that the run merging patch (merge-runs.ts) relies on. */
const require = createRequire(import.meta.url);
const pdfmakeJs = join(dirname(require.resolve('pdfmake/package.json')), 'js');

interface Page {
  items: { type: string; item: unknown }[];
}
interface Renderer {
  pdfDocument?: { fonts?: Record<string, Record<string, unknown> | undefined> };
  renderPages(pages: Page[]): void;
}

test('pdfmake’s Renderer (js/Renderer.js) draws the pages with renderPages(pages), each line with renderLine', () => {
  expect(() => internalPrototype('Renderer.js', ['renderPages', 'renderLine'])).not.toThrow();
});

test('every property of a laid-out word that the Renderer and TextDecorator read is one the patch compares or joins', () => {
  const read = new Set<string>();
  for (const file of ['Renderer.js', 'TextDecorator.js']) {
    const source = readFileSync(join(pdfmakeJs, file), 'utf8');
    for (const match of source.matchAll(/\binline\.(\w+)|\binlines\[\w+\]\.(\w+)/g))
      read.add(match[1] ?? match[2] ?? '');
  }
  // The alignment of page numbers in a table of contents, whose words the patch leaves alone.
  const known = new Set<string>([...DRAWN_ALIKE, ...MERGED, 'alignment']);
  for (const property of read)
    reliesOn(
      `pdfmake drawing no other property of a word than those it compares (read: ${property})`,
      known.has(property),
    );
  expect([...read]).toEqual(expect.arrayContaining(['font', 'color', 'decoration', 'link', 'justifyShift']));
});

test('renderPages gets pages of items, a line as { type: "line", item: { inlines } }, on a renderer whose pdfDocument.fonts name the files', async () => {
  const proto = internalPrototype<Renderer>('Renderer.js', ['renderPages']);
  const patched = proto.renderPages;
  let seen: { pages: Page[]; fonts: unknown } | undefined;
  proto.renderPages = function spy(this: Renderer, pages) {
    seen ??= { pages, fonts: this.pdfDocument?.fonts };
    patched.call(this, pages);
  };
  try {
    await checkedPdf(sampleTree());
  } finally {
    proto.renderPages = patched;
  }
  const lines = (seen?.pages ?? []).flatMap((page) => page.items).filter((item) => item.type === 'line');
  reliesOn('renderPages(pages) with page.items of type "line"', lines.length > 0);
  const inlines = lines.flatMap((line) => (line.item as { inlines?: unknown[] }).inlines ?? []);
  reliesOn('a line item’s inlines, the laid-out words', inlines.length >= lines.length);
  const word = inlines[0] as Record<string, unknown>;
  for (const key of ['text', 'x', 'width', 'font', 'fontSize', 'height'])
    reliesOn(`a laid-out word’s ${key}`, key in word);
  const roboto = (seen?.fonts as Record<string, Record<string, unknown>> | undefined)?.Roboto;
  reliesOn('Renderer.pdfDocument.fonts[family][type], the font files', typeof roboto?.normal === 'string');
});

describe('mergeLine', () => {
  const font = { name: 'Roboto' };
  /** A laid-out word with a value for every property the patch compares, as pdfmake's words have them. */
  const word = (
    text: string,
    x: number,
    width: number,
    extra: Record<string, unknown> = {},
  ): Record<string, unknown> => {
    const values: Record<string, unknown> = Object.fromEntries(
      [...DRAWN_ALIKE, ...KEPT_APART].map((key) => [key, `v-${key}`]),
    );
    return { ...values, font, fontSize: 10, text, x, width, trailingCut: 0, alignment: 'left', ...extra };
  };
  type Line = { inlines: Record<string, unknown>[] };

  test('joins neighbouring words drawn alike into one run, leaving pdfmake’s words as they are', () => {
    const words = [word('Een ', 0, 20), word('twee ', 20, 25, { trailingCut: 3 }), word('drie', 45, 18)];
    const before = structuredClone(words.map(({ font: _font, ...rest }) => rest));
    const line: Line = { inlines: words };
    mergeLine(line as never);
    expect(line.inlines).toHaveLength(1);
    expect(line.inlines[0]).toMatchObject({ text: 'Een twee drie', x: 0, width: 63, trailingCut: 0 });
    expect(words.map(({ font: _font, ...rest }) => rest)).toEqual(before);
  });

  test('a run carries every property of its first word that is read when drawing', () => {
    const first = word('Een ', 0, 20);
    const line: Line = { inlines: [first, word('twee', 20, 25)] };
    mergeLine(line as never);
    const run = line.inlines[0]!;
    expect(run).not.toBe(first);
    for (const key of [...DRAWN_ALIKE, ...KEPT_APART, 'alignment', 'x'])
      expect([key, run[key]]).toEqual([key, first[key]]);
  });

  test.each([...DRAWN_ALIKE, ...KEPT_APART])('words that differ in %s stay apart', (key) => {
    const line: Line = { inlines: [word('Een ', 0, 20), word('twee', 20, 25, { [key]: 'other' })] };
    mergeLine(line as never);
    expect(line.inlines.map((inline) => inline.text)).toEqual(['Een ', 'twee']);
  });

  test('words with a gap between them stay apart', () => {
    const line: Line = { inlines: [word('Een ', 0, 20), word('twee', 21, 25)] };
    mergeLine(line as never);
    expect(line.inlines).toHaveLength(2);
  });
});
