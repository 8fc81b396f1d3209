import { charWidth } from '../../../src/document/font-widths.js';
import { countLines, textWidth } from '../../../src/writers/docx/measure.js';

/** Texts with what indexing by code unit could get wrong: surrogate pairs, lone halves, line breaks. */
const texts = [
  'Een integriteitsbeleid dat werkt – met één gedragscode.',
  'emoji 😀 en 😀😀, Hebreeuws שלום',
  'een losse \ud83d helft en \ude00 de andere, en aan het eind \ud83d',
  'regel één\nregel twee met een-koppelteken',
  '',
];

test('textWidth adds up the characters of a text as a string iterates them', () => {
  for (const text of texts) {
    for (const bold of [false, true]) {
      const reference = ([...text].reduce((sum, char) => sum + charWidth(char, bold), 0) * 22) / 100;
      expect(textWidth(text, bold, 22)).toBe(reference);
    }
  }
  expect(textWidth('😀', false, 100)).toBe(charWidth('😀', false));
});

test('countLines wraps a text of surrogate pairs as one of other characters as wide', () => {
  // An astral character counts as one (unlisted) character, as wide as a lowercase letter: like "x".
  const wide = (text: string) => countLines([{ text, bold: false }], 3000, 22);
  for (const text of texts) expect(wide(text)).toBe(wide(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, 'x')));
  // Forty in a row fill two lines of 27 such characters; as eighty halves they would fill three.
  expect(wide('😀'.repeat(40))).toBe(2);
  expect(wide('😀'.repeat(40))).toBe(wide('x'.repeat(40)));
});
