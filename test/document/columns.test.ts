import { createRequire } from 'node:module';
import { columnWidths, splitWhole } from '../../src/document/columns.js';
import type { Inline } from '../../src/document/tree.js';
import { textWidth } from '../../src/writers/docx/measure.js';
import { fontDir } from '../../src/writers/pdf/engine/fonts.js';

const require = createRequire(import.meta.url);
/** fontkit as pdfkit loads it, to measure words in the PDF's own font files. */
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
  openSync(path: string): { unitsPerEm: number; layout(text: string): { advanceWidth: number } };
};
const robotoWidth = (word: string, file: string, size: number): number => {
  const font = fontkit.openSync(`${fontDir}/${file}`);
  return (font.layout(word).advanceWidth / font.unitsPerEm) * size;
};

const t = (value: string): Inline[] => [{ type: 'text', value }];
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** The table the widths are worked out for (columns.ts): 453.5 pt, Arial 9 pt, 5 pt padding per side. */
const TABLE_WIDTH = 453.5;

describe('columnWidths', () => {
  test('fill the table, the longer content the wider', () => {
    const widths = columnWidths(
      [
        [t('Maatregel'), t('Eigenaar'), t('K')],
        [t('Een lange omschrijving van een maatregel'), t('functionaris'), t('K1')],
      ],
      3,
    );
    expect(sum(widths)).toBeCloseTo(1, 10);
    expect(widths[0]).toBeGreaterThan(widths[1] ?? 0);
    expect(widths[1]).toBeGreaterThan(widths[2] ?? 0);
  });

  test('keep the longest word of a column on one line in both writers: Arial 9 pt in DOCX, Roboto 9.5 pt in PDF', () => {
    const word = 'integriteitsfunctionaris';
    const [, header = 0] = columnWidths([[t('een woord '.repeat(30)), t(word)]], 2);
    const [, body = 0] = columnWidths(
      [
        [t('Toelichting'), t('Wie')],
        [t('een woord '.repeat(30)), t(word)],
      ],
      2,
    );
    // DOCX: 453.5 pt, 5 pt padding; PDF: 467.28 pt less three 0.5 pt borders, 5 pt padding.
    expect(header * TABLE_WIDTH - 10).toBeGreaterThanOrEqual(textWidth(word, true, 18) / 20);
    expect(body * TABLE_WIDTH - 10).toBeGreaterThanOrEqual(textWidth(word, false, 18) / 20);
    expect(header * 465.78 - 10).toBeGreaterThanOrEqual(robotoWidth(word, 'Roboto-Medium.ttf', 9.5));
    expect(body * 465.78 - 10).toBeGreaterThanOrEqual(robotoWidth(word, 'Roboto-Regular.ttf', 9.5));
  });

  test('give the rest of the width where it saves the most lines: the action plan', () => {
    const measure =
      'Zorg voor een ervaren vertrouwenspersoon integriteit en maak bekend waar medewerkers een vermoeden kunnen melden.';
    const rows = [
      [t('Nr.'), t('Maatregel'), t('Thema'), t('Eigenaar'), t('Kwartaal')],
      ...Array.from({ length: 10 }, (_, i) => [
        t(String(i + 1)),
        t(measure),
        t('Handhaving (hoofdstuk 4)'),
        t('griffier'),
        t('K1 2027'),
      ]),
    ];
    const [nr = 0, maatregel = 0, thema = 0, eigenaar = 0, kwartaal = 0] = columnWidths(rows, 5);
    expect(maatregel).toBeGreaterThan(thema + eigenaar);
    expect(Math.max(nr, thema, eigenaar, kwartaal)).toBeLessThan(0.25);
  });

  test('give short labels little and long descriptions much: the roles table', () => {
    const rows = [
      [t('Rol'), t('Bij Gemeente Voorbeeld'), t('Verantwoordelijkheid')],
      [
        t('integriteitsfunctionaris'),
        t('naam of afdeling'),
        t('Coördinatie van het integriteitsbeleid, advies en rapportage erover.'),
      ],
      [
        t('college van burgemeester en wethouders'),
        t('naam of afdeling'),
        t('Vaststellen en uitdragen van het integriteitsbeleid, als werkgever en als bestuur.'),
      ],
    ];
    const [role = 0, own = 0, task = 0] = columnWidths(rows, 3);
    expect(task).toBeGreaterThan(role);
    expect(task).toBeGreaterThan(own);
    expect(task).toBeGreaterThan(0.4);
  });

  test('share the width when the words alone are too wide', () => {
    const widths = columnWidths([Array.from({ length: 6 }, () => t('x'.repeat(40)))], 6);
    expect(sum(widths)).toBeCloseTo(1, 10);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(0.001);
  });

  test('measure a word bold in the header and regular in the body each in its own weight, again and again alike', () => {
    const word = 'integriteitsfunctionarissen';
    const other = t('een woord '.repeat(30));
    const bold = columnWidths([[other, t(word)]], 2);
    const regular = columnWidths(
      [
        [t('K'), t('K')],
        [other, t(word)],
      ],
      2,
    );
    // The header row is bold, and bold letters are wider.
    expect(bold[1]).toBeGreaterThan(regular[1] ?? Infinity);
    expect(columnWidths([[other, t(word)]], 2)).toEqual(bold);
    expect(
      columnWidths(
        [
          [t('K'), t('K')],
          [other, t(word)],
        ],
        2,
      ),
    ).toEqual(regular);
  });

  test('a table without columns has no widths', () => {
    expect(columnWidths([[]], 0)).toEqual([]);
  });
});

describe('splitWhole', () => {
  test('splits a length into whole units that add up to it, the widest taking the rest', () => {
    expect(splitWhole(9070, [0.5, 0.3, 0.2])).toEqual([4535, 2721, 1814]);
    expect(sum(splitWhole(9070, [1 / 3, 1 / 3, 1 / 3]))).toBe(9070);
  });
});
