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
import { warningText } from '../../src/plan/warnings.js';
import { loadDocumentCatalogue, type DocumentCatalogue } from '../../src/vocabulary.js';
import { runWizardFlow } from '../../src/wizard/flow.js';
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
  ['In welke formaten', ENTER],
  ['In welke map', ENTER],
];

async function run(steps: Step[], start: Partial<DraftStart> = {}, options: { thenEnter?: boolean } = {}) {
  const prompter = new FakePrompter(steps, options);
  const result = await runWizardFlow(prompter, kb, catalogue, { today, ...start });
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
      ['Datum', ENTER],
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
  expect(result.answers.verslagjaar).toBe(2026);
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
    ['In welke formaten', ENTER],
    ['In welke map', ENTER],
    // Summary: change the organisation to the Rijk, which has no chapters 3, 5 and 6.
    ['Wat wilt u doen', 'wijzig:organisatie'],
    ['Wat voor organisatie', 'rijk'],
    ['Naam van de organisatie', 'Dienst Test'],
    ['Welke hoofdstukken', ENTER],
    ["Welke thema's", ENTER],
    ["Welke thema's", ENTER],
    ['prioriteit kiezen', ENTER],
    ['Prioriteit van "Gedragsregels"', ENTER],
    // Back at the summary: only the output folder changes now, nothing depends on it.
    ['Wat wilt u doen', 'wijzig:uitvoer'],
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
  expect(defaultOf('Datum')).toBe('2027-01-15');
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
  expect(defaultOf('Datum')).toBe(day);
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

test('with last year’s answers file, the document date starts at today; the rest is pre-filled', async () => {
  const prefill = await readAnswersFile(join(packageRoot, 'examples', 'gemeente.yaml'), 'gemeente.yaml', kb);
  const { result, prompter } = await run([], { prefill, today: '2028-01-10' }, { thenEnter: true });
  const defaultOf = (fragment: string) => prompter.asked.find((q) => q.message.includes(fragment))!.default;
  expect(defaultOf('Datum')).toBe('2028-01-10');
  expect(defaultOf('Naam van de organisatie')).toBe('Gemeente Voorbeeld');
  expect(defaultOf('Planperiode – van')).toBe(prefill.planperiode.van);
  expect(answersSchema(kb).parse(result.answers)).toEqual({ ...prefill, datum: '2028-01-10' });
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
  await expect(runWizardFlow(prompter, kb, catalogue, { today })).rejects.toMatchObject({ name: 'AbortPromptError' });
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
    ['Over welk jaar', 2027],
    ['Naam van de auteur', ENTER],
    ['Welke hoofdstukken', ENTER],
    ["Welke thema's", ['h2-gedragsregels']],
    ["Welke thema's", ENTER],
    ["Welke thema's", ENTER],
    ["Welke thema's", ENTER],
    ['prioriteit kiezen', ENTER],
    ['In welke formaten', ['md']],
    ['In welke map', ENTER],
  ];

  test('every warning, in the words of `genereer`, while it can still be changed', async () => {
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
    expect(summaryText!.trimEnd().endsWith(`\n\n${warnings.map(warningText).join('\n')}`)).toBe(true);
    // Said once, under the summary; the questions themselves no longer have a warning of their own.
    expect(prompter.output.split('Let op:')).toHaveLength(3);
  });

  test('after a change that settles them, the next summary has none', async () => {
    const { prompter } = await run([
      ...early,
      ['Wat wilt u doen', 'wijzig:periode'],
      ['Planperiode – van', 2027],
      ['Planperiode – tot', ENTER],
      ['Datum', '2028-02-15'],
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
      ['In welke formaten', ENTER],
      ['In welke map', ENTER],
      ['Wat wilt u doen', 'wijzig:documenten'],
      ['Welke documenten', ['rapportage']],
      ['Planperiode – van', ENTER],
      ['Planperiode – tot', ENTER],
      ['Datum', ENTER],
      ['Over welk jaar', ENTER],
      ['Naam van de auteur', ENTER],
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
