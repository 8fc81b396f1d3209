import { patchDocument } from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import type { Inline } from '../../src/document/tree.js';
import { columnWidths } from '../../src/writers/docx/columns.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { TEXT_WIDTH } from '../../src/writers/docx/layout.js';
import { textWidth } from '../../src/writers/docx/measure.js';
import { estimatePages } from '../../src/writers/docx/pagination.js';
import { sampleTree } from '../fixtures/sample-tree.js';
import { largeTree } from '../support/docx-large-tree.js';
import { allThemesPlanTree } from '../support/docx-real-plan.js';
import { openDocx, tocPageNumbers } from '../support/docx-tools.js';

const t = (value: string): Inline[] => [{ type: 'text', value }];

/**
 * The page numbers the writer estimates from the tree (fast) against those of docx's own estimator, which lays out
 * every line as Word does (about a second for a plan): patchDocument writes them into the same file again.
 */
describe('estimated page numbers agree with docx’s layout of the pages (Word’s)', () => {
  test.each([
    ['the sample', () => sampleTree()],
    ['a plan of 9 pages', () => largeTree(6)],
    ['the largest real plan, of about 50 pages', allThemesPlanTree],
  ])('%s', async (_name, makeTree) => {
    const tree = await makeTree();
    const ours = await writeDocx(tree);
    const theirs = await patchDocument({
      outputType: 'uint8array',
      data: ours,
      patches: {},
      pageNumbers: estimatePageNumbers,
    });
    const toc = async (bytes: Uint8Array) => tocPageNumbers(await (await openDocx(bytes)).part('word/document.xml'));
    const [mine, word] = await Promise.all([toc(ours), toc(theirs)]);
    expect(mine.size).toBeGreaterThan(0);
    expect(mine).toEqual(word);
    // docx writes the number of pages it laid out into the footer's NUMPAGES field.
    const footer = await (await openDocx(theirs)).part('word/footer1.xml');
    const pages = footer.match(/NUMPAGES<\/w:instrText>.*?<w:t[^>]*>(\d+)</)?.[1];
    expect(String(estimatePages(tree).pageCount)).toBe(pages);
  });
});

describe('estimatePages', () => {
  test('counts the pages and where the headings of the table of contents start', () => {
    expect(estimatePages(sampleTree())).toEqual({ headingPages: [2, 2, 4], pageCount: 4 });
  });

  test('a larger plan of about 25 pages', () => {
    const estimate = estimatePages(largeTree(21));
    expect(estimate.pageCount).toBe(25);
    expect(estimate.headingPages).toHaveLength(3 + 2 * 21);
  });
});

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
