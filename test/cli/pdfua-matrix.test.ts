import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { packageRoot } from '../../src/paths.js';
import { runInProcess, writtenFiles } from '../support/cli.js';
import { pdfuaChecker, pdfuaFailures } from '../support/pdfua.js';
import { withTempDir } from '../support/tools.js';

/**
 * Every kind of document of every organisation type, with and without a register, with names that need escaping
 * and characters beyond Latin-1, and as PDF/A: each PDF passes check_pdfua.py (runInProcess checks every PDF a run
 * writes; this test also checks PDF/A where asked, and that the run made what it was asked).
 */
interface Case {
  type: 'gemeente' | 'provincie' | 'waterschap' | 'rijk';
  name: string;
  register: boolean;
  pdfa: boolean;
}

const cases: Case[] = [
  { type: 'gemeente', name: 'College van B&W <Oost> & co', register: true, pdfa: true },
  { type: 'gemeente', name: 'Gemeente Voorbeeld', register: false, pdfa: false },
  { type: 'provincie', name: 'Provincie "Noord" & ’t Zuiden', register: true, pdfa: false },
  { type: 'waterschap', name: 'Waterschap Ĳsselmonde – Ωmega (Łódź-Ærø)', register: false, pdfa: true },
  { type: 'rijk', name: 'Dienst <Rijk> \\ B&W', register: true, pdfa: false },
];

const withChecker = pdfuaChecker() !== undefined ? describe : describe.skip;

withChecker('PDF/UA (and PDF/A) of every kind of document', () => {
  test.each(cases.map((c) => [`${c.type}: ${c.name}${c.register ? ', register' : ''}${c.pdfa ? ', PDF/A' : ''}`, c]))(
    '%s',
    async (_title, { type, name, register, pdfa }) => {
      await withTempDir(async (dir) => {
        const answers = parse(readFileSync(join(packageRoot, 'examples', `${type}.yaml`), 'utf8')) as Record<
          string,
          unknown
        >;
        const file = join(dir, 'antwoorden.yaml');
        writeFileSync(
          file,
          stringify({ ...answers, organisatie: { naam: name, type }, datum: '2028-02-15', verslagjaar: 2027 }),
        );
        const out = join(dir, 'uit');
        const args = ['genereer', '--antwoorden', file, '--uitvoer', out, '--formaten', 'pdf'];
        args.push('--document', 'beleidsplan,rapportage,brief');
        if (register)
          args.push(
            '--meldingen',
            join(packageRoot, 'examples', type === 'rijk' ? 'meldingen-rijk-2027.csv' : 'meldingen-2027.csv'),
          );
        if (pdfa) args.push('--pdfa');
        const result = await runInProcess(args, dir);
        expect({ code: result.code, stderr: result.stderr.replace(/^Let op:.*\n/gm, '') }).toEqual({
          code: 0,
          stderr: '',
        });
        const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf'));
        expect(pdfs).toHaveLength(3);
        // The PDFs runInProcess had checked: all that the run wrote.
        expect(
          writtenFiles(result.stdout, dir)
            .filter((f) => f.endsWith('.pdf'))
            .sort(),
        ).toEqual(pdfs.map((pdf) => join(out, pdf)).sort());
        for (const pdf of pdfs) {
          const text = readFileSync(join(out, pdf)).toString('latin1');
          expect({ pdf, pdfa: text.includes('<pdfaid:part>2</pdfaid:part>') }).toEqual({ pdf, pdfa });
          // runInProcess had every PDF checked already; PDF/A is checked as well where it is claimed.
          if (pdfa)
            expect({ pdf, failures: await pdfuaFailures(join(out, pdf), { pdfa }) }).toEqual({ pdf, failures: [] });
        }
      });
    },
  );
});
