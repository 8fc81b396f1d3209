import { join } from 'node:path';
import type { Answers } from '../src/answers/schema.js';
import { generateDocuments, plannedFiles, type GenerateRequest } from '../src/generate.js';
import { warningText } from '../src/plan/warnings.js';
import type { RegisterScope } from '../src/register/index.js';
import type { DocumentKind } from '../src/vocabulary.js';
import { builtInKnowledge } from './support/knowledge.js';
import { exampleAnswers } from './support/plan.js';
import { zeroCounts } from './support/report.js';
import { withTempDir } from './support/tools.js';

/** generateDocuments: the one route for genereer and the wizard. */

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function request(dir: string, documents: DocumentKind[], answers?: Answers): Promise<GenerateRequest> {
  const kb = await builtInKnowledge();
  return {
    answers: answers ?? exampleAnswers(kb, 'gemeente-rapportage-2027'),
    knowledge: kb,
    documents,
    formats: ['md'],
    outputDir: dir,
    today: '2028-03-01',
  };
}

test('reads the register once, for the trend up to the verslagjaar of the plan model, and only when a document shows it', async () => {
  await withTempDir(async (dir) => {
    const kb = await builtInKnowledge();
    const scopes: RegisterScope[] = [];
    const register = async (scope: RegisterScope) => {
      scopes.push(scope);
      return { perYear: scope.years.map((jaar) => ({ jaar, counts: zeroCounts(kb) })), skippedRows: 3 };
    };
    const { files } = await generateDocuments({
      ...(await request(dir, ['rapportage', 'brief'])),
      report: { privacyThreshold: 5, register },
    });
    expect(scopes).toEqual([{ years: [2025, 2026, 2027], organisationType: 'gemeente' }]);
    const report = text(files[0]!.bytes);
    expect(report).toContain('3 rijen uit het register zijn overgeslagen');
    expect(report).toContain('| **Totaal** | **0** | **0** | **0** | **0** | **0** | **0** |');

    await generateDocuments({ ...(await request(dir, ['beleidsplan'])), report: { privacyThreshold: 5, register } });
    expect(scopes).toHaveLength(1);
  });
});

test('without report data (the wizard): cells to fill in; a warning for a report dated in its own year', async () => {
  await withTempDir(async (dir) => {
    const base = await request(dir, ['rapportage']);
    const { files, warnings } = await generateDocuments({ ...base, answers: { ...base.answers, datum: '2027-06-01' } });
    expect(text(files[0]!.bytes)).toContain('| Corruptie | :invullen[…] |');
    expect(warnings).toEqual([{ kind: 'dateNotAfterReportYear', date: '2027-06-01', reportYear: 2027 }]);
    expect(warnings.map(warningText)).toEqual([
      'Let op: de datum van de documenten (1 juni 2027) ligt niet na verslagjaar 2027. ' +
        'Pas "datum" in het antwoordenbestand aan, of laat die weg (dan geldt vandaag).',
    ]);
  });
});

test('a verslagjaar before the plan period gets a warning, and a plan alone none', async () => {
  await withTempDir(async (dir) => {
    const kb = await builtInKnowledge();
    const early = { ...exampleAnswers(kb, 'gemeente'), verslagjaar: 2026, datum: '2027-02-01' };
    const { files, warnings } = await generateDocuments(await request(dir, ['rapportage', 'brief'], early));
    expect(warnings.map(warningText)).toEqual([
      'Let op: het verslagjaar 2026 ligt vóór de planperiode 2027–2030, dus staan de maatregelen uit het plan in de ' +
        'rapportage als later gepland. Klopt het jaar niet, geef dan het juiste op met "verslagjaar" in het ' +
        'antwoordenbestand of met --jaar.',
    ]);
    expect(text(files[0]!.bytes)).not.toContain(':invullen[stand]');

    expect((await generateDocuments(await request(dir, ['rapportage']))).warnings).toEqual([]);
    expect((await generateDocuments(await request(dir, ['beleidsplan'], early))).warnings).toEqual([]);
  });
});

test('plannedFiles names the files generateDocuments returns, in the same order, without making them', async () => {
  await withTempDir(async (dir) => {
    const run = { ...(await request(dir, ['brief', 'rapportage'])), formats: ['md', 'docx'] as const };
    const planned = await plannedFiles(run);
    expect(planned.map((file) => file.path)).toEqual(
      [
        'gemeente-voorbeeld-aanbiedingsbrief-2028-02-15.md',
        'gemeente-voorbeeld-aanbiedingsbrief-2028-02-15.docx',
        'gemeente-voorbeeld-integriteitsrapportage-2027.md',
        'gemeente-voorbeeld-integriteitsrapportage-2027.docx',
      ].map((name) => join(dir, name)),
    );
    const { files } = await generateDocuments({ ...run, formats: ['md'] });
    expect(files.map((file) => file.path)).toEqual(planned.filter((file) => file.format === 'md').map((f) => f.path));
  });
});
