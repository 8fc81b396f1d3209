import { createRequire } from 'node:module';
import { loadFontFiles } from '../../../../../src/writers/pdf/engine/fonts.js';
import { reliesOn } from './relies-on.js';

/**
 * One test per internal of pdfmake, pdfkit and fontkit that the font reuse patch (font-reuse.ts) relies on, on a
 * PDFDocument of pdfmake's made directly (without the patch), as pdfmake makes one for each PDF. That the patch
 * leaves the bytes as they are is pdf.test.ts's: a cold start and a warm one give the same PDF.
 */
const require = createRequire(import.meta.url);

interface Font {
  font: { _glyphs?: Record<string, { codePoints?: unknown } | undefined>; createSubset?: unknown };
  id: string;
  name: string;
  layoutCache?: Record<string, unknown>;
  layoutCached(text: string): unknown;
  constructor: new (doc: unknown, font: unknown, id: string) => Font;
}
interface Doc {
  fonts: Record<string, Record<string, unknown> | undefined>;
  fontCache: Record<string, Record<string, Font> | undefined>;
  _fontCount: unknown;
  _fontFamilies: Record<string, Font | undefined>;
  _font: Font;
  provideFont(family: string, bold: boolean, italics: boolean): Font;
  getFontType(bold: boolean, italics: boolean): string;
}

const { names, contents } = loadFontFiles();

function pdfmakeDocument(): Doc {
  const { default: PDFDocument } = require('pdfmake/js/PDFDocument.js') as {
    default: new (fonts: object, ...rest: unknown[]) => Doc;
  };
  const { default: virtualfs } = require('pdfmake/js/virtual-fs.js') as {
    default: { writeFileSync(name: string, data: Buffer): void };
  };
  for (const [name, content] of contents) virtualfs.writeFileSync(name, content);
  return new PDFDocument({ Roboto: names }, {}, {}, {}, {}, virtualfs);
}

test('pdfmake’s PDFDocument.provideFont(family, bold, italics) keeps the font of fonts[family][getFontType(…)] in fontCache', () => {
  const doc = pdfmakeDocument();
  const type = doc.getFontType(true, false);
  reliesOn('PDFDocument.getFontType(bold, italics) naming the styles of setFonts', type === 'bold');
  reliesOn('PDFDocument.fonts[family][type], the file given to setFonts', doc.fonts.Roboto?.[type] === names.bold);
  const font = doc.provideFont('Roboto', true, false);
  reliesOn('PDFDocument.fontCache[family][type], the font provideFont made', doc.fontCache.Roboto?.[type] === font);
  reliesOn('PDFDocument.provideFont returning the same font again', doc.provideFont('Roboto', true, false) === font);
});

test('pdfkit’s PDFDocument numbers fonts with _fontCount, keeps them in _fontFamilies by name and sets _font', () => {
  const doc = pdfmakeDocument();
  const before = doc._fontCount;
  reliesOn('pdfkit PDFDocument._fontCount, a number', typeof before === 'number');
  const font = doc.provideFont('Roboto', false, false);
  reliesOn(
    'pdfkit font ids F<_fontCount>',
    font.id === `F${doc._fontCount as number}` && doc._fontCount === (before as number) + 1,
  );
  reliesOn('pdfkit PDFDocument._fontFamilies[font.name]', doc._fontFamilies[font.name] === font);
  reliesOn('pdfkit PDFDocument._font, the current font', doc._font === font);
});

test('pdfkit’s EmbeddedFont: new (document, fontkit font, id) with its name, layoutCache and layoutCached', () => {
  const doc = pdfmakeDocument();
  const font = doc.provideFont('Roboto', false, true);
  const again = new font.constructor(doc, font.font, 'F99');
  reliesOn(
    'EmbeddedFont.font, the fontkit font',
    again.font === font.font && typeof font.font.createSubset === 'function',
  );
  reliesOn('EmbeddedFont.id from its constructor', again.id === 'F99');
  reliesOn('EmbeddedFont.name, the same for the same fontkit font', again.name === font.name);
  reliesOn('EmbeddedFont.layoutCache, an object', typeof again.layoutCache === 'object' && again.layoutCache !== null);
  again.layoutCached('integriteit');
  reliesOn(
    'EmbeddedFont.layoutCached(text) keeping its result in layoutCache[text]',
    'integriteit' in (again.layoutCache ?? {}),
  );
});

test('fontkit’s font._glyphs: the glyphs it made, each with the code points it was made for', () => {
  const doc = pdfmakeDocument();
  const font = doc.provideFont('Roboto', false, false);
  font.layoutCached('Één');
  const glyphs = Object.values(font.font._glyphs ?? {});
  reliesOn('fontkit font._glyphs, an object of glyphs', typeof font.font._glyphs === 'object' && glyphs.length > 0);
  reliesOn(
    'fontkit glyph.codePoints, an array',
    glyphs.every((glyph) => Array.isArray(glyph?.codePoints)),
  );
});
