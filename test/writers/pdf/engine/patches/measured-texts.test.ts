import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadFontFiles } from '../../../../../src/writers/pdf/engine/fonts.js';
import { clearFontReuse } from '../../../../../src/writers/pdf/engine/patches/font-reuse.js';
import { registerOwnFonts } from '../../../../../src/writers/pdf/engine/patches/internals.js';
import {
  FONT_TYPES,
  installMeasuredTexts,
  rememberMeasuredTexts,
  MEASURED_STYLES,
  resolveStyles,
  type StyleStack,
} from '../../../../../src/writers/pdf/engine/patches/measured-texts.js';
import { MARKING } from '../../../../../src/writers/pdf/engine/structure.js';
import { pdfmakeDocument, pdfmakeModule } from './pdfmake-parts.js';
import { reliesOn } from './relies-on.js';

/**
 * The internals of pdfmake that the measured texts patch (measured-texts.ts) relies on, and that a text measured
 * from what was kept gets the words measuring it anew gives. That a document keeps its bytes is pdf.test.ts's (the
 * same tree again, after another document and from a cold start) and the snapshots'.
 */
const require = createRequire(import.meta.url);
const source = (file: string) =>
  readFileSync(join(dirname(require.resolve('pdfmake/package.json')), 'js', file), 'utf8');

type Word = Record<string, unknown>;
interface Stack extends StyleStack {
  push(item: unknown): void;
}
interface StackClass {
  new (styles: object, defaultStyle?: object): Stack;
  getStyleProperty(item: object, stack: Stack, property: string, defaultValue: unknown): unknown;
}
interface Measured {
  items: Word[];
  minWidth: number;
  maxWidth: number;
}
interface TextInlines {
  buildInlines(text: unknown, stack: Stack): Measured;
  measure(array: Word[], stack: Stack | null): Word[];
}
interface Doc {
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(family: string, bold: boolean, italics: boolean): { id: string };
}

/** The body of a method in pdfmake's source, from its first line to the first line closing it. */
function body(file: string, signature: string): string {
  const text = source(file);
  const start = text.indexOf(`  ${signature} {`);
  reliesOn(`${file}: ${signature}`, start >= 0);
  return text.slice(start, text.indexOf('\n  }\n', start));
}

test('buildInlines reads of the style stack only MEASURED_STYLES, through getStyleProperty', () => {
  const bodies = [
    body('TextInlines.js', 'buildInlines(textArray, styleContextStack)'),
    body('TextInlines.js', 'measure(array, styleContextStack)'),
    body('TextBreaker.js', 'getBreaks(texts, styleContextStack)'),
  ];
  for (const text of bodies) {
    const looked = [...text.matchAll(/getStyleProperty\([^,]+, styleContextStack, '(\w+)'/g)].map((m) => m[1]!);
    const used = [...text.matchAll(/styleContextStack\b/g)].length;
    const passed = [...text.matchAll(/[(,] ?styleContextStack[,)]/g)].length;
    reliesOn(
      `pdfmake looking up ${looked.join(', ')} while measuring a text`,
      looked.length > 0 && looked.every((property) => (MEASURED_STYLES as readonly string[]).includes(property)),
    );
    reliesOn('pdfmake passing the style stack on only as an argument while measuring a text', used === passed);
  }
  const build = bodies[0]!;
  reliesOn(
    'TextInlines.buildInlines breaking with TextBreaker.getBreaks and measuring with this.measure',
    build.includes('textBreaker.getBreaks(flattenedTextArray, styleContextStack)') &&
      build.includes('this.measure(brokenText, styleContextStack)'),
  );
  reliesOn(
    'TextInlines.measure using of the document only provideFont',
    [...bodies[1]!.matchAll(/this\.pdfDocument\.(\w+)/g)].every((m) => m[1] === 'provideFont'),
  );
  reliesOn(
    'TextBreaker.getBreaks copying a run’s properties onto each of its words (copyStyle)',
    bodies[2]!.includes('copyStyle(style, result)'),
  );
});

test('resolveStyles gives each property getStyleProperty’s value, on a stack of named styles and objects', () => {
  const Stack = pdfmakeModule<StackClass>('StyleContextStack.js');
  const styles = {
    kop: { fontSize: 17, extends: ['basis', 'accent'] },
    basis: { color: 'black', lineHeight: 1.2, extends: 'kop', font: null },
    accent: { color: '#1b3a5c', bold: true },
    leeg: {},
  };
  const stack = new Stack(styles, { font: 'Roboto', fontSize: 10.5, opacity: null });
  for (const item of ['onbekend', { alignment: 'justify', color: null }, 'kop', { fontSize: 9 }, 'leeg']) {
    stack.push(item);
  }
  reliesOn(
    'StyleContextStack.styleOverrides, styleDictionary and defaultStyle, as pushed and made',
    Array.isArray(stack.styleOverrides) && stack.styleOverrides.length === 5 && stack.styleDictionary === styles,
  );
  const expected = MEASURED_STYLES.map((property) => Stack.getStyleProperty({}, stack, property, undefined));
  expect(resolveStyles(stack)).toEqual(expected);
  expect(expected.slice(0, 8)).toEqual(['Roboto', true, undefined, 'justify', 9, undefined, undefined, '#1b3a5c']);
});

test('FONT_TYPES are the styles of PDFDocument.getFontType', () => {
  const doc = pdfmakeDocument<Doc>();
  for (const [type, [bold, italics]] of Object.entries(FONT_TYPES)) {
    reliesOn(`PDFDocument.getFontType(${bold}, ${italics}) being ${type}`, doc.getFontType(bold, italics) === type);
  }
});

describe('a text measured alike again', () => {
  const Stack = pdfmakeModule<StackClass>('StyleContextStack.js');
  const TextInlines = pdfmakeModule<new (doc: unknown) => TextInlines>('TextInlines.js');
  registerOwnFonts(Object.values(loadFontFiles().names));
  installMeasuredTexts();

  const stack = (fontSize = 10.5) => {
    const made = new Stack({ kop: { bold: true } }, { font: 'Roboto', fontSize, lineHeight: 1.2 });
    made.push('kop');
    return made;
  };
  const runs = (first: object, second: object) => [
    { text: 'Een integriteitsbeleid dat ', italics: true, [MARKING]: first },
    { text: 'werkt, met medewerkers\nsamen.', bold: false, [MARKING]: second },
  ];
  /** Measures with a count of pdfmake's own measuring. */
  function measuring(doc: unknown) {
    const inlines = new TextInlines(doc);
    const measure = inlines.measure;
    let measured = 0;
    inlines.measure = function (array, styles) {
      measured++;
      return measure.call(this, array, styles);
    };
    return { build: (text: unknown, on: Stack) => inlines.buildInlines(text, on), measured: () => measured };
  }
  const withoutFont = (words: Word[]) => words.map((word) => Object.entries({ ...word, font: undefined }));

  // First, as in a single run: nothing is kept until a process asks for it.
  it('is measured anew every time until the process asks to remember texts', () => {
    clearFontReuse();
    const { build, measured } = measuring(pdfmakeDocument<Doc>());
    build(runs({}, {}), stack());
    build(runs({}, {}), stack());
    expect(measured()).toBe(2);
    rememberMeasuredTexts();
    build(runs({}, {}), stack());
    build(runs({}, {}), stack());
    expect(measured()).toBe(3);
  });

  it('gets copies of the words, with its own runs’ markings and its document’s fonts, in the same order', () => {
    clearFontReuse();
    const doc = pdfmakeDocument<Doc>();
    const { build, measured } = measuring(doc);
    const [a, b, c, d] = [{ a: 1 }, { b: 2 }, { c: 3 }, { d: 4 }];
    const firstRuns = runs(a, b);
    const first = build(firstRuns, stack());
    reliesOn('pdfmake measuring a new text', measured() === 1);
    expect(firstRuns.map((run) => run[MARKING])).toEqual([a, b]);
    const runOf = (words: Word[], markings: object[]) => words.map((word) => markings.indexOf(word[MARKING] as object));
    expect(runOf(first.items, [a, b])).toEqual([0, 0, 0, 1, 1, 1, 1]);
    const again = build(runs(c, d), stack());
    expect(measured()).toBe(1);
    expect(runOf(again.items, [c, d])).toEqual([0, 0, 0, 1, 1, 1, 1]);
    const swapped = (words: Word[]) => withoutFont(words).map((entries) => entries.filter(([k]) => k !== MARKING));
    expect(swapped(again.items)).toEqual(swapped(first.items));
    expect(again.items.map((word) => word.font)).toEqual(first.items.map((word) => word.font));
    expect(again.items[0]).not.toBe(first.items[0]);
    expect([again.minWidth, again.maxWidth]).toEqual([first.minWidth, first.maxWidth]);

    // In another document: its own fonts, numbered as measuring anew would number them.
    const other = pdfmakeDocument<Doc>();
    const copied = measuring(other).build(runs(a, b), stack());
    expect(copied.items.map((word) => (word.font as { id: string }).id)).toEqual(
      first.items.map((word) => (word.font as { id: string }).id),
    );
    expect(copied.items[0]!.font).toBe(other.provideFont('Roboto', true, true));
  });

  it('is measured anew on a stack with other values, with other runs, or after the shaping started over', () => {
    clearFontReuse();
    const { build, measured } = measuring(pdfmakeDocument<Doc>());
    const first = build(runs({}, {}), stack());
    const larger = build(runs({}, {}), stack(12));
    expect(measured()).toBe(2);
    expect(larger.maxWidth).toBeGreaterThan(first.maxWidth);
    build([{ text: 'Een integriteitsbeleid dat ', italics: false }], stack());
    build([{ text: 'Een integriteitsbeleid dat ', italics: true, style: 'kop' }], stack());
    expect(measured()).toBe(4);
    build(runs({}, {}), stack());
    expect(measured()).toBe(4);
    clearFontReuse();
    const anew = build(runs({}, {}), stack());
    expect(measured()).toBe(5);
    expect(withoutFont(anew.items)).toEqual(withoutFont(first.items));
  });
});
