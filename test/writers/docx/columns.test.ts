import type { Inline } from '../../../src/document/tree.js';
import { columnWidths } from '../../../src/writers/docx/columns.js';
import { TEXT_WIDTH } from '../../../src/writers/docx/layout.js';
import { textWidth } from '../../../src/writers/docx/measure.js';

const t = (value: string): Inline[] => [{ type: 'text', value }];

describe('columnWidths', () => {
  test('fill the text width, in proportion to the content', () => {
    const widths = columnWidths(
      [
        [t('Maatregel'), t('Eigenaar'), t('K')],
        [t('Een lange omschrijving van een maatregel'), t('functionaris'), t('K1')],
      ],
      3,
    );
    expect(widths.reduce((a, b) => a + b)).toBe(TEXT_WIDTH);
    expect(widths[0]).toBeGreaterThan(widths[1] ?? 0);
    expect(widths[1]).toBeGreaterThan(widths[2] ?? 0);
  });

  test('keep the longest word of a column on one line', () => {
    const widths = columnWidths([[t('een woord '.repeat(30)), t('integriteitsfunctionaris')]], 2);
    expect(widths[1]).toBeGreaterThanOrEqual(textWidth('integriteitsfunctionaris', true, 20) + 200);
    expect(widths.reduce((a, b) => a + b)).toBe(TEXT_WIDTH);
  });

  test('share the width when the words alone are too wide', () => {
    const widths = columnWidths([Array.from({ length: 6 }, () => t('x'.repeat(40)))], 6);
    expect(widths.reduce((a, b) => a + b)).toBe(TEXT_WIDTH);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(5);
  });
});
