import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToDocument } from '../../../src/markdown/to-document.js';
import { packageRoot } from '../../../src/paths.js';
import { runInProcess } from '../../support/cli.js';
import { exampleRuns } from '../../support/examples.js';
import { layoutFaults } from '../../support/pdf-layout.js';
import { popplerAvailable } from '../../support/pdf-tools.js';
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
