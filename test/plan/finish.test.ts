import { countFillIns } from '../../src/document/fill-ins.js';
import { generateDocuments } from '../../src/generate.js';
import { warningText } from '../../src/plan/warnings.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { runInProcess } from '../support/cli.js';
import { answersFrom, documentText, exampleAnswers, model, renderTree } from '../support/plan.js';
import { withTempDir } from '../support/tools.js';

const base = {
  organisatie: { naam: 'Gemeente Af', type: 'gemeente' },
  zwakke_themas: ['h2-gedragsregels', 'h2-samenwerking', 'h4-handhaving', 'h56-handhaving', 'h56-rol-griffier'],
  planperiode: { van: 2027, tot: 2030 },
  datum: '2027-01-15',
};

async function warnings(status: 'concept' | 'vastgesteld') {
  const kb = await builtInKnowledge();
  const answers = answersFrom(kb, { ...base, status });
  const { warnings: said } = await withTempDir((dir) =>
    generateDocuments({
      answers,
      knowledge: kb,
      documents: ['beleidsplan', 'brief'],
      formats: ['md'],
      outputDir: dir,
      today: '2027-01-15',
    }),
  );
  const open = countFillIns(await renderTree('beleidsplan', model(kb, answers)));
  return { said, open };
}

test('a "vastgesteld" plan that still holds places to fill in gets one warning with their number', async () => {
  const { said, open } = await warnings('vastgesteld');
  expect(open).toBeGreaterThan(5);
  expect(said).toEqual([{ kind: 'fillInsInAdoptedPlan', count: open }]);
  expect(warningText(said[0]!)).toContain(`status "vastgesteld", maar bevat nog ${open} plekken om in te vullen`);
  expect((await warnings('concept')).said).toEqual([]);
});

test('genereer shows that warning, and still writes the plan', async () => {
  await withTempDir(async (dir) => {
    const result = await runInProcess([
      'genereer',
      '--antwoorden',
      'examples/waterschap.yaml',
      '--uitvoer',
      dir,
      '--formaten',
      'md',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^Let op: het integriteitsbeleidsplan heeft status "vastgesteld", maar bevat nog \d+ plekken/,
    );
  });
});

test('chapter 5 says what the judgement of the weak themes rests on, or leaves a place to fill it in', async () => {
  const kb = await builtInKnowledge();
  const withBasis = documentText(await renderTree('beleidsplan', model(kb, exampleAnswers(kb, 'gemeente')))).join('\n');
  expect(withBasis).toMatch(
    /Het oordeel over de thema's berust op:\nHet eigen medewerkersonderzoek naar integriteit van het najaar van 2026/,
  );
  const tree = await renderTree('beleidsplan', model(kb, answersFrom(kb, base)));
  const lines = documentText(tree);
  const at = lines.indexOf("Het oordeel over de thema's berust op:");
  expect(lines[at + 1]).toMatch(
    /^Beschrijf hier waarop het oordeel berust, bijvoorbeeld een eigen medewerkersonderzoek/,
  );
  expect(JSON.stringify(tree)).toContain(
    '"type":"fillIn","children":[{"type":"text","value":"Beschrijf hier waarop het oordeel berust',
  );
});

test('the colophon is about the plan; the technical trace is one small line; numbers in running text are words', async () => {
  const kb = await builtInKnowledge();
  const lines = documentText(await renderTree('beleidsplan', model(kb, exampleAnswers(kb, 'gemeente'))));
  const colofon = lines.slice(lines.lastIndexOf('Colofon'));
  expect(colofon[1]).toMatch(
    /^Titel: Integriteitsbeleidsplan Gemeente Voorbeeld 2027–2030 Status: concept Versie: 0\.9 Datum: 15 januari 2027 Opgesteld door: J\. Jansen, integriteitsfunctionaris +Contact: J\. Jansen, integriteit@voorbeeld\.nl$/,
  );
  expect(colofon.at(-1)).toMatch(
    /^Technische gegevens: integriteitsplan 0\.0\.0-test, kennisbank [\d.]+, kenmerk van de antwoorden [0-9a-f]{16}\.$/,
  );
  expect(colofon.join(' ')).not.toMatch(/precies hetzelfde document opnieuw/);
  expect(lines.join('\n')).toContain("Op vijf thema's scoort de organisatie zwak.");
  expect(lines).toContain("Monitorhoofdstuk 2 (ambtelijke organisatie): twee van de tien thema's zwak.");
});
