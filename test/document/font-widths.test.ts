import { createRequire } from 'node:module';
import {
  BOLD_WIDTHS,
  CHARACTERS,
  charWidth,
  REGULAR_WIDTHS,
  ROBOTO_MEDIUM_WIDTHS,
  ROBOTO_REGULAR_WIDTHS,
  robotoWidth,
} from '../../src/document/font-widths.js';
import { fontDir } from '../../src/writers/pdf/engine/fonts.js';

const require = createRequire(import.meta.url);
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
  openSync(path: string): { unitsPerEm: number; glyphForCodePoint(code: number): { advanceWidth: number } };
};

/** The widths in thousandths of an em of every character of CHARACTERS in one of the PDF's font files. */
function widths(file: string): number[] {
  const font = fontkit.openSync(`${fontDir}/${file}`);
  return [...CHARACTERS].map((c) =>
    Math.round((font.glyphForCodePoint(c.codePointAt(0)!).advanceWidth * 1000) / font.unitsPerEm),
  );
}

test('the Roboto widths are those of the font files the PDF embeds (Regular, and Medium for bold)', () => {
  expect(ROBOTO_REGULAR_WIDTHS).toEqual(widths('Roboto-Regular.ttf'));
  expect(ROBOTO_MEDIUM_WIDTHS).toEqual(widths('Roboto-Medium.ttf'));
});

test('Roboto Italic, of the fill-ins, is nowhere wider than Regular', () => {
  const italic = widths('Roboto-Italic.ttf');
  expect(italic.filter((width, i) => width > (ROBOTO_REGULAR_WIDTHS[i] ?? 0))).toEqual([]);
});

test('every character has its width from the tables, zero-width ones 0 and others an average 500, the first time and after', () => {
  const faces = [
    { width: charWidth, regular: REGULAR_WIDTHS, bold: BOLD_WIDTHS },
    { width: robotoWidth, regular: ROBOTO_REGULAR_WIDTHS, bold: ROBOTO_MEDIUM_WIDTHS },
  ];
  const listed = [...CHARACTERS];
  const expected = (char: string, table: readonly number[]) => {
    const index = listed.indexOf(char);
    if (index >= 0) return table[index];
    return /^[\u00ad\u200b-\u200f\u2060\ufeff]$/.test(char) ? 0 : 500;
  };
  const characters = [
    ...Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)),
    '😀',
    '\ud83d\ude00x',
  ];
  for (const { width, regular, bold } of faces) {
    for (let pass = 0; pass < 2; pass++) {
      const wrong = characters.filter(
        (char) => width(char, false) !== expected(char, regular) || width(char, true) !== expected(char, bold),
      );
      expect(wrong).toEqual([]);
    }
  }
  expect(charWidth('\u00ad', false)).toBe(333);
});
