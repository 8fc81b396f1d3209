import { MARKING } from '../structure.js';
import { layoutGeneration } from './font-reuse.js';
import { internalChanged, internalPrototype, isOwnDocument } from './internals.js';
import { LOOKED_UP } from './word-styles.js';

/**
 * Speed-up hook: pdfmake 0.3.11 measures every text of a document anew (TextInlines.buildInlines: break it into
 * words, copy the run's style onto each, look up their styles, measure each word), although most texts are the same
 * in every document of a process: the knowledge base's paragraphs, headings and table cells recur in every plan of
 * a batch, and many recur within one plan. This keeps, per text, the words pdfmake made of it and their widths, and
 * gives a later text that is measured alike copies of them.
 *
 * Measured alike: buildInlines reads nothing but the runs (their own properties) and, of the style stack, the values
 * of MEASURED_STYLES (the tests read that from pdfmake's source), and takes fonts and widths from the document's
 * font files. So the key is the runs' properties, those values and the font files; a text whose runs or values are
 * not plain (objects, named styles, references to other nodes) is measured as before. What differs between alike
 * texts is what their content is in the tagged PDF (MARKING, an object per run): each copied word gets that of its
 * own run, and its document's font. The fonts are provided in the order measuring would first ask for them, so they
 * get the same ids. Measuring shapes no word that was not shaped before in this process; when the shared shaping
 * starts over (font-reuse.ts's layoutGeneration) the kept texts are forgotten too, so words are shaped in the order a
 * cold start shapes them.
 */

/** The properties buildInlines looks up on the style stack (in TextBreaker.getBreaks, measure and itself). */
export const MEASURED_STYLES = [...Object.keys(LOOKED_UP), 'leadingIndent', 'wordBreak'] as const;

type Run = Record<string, unknown>;
type Word = Record<string, unknown>;

interface Font {
  readonly name?: unknown;
}

interface PdfDocument {
  fonts?: Record<string, Record<string, unknown> | undefined>;
  fontCache?: Record<string, Record<string, Font | undefined> | undefined>;
  provideFont(family: string, bold: boolean, italics: boolean): Font;
}

interface Measured {
  items: Word[];
  minWidth: number;
  maxWidth: number;
}

interface TextInlines {
  pdfDocument?: PdfDocument;
  buildInlines(textArray: unknown, styleContextStack: unknown): Measured;
}

/** What a text's measuring made, to copy: words without their fonts and markings, which belong to one document. */
interface Kept {
  words: Word[];
  /** Per word: the index into `fonts`. */
  fontOf: number[];
  /** Per word: the run whose marking it carries, or -1 for a word without one. */
  markingOf: number[];
  /** Per word: the copier of its shape (its property names, in order). */
  copiers: Copier[];
  /** The fonts the words use, as [family, bold, italics], in the order measuring first asked for them. */
  fonts: [string, boolean, boolean][];
  minWidth: number;
  maxWidth: number;
}

/** The font styles of pdfmake's PDFDocument.getFontType, as provideFont's bold and italics. */
export const FONT_TYPES: Record<string, [boolean, boolean]> = {
  normal: [false, false],
  bold: [true, false],
  italics: [false, true],
  bolditalics: [true, true],
};

/** Kept words before the texts start over, so a long-running process cannot grow without bound. */
const MAX_KEPT_WORDS = 200_000;

/**
 * Only a process that writes document after document keeps texts (rememberMeasuredTexts): in a single run, making
 * the keys and the copies cost more than measuring each text once saves (a cold all-themes PDF took ~0.4 s longer).
 */
let remembering = false;

/** Keep measured texts from here on: for a process that writes many documents, such as a batch worker. */
export function rememberMeasuredTexts(): void {
  remembering = true;
}

const kept = new Map<string, Kept>();
let keptWords = 0;
let keptGeneration = -1;

/** A plain value as a key part that no other value shares (JSON.stringify loses undefined, -0 and NaN). */
function valueKey(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return `s${value.length}:${value}`;
    case 'number':
      return Object.is(value, -0) ? 'n-0' : `n${value}`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return 'u';
    default:
      return value === null ? 'z' : undefined;
  }
}

/** pdfmake's StyleContextStack: named styles and style objects, the last one pushed first in line. */
export interface StyleStack {
  styleOverrides?: unknown[];
  styleDictionary?: Record<string, Record<string, unknown> | undefined>;
  defaultStyle?: Record<string, unknown>;
}

const isValue = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * The values of MEASURED_STYLES on a stack, as StyleContextStack.getStyleProperty({}, stack, property, undefined)
 * gives each, in one walk down the stack instead of one per property; undefined for a stack not of that form. A
 * named style is searched as getProperty searches it (itself, then what it extends, the last first, each style
 * once), and that order is the same for every property, so each gets the value getProperty finds first.
 */
export function resolveStyles(stack: StyleStack): unknown[] | undefined {
  const { styleOverrides, styleDictionary, defaultStyle } = stack;
  if (!Array.isArray(styleOverrides) || typeof styleDictionary !== 'object' || styleDictionary === null) {
    return undefined;
  }
  const values: unknown[] = MEASURED_STYLES.map(() => undefined);
  let missing = values.length;
  const take = (source: Record<string, unknown>) => {
    for (let index = 0; index < values.length; index++) {
      if (values[index] !== undefined) continue;
      const value = source[MEASURED_STYLES[index]!];
      if (isValue(value)) {
        values[index] = value;
        missing--;
      }
    }
  };
  const visit = (name: string, visited: Set<string>): boolean => {
    if (visited.has(name)) return true;
    visited.add(name);
    const style = styleDictionary[name];
    if (!style) return true;
    if (typeof style !== 'object') return false;
    take(style);
    if (!style.extends) return true;
    const parents = Array.isArray(style.extends) ? (style.extends as unknown[]) : [style.extends];
    for (let index = parents.length - 1; index >= 0 && missing > 0; index--) {
      const parent = parents[index];
      if (typeof parent !== 'string' || !visit(parent, visited)) return false;
    }
    return true;
  };
  for (let index = styleOverrides.length - 1; index >= 0 && missing > 0; index--) {
    const item = styleOverrides[index];
    if (typeof item === 'string') {
      if (!visit(item, new Set())) return undefined;
    } else if (typeof item === 'object' && item !== null && !(item instanceof String)) {
      take(item as Record<string, unknown>);
    } else {
      return undefined;
    }
  }
  if (missing > 0 && defaultStyle) take(defaultStyle);
  return values;
}

/** The font files of a document, as a key part; undefined when they are not plain file names. */
const fontKeys = new WeakMap<object, string | null>();

function fontKey(document: PdfDocument): string | undefined {
  let key = fontKeys.get(document);
  if (key === undefined) {
    const parts: string[] = [];
    for (const [family, files] of Object.entries(document.fonts ?? {})) {
      for (const [type, file] of Object.entries(files ?? {})) {
        const part = valueKey(file);
        if (part === undefined || file === undefined || file === null) {
          parts.length = 0;
          break;
        }
        parts.push(`${JSON.stringify(family)}.${type}=${part}`);
      }
    }
    key = parts.length > 0 ? parts.join(',') : null;
    fontKeys.set(document, key);
  }
  return key ?? undefined;
}

/**
 * The key of a text measured on a stack, or undefined when it is not one the hook keeps: runs that are strings or
 * objects of plain values (besides their marking), without named styles, on a stack whose values are plain.
 */
export function textKey(
  textArray: unknown,
  stack: StyleStack,
  fonts: string,
): { key: string; runs: (string | Run)[] } | undefined {
  const runs = Array.isArray(textArray) ? (textArray as unknown[]) : [textArray];
  const resolved = resolveStyles(stack);
  if (resolved === undefined) return undefined;
  const parts: string[] = [fonts];
  for (const value of resolved) {
    const part = valueKey(value);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  for (const run of runs) {
    if (typeof run === 'string') {
      parts.push(`|${valueKey(run)}`);
      continue;
    }
    if (typeof run !== 'object' || run === null || Array.isArray(run)) return undefined;
    const record = run as Run;
    if (typeof record.text !== 'string' || 'style' in record) return undefined;
    parts.push('{');
    for (const name of Object.keys(record)) {
      if (name === MARKING) {
        parts.push(`${MARKING}:${typeof record[name] === 'object' && record[name] !== null ? 'o' : 'x'}`);
        continue;
      }
      const part = valueKey(record[name]);
      if (part === undefined) return undefined;
      parts.push(`${name.length}${name}=${part}`);
    }
  }
  return { key: parts.join('\u0000'), runs: runs as (string | Run)[] };
}

/** Marks each run's words with a stand-in for its marking, to learn which run a word came from. */
class RunMark {
  constructor(readonly index: number) {}
}

/**
 * Measures a text with pdfmake, noting for each word its run (by giving the runs stand-in markings while pdfmake
 * copies them, and putting back the real ones) and its font; the Kept is undefined when a word is not as expected.
 */
function measureAndKeep(
  measure: () => Measured,
  runs: (string | Run)[],
  document: PdfDocument,
): [Measured, Kept | undefined] {
  const markings = runs.map((run) => (typeof run === 'object' && MARKING in run ? run[MARKING] : undefined));
  runs.forEach((run, index) => {
    if (typeof run === 'object' && MARKING in run) run[MARKING] = new RunMark(index);
  });
  let measured: Measured;
  try {
    measured = measure();
  } finally {
    runs.forEach((run, index) => {
      if (typeof run === 'object' && MARKING in run) run[MARKING] = markings[index];
    });
  }
  let faithful = Array.isArray(measured.items);
  const markingOf: number[] = [];
  for (const word of faithful ? measured.items : []) {
    const mark = MARKING in word ? word[MARKING] : undefined;
    if (mark instanceof RunMark) {
      word[MARKING] = markings[mark.index];
      markingOf.push(mark.index);
    } else {
      faithful &&= mark === undefined && !(MARKING in word);
      markingOf.push(-1);
    }
  }
  if (!faithful) return [measured, undefined];
  const fonts: [string, boolean, boolean][] = [];
  const fontIndex = new Map<unknown, number>();
  const fontOf: number[] = [];
  for (const word of measured.items) {
    let index = fontIndex.get(word.font);
    if (index === undefined) {
      const found = fontStyle(document, word.font);
      if (found === undefined) return [measured, undefined];
      index = fonts.push(found) - 1;
      fontIndex.set(word.font, index);
    }
    fontOf.push(index);
  }
  const words: Word[] = [];
  for (const word of measured.items) {
    const template = { ...word };
    template.font = undefined;
    if (MARKING in template) template[MARKING] = undefined;
    // Only plain values may be shared between the copies: every other one belongs to one document.
    if (!Object.values(template).every((value) => valueKey(value) !== undefined)) return [measured, undefined];
    words.push(template);
  }
  return [
    measured,
    {
      words,
      copiers: words.map(copierOf),
      fontOf,
      markingOf,
      fonts,
      minWidth: measured.minWidth,
      maxWidth: measured.maxWidth,
    },
  ];
}

/** The family and style under which a document provided a font (its fontCache), as provideFont's arguments. */
function fontStyle(document: PdfDocument, font: unknown): [string, boolean, boolean] | undefined {
  for (const [family, types] of Object.entries(document.fontCache ?? {})) {
    for (const [type, cached] of Object.entries(types ?? {})) {
      const style = FONT_TYPES[type];
      if (cached === font && style !== undefined) return [family, style[0], style[1]];
    }
  }
  return undefined;
}

/** Makes a new word with a kept word's properties, in its order, and the given font and marking. */
type Copier = (kept: Word, font: Font, marking: unknown) => Word;

/** One copier per shape of kept word (its property names, in order). */
const copiers = new Map<string, Copier>();
const MAX_SHAPES = 1000;

/**
 * The copier of a word's shape. A copy is built property by property, as pdfmake builds a word, not with an object
 * spread: words made like that are laid out and drawn faster later (measured: a spread's copies made the whole PDF
 * slower than measuring anew). A function made for the shape does that with named stores, which V8 makes fast; a
 * loop over the names (`word[name] = kept[name]`) took ~60 ms a plan in a warm all-themes PDF.
 */
function copierOf(word: Word): Copier {
  const names = Object.keys(word);
  const shape = names.join('\u0000');
  const known = copiers.get(shape);
  if (known !== undefined) return known;
  const stores = names.map((name) => {
    const key = JSON.stringify(name);
    const value = name === 'font' ? 'font' : name === MARKING ? 'marking' : `kept[${key}]`;
    return `word[${key}] = ${value};`;
  });
  // A kept word has a marking property only if it carries its run's (markingOf), which the copy gets.
  const made = new Function(
    'kept',
    'font',
    'marking',
    `const word = {};\n${stores.join('\n')}\nreturn word;`,
  ) as Copier;
  if (copiers.size < MAX_SHAPES) copiers.set(shape, made);
  return made;
}

/** Copies of the kept words for a text of this document, given its fonts and its runs' markings. */
function copy(entry: Kept, fonts: Font[], runs: (string | Run)[]): Measured {
  const { words, copiers, fontOf, markingOf } = entry;
  const items: Word[] = [];
  for (let index = 0; index < words.length; index++) {
    const run = markingOf[index]!;
    const marking = run >= 0 ? (runs[run] as Run)[MARKING] : undefined;
    items.push(copiers[index]!(words[index]!, fonts[fontOf[index]!]!, marking));
  }
  return { items, minWidth: entry.minWidth, maxWidth: entry.maxWidth };
}

let installed = false;

/** Installs the hook once per process, for this writer's documents (isOwnDocument). */
export function installMeasuredTexts(): void {
  if (installed) return;
  const proto = internalPrototype<TextInlines>('TextInlines.js', ['buildInlines', 'measure']);
  const original = proto.buildInlines;
  proto.buildInlines = function buildInlines(this: TextInlines, textArray, styleContextStack) {
    if (!remembering) return original.call(this, textArray, styleContextStack);
    const document = this.pdfDocument;
    const fonts = document && isOwnDocument(document) ? fontKey(document) : undefined;
    if (fonts === undefined) return original.call(this, textArray, styleContextStack);
    const stack = styleContextStack as StyleStack | undefined;
    if (!Array.isArray(stack?.styleOverrides) || typeof stack.styleDictionary !== 'object') {
      throw internalChanged("pdfmake's StyleContextStack.styleOverrides and styleDictionary");
    }
    const text = textKey(textArray, stack, fonts);
    if (document === undefined || text === undefined) return original.call(this, textArray, styleContextStack);
    if (keptGeneration !== layoutGeneration() || keptWords > MAX_KEPT_WORDS) {
      kept.clear();
      keptWords = 0;
      keptGeneration = layoutGeneration();
    }
    const entry = kept.get(text.key);
    if (entry !== undefined) {
      // In the order measuring would first ask for them; a font provided for the first time may start its layouts
      // over, and then the words are measured (and shaped) as on a cold start.
      const fonts = entry.fonts.map(([family, bold, italics]) => document.provideFont(family, bold, italics));
      if (keptGeneration === layoutGeneration()) return copy(entry, fonts, text.runs);
    }
    const [measured, made] = measureAndKeep(
      () => original.call(this, textArray, styleContextStack),
      text.runs,
      document,
    );
    if (made !== undefined) {
      kept.set(text.key, made);
      keptWords += made.words.length;
    }
    return measured;
  };
  installed = true;
}
