import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeDocument } from '../../../src/document/normalize.js';
import type { SourceBlock } from '../../../src/document/source.js';
import type { Inline } from '../../../src/document/tree.js';
import { markdownToDocument } from '../../../src/markdown/to-document.js';
import { packageRoot } from '../../../src/paths.js';
import { runInProcess } from '../../support/cli.js';
import { exampleRuns } from '../../support/examples.js';
import { layoutFaults } from '../../support/pdf-layout.js';
import { sampleMeta } from '../../fixtures/sample-tree.js';
import { checkedPdf, pdfFile, popplerAvailable } from '../../support/pdf-tools.js';
import { requireTools, withTempDir } from '../../support/tools.js';

/**
 * Every page of every example document, as a typesetter would look at them: no near-blank pages, no table that
 * starts with fewer than two rows at the foot of a page, no row split over pages, no heading at the foot of a page.
 */
const withTools = popplerAvailable() && requireTools('qpdf') ? describe : describe.skip;

withTools('the pages of the example documents', () => {
  test.each(exampleRuns().map((run) => [run.name, run.args] as const))('%s', async (_name, args) => {
    await withTempDir(async (dir) => {
      const result = await runInProcess(['genereer', ...args, '--uitvoer', dir, '--formaten', 'pdf,md'], packageRoot);
      expect(result.code).toBe(0);
      const faults: Record<string, string[]> = {};
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.pdf'))) {
        const markdown = readFileSync(join(dir, file.replace(/\.pdf$/, '.md')), 'utf8');
        const found = await layoutFaults(join(dir, file), markdownToDocument(markdown, file));
        if (found.length > 0) faults[file] = found;
      }
      expect(faults).toEqual({});
    });
  });
});

/** That the check finds what it looks for: documents the writer cannot lay out without such a fault. */
withTools('layoutFaults', () => {
  const t = (value: string): Inline => ({ type: 'text', value });
  const lines = (prefix: string, count: number): Inline[] =>
    Array.from({ length: count }, (_, i) => [t(`${prefix} ${i + 1}`), { type: 'lineBreak' } as Inline]).flat();
  const faultsOf = async (children: SourceBlock[]): Promise<string[]> => {
    const tree = normalizeDocument({ meta: sampleMeta(), children }, 'layout');
    const file = await pdfFile(await checkedPdf(tree));
    try {
      return await layoutFaults(file.path, tree);
    } finally {
      await file.remove();
    }
  };

  test('a page with only the last line of a long paragraph before a page break', async () => {
    const faults = await faultsOf([
      { type: 'paragraph', children: lines('Regel', 48) },
      { type: 'pageBreak' },
      { type: 'paragraph', children: [t('Volgende deel')] },
    ]);
    expect(faults).toEqual([expect.stringMatching(/^page 2: 1 line\(s\) of body text/)]);
  });

  test('a table whose first row is taller than a page: it starts without a whole row, and the row splits', async () => {
    const cell = Array.from({ length: 900 }, (_, i) => `celwoord${i + 1}`).join(' ');
    const faults = await faultsOf([
      {
        type: 'table',
        align: [null, null],
        header: [[t('Onderwerp')], [t('Toelichting')]],
        rows: [
          [[t('Lang')], [t(cell)]],
          [[t('Kort')], [t('kort')]],
        ],
      },
    ]);
    expect(faults).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^table 1 \(page 1\): 0 of its 2 body row\(s\) on its first page/),
        expect.stringMatching(/^table 1, row 1: split over pages 1, 2/),
      ]),
    );
  });

  test('a heading at the foot of a page, whose table (far wider text than estimated) moved on', async () => {
    const wide = 'WWWWWWW WWWWWWWW WWWWWW WWWWWWW WWWWWWWWW WWWWW WWWWWWW WWWWWWWW';
    const children: SourceBlock[] = [];
    for (const count of [30, 31, 32, 33, 34, 35, 36, 37, 38]) {
      if (children.length > 0) children.push({ type: 'pageBreak' });
      children.push(
        { type: 'paragraph', children: lines(`Vulregel${count}`, count) },
        { type: 'heading', level: 2, id: `kop-${count}`, children: [t(`Kop ${count}`)] },
        {
          type: 'table',
          align: [null, null],
          header: [[t('Maatregel')], [t('Toelichting')]],
          rows: [1, 2, 3].map((i) => [[t(`${wide} ${i}`)], [t(`${wide} ${wide}`)]]),
        },
      );
    }
    expect(await faultsOf(children)).toEqual(
      expect.arrayContaining([expect.stringMatching(/ends with a heading \(H1\)/)]),
    );
  });
});
