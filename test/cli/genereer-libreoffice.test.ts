import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { runInProcess } from '../support/cli.js';
import { requireTools } from '../support/tools.js';

const available = requireTools('soffice', 'pdftotext');

(available ? test : test.skip)(
  'LibreOffice converts the generated DOCX cleanly and pdftotext reads it back',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interop-'));
    try {
      const result = await runInProcess([
        'genereer',
        '--antwoorden',
        join(packageRoot, 'examples', 'provincie.yaml'),
        '--uitvoer',
        dir,
        '--formaten',
        'docx',
      ]);
      expect(result.code).toBe(0);
      const docx = join(dir, 'provincie-voorbeeldland-integriteitsbeleidsplan-2027-2029.docx');
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'profiel')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          join(dir, 'lo'),
          docx,
        ],
        {
          stdio: 'pipe',
          timeout: 120_000,
        },
      );
      const text = execFileSync(
        'pdftotext',
        ['-enc', 'UTF-8', join(dir, 'lo', 'provincie-voorbeeldland-integriteitsbeleidsplan-2027-2029.pdf'), '-'],
        {
          encoding: 'utf8',
        },
      ).replace(/\s+/g, ' ');
      expect(text).toContain('Integriteitsbeleidsplan');
      expect(text).toContain('Commissaris van de Koning');
      expect(text).toContain('Provinciale Staten');
      expect(text).toContain('Moreel bewustzijn');
      expect(text).toMatch(/Pagina \d+ van \d+/);
      expect(text).toContain('statengriffier');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000,
);
