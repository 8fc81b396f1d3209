import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAnswersFile } from '../../src/answers/load.js';
import {
  answersSchema,
  isoDateSchema,
  organisationNameSchema,
  periodSchema,
  yearSchema,
} from '../../src/answers/schema.js';
import { generateDocuments } from '../../src/generate.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { packageRoot } from '../../src/paths.js';
import { longDate } from '../../src/plan/dates.js';
import { loadDocumentCatalogue, type DocumentCatalogue } from '../../src/vocabulary.js';
import { runWizardFlow, wizardWarningText } from '../../src/wizard/flow.js';
import { registerChecker } from '../../src/wizard/session.js';
import type { DraftStart } from '../../src/wizard/draft.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { ENTER, FakePrompter, type Step } from './support/fake-prompter.js';

let kb: KnowledgeBase;
let catalogue: DocumentCatalogue;
beforeAll(async () => {
  kb = await builtInKnowledge();
  catalogue = await loadDocumentCatalogue();
});

const today = '2027-01-15';
const firstIssue = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error!.issues[0]!.message;

/** A new plan for a gemeente, every group answered once. */
const newPlan: Step[] = [
  ['Wat voor organisatie', 'gemeente'],
  ['Naam van de organisatie', ENTER],
  ['Naam van de organisatie', '   '],
  ['Naam van de organisatie', 'Gemeente Test'],
  ['Welke documenten', ENTER],
  ['Planperiode – van', '1999'],
  ['Planperiode – van', 'twintig'],
  ['Planperiode – van', '2027'],
  ['Planperiode – tot', 2026],
  ['Planperiode – tot', 2040],
  ['Planperiode – tot', 2030],
  ['Datum', '2027-02-30'],
  ['Datum', ENTER],
  ['Naam van de auteur', 'J. Jansen'],
  ['Functie van J. Jansen', 'integriteitsfunctionaris'],
  ['Welke hoofdstukken', []],
  ['Welke hoofdstukken', ENTER],
  ["Welke thema's", ['h2-gedragsregels']],
  ["Welke thema's", []],
  ["Welke thema's", ['h4-handhaving']],
  ["Welke thema's", []],
  ['prioriteit kiezen', true],
  ['Prioriteit van "Gedragsregels"', 'hoog'],
  ['Prioriteit van "Handhaving"', ENTER],
  ['per basisnorm', false],
  ['In welke formaten', ENTER],
  ['In welke map', ENTER],
];

/** Registers are read as the session reads them, relative to the tests' folder. */
const checkRegister = () => registerChecker(packageRoot, kb);

async function run(steps: Step[], start: Partial<DraftStart> = {}, options: { thenEnter?: boolean } = {}) {
  const prompter = new FakePrompter(steps, options);
  const result = await runWizardFlow(prompter, kb, catalogue, { today, checkRegister: checkRegister(), ...start });
  if (!options.thenEnter) expect(prompter.remaining).toEqual([]);
  return { result, prompter };
}

test('given the choices of a new plan, the wizard returns this answers object and these output choices', async () => {
  const { result } = await run([...newPlan, ['Wat wilt u doen', 'maken']]);
  expect(result).toEqual({
    answers: {
      organisatie: { naam: 'Gemeente Test', type: 'gemeente' },
      hoofdstukken: ['h2', 'h3', 'h4', 'h56'],
      zwakke_themas: ['h2-gedragsregels', 'h4-handhaving'],
      // "midden" is the default: only a priority that says something goes into the file.
      prioriteiten: { 'h2-gedragsregels': 'hoog' },
      planperiode: { van: 2027, tot: 2030 },
      datum: '2027-01-15',
      status: 'concept',
      auteur: { naam: 'J. Jansen', functie: 'integriteitsfunctionaris' },
    },
    documents: ['beleidsplan'],
    formats: ['docx', 'pdf'],
    outputDir: 'output',
  });
  expect(answersSchema(kb).safeParse(result.answers).success).toBe(true);
});

test('while typing, answers are checked with the answers file’s own rules and messages', async () => {
  const { prompter } = await run([...newPlan, ['Wat wilt u doen', 'maken']]);
  const errorsOf = (fragment: string) =>
    prompter.asked.filter((q) => q.message.includes(fragment)).flatMap((q) => q.errors);
  expect(errorsOf('Naam van de organisatie')).toEqual([
    firstIssue(organisationNameSchema.safeParse('')),
    firstIssue(organisationNameSchema.safeParse('   ')),
  ]);
  expect(errorsOf('Planperiode – van')).toEqual([
    firstIssue(yearSchema.safeParse(1999)),
    firstIssue(yearSchema.safeParse(Number.NaN)),
  ]);
  expect(errorsOf('Planperiode – tot')).toEqual([
    firstIssue(periodSchema.safeParse({ van: 2027, tot: 2026 })),
    firstIssue(periodSchema.safeParse({ van: 2027, tot: 2040 })),
  ]);
  expect(errorsOf('Planperiode – tot')[0]).toContain('"van" moet vóór of gelijk aan "tot" liggen');
  expect(errorsOf('Datum')).toEqual([firstIssue(isoDateSchema.safeParse('2027-02-30'))]);
  expect(errorsOf('Welke hoofdstukken')).toEqual(['kies minstens één hoofdstuk']);
});

test('questions come from the knowledge base: types, chapters per type pre-selected, themes with their samenvatting', async () => {
  const steps: Step[] = [
    ['Wat voor organisatie', 'rijk'],
    ['Naam van de organisatie', 'Dienst Test'],
  ];
  const { prompter } = await run(steps, {}, { thenEnter: true });
  const question = (fragment: string) => prompter.asked.find((q) => q.message.includes(fragment))!;

  expect(question('Wat voor organisatie').choices!.map((c) => c.value)).toEqual([
    'gemeente',
    'provincie',
    'waterschap',
    'rijk',
  ]);
  const chapters = question('Welke hoofdstukken').choices!;
  expect(chapters.map((c) => [c.value, c.checked])).toEqual([
    ['h2', true],
    ['h4', true],
  ]);
  const themeQuestions = prompter.asked.filter((q) => q.message.includes("Welke thema's"));
  expect(themeQuestions).toHaveLength(2);
  const h2 = kb.themes.filter((t) => t.hoofdstuk === 'h2');
  expect(themeQuestions[0]!.choices).toEqual(
    h2.map((t) => ({ value: t.id, name: t.titel, description: t.samenvatting, checked: false })),
  );
  expect(prompter.output).toContain('Hoofdstuk 2: Integriteitsbeleving ambtelijke organisatie');
  expect(prompter.output).toContain('Hoofdstuk 4: Integriteitsbeleid ambtelijke organisatie');
});

test('the document choice offers every entry of templates/documenten.yaml', async () => {
  const { prompter, result } = await run(
    [
      ['Wat voor organisatie', ENTER],
      ['Naam van de organisatie', 'Gemeente Test'],
      ['Welke documenten', ['beleidsplan', 'rapportage']],
      ['Planperiode – van', ENTER],
      ['Planperiode – tot', ENTER],
      ['Datum', '1 februari 2028'],
      ['Over welk jaar gaat de integriteitsrapportage', ENTER],
    ],
    {},
    { thenEnter: true },
  );
  const documents = prompter.asked.find((q) => q.message.includes('Welke documenten'))!;
  expect(documents.choices!.map((c) => [c.value, c.name, c.description])).toEqual(
    catalogue.map((d) => [d.id, d.naam, d.omschrijving]),
  );
  expect(result.documents).toEqual(['beleidsplan', 'rapportage']);
  // The report year defaults to the year before the document date, so the date lies after it.
  expect(result.answers.verslagjaar).toBe(2027);
  expect(prompter.output).not.toContain('ligt niet na verslagjaar');
});

test('"wijzigen" asks that group again, then the groups that depend on it, and returns to the summary', async () => {
  const { result, prompter } = await run([
    ['Wat voor organisatie', 'gemeente'],
    ['Naam van de organisatie', 'Gemeente Test'],
    ['Welke documenten', ENTER],
    ['Planperiode – van', ENTER],
    ['Planperiode – tot', ENTER],
    ['Datum', ENTER],
    ['Naam van de auteur', ENTER],
    ['Welke hoofdstukken', ENTER],
    ["Welke thema's", ['h2-gedragsregels']],
    ["Welke thema's", ['h3-naleven-regels']],
    ["Welke thema's", []],
    ["Welke thema's", ['h56-handhaving']],
    ['prioriteit kiezen', true],
    ['Prioriteit van "Gedragsregels"', 'hoog'],
    ['Prioriteit van "Naleven regels"', 'laag'],
    ['Prioriteit van "Handhaving"', 'laag'],
    ['per basisnorm', false],
    ['In welke formaten', ENTER],
    ['In welke map', ENTER],
    // Summary: change the organisation to the Rijk, which has no chapters 3, 5 and 6.
    ['Wat wilt u doen', 'wijzigen'],
    ['Welk onderdeel', 'organisatie'],
    ['Wat voor organisatie', 'rijk'],
    ['Naam van de organisatie', 'Dienst Test'],
    ['Welke hoofdstukken', ENTER],
    ["Welke thema's", ENTER],
    ["Welke thema's", ENTER],
    ['prioriteit kiezen', ENTER],
    ['Prioriteit van "Gedragsregels"', ENTER],
    // Back at the summary: only the output folder changes now, nothing depends on it.
    ['Wat wilt u doen', 'wijzigen'],
    ['Welk onderdeel', 'uitvoer'],
    ['In welke formaten', ['pdf']],
    ['In welke map', 'plannen'],
    ['Wat wilt u doen', 'maken'],
  ]);
  expect(result.answers).toEqual({
    organisatie: { naam: 'Dienst Test', type: 'rijk' },
    hoofdstukken: ['h2', 'h4'],
    zwakke_themas: ['h2-gedragsregels'],
    prioriteiten: { 'h2-gedragsregels': 'hoog' },
    planperiode: { van: 2027, tot: 2030 },
    datum: today,
    status: 'concept',
  });
  expect(result).toMatchObject({ formats: ['pdf'], outputDir: 'plannen' });
  const summaries = prompter.printed.filter((text) => text.includes('Samenvatting'));
  expect(summaries).toHaveLength(3);
  expect(summaries[0]).toContain('Gemeente Test (gemeente)');
  expect(summaries[1]).toContain('Dienst Test (rijk)');
  expect(summaries[1]).toMatch(/Hoofdstukken\s+2 en 4/);
  expect(prompter.output).toContain('Door deze wijziging komt "Hoofdstukken van de monitor" opnieuw aan bod.');
});

test('pre-filled from an answers file, pressing Enter everywhere gives back the same answers', async () => {
  const file = join(packageRoot, 'examples', 'gemeente.yaml');
  const prefill = await readAnswersFile(file, 'examples/gemeente.yaml', kb);
  const { result, prompter } = await run([], { prefill }, { thenEnter: true });

  expect(answersSchema(kb).parse(result.answers)).toEqual(prefill);
  const defaultOf = (fragment: string) => prompter.asked.find((q) => q.message.includes(fragment))!.default;
  expect(defaultOf('Wat voor organisatie')).toBe('gemeente');
  expect(defaultOf('Naam van de organisatie')).toBe('Gemeente Voorbeeld');
  expect(defaultOf('Planperiode – van')).toBe(2027);
  expect(defaultOf('Planperiode – tot')).toBe(2030);
  expect(defaultOf('Datum')).toBe('15 januari 2027');
  expect(defaultOf('Naam van de auteur')).toBe('J. Jansen');
  expect(defaultOf('prioriteit kiezen')).toBe(true);
  expect(defaultOf('Prioriteit van "Procedures met betrekking tot meldingen"')).toBe('hoog');
  const checked = prompter.asked
    .filter((q) => q.message.includes("Welke thema's"))
    .flatMap((q) => q.choices!.filter((c) => c.checked).map((c) => c.value));
  expect(checked).toEqual(prefill.zwakke_themas);
  expect(prompter.output).toContain('vooraf ingevuld');
});

test.each([
  ['2026-11-28', 2027],
  ['2026-10-01', 2027],
  ['2026-09-30', 2026],
  ['2027-01-15', 2027],
])('a new plan on %s proposes %i as "van" (next year from October on) and four years in all', async (day, van) => {
  const { prompter } = await run(
    [
      ['Wat voor organisatie', 'gemeente'],
      ['Naam van de organisatie', 'Gemeente Test'],
    ],
    { today: day },
    { thenEnter: true },
  );
  const defaultOf = (fragment: string) => prompter.asked.find((q) => q.message.includes(fragment))!.default;
  expect(defaultOf('Planperiode – van')).toBe(van);
  expect(defaultOf('Planperiode – tot')).toBe(van + 3);
  expect(defaultOf('Datum')).toBe(longDate(day));
});

test('the plan-period questions use the words "van" and "tot" of the shared message', async () => {
  const { prompter } = await run(
    [
      ['Wat voor organisatie', 'gemeente'],
      ['Naam van de organisatie', 'Gemeente Test'],
    ],
    {},
    { thenEnter: true },
  );
  const messages = prompter.asked.map((q) => q.message);
  expect(messages).toContain('Planperiode – van (eerste jaar):');
  expect(messages).toContain('Planperiode – tot (laatste jaar, t/m):');
});

test.each([
  ['gemeente', 'Gemeente Voorbeeld'],
  ['provincie', 'Provincie Voorbeeld'],
  ['waterschap', 'Waterschap Voorbeeld'],
  ['rijk', 'Ministerie van Voorbeeldzaken'],
])('the example name at the name question fits the type (%s)', async (type, example) => {
  const { prompter } = await run(
    [
      ['Wat voor organisatie', type],
      ['Naam van de organisatie', 'Test'],
    ],
    {},
    { thenEnter: true },
  );
  const question = prompter.asked.find((q) => q.message.includes('Naam van de organisatie'))!;
  expect(question.message).toContain(`bijv. "${example}"`);
});

test('with last year’s answers file, the date question keeps the file’s date, today one key away', async () => {
  const prefill = await readAnswersFile(join(packageRoot, 'examples', 'gemeente.yaml'), 'gemeente.yaml', kb);
  const { result, prompter } = await run([], { prefill, today: '2028-01-10' }, { thenEnter: true });
  const date = prompter.asked.find((q) => q.message.includes('Datum'))!;
  expect(date).toMatchObject({ kind: 'select', default: '2027-01-15' });
  expect(date.choices!.map((choice) => choice.name)).toEqual([
    '15 januari 2027 (uit het antwoordenbestand)',
    'vandaag, 10 januari 2028',
    'een andere datum',
  ]);
  expect(answersSchema(kb).parse(result.answers)).toEqual(prefill);

  const upToDate: Step[] = [
    'Wat voor',
    'Naam van de',
    'Welke documenten',
    'Planperiode – van',
    'Planperiode – tot',
  ].map((question) => [question, ENTER]);
  const today = await run(
    [...upToDate, ['Datum', '2028-01-10']],
    { prefill, today: '2028-01-10' },
    { thenEnter: true },
  );
  expect(today.result.answers.datum).toBe('2028-01-10');
  const typed = await run(
    [...upToDate, ['Datum', 'anders'], ['Datum van de documenten (bijv.', '3-2-2028']],
    { prefill, today: '2028-01-10' },
    { thenEnter: true },
  );
  expect(typed.result.answers.datum).toBe('2028-02-03');
});

test('a new author does not inherit the phone and e-mail of last year’s author', async () => {
  const prefill = await readAnswersFile(join(packageRoot, 'examples', 'gemeente.yaml'), 'gemeente.yaml', kb);
  const steps: Step[] = [
    ['Wat voor organisatie', ENTER],
    ['Naam van de organisatie', ENTER],
    ['Welke documenten', ENTER],
    ['Planperiode – van', 2031],
    ['Planperiode – tot', ENTER],
    ['Datum', '2031-01-10'],
    ['Naam van de auteur', 'P. Pieters'],
    ['Functie van P. Pieters', ENTER],
  ];
  const { result, prompter } = await run(steps, { prefill }, { thenEnter: true });
  expect(result.answers.auteur).toEqual({ naam: 'P. Pieters', functie: 'integriteitsfunctionaris' });
  // The plan period keeps its length when the first year moves.
  expect(prompter.asked.find((q) => q.message.includes('Planperiode – tot'))!.default).toBe(2034);
  expect(result.answers.planperiode).toEqual({ van: 2031, tot: 2034 });
  // What the wizard does not ask is kept as it was.
  expect(result.answers.vertrouwenspersoon).toEqual(prefill.vertrouwenspersoon);
  expect(result.answers.toelichting).toEqual(prefill.toelichting);
});

test('PDF/A, which the wizard does not ask, stays in the answers it saves', async () => {
  const prefill = {
    ...(await readAnswersFile(join(packageRoot, 'examples', 'gemeente.yaml'), 'gemeente.yaml', kb)),
    pdfa: true,
  };
  const { result } = await run([], { prefill, today: '2028-01-10' }, { thenEnter: true });
  expect(result.answers.pdfa).toBe(true);
});

test('values given on the command line skip their questions on the first pass', async () => {
  const { result, prompter } = await run(
    [
      ['Wat voor organisatie', ENTER],
      ['Naam van de organisatie', 'Gemeente Test'],
    ],
    { fixed: { documents: ['beleidsplan'], formats: ['md'], outputDir: 'uit' } },
    { thenEnter: true },
  );
  const messages = prompter.asked.map((q) => q.message).join('\n');
  expect(messages).not.toContain('Welke documenten');
  expect(messages).not.toContain('In welke formaten');
  expect(messages).not.toContain('In welke map');
  expect(result).toMatchObject({ documents: ['beleidsplan'], formats: ['md'], outputDir: 'uit' });
});

test('priorities are optional, and skipped when no theme is weak', async () => {
  const none = await run(
    [
      ['Wat voor organisatie', ENTER],
      ['Naam van de organisatie', 'Gemeente Test'],
    ],
    {},
    { thenEnter: true },
  );
  expect(none.result.answers.zwakke_themas).toEqual([]);
  expect(none.prompter.asked.some((q) => q.message.includes('prioriteit'))).toBe(false);
  expect(none.prompter.output).toContain("Er zijn geen zwakke thema's gekozen");

  const declined = await run(
    [
      ['Wat voor organisatie', ENTER],
      ['Naam van de organisatie', 'Gemeente Test'],
      ['Welke documenten', ENTER],
      ['Planperiode – van', ENTER],
      ['Planperiode – tot', ENTER],
      ['Datum', ENTER],
      ['Naam van de auteur', ENTER],
      ['Welke hoofdstukken', ENTER],
      ["Welke thema's", ['h2-samenwerking']],
      ["Welke thema's", ENTER],
      ["Welke thema's", ENTER],
      ["Welke thema's", ENTER],
      ['prioriteit kiezen', ENTER],
    ],
    {},
    { thenEnter: true },
  );
  expect(declined.prompter.asked.find((q) => q.message.includes('prioriteit kiezen'))!.default).toBe(false);
  expect(declined.result.answers.zwakke_themas).toEqual(['h2-samenwerking']);
  expect(declined.result.answers).not.toHaveProperty('prioriteiten');
  expect(declined.result.answers).not.toHaveProperty('auteur');
});

test('"stoppen" in the summary stops the wizard the same way as Escape', async () => {
  const prompter = new FakePrompter([...newPlan, ['Wat wilt u doen', 'stoppen']]);
  await expect(runWizardFlow(prompter, kb, catalogue, { today, checkRegister: checkRegister() })).rejects.toMatchObject(
    { name: 'AbortPromptError' },
  );
});

describe('what generation warns about, the wizard shows under the summary', () => {
  /** A rapportage dated in its own year, about a year before the plan period: both warnings of `genereer`. */
  const early: Step[] = [
    ['Wat voor organisatie', 'gemeente'],
    ['Naam van de organisatie', 'Gemeente Test'],
    ['Welke documenten', ['rapportage', 'brief']],
    ['Planperiode – van', 2028],
    ['Planperiode – tot', 2031],
    ['Datum', '2027-06-01'],
    ['Wat wilt u met de integriteitsrapportage', 'jaar'],
    ['Over welk jaar', 2027],
    ['Naam van de auteur', ENTER],
    ['Meldingenregister', ENTER],
    ['Welke hoofdstukken', ENTER],
    ["Welke thema's", ['h2-gedragsregels']],
    ["Welke thema's", ENTER],
    ["Welke thema's", ENTER],
    ["Welke thema's", ENTER],
    ['prioriteit kiezen', ENTER],
    ['per basisnorm', false],
    ['In welke formaten', ['md']],
    ['In welke map', ENTER],
  ];

  test('every warning of generation, with the wizard’s own remedy, while it can still be changed', async () => {
    const { result, prompter } = await run([...early, ['Wat wilt u doen', 'maken']]);
    const answers = answersSchema(kb).parse(result.answers);
    const { warnings } = await generateDocuments({
      answers,
      knowledge: kb,
      documents: result.documents,
      formats: [],
      outputDir: 'niet-gebruikt',
      today,
    });
    expect(warnings.map((w) => w.kind)).toEqual(['dateNotAfterReportYear', 'reportYearBeforePlanPeriod']);
    const [summaryText] = prompter.printed.filter((text) => text.includes('Samenvatting'));
    // Wrapped to the terminal: compare the words.
    const words = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(words(summaryText!.split('\n\n').at(-1)!)).toBe(words(warnings.map(wizardWarningText).join(' ')));
    expect(summaryText).toContain('Kies "Een onderdeel wijzigen" en dan "Planperiode, datum en auteur"');
    expect(summaryText).not.toContain('--jaar');
    // Said once, under the summary; the questions themselves no longer have a warning of their own.
    expect(prompter.output.split('Let op:')).toHaveLength(3);
  });

  test('after a change that settles them, the next summary has none', async () => {
    const { prompter } = await run([
      ...early,
      ['Wat wilt u doen', 'wijzigen'],
      ['Welk onderdeel', 'periode'],
      ['Planperiode – van', 2027],
      ['Planperiode – tot', ENTER],
      // The date given before, today, or another: another.
      ['Datum van de documenten:', 'anders'],
      ['Datum van de documenten (bijv.', '15 februari 2028'],
      ['Over welk jaar', ENTER],
      ['Naam van de auteur', ENTER],
      ['Wat wilt u doen', 'maken'],
    ]);
    const summaries = prompter.printed.filter((text) => text.includes('Samenvatting'));
    expect(summaries).toHaveLength(2);
    expect(summaries[0]).toContain('Let op:');
    expect(summaries[1]).not.toContain('Let op:');
  });
});

describe('the report year is asked when the documents show it (plan/rules.ts), as `genereer` decides', () => {
  const upToDate = (documents: string[]): Step[] => [
    ['Wat voor organisatie', ENTER],
    ['Naam van de organisatie', ENTER],
    ['Welke documenten', documents],
    ['Planperiode – van', ENTER],
    ['Planperiode – tot', ENTER],
    ['Datum', ENTER],
  ];

  // Decided: the wizard asked only with the rapportage chosen, while a letter on its own offers the
  // rapportage whenever the answers have a verslagjaar.
  test('a letter on its own, from answers with a verslagjaar, offers the rapportage: the year is asked', async () => {
    const prefill = await readAnswersFile(
      join(packageRoot, 'examples', 'gemeente-rapportage-2027.yaml'),
      'gemeente-rapportage-2027.yaml',
      kb,
    );
    const { prompter } = await run(
      [...upToDate(['brief']), ['Over welk jaar', ENTER]],
      { prefill },
      { thenEnter: true },
    );
    expect(prompter.asked.find((q) => q.message.includes('Over welk jaar'))!.default).toBe(2027);
    expect(prompter.output).toMatch(/Verslagjaar\s+2027/);
  });

  test('a letter on its own for a new plan offers the plan: no year is asked', async () => {
    const { prompter, result } = await run(
      [['Wat voor organisatie', ENTER], ['Naam van de organisatie', 'Gemeente Test'], ...upToDate(['brief']).slice(2)],
      {},
      { thenEnter: true },
    );
    expect(prompter.asked.some((q) => q.message.includes('Over welk jaar'))).toBe(false);
    expect(result.answers).not.toHaveProperty('verslagjaar');
  });

  test('choosing the rapportage later asks the period group again, for the year', async () => {
    const { prompter, result } = await run([
      ['Wat voor organisatie', ENTER],
      ['Naam van de organisatie', 'Gemeente Test'],
      ['Welke documenten', ['beleidsplan', 'brief']],
      ['Planperiode – van', ENTER],
      ['Planperiode – tot', ENTER],
      ['Datum', '2028-02-15'],
      ['Naam van de auteur', ENTER],
      ['Welke hoofdstukken', ENTER],
      ["Welke thema's", ENTER],
      ["Welke thema's", ENTER],
      ["Welke thema's", ENTER],
      ["Welke thema's", ENTER],
      ['per basisnorm', false],
      ['In welke formaten', ENTER],
      ['In welke map', ENTER],
      ['Wat wilt u doen', 'wijzigen'],
      ['Welk onderdeel', 'documenten'],
      ['Welke documenten', ['rapportage']],
      ['Planperiode – van', ENTER],
      ['Planperiode – tot', ENTER],
      ['Datum', ENTER],
      ['Over welk jaar', ENTER],
      ['Naam van de auteur', ENTER],
      ['Meldingenregister', ENTER],
      ['Wat wilt u doen', 'maken'],
    ]);
    expect(prompter.output).toContain('Door deze wijziging komt "Planperiode, datum en auteur" opnieuw aan bod.');
    expect(result.answers.verslagjaar).toBe(2027);
  });
});

test('the chapter and type hints come from the knowledge base', async () => {
  const { prompter } = await run(
    [
      ['Wat voor organisatie', 'provincie'],
      ['Naam van de organisatie', 'Provincie Test'],
    ],
    {},
    { thenEnter: true },
  );
  const question = (fragment: string) => prompter.asked.find((q) => q.message.includes(fragment))!;
  expect(question('Welke hoofdstukken').choices!.map((c) => c.description)).toEqual(
    kb.chapters.map((chapter) => chapter.omschrijving),
  );
  expect(question('Naam van de organisatie').message).toContain(
    `bijv. "${kb.organisationTypes.find((t) => t.id === 'provincie')!.voorbeeldnaam}"`,
  );
  expect(question('Wat voor organisatie').choices!.map((c) => c.description)).toEqual([
    'hoofdstuk 2, 3, 4, 5 en 6 van de monitor',
    'hoofdstuk 2, 3, 4, 5 en 6 van de monitor',
    'hoofdstuk 2, 3, 4, 5 en 6 van de monitor',
    'hoofdstuk 2 en 4 van de monitor',
  ]);
});

describe('the date, as a Dutch user writes it', () => {
  const upToDate: Step[] = [
    ['Wat voor organisatie', ENTER],
    ['Naam van de organisatie', 'Gemeente Test'],
    ['Welke documenten', ENTER],
    ['Planperiode – van', ENTER],
    ['Planperiode – tot', ENTER],
  ];
  test.each(['15-01-2027', '15-1-2027', '15 januari 2027', '15 jan 2027', '2027-01-15'])(
    '%s is kept as 2027-01-15',
    async (typed) => {
      const { result } = await run([...upToDate, ['Datum', typed]], { today: '2026-12-01' }, { thenEnter: true });
      expect(result.answers.datum).toBe('2027-01-15');
    },
  );

  test('a date in no known form is refused with the answers file’s message, and the summary says the date in words', async () => {
    const { prompter, result } = await run(
      [...upToDate, ['Datum', '15/01/2027'], ['Datum', '30 februari 2027'], ['Datum', '1 maart 2027']],
      { today: '2026-12-01' },
      { thenEnter: true },
    );
    expect(prompter.asked.find((q) => q.message.includes('Datum'))!.errors).toEqual([
      firstIssue(isoDateSchema.safeParse('15/01/2027')),
      'deze datum bestaat niet',
    ]);
    expect(result.answers.datum).toBe('2027-03-01');
    expect(prompter.output).toMatch(/Datum\s+1 maart 2027/);
  });
});

describe('plan and rapportage together: a report year that makes sense (plan/rules.ts)', () => {
  const upToDate = (documents: string[], date: string): Step[] => [
    ['Wat voor organisatie', ENTER],
    ['Naam van de organisatie', 'Gemeente Test'],
    ['Welke documenten', documents],
    ['Planperiode – van', 2027],
    ['Planperiode – tot', 2030],
    ['Datum', date],
  ];

  test('the year before a plan that starts this year is not offered silently: the wizard asks, and can leave the rapportage for later', async () => {
    const { prompter, result } = await run(
      [
        ...upToDate(['beleidsplan', 'rapportage'], '15 januari 2027'),
        ['Wat wilt u met de integriteitsrapportage', 'later'],
      ],
      {},
      { thenEnter: true },
    );
    expect(prompter.output).toContain(
      'Een rapportage over 2026 ligt vóór de planperiode 2027–2030: alle maatregelen uit het plan staan er dan in als "later gepland".',
    );
    const what = prompter.asked.find((q) => q.message.includes('Wat wilt u met de integriteitsrapportage'))!;
    expect(what.default).toBe('later');
    expect(what.choices!.map((c) => c.name)).toEqual([
      'Nu geen rapportage maken; die over 2027 kan vanaf 2028',
      'Een ander verslagjaar kiezen',
      'Toch een rapportage over 2026',
    ]);
    expect(result.documents).toEqual(['beleidsplan']);
    expect(prompter.asked.some((q) => q.message.includes('Over welk jaar'))).toBe(false);
    expect(prompter.asked.some((q) => q.message.includes('Meldingenregister'))).toBe(false);
    expect(prompter.output).not.toContain('Let op:');
  });

  test('another year can be chosen; a year in the plan period asks nothing more', async () => {
    const chosen = await run(
      [
        ...upToDate(['beleidsplan', 'rapportage'], '15 januari 2027'),
        ['Wat wilt u met de integriteitsrapportage', 'jaar'],
        ['Over welk jaar', ENTER],
      ],
      {},
      { thenEnter: true },
    );
    expect(chosen.prompter.asked.find((q) => q.message.includes('Over welk jaar'))!.default).toBe(2027);
    expect(chosen.result.answers.verslagjaar).toBe(2027);

    const inPlan = await run([...upToDate(['beleidsplan', 'rapportage'], '1 februari 2028')], {}, { thenEnter: true });
    expect(inPlan.prompter.asked.some((q) => q.message.includes('Wat wilt u met'))).toBe(false);
    expect(inPlan.result.answers.verslagjaar).toBe(2027);
  });
});

describe('the meldingen register, read as `genereer --meldingen` reads it', () => {
  const upToRegister: Step[] = [
    ['Wat voor organisatie', ENTER],
    ['Naam van de organisatie', 'Gemeente Test'],
    ['Welke documenten', ['beleidsplan', 'rapportage']],
    ['Planperiode – van', 2027],
    ['Planperiode – tot', 2030],
    ['Datum', '15 februari 2028'],
    ['Over welk jaar', ENTER],
    ['Naam van de auteur', ENTER],
  ];
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wizard-register-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const example = 'examples/meldingen-2027.csv';

  test('a valid register: its counts are told, and it is in the result', async () => {
    const { prompter, result } = await run([...upToRegister, ['Meldingenregister', example]], {}, { thenEnter: true });
    expect(prompter.output).toContain(
      `Meldingenregister ${example}: 23 meldingen uit 2027 geteld, ter vergelijking 15 uit 2026 en 12 uit 2025; 3 rijen uit andere jaren niet meegeteld.`,
    );
    expect(result.register).toEqual({ path: example, skipBadRows: false });
    expect(prompter.output).toMatch(/Meldingen\s+examples\/meldingen-2027\.csv: 23 meldingen uit 2027/);
  });

  test('a missing file gets the message of `genereer --meldingen`; empty means no register', async () => {
    const { prompter, result } = await run(
      [...upToRegister, ['Meldingenregister', 'weg.csv'], ['Meldingenregister', '']],
      {},
      { thenEnter: true },
    );
    expect(prompter.asked.find((q) => q.message.includes('Meldingenregister'))!.errors).toEqual([
      'Kan het meldingenregister weg.csv niet lezen: het bestand of de map bestaat niet. Controleer de naam en de map.',
    ]);
    expect(result).not.toHaveProperty('register');
    expect(prompter.output).toMatch(/Meldingen\s+geen register: de rapportage krijgt vakken om in te vullen/);
  });

  test('rows with mistakes: listed with their line; skipped on request, otherwise the path is asked again', async () => {
    const bad = join(dir, 'meldingen.csv');
    writeFileSync(
      bad,
      `${readFileSync(join(packageRoot, example), 'utf8')}X-1;2027-05-01;onbekend;ambtenaar;open;onbekend;;\n`,
    );
    const skipped = await run(
      [...upToRegister, ['Meldingenregister', bad], ['Deze rijen overslaan', true]],
      {},
      { thenEnter: true },
    );
    expect(skipped.prompter.output).toMatch(
      /Dit register heeft 1 rij met fouten:\n {2}- .*meldingen\.csv:56 — categorie/,
    );
    expect(skipped.result.register).toEqual({ path: bad, skipBadRows: true });
    expect(skipped.prompter.output).toContain(
      '23 meldingen uit 2027 geteld, ter vergelijking 15 uit 2026 en 12 uit 2025; 3 rijen uit andere jaren niet meegeteld; 1 rij met fouten overgeslagen.',
    );

    const refused = await run(
      [...upToRegister, ['Meldingenregister', bad], ['Deze rijen overslaan', false], ['Meldingenregister', example]],
      {},
      { thenEnter: true },
    );
    expect(refused.prompter.output).toContain(
      'Verbeter die rijen in het register en geef het opnieuw op, of laat het pad leeg.',
    );
    expect(refused.prompter.asked.filter((q) => q.message.includes('Meldingenregister'))[1]!.default).toBe(bad);
    expect(refused.result.register).toEqual({ path: example, skipBadRows: false });
  });
});

test.each([
  [80, 24],
  [100, 32],
])('at %i×%i the summary fits above the menu, also with many weak themes and a warning', async (columns, rows) => {
  const many = kb.themes.filter((theme) => theme.hoofdstuk === 'h2' || theme.hoofdstuk === 'h56').map((t) => t.id);
  const prompter = new FakePrompter(
    [
      ['Wat voor organisatie', 'provincie'],
      ['Naam van de organisatie', 'Provincie met een lange naam voor de samenvatting'],
      ['Welke documenten', ['beleidsplan', 'rapportage', 'brief']],
      ['Planperiode – van', 2027],
      ['Planperiode – tot', 2030],
      ['Datum', '15 januari 2027'],
      ['Wat wilt u met de integriteitsrapportage', 'toch'],
      ['Naam van de auteur', 'P. de Wit'],
      ['Functie van', 'integriteitsadviseur'],
      ['Meldingenregister', 'examples/meldingen-2027.csv'],
      ['Welke hoofdstukken', ENTER],
      ["Welke thema's", many.filter((id) => id.startsWith('h2-'))],
      ["Welke thema's", ENTER],
      ["Welke thema's", ENTER],
      ["Welke thema's", many.filter((id) => id.startsWith('h56-'))],
      ['prioriteit kiezen', false],
      ['per basisnorm', false],
      ['In welke formaten', ENTER],
      ['In welke map', ENTER],
      ['Wat wilt u doen', 'maken'],
    ],
    { size: { columns, rows } },
  );
  await runWizardFlow(prompter, kb, catalogue, { today, checkRegister: checkRegister() });
  const [summaryText] = prompter.printed.filter((text) => text.includes('Samenvatting'));
  const lines = summaryText!.split('\n');
  // The menu takes six rows: its question, three choices, a blank line and the key help.
  expect(lines.length).toBeLessThanOrEqual(rows - 6);
  expect(lines.slice(0, 3)).toEqual(['', 'Samenvatting', expect.stringMatching(/^ {2}Organisatie {2,}Provincie met/)]);
  expect(lines.every((line) => line.length < columns)).toBe(true);
  expect(summaryText).toContain('Let op: het verslagjaar 2026 ligt vóór de planperiode');
});
