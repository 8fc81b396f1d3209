import { internalChanged, internalPrototype } from './internals.js';
import { installWordLayout, type LaidOutFont } from './word-layout.js';

/**
 * Speed-up hook: pdfkit parses each TTF again for every document (fontkit.create) and shapes every word again,
 * because a font and its layout cache belong to one document. This keeps the parsed fontkit font and the word
 * layout cache per font file for the whole process, and gives each document a fresh pdfkit font object (its own
 * subset, widths and PDF objects) around them. The bytes do not change: shaping a word always gives the same
 * glyphs and positions, and fonts get the same ids in the same order as without the hook.
 */

export interface FontkitFont {
  createSubset(): unknown;
  /** fontkit's glyph objects by glyph id, each with the code points it was first made for. */
  _glyphs?: Record<string, { codePoints?: unknown[] } | undefined>;
}

interface EmbeddedFont extends LaidOutFont {
  font: FontkitFont;
  id: string;
  name: string;
  layoutCache?: Record<string, unknown>;
  constructor: new (document: PdfKitDocument, font: FontkitFont, id: string) => EmbeddedFont;
}

interface PdfKitDocument {
  fonts: Record<string, Record<string, unknown> | undefined>;
  fontCache: Record<string, Record<string, EmbeddedFont> | undefined>;
  _fontCount: number;
  _fontFamilies: Record<string, EmbeddedFont | undefined>;
  _font: EmbeddedFont;
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(family: string, bold: boolean, italics: boolean): EmbeddedFont;
}

interface Shared {
  Font: EmbeddedFont['constructor'];
  font: FontkitFont;
  layoutCache: Record<string, unknown> | undefined;
}

/** Cached words per font before its cache starts over, so a long-running process cannot grow without bound. */
const MAX_CACHED_WORDS = 100_000;

const shared = new Map<string, Shared>();
/** Counts the times the shared word layouts started over: what was measured with the old ones was shaped then. */
let generation = 0;
/** Told of each fontkit font when it is parsed, before its first document uses it (stored-shaping.ts's hook). */
let onParsed: ((file: string, font: FontkitFont) => void) | undefined;
/** Only fonts this writer registered take part; other pdfmake users in the process are left alone. */
const eligible = new Set<string>();
let installed = false;

function isEmbeddedFont(font: unknown): font is EmbeddedFont {
  const candidate = font as Partial<EmbeddedFont> | null;
  return (
    typeof candidate?.font?.createSubset === 'function' &&
    typeof candidate.name === 'string' &&
    typeof candidate.layoutCached === 'function' &&
    typeof candidate.layoutRun === 'function' &&
    typeof candidate.layout === 'function'
  );
}

/**
 * fontkit keeps every glyph object it makes, with the code points it was first made for, and pdfkit takes a
 * glyph's ToUnicode entry from them. Subsetting at the end of a document makes the components of composite
 * glyphs (the '.' of ':', the 'e' of 'ë') without code points; a later document that lays such a glyph out
 * would then get no ToUnicode entry for it (its text extraction loses the character) and other bytes than
 * from a cold start. Forgetting those glyph objects lets layout make them afresh, as in a freshly parsed font.
 * Returns false when fontkit keeps its glyphs elsewhere.
 */
function forgetGlyphsWithoutCodePoints(font: FontkitFont): boolean {
  const glyphs = font._glyphs;
  if (typeof glyphs !== 'object' || glyphs === null) return false;
  for (const [id, glyph] of Object.entries(glyphs)) {
    if (!Array.isArray(glyph?.codePoints) || glyph.codePoints.length === 0) delete glyphs[id];
  }
  return true;
}

/** A fresh pdfkit font for this document around the shared fontkit font: what doc.font(buffer) does, minus parsing. */
function reuse(doc: PdfKitDocument, entry: Shared): EmbeddedFont {
  const font = new entry.Font(doc, entry.font, `F${++doc._fontCount}`);
  installWordLayout(font);
  if (font.layoutCache !== undefined && entry.layoutCache !== undefined) {
    if (Object.keys(entry.layoutCache).length > MAX_CACHED_WORDS) {
      entry.layoutCache = font.layoutCache;
      generation++;
    } else font.layoutCache = entry.layoutCache;
  }
  const existing = doc._fontFamilies[font.name];
  if (existing?.font === entry.font) return existing;
  if (existing === undefined) doc._fontFamilies[font.name] = font;
  else doc._fontFamilies[font.id] = font;
  return font;
}

/**
 * Installs the hook once per process for the given font files (virtual file names); `parsed` is told of each shared
 * fontkit font when it is parsed.
 */
export function installFontReuse(files: Iterable<string>, parsed?: (file: string, font: FontkitFont) => void): void {
  for (const file of files) eligible.add(file);
  onParsed = parsed;
  if (installed) return;
  const proto = internalPrototype<PdfKitDocument>('PDFDocument.js', ['provideFont', 'getFontType']);
  const original = proto.provideFont;
  proto.provideFont = function provideFont(this: PdfKitDocument, family, bold, italics) {
    const type = this.getFontType(bold, italics);
    const cached = this.fontCache[family]?.[type];
    if (cached !== undefined) return cached;
    const file = this.fonts[family]?.[type];
    if (typeof file !== 'string' || !eligible.has(file)) return original.call(this, family, bold, italics);
    const entry = shared.get(file);
    if (entry === undefined) {
      const font = original.call(this, family, bold, italics);
      if (!isEmbeddedFont(font)) {
        throw internalChanged("pdfkit's EmbeddedFont (font, name, layoutCached, layoutRun, layout)");
      }
      installWordLayout(font);
      shared.set(file, { Font: font.constructor, font: font.font, layoutCache: font.layoutCache });
      generation++;
      onParsed?.(file, font.font);
      return font;
    }
    if (typeof this._fontFamilies !== 'object' || typeof this._fontCount !== 'number') {
      throw internalChanged("pdfkit's PDFDocument._fontFamilies and _fontCount");
    }
    if (!forgetGlyphsWithoutCodePoints(entry.font)) throw internalChanged("fontkit's font._glyphs");
    const font = reuse(this, entry);
    this._font = font;
    (this.fontCache[family] ??= {})[type] = font;
    return font;
  };
  installed = true;
}

/** Forgets the shared fonts and word layouts (tests compare a cold start with a warm one). */
export function clearFontReuse(): void {
  shared.clear();
  generation++;
}

/**
 * Changes whenever a font's shared word layouts start afresh (a font parsed, a cache started over, the fonts
 * forgotten): measured-texts.ts forgets its texts then, whose words were shaped in the layouts before.
 */
export function layoutGeneration(): number {
  return generation;
}
