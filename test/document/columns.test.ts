import { createRequire } from 'node:module';
import { columnWidths, splitWhole } from '../../src/document/columns.js';
import type { Inline } from '../../src/document/tree.js';
import { textWidth } from '../../src/writers/docx/measure.js';
import { fontDir } from '../../src/writers/pdf/engine/fonts.js';
import { referenceColumnWidths } from './columns-reference.js';

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

describe('columnWidths decides exactly the widths it decided before measuring each cell in one pass', () => {
  /** A small deterministic generator (mulberry32), so a failure can be repeated. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let x = Math.imul(state ^ (state >>> 15), 1 | state);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }
  // Words with what splits them or is measured apart: spaces of every kind, slashes, hyphens and dashes, characters
  // outside the tables, zero-width ones, characters of two code units and a lone one, line breaks inside the text.
  const WORDS = [
    'integriteitsbeleid',
    'en',
    'de',
    'vertrouwenspersoon',
    'Wet',
    'bibob',
    'raads-/commissieleden',
    'ja/nee',
    'nevenfuncties–register',
    'één',
    'naïeve',
    '2027',
    'Q1',
    'x'.repeat(60),
    'A\u00a0B',
    'C\u2003D',
    'af\u00adbreek',
    'zon\u200bder',
    'ℕ',
    '😀',
    '\ud800',
    'regel\neen',
    '\t',
    '  ',
    'Ω≈ç',
  ];
  function cell(next: () => number): Inline[] {
    const pick = () => WORDS[Math.floor(next() * WORDS.length)]!;
    const words = () => Array.from({ length: 1 + Math.floor(next() * 12) }, pick).join(' ');
    const inlines: Inline[] = [];
    for (let i = Math.floor(next() * 4); i >= 0; i--) {
      const kind = next();
      if (kind < 0.55) inlines.push({ type: 'text', value: words() });
      else if (kind < 0.7) inlines.push({ type: 'strong', children: [{ type: 'text', value: words() }] });
      else if (kind < 0.8) inlines.push({ type: 'emphasis', children: [{ type: 'text', value: words() }] });
      else if (kind < 0.9) inlines.push({ type: 'lineBreak' });
      else inlines.push({ type: 'text', value: '' });
    }
    return inlines;
  }

  test('on a thousand tables of every shape', () => {
    const next = random(14);
    for (let table = 0; table < 1000; table++) {
      const columns = Math.floor(next() * 7);
      const rows = Array.from({ length: 1 + Math.floor(next() * 9) }, () =>
        // Some rows shorter than the table.
        Array.from({ length: Math.max(0, columns - (next() < 0.2 ? 1 : 0)) }, () => cell(next)),
      );
      const expected = referenceColumnWidths(rows, columns);
      expect({ table, widths: columnWidths(rows, columns) }).toEqual({ table, widths: expected });
      // The second time from the widths kept, as a copy of its own.
      const again = columnWidths(rows, columns);
      expect(again).toEqual(expected);
      again.fill(0);
      expect(columnWidths(rows, columns)).toEqual(expected);
    }
  });
});
