import { createRequire } from 'node:module';
import { CHARACTERS, ROBOTO_MEDIUM_WIDTHS, ROBOTO_REGULAR_WIDTHS } from '../../src/document/font-widths.js';
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
