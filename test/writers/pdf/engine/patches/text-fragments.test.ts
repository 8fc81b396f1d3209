import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadFontFiles } from '../../../../../src/writers/pdf/engine/fonts.js';
import { registerOwnFonts } from '../../../../../src/writers/pdf/engine/patches/internals.js';
import {
  LEFT_TO_PDFKIT,
  documentPrototype,
  installTextFragments,
} from '../../../../../src/writers/pdf/engine/patches/text-fragments.js';
import { pdfBytes, pdfmakeDocument } from './pdfmake-parts.js';
import { reliesOn } from './relies-on.js';

/**
 * The internals of pdfkit that the text fragments patch (text-fragments.ts) relies on, and that words drawn with it
 * give the document the bytes and the state they give it without it.
 */
const require = createRequire(import.meta.url);
const pdfkitSource = readFileSync(
  join(dirname(createRequire(require.resolve('pdfmake/package.json')).resolve('pdfkit')), 'pdfkit.js'),
  'utf8',
);

/** The body of one of pdfkit's mixin methods, from its signature to the line closing it. */
function body(signature: string): string {
  const start = pdfkitSource.indexOf(`  ${signature} {`);
  reliesOn(`pdfkit's ${signature}`, start >= 0);
  return pdfkitSource.slice(start, pdfkitSource.indexOf('\n  },\n', start));
}

test('every option text() reads on the way to _fragment is one the patch draws as pdfkit does, or leaves to pdfkit', () => {
  const read = new Set<string>();
  for (const signature of [
    '_text(text, x, y, options, lineCallback)',
    '_initOptions(x = {}, y, options = {})',
    '_line(text, options = {}, wrapper)',
    '_fragment(text, x, y, options)',
    'widthOfString(string, options = {})',
  ]) {
    for (const [, option] of body(signature).matchAll(/(?:options|result)\.(\w+)/g)) read.add(option!);
  }
  // Drawn as _fragment draws them; and read only for a wrapped text (width), a structure parent or a wrapper.
  const handled = ['lineBreak', 'characterSpacing', 'textWidth', 'wordCount', 'link', 'goTo', 'destination'];
  const unusedWithoutWidth = ['align', 'lineWidth', 'lineGap', 'columns', 'columnGap', 'structType'];
  const known = new Set<string>([...LEFT_TO_PDFKIT, ...handled, ...unusedWithoutWidth]);
  expect([...read].filter((option) => !known.has(option))).toEqual([]);
  reliesOn(
    'text() drawing through _text, _line and _fragment',
    body('text(text, x, y, options)').includes('this._line'),
  );
  reliesOn('_line drawing with _fragment', body('_line(text, options = {}, wrapper)').includes('this._fragment('));
});

interface Font {
  id: string;
}
interface Doc {
  x: number;
  y: number;
  _font: Font;
  _ctm: number[];
  _ctmStack: number[][];
  addPage(): void;
  provideFont(family: string, bold: boolean, italics: boolean): Font;
  fontSize(size: number): void;
  fill(color: string): void;
  strokeColor(color: string): void;
  text(text: string, x: number, y: number, options: object): Doc;
  end(): void;
  on(event: string, listener: (data?: Buffer) => void): void;
}

/** Words as pdfmake's Renderer.renderLine draws them, and some that go pdfkit's own way, with the state after each. */
async function drawn(): Promise<{ bytes: string; states: unknown[] }> {
  // A fixed creation date, which the document's ID is made from.
  const doc = pdfmakeDocument<Doc>({ compress: false, info: { CreationDate: new Date(Date.UTC(2027, 0, 1)) } });
  doc.addPage();
  const plain = { lineBreak: false, characterSpacing: 0, wordCount: 1, link: null };
  const words: [string, boolean, number, string, object][] = [
    ['Integriteit', false, 10.5, '#1a1a1a', {}],
    ['To Wa AV kerning, één', true, 12, 'black', {}],
    ['combining e\u0301 and i\u0308', false, 9, '#abc', {}],
    ['spaced', false, 10, '#1a1a1a', { characterSpacing: 0.5 }],
    ['a link', true, 10, '#004c8c', { link: 'https://example.org/' }],
    ['4', false, 10, '#1a1a1a', { goTo: '1-inleiding' }],
    ['Inleiding', true, 14, '#1a1a1a', { destination: '1-inleiding' }],
    ['two\nlines', false, 10, 'red', {}],
    ['underlined', false, 10, '#1a1a1a', { underline: true }],
    ['wrapped words in a column', false, 10, '#1a1a1a', { lineBreak: true, width: 50 }],
  ];
  const states: unknown[] = [];
  for (const [index, [text, bold, size, color, options]] of words.entries()) {
    doc.fill(color);
    doc.strokeColor(color);
    doc._font = doc.provideFont('Roboto', bold, false);
    doc.fontSize(size);
    const width = text.length * size * 0.5;
    doc.text(text, 40 + index * 3.3, 700 - index * 17.25, { ...plain, textWidth: width, ...options });
    states.push([doc.x, doc.y, [...doc._ctm], doc._ctmStack.length]);
  }
  return { bytes: await pdfBytes(doc), states };
}

test('words have the same bytes and leave the same state with the patch as without it', async () => {
  installTextFragments();
  // Counts the words that go through pdfkit's own _fragment.
  const proto = documentPrototype() as unknown as { _fragment(...args: unknown[]): unknown };
  const fragment = proto._fragment;
  let fragments = 0;
  proto._fragment = function (...args) {
    fragments++;
    return fragment.apply(this, args);
  };
  // Not yet one of this writer's documents: pdfkit's own text().
  const before = await drawn();
  const own = fragments;
  registerOwnFonts(Object.values(loadFontFiles().names));
  fragments = 0;
  const after = await drawn();
  proto._fragment = fragment;
  // The seven words pdfmake would draw take the patch's way; the rest (a line break, an underline, a wrapped text)
  // pdfkit's.
  expect(fragments).toBe(own - 7);
  expect(after.states).toEqual(before.states);
  expect(after.bytes).toBe(before.bytes);
  expect(after.bytes).toContain('] TJ');
  expect(after.bytes).toContain('/Link');
});
