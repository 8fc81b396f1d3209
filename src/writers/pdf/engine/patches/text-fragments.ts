import { internalChanged, isOwnDocumentCached, PatchError } from './internals.js';
import { pdfLibraries } from '../libraries.js';

/**
 * Speed-up hook: pdfmake draws every laid-out word with pdfkit 0.19.1's text(text, x, y, options), which goes through
 * _initOptions (a copy of the options), _text (a split on line breaks), _line and _fragment (regular expressions,
 * closures, a transform that multiplies matrices it undoes at once) and adds each of the ~12 operators of a word to
 * the page one at a time. For the words pdfmake draws (no line break inside, no wrapping, rotation, underline, word
 * spacing or font features: LEFT_TO_PDFKIT; links as _fragment makes them) this writes the same operators as one
 * chunk, which is the same bytes (content-streams.ts keeps a stream's text chunks as one string, and pdfkit without
 * it adds each chunk with a line break after it) and leaves the document as _fragment leaves it: its x after the word, its y, its transformation.
 * Colours: pdfkit turns a colour such as '#1a1a1a' into its numbers anew for each word; an own document keeps the
 * operator's text per colour.
 */

/** The options of text() that, when set, take the word through pdfkit's own path (pdfmake sets none of them). */
export const LEFT_TO_PDFKIT = [
  'width',
  'continued',
  'rotation',
  'wordSpacing',
  'baseline',
  'underline',
  'strike',
  'oblique',
  'fill',
  'stroke',
  'horizontalScaling',
  'structParent',
  'features',
] as const;

interface TextOptions {
  lineBreak?: unknown;
  characterSpacing?: number;
  textWidth?: number;
  wordCount?: number;
  link?: unknown;
  goTo?: unknown;
  destination?: unknown;
  [option: string]: unknown;
}

interface EmbeddedFont {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string, features?: unknown): [string[], Position[]];
  widthOfString(text: string, size: number, features?: unknown): number;
}

interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

interface Page {
  height: number;
  fonts: Record<string, unknown>;
}

/** pdfkit's PDFDocument, as text() and the colour functions use it. */
interface KitDocument {
  x: number;
  y: number;
  page: Page;
  _font: EmbeddedFont;
  _fontSize: number;
  _textOptions?: unknown;
  _ctm: number[];
  _ctmStack: number[][];
  _currentStructureElement?: { dictionary: { data: { S?: unknown } } };
  currentLineHeight(includeGap?: boolean): number;
  link(x: number, y: number, w: number, h: number, url: unknown, options?: object): unknown;
  goTo(x: number, y: number, w: number, h: number, name: unknown): unknown;
  addNamedDestination(name: unknown, ...args: unknown[]): unknown;
  addContent(data: string): KitDocument;
  text(text: unknown, x?: unknown, y?: unknown, options?: unknown): KitDocument;
  _normalizeColor(color: unknown): unknown;
  _getColorSpace(color: unknown): string;
  _setColorSpace(space: string, stroke: boolean): unknown;
  _setColorCore(color: unknown, stroke: boolean): boolean;
}

/** pdfkit's PDFObject.number: what it writes for a number in an operator. */
const number = (n: number): number => {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
};

/** Whether text() would draw this word through _fragment with nothing but its font, size and character spacing. */
function drawnAsIs(doc: KitDocument, text: unknown, x: unknown, y: unknown, options: unknown): options is TextOptions {
  if (typeof text !== 'string' || text.length === 0 || text.includes('\n')) return false;
  if (typeof x !== 'number' || typeof y !== 'number') return false;
  if (typeof options !== 'object' || options === null) return false;
  const given = options as TextOptions;
  if (given.lineBreak !== false || doc._textOptions) return false;
  for (const option of LEFT_TO_PDFKIT) if (given[option] != null && given[option] !== false) return false;
  return given.characterSpacing === undefined || typeof given.characterSpacing === 'number';
}

/**
 * What _fragment(text, x, y, options) writes for such a word, and the x _line leaves after it: the same operators,
 * numbers written as pdfkit writes them, glyphs from the font's encode (which adds them to the document's subset).
 */
function fragment(doc: KitDocument, text: string, x: number, y: number, options: TextOptions): void {
  const font = doc._font;
  const size = doc._fontSize;
  const characterSpacing = options.characterSpacing || 0;
  const dy = (font.ascender / 1000) * size;
  if (options.link != null || options.goTo != null || options.destination != null) {
    // _fragment's width of a word without word spacing, as it computes it.
    const renderedWidth = options.textWidth! + 0 * (options.wordCount! - 1) + characterSpacing * (text.length - 1);
    if (options.link != null) {
      const element = doc._currentStructureElement;
      const linkOptions = element && element.dictionary.data.S === 'Link' ? { structParent: element } : {};
      doc.link(x, y, renderedWidth, doc.currentLineHeight(), options.link, linkOptions);
    }
    if (options.goTo != null) doc.goTo(x, y, renderedWidth, doc.currentLineHeight(), options.goTo);
    if (options.destination != null) doc.addNamedDestination(options.destination, 'XYZ', x, y, null);
  }
  const height = doc.page.height;
  y = height - y - dy;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  if (!Array.isArray(doc._ctm) || !Array.isArray(doc._ctmStack)) throw internalChanged("pdfkit's PDFDocument._ctm");
  // save(), then transform(1, 0, 0, -1, 0, height), undone by the restore() at the end: the same matrix, a new array.
  let out = `q\n1 0 0 -1 0 ${number(height)} cm\nBT\n1 0 0 1 ${number(x)} ${number(y)} Tm\n/${font.id} ${number(size)} Tf`;
  if (characterSpacing) out += `\n${number(characterSpacing)} Tc`;
  const [encoded, positions] = font.encode(text, undefined);
  const scale = size / 1000;
  let commands = '';
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) {
      let hex = '';
      for (let index = last; index < cur; index++) hex += encoded[index];
      const position = positions[cur - 1]!;
      const advance = position.xAdvance - position.advanceWidth;
      commands += `${commands === '' ? '' : ' '}<${hex}> ${number(-advance)}`;
    }
    last = cur;
  };
  const flush = (cur: number) => {
    addSegment(cur);
    if (commands !== '') {
      out += `\n[${commands}] TJ`;
      commands = '';
    }
  };
  let glyphX = x;
  let index: number;
  for (index = 0; index < positions.length; index++) {
    const position = positions[index]!;
    if (position.xOffset || position.yOffset) {
      flush(index);
      out += `\n1 0 0 1 ${number(glyphX + position.xOffset * scale)} ${number(y + position.yOffset * scale)} Tm`;
      flush(index + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out += `\n1 0 0 1 ${number(glyphX)} ${number(y)} Tm`;
        hadOffset = false;
      }
      if (position.xAdvance - position.advanceWidth !== 0) addSegment(index + 1);
    }
    glyphX += position.xAdvance * scale;
  }
  flush(index);
  doc.addContent(`${out}\nET\nQ`);
  doc._ctm = doc._ctm.slice();
  doc.x += ((font.widthOfString(text, size, undefined) + characterSpacing * (text.length - 1)) * 100) / 100;
}

/** The colour operator's numbers per colour written as text ('#1a1a1a', a name), as _normalizeColor gives them. */
const colours = new Map<string, { space: string; values: string }>();
const MAX_COLOURS = 1000;

let installed = false;

/** Installs the hook once per process, for this writer's documents (isOwnDocument). */
export function installTextFragments(): void {
  if (installed) return;
  const proto = documentPrototype();
  const { text, _setColorCore: setColorCore } = proto;
  proto.text = function (this: KitDocument, value, x, y, options) {
    if (!isOwnDocumentCached(this) || !drawnAsIs(this, value, x, y, options))
      return text.call(this, value, x, y, options);
    this.x = x as number;
    this.y = y as number;
    fragment(this, value as string, x as number, y as number, options);
    return this;
  };
  proto._setColorCore = function (this: KitDocument, color, stroke) {
    if (typeof color !== 'string' || !isOwnDocumentCached(this)) return setColorCore.call(this, color, stroke);
    let known = colours.get(color);
    if (known === undefined) {
      const normalized = this._normalizeColor(color);
      // A string becomes an array of numbers (a hex colour or a named one, the same in every document) or a spot
      // colour of this document, which is not kept.
      if (!Array.isArray(normalized)) return setColorCore.call(this, color, stroke);
      known = { space: this._getColorSpace(normalized), values: normalized.join(' ') };
      if (colours.size < MAX_COLOURS) colours.set(color, known);
    }
    this._setColorSpace(known.space, stroke);
    this.addContent(`${known.values} ${stroke ? 'SCN' : 'scn'}`);
    return true;
  };
  installed = true;
}

/** pdfkit's PDFDocument prototype, with the methods the hook replaces and uses. */
export function documentPrototype(): KitDocument {
  let proto: Partial<KitDocument> | undefined;
  try {
    const PDFKitDocument = pdfLibraries().pdfkit() as { prototype?: Partial<KitDocument> };
    proto = PDFKitDocument.prototype;
  } catch {
    proto = undefined;
  }
  const methods = [
    'text',
    '_fragment',
    '_setColorCore',
    '_normalizeColor',
    '_getColorSpace',
    '_setColorSpace',
    'currentLineHeight',
    'link',
    'goTo',
    'addNamedDestination',
  ];
  const missing = methods.filter((name) => typeof proto?.[name as keyof KitDocument] !== 'function');
  if (proto === undefined || missing.length > 0) {
    throw new PatchError(`pdfkit heeft geen PDFDocument met ${missing.join(', ')} meer`);
  }
  return proto as KitDocument;
}
