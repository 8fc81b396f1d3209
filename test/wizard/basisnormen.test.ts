import { answersSchema } from '../../src/answers/schema.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { packageRoot } from '../../src/paths.js';
import { loadDocumentCatalogue, type DocumentCatalogue } from '../../src/vocabulary.js';
import type { DraftStart } from '../../src/wizard/draft.js';
import { runWizardFlow } from '../../src/wizard/flow.js';
import { registerChecker } from '../../src/wizard/session.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { answersFrom } from '../support/plan.js';
import { ENTER, FakePrompter, type Step } from './support/fake-prompter.js';

let kb: KnowledgeBase;
let catalogue: DocumentCatalogue;
beforeAll(async () => {
  kb = await builtInKnowledge();
  catalogue = await loadDocumentCatalogue();
});

/** A gemeente without weak themes, up to the basisnormen. */
const upToNorms: Step[] = [
  ['Wat voor organisatie', 'gemeente'],
  ['Naam van de organisatie', 'Gemeente Test'],
  ['Welke documenten', ENTER],
  ['Planperiode – van', '2027'],
  ['Planperiode – tot', 2030],
  ['Datum', ENTER],
  ['Naam van de auteur', ENTER],
  ['Welke hoofdstukken', ENTER],
  ["Welke thema's", ENTER],
  ["Welke thema's", ENTER],
  ["Welke thema's", ENTER],
  ["Welke thema's", ENTER],
];
const output: Step[] = [
  ['In welke formaten', ENTER],
  ['In welke map', ENTER],
];

/** One answer per norm, in order: the stand for each. */
const stands = (values: readonly string[]): Step[] =>
  kb.basisnormen.normen.map((norm, i): Step => [`${i + 1}/13 ${norm.titel}: `, values[i] ?? ENTER]);

async function run(steps: Step[], start: Partial<DraftStart> = {}) {
  const prompter = new FakePrompter(steps);
  const result = await runWizardFlow(prompter, kb, catalogue, {
    today: '2027-01-15',
    checkRegister: registerChecker(packageRoot, kb),
    ...start,
  });
  expect(prompter.remaining).toEqual([]);
  return { result, prompter };
}

const given = ['aanwezig', 'aanwezig', 'deels', 'aanwezig', 'ontbreekt', 'deels', 'ontbreekt', 'aanwezig', 'onbekend'];

test('one pass through the 13 norms, each with its one-line summary and the four stands explained', async () => {
  const { result, prompter } = await run([
    ...upToNorms,
    ['per basisnorm (13)', ENTER],
    ...stands(given),
    ...output,
    ['Wat wilt u doen', 'maken'],
  ]);
  const questions = prompter.asked.filter((q) => /^\d+\/13 /.test(q.message));
  expect(questions).toHaveLength(13);
  expect(questions[4]!.message).toBe('5/13 Eed of belofte: wie in dienst komt, legt de eed of belofte af.');
  expect(questions[0]!.choices!.map((c) => [c.value, c.description])).toEqual(
    kb.basisnormen.standen.map((s) => [s.id, s.omschrijving]),
  );
  // A norm not yet answered starts at "onbekend": Enter never claims a norm is in place.
  expect(questions.every((q) => q.default === 'onbekend')).toBe(true);
  // Each question fits in two lines of an 80-column terminal.
  expect(Math.max(...questions.map((q) => q.message.length))).toBeLessThanOrEqual(158);
  expect(result.answers.basisnormen).toEqual({
    'aandacht-voor-integriteit': 'aanwezig',
    gedragscodes: 'aanwezig',
    screening: 'deels',
    'kwetsbare-functies': 'aanwezig',
    'eed-of-belofte': 'ontbreekt',
    nevenwerkzaamheden: 'deels',
    'financiele-belangen': 'ontbreekt',
    informatiebescherming: 'aanwezig',
    geschenken: 'onbekend',
    'inkoop-en-aanbesteding': 'onbekend',
    vertrouwenspersonen: 'onbekend',
    'melden-misstand': 'onbekend',
    'onderzoek-schendingen': 'onbekend',
  });
  expect(answersSchema(kb).safeParse(result.answers).success).toBe(true);
  const summary = prompter.printed.find((text) => text.includes('Samenvatting'))!;
  expect(summary).toMatch(/Basisnormen\s+4 aanwezig, 2 deels, 2 ontbreekt, 5 onbekend/);
  expect(summary).toMatch(/\n\s+ontbreekt: Eed of belofte en Financiële belangen\n/);
});

test('"nee" leaves the section out: the plan gets a table to fill in, and the summary says so', async () => {
  const { result, prompter } = await run([
    ...upToNorms,
    ['per basisnorm', false],
    ...output,
    ['Wat wilt u doen', 'maken'],
  ]);
  expect(result.answers).not.toHaveProperty('basisnormen');
  expect(prompter.output).toContain('Het plan krijgt dan een tabel met de basisnormen om in te vullen.');
  expect(prompter.printed.find((text) => text.includes('Samenvatting'))).toMatch(
    /Basisnormen\s+niet ingevuld \(het plan krijgt een tabel\)/,
  );
});

test('pre-filled from --antwoorden: each norm starts at its stand, a remark and a year stay, Enter keeps it all', async () => {
  const prefill = answersFrom(kb, {
    organisatie: { naam: 'Gemeente Test', type: 'gemeente' },
    zwakke_themas: [],
    planperiode: { van: 2027, tot: 2030 },
    datum: '2027-01-15',
    basisnormen: {
      'eed-of-belofte': 'aanwezig',
      nevenwerkzaamheden: { stand: 'deels', toelichting: 'Register bestaat, openbaarmaking niet.' },
      'kwetsbare-functies': { stand: 'aanwezig', herzien: 2019 },
    },
  });
  const prompter = new FakePrompter([], { thenEnter: true });
  const result = await runWizardFlow(prompter, kb, catalogue, {
    today: '2028-01-15',
    prefill,
    checkRegister: registerChecker(packageRoot, kb),
  });
  const defaultOf = (fragment: string) => prompter.asked.find((q) => q.message.includes(fragment))!.default;
  expect(defaultOf('per basisnorm')).toBe(true);
  expect(defaultOf('Eed of belofte')).toBe('aanwezig');
  expect(defaultOf('Nevenwerkzaamheden')).toBe('deels');
  expect(defaultOf('Gedragscodes')).toBe('onbekend');
  expect(result.answers.basisnormen).toMatchObject({
    'eed-of-belofte': 'aanwezig',
    nevenwerkzaamheden: { stand: 'deels', toelichting: 'Register bestaat, openbaarmaking niet.' },
    'kwetsbare-functies': { stand: 'aanwezig', herzien: 2019 },
    gedragscodes: 'onbekend',
  });
});

test('an earlier file without the section keeps it out on Enter', async () => {
  const prefill = answersFrom(kb, {
    organisatie: { naam: 'Gemeente Test', type: 'gemeente' },
    zwakke_themas: [],
    planperiode: { van: 2027, tot: 2030 },
  });
  const prompter = new FakePrompter([], { thenEnter: true });
  const result = await runWizardFlow(prompter, kb, catalogue, {
    today: '2028-01-15',
    prefill,
    checkRegister: registerChecker(packageRoot, kb),
  });
  expect(prompter.asked.find((q) => q.message.includes('per basisnorm'))!.default).toBe(false);
  expect(result.answers).not.toHaveProperty('basisnormen');
});

test('changeable from the summary: "wijzigen" → Basisnormen asks the norms again, starting from the answers', async () => {
  const { result, prompter } = await run([
    ...upToNorms,
    ['per basisnorm', true],
    ...stands(given),
    ...output,
    ['Wat wilt u doen', 'wijzigen'],
    ['Welk onderdeel', 'basisnormen'],
    ['per basisnorm', ENTER],
    ...stands(['aanwezig', 'aanwezig', 'aanwezig']),
    ['Wat wilt u doen', 'maken'],
  ]);
  const again = prompter.asked.filter((q) => q.message.startsWith('5/13 '));
  expect(again.map((q) => q.default)).toEqual(['onbekend', 'ontbreekt']);
  expect((result.answers.basisnormen as Record<string, unknown>)['screening']).toBe('aanwezig');
  expect((result.answers.basisnormen as Record<string, unknown>)['eed-of-belofte']).toBe('ontbreekt');
  const summaries = prompter.printed.filter((text) => text.includes('Samenvatting'));
  expect(summaries.at(-1)).toMatch(/Basisnormen\s+5 aanwezig, 1 deels, 2 ontbreekt, 5 onbekend/);
});
