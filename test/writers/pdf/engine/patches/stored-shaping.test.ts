import { createRequire } from 'node:module';
import { loadFontFiles } from '../../../../../src/writers/pdf/engine/fonts.js';
import {
  installStoredShaping,
  type ShapedFont,
  type ShapingBook,
  type StoredRun,
} from '../../../../../src/writers/pdf/engine/patches/stored-shaping.js';
import { reliesOn } from './relies-on.js';

/**
 * The stored shaping hook (stored-shaping.ts) on fresh fontkit fonts, as pdfkit parses one for each document
 * without the font reuse patch: a replayed word must be what shaping gives, and leave the font as shaping would.
 * Then one test per internal of fontkit and pdfkit the hook relies on.
 */
const require = createRequire(import.meta.url);

interface EmbeddedFont {
  font: ShapedFont & { _glyphs: Record<number, { id: number; codePoints: number[] }> };
  layoutCached(text: string): { advanceWidth: number };
}

const { names, contents } = loadFontFiles();

function embeddedFont(): EmbeddedFont {
  const { default: PDFDocument } = require('pdfmake/js/PDFDocument.js') as {
    default: new (...args: unknown[]) => { provideFont(family: string, bold: boolean, italics: boolean): EmbeddedFont };
  };
  const { default: virtualfs } = require('pdfmake/js/virtual-fs.js') as {
    default: { writeFileSync(name: string, data: Buffer): void };
  };
  for (const [name, content] of contents) virtualfs.writeFileSync(name, content);
  return new PDFDocument({ Roboto: names }, {}, {}, {}, {}, virtualfs).provideFont('Roboto', false, false);
}

const freshFont = () => embeddedFont().font;

function memoryBook(): ShapingBook & { entries: Map<string, unknown>; added: number } {
  const entries = new Map<string, unknown>();
  const book = {
    entries,
    added: 0,
    get: (text: string) => entries.get(text),
    add: (text: string, run: StoredRun) => {
      book.added++;
      entries.set(text, run);
    },
  };
  return book;
}

interface Run {
  glyphs: { id: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}

/** Everything pdfkit takes from a run: glyph ids and code points, positions, width. */
const seen = (run: Run) => ({
  glyphs: run.glyphs.map((glyph) => [glyph.id, [...glyph.codePoints]]),
  positions: run.positions.map((position) => ({ ...position })),
  advanceWidth: run.advanceWidth,
});

/** The glyphs a font has made so far, with their code points. */
const madeGlyphs = (font: EmbeddedFont['font']) =>
  Object.fromEntries(Object.entries(font._glyphs).map(([id, glyph]) => [id, [...glyph.codePoints]]));

// Ligatures, accents, a dash and quotes, a soft hyphen (shown as nothing), two glyphs with two code points each.
const words = [
  'Integriteit ',
  'financiële ',
  'Één ',
  '2027–2030 ',
  'vóór ',
  '“aanhalingstekens” ',
  'af\u00adbreken ',
  'Δ ',
  'Ω',
];

describe('a word replayed from the book', () => {
  test('is exactly what shaping gives, and leaves the font as shaping leaves it', () => {
    const book = memoryBook();
    const recording = freshFont();
    installStoredShaping(recording, book);
    for (const word of words) recording.layout(word);
    expect(book.added).toBe(words.length);

    const cold = freshFont();
    const warm = freshFont();
    installStoredShaping(warm, book);
    for (const word of words) {
      expect(seen(warm.layout(word) as Run)).toEqual(seen(cold.layout(word) as Run));
    }
    expect(book.added).toBe(words.length);
    expect(madeGlyphs(warm)).toEqual(madeGlyphs(cold));
  });

  test('is shaped afresh when a glyph of it was first made for other code points', () => {
    // Roboto has one glyph for U+0394 (Greek Delta) and U+2206 (increment): fontkit's glyph keeps the first.
    const book = memoryBook();
    const recording = freshFont();
    installStoredShaping(recording, book);
    recording.layout('Δ ');
    const delta = recording._glyphs[recording.layout('Δ ').glyphs[0]!.id]!;
    expect(delta.codePoints).toEqual([0x394]);

    const cold = freshFont();
    const warm = freshFont();
    installStoredShaping(warm, book);
    for (const font of [cold, warm]) font.layout('∆ ');
    const added = book.added;
    expect(seen(warm.layout('Δ ') as Run)).toEqual(seen(cold.layout('Δ ') as Run));
    expect(seen(warm.layout('Δ ') as Run).glyphs[0]![1]).toEqual([0x2206]);
    // Not replayed: shaped again, and the book now has this way of getting there.
    expect(book.added).toBe(added + 1);
    expect(madeGlyphs(warm)).toEqual(madeGlyphs(cold));
  });

  test('that is not of the form the hook writes is shaped, without an error', () => {
    const junk: unknown[] = [
      null,
      'tekst',
      [[], [], []],
      [[[4, [32]]], [999999], [1, 0, 0, 0]],
      [[[4, [32]]], [4], [1, 0, 0]],
      [[[4, ['a']]], [4], [1, 0, 0, 0]],
      [[[4.5, [32]]], [4], [1, 0, 0, 0]],
      [[[4, [32], [33]]], [4], [1, 0, 0, Number.NaN]],
    ];
    for (const entry of junk) {
      const cold = freshFont();
      const warm = freshFont();
      installStoredShaping(warm, { get: () => entry, add: () => undefined });
      for (const word of words) expect(seen(warm.layout(word) as Run)).toEqual(seen(cold.layout(word) as Run));
      expect(madeGlyphs(warm)).toEqual(madeGlyphs(cold));
    }
  });

  test('only plain words take part: a layout with features goes to fontkit as it is', () => {
    const book = memoryBook();
    const font = freshFont();
    installStoredShaping(font, book);
    font.layout('office ', ['liga']);
    font.layout('office ', undefined, 'latn');
    expect(book.added).toBe(0);
  });
});

describe('the internals of fontkit 2.0 and pdfkit 0.19.1 the hook relies on', () => {
  test('fontkit font.layout(text) gives glyphs, positions of four numbers each, and their summed advance', () => {
    const run = freshFont().layout('Integriteit ') as Run;
    reliesOn('fontkit GlyphRun.glyphs and .positions, one each', run.glyphs.length === run.positions.length);
    reliesOn(
      'fontkit GlyphPosition {xAdvance, yAdvance, xOffset, yOffset}',
      run.positions.every((p) => Object.keys(p).sort().join() === 'xAdvance,xOffset,yAdvance,yOffset'),
    );
    reliesOn(
      'fontkit GlyphRun.advanceWidth, the sum of xAdvance',
      run.advanceWidth === run.positions.reduce((sum, p) => sum + p.xAdvance, 0),
    );
  });

  test('fontkit font.getGlyph(id, codePoints) keeps one glyph per id in _glyphs, made for the first code points', () => {
    const font = freshFont();
    const first = font.getGlyph(178, [0x394]);
    reliesOn('fontkit getGlyph keeping its glyph in _glyphs[id]', font._glyphs[178] === first);
    reliesOn(
      'fontkit getGlyph returning the glyph made before, with its code points',
      font.getGlyph(178, [0x2206]) === first && first?.codePoints.join() === String(0x394),
    );
  });

  test('fontkit font.layout asks this.getGlyph for every glyph of its result', () => {
    const font = freshFont();
    const asked = new Set<number>();
    const getGlyph = font.getGlyph;
    font.getGlyph = function (this: ShapedFont, id: number, codePoints?: number[]) {
      asked.add(id);
      return getGlyph.call(this, id, codePoints);
    };
    const run = font.layout('financiële “test” ') as Run;
    delete (font as Partial<ShapedFont>).getGlyph;
    reliesOn(
      'fontkit layout getting glyphs through font.getGlyph',
      run.glyphs.every((glyph) => asked.has(glyph.id)),
    );
  });

  test('pdfkit EmbeddedFont.layoutCached(word) calls font.layout(word) without features', () => {
    const embedded = embeddedFont();
    const calls: unknown[][] = [];
    const layout = embedded.font.layout;
    embedded.font.layout = function (this: ShapedFont, ...args: unknown[]) {
      calls.push(args);
      return layout.apply(this, args as [unknown]);
    };
    embedded.layoutCached('integriteit');
    reliesOn(
      'pdfkit EmbeddedFont.layoutRun calling this.font.layout(text, undefined)',
      calls.length === 1 && calls[0]![0] === 'integriteit' && calls[0]!.slice(1).every((a) => a === undefined),
    );
  });
});
