import type { Answers } from '../../src/answers/schema.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import {
  attachmentFormat,
  chaptersInForce,
  chosenChapters,
  coversGovernance,
  documentDate,
  documentWarnings,
  figuresInForce,
  hasRepresentativeBody,
  letterTreatment,
  offeredDocuments,
  registerBegins,
  registerCoversYear,
  reportStyle,
  reportYear,
  showsReport,
  themePriority,
  trendYears,
  weakThemesInForce,
} from '../../src/plan/rules.js';
import { warningText } from '../../src/plan/warnings.js';
import { toAnswersInput } from '../../src/wizard/draft.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { answersFrom, exampleAnswers, model } from '../support/plan.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await builtInKnowledge();
});

/** Answers as the wizard holds them between questions: typed, but not (yet) valid for the schema. */
function draftAnswers(change: Partial<Answers>): Answers {
  return { ...exampleAnswers(kb, 'gemeente'), ...change };
}

const rijk = (hoofdstukken: Answers['hoofdstukken'], zwakke_themas: string[] = []) =>
  draftAnswers({ organisatie: { naam: 'Dienst Test', type: 'rijk' }, hoofdstukken, zwakke_themas });

describe('chapters in force', () => {
  test('for valid answers: the chapters chosen, or by default all of the type, as the answers schema reads them', () => {
    for (const name of ['gemeente', 'provincie', 'waterschap', 'rijk', 'gemeente-rapportage-2027']) {
      const answers = exampleAnswers(kb, name);
      expect(chaptersInForce(kb, answers)).toEqual(chosenChapters(kb, answers));
    }
    const byDefault = answersFrom(kb, {
      organisatie: { naam: 'Dienst Test', type: 'rijk' },
      planperiode: { van: 2027, tot: 2027 },
    });
    expect(chaptersInForce(kb, byDefault)).toEqual(['h2', 'h4']);
  });

  // Decided: the plan model used the chosen chapters as they were, the wizard left out those of
  // another type and fell back to all of the type's. Now everyone does the latter.
  test('a chapter of another type is not in force, for the model as for the wizard', () => {
    const answers = rijk(['h2', 'h3'], ['h2-gedragsregels', 'h3-naleven-regels']);
    expect(chaptersInForce(kb, answers)).toEqual(['h2']);
    const m = model(kb, answers);
    expect(m.hoofdstukken.map((chapter) => chapter.id)).toEqual(['h2']);
    expect(m.zwakkeThemas.map((theme) => theme.id)).toEqual(['h2-gedragsregels']);
    expect(m.bestuurlijk).toBe(false);
    expect(toAnswersInput(kb, answers)).toMatchObject({ hoofdstukken: ['h2'], zwakke_themas: ['h2-gedragsregels'] });
  });

  test('when no chosen chapter applies to the type, all of the type’s are in force', () => {
    const answers = rijk(['h3', 'h56'], ['h4-handhaving']);
    expect(chaptersInForce(kb, answers)).toEqual(['h2', 'h4']);
    expect(model(kb, answers).hoofdstukken.map((chapter) => chapter.id)).toEqual(['h2', 'h4']);
    expect(toAnswersInput(kb, answers).hoofdstukken).toEqual(['h2', 'h4']);
  });

  // Decided: the wizard kept the order of the answers file, the documents that of the knowledge base.
  test('in the order of the knowledge base, whatever the order of the answers', () => {
    const answers = draftAnswers({ hoofdstukken: ['h56', 'h2', 'h4'] });
    expect(chaptersInForce(kb, answers)).toEqual(['h2', 'h4', 'h56']);
    expect(model(kb, answers).hoofdstukken.map((chapter) => chapter.id)).toEqual(['h2', 'h4', 'h56']);
    expect(toAnswersInput(kb, answers).hoofdstukken).toEqual(['h2', 'h4', 'h56']);
  });

  test('the documents cover bestuur and volksvertegenwoordiging when h3 or h56 is in force', () => {
    expect(coversGovernance(kb, draftAnswers({ hoofdstukken: ['h2', 'h56'] }))).toBe(true);
    expect(coversGovernance(kb, draftAnswers({ hoofdstukken: ['h3'] }))).toBe(true);
    expect(coversGovernance(kb, draftAnswers({ hoofdstukken: ['h2', 'h4'] }))).toBe(false);
    expect(coversGovernance(kb, rijk(undefined))).toBe(false);
  });
});

test('weak themes in force: known, in a chapter in force, in the order of the knowledge base', () => {
  const answers = draftAnswers({
    hoofdstukken: ['h2', 'h4'],
    zwakke_themas: ['h4-handhaving', 'bestaat-niet', 'h56-rol-griffier', 'h2-gedragsregels'],
  });
  const ids = weakThemesInForce(kb, answers).map((theme) => theme.id);
  expect(ids).toEqual(['h2-gedragsregels', 'h4-handhaving']);
  expect(model(kb, answers).zwakkeThemas.map((theme) => theme.id)).toEqual(ids);
  expect(toAnswersInput(kb, answers).zwakke_themas).toEqual(ids);
});

test('a weak theme without a priority in the answers is "midden", for the action plan as for the wizard', () => {
  const answers = exampleAnswers(kb, 'gemeente');
  expect(answers.prioriteiten).not.toHaveProperty('h2-gedragsregels');
  expect(themePriority(answers, 'h4-handhaving')).toBe('hoog');
  expect(themePriority(answers, 'h2-gedragsregels')).toBe('midden');
  const sections = model(kb, answers).zwakkeThemas;
  expect(sections.find((theme) => theme.id === 'h2-gedragsregels')!.prioriteit).toBe('midden');
});

test('the document date is the answers’ own, else today; the report year the one before it, unless given', () => {
  expect(documentDate({ datum: '2027-01-15' }, '2030-05-05')).toBe('2027-01-15');
  expect(documentDate({}, '2030-05-05')).toBe('2030-05-05');
  expect(reportYear({}, '2028-02-15')).toBe(2027);
  expect(reportYear({ verslagjaar: 2025 }, '2028-02-15')).toBe(2025);
  const m = model(kb, { ...exampleAnswers(kb, 'gemeente'), datum: undefined });
  expect([m.datum.iso, m.verslagjaar]).toEqual(['2027-01-15', 2026]);
});

describe('the documents a cover letter offers', () => {
  test('the others made in the same run; on its own the rapportage when the run is about a report year', () => {
    expect(offeredDocuments(['beleidsplan', 'brief'], true)).toEqual(['beleidsplan']);
    expect(offeredDocuments(['brief', 'rapportage', 'beleidsplan'], false)).toEqual(['rapportage', 'beleidsplan']);
    expect(offeredDocuments(['brief'], true)).toEqual(['rapportage']);
    expect(offeredDocuments(['brief'], false)).toEqual(['beleidsplan']);
  });

  test('the run shows the report when it makes or offers it', () => {
    expect(showsReport(['rapportage'], false)).toBe(true);
    expect(showsReport(['brief'], true)).toBe(true);
    expect(showsReport(['brief'], false)).toBe(false);
    expect(showsReport(['beleidsplan', 'brief'], true)).toBe(false);
  });

  test('attachments are listed as PDF if made, else DOCX, else Markdown', () => {
    expect(attachmentFormat(['md', 'docx', 'pdf'])).toBe('pdf');
    expect(attachmentFormat(['md', 'docx'])).toBe('docx');
    expect(attachmentFormat(['md'])).toBe('md');
  });
});

describe('warnings', () => {
  const report = (change: Partial<Answers>) => ({ ...exampleAnswers(kb, 'gemeente-rapportage-2027'), ...change });
  const run = { documents: ['rapportage'] as const, registerGiven: false, today: '2028-03-01' };

  test('a report dated within its own year, and a report year before the plan period', () => {
    expect(documentWarnings(report({}), run)).toEqual([]);
    expect(documentWarnings(report({ datum: '2027-12-31' }), run)).toEqual([
      { kind: 'dateNotAfterReportYear', date: '2027-12-31', reportYear: 2027 },
    ]);
    expect(documentWarnings(report({ verslagjaar: 2026, datum: '2026-06-01' }), run)).toEqual([
      { kind: 'dateNotAfterReportYear', date: '2026-06-01', reportYear: 2026 },
      { kind: 'reportYearBeforePlanPeriod', reportYear: 2026, planPeriod: { van: 2027, tot: 2030 } },
      // The example's own figures are those of 2027.
      { kind: 'figuresForOtherYear', figuresYear: 2027, reportYear: 2026 },
    ]);
  });

  test('figures in the answers for another year than the report: left out, with a warning that says what to do', () => {
    const other = report({ verslagjaar: 2028, datum: '2029-02-01' });
    const warnings = documentWarnings(other, run);
    expect(warnings).toEqual([{ kind: 'figuresForOtherYear', figuresYear: 2027, reportYear: 2028 }]);
    expect(warningText(warnings[0]!)).toBe(
      'Let op: de cijfers in het antwoordenbestand (rapportage.cijfers) gelden voor 2027, niet voor verslagjaar 2028; ' +
        'de rapportage laat ze weg en geeft vakken om in te vullen. Vul de cijfers van 2028 in en zet "jaar: 2028" erbij.',
    );
    expect(figuresInForce(other, 2028)).toBeUndefined();
    expect(figuresInForce(other, 2027)).toMatchObject({ jaar: 2027, adviesvragen: 14 });
    expect(documentWarnings(other, { ...run, documents: ['beleidsplan'] })).toEqual([]);
  });

  test('only when the run shows the report: made, or offered by a letter on its own', () => {
    const early = report({ datum: '2027-06-01' });
    expect(documentWarnings(early, { ...run, documents: ['beleidsplan', 'brief'] })).toEqual([]);
    expect(documentWarnings(early, { ...run, documents: ['brief'] })).toHaveLength(1);
    // Without a verslagjaar the report is about the year before the date: 2026, before the plan period.
    const noYear = report({ verslagjaar: undefined });
    expect(documentWarnings(noYear, { ...run, documents: ['brief'] })).toEqual([]);
    expect(documentWarnings(noYear, { ...run, documents: ['brief'], registerGiven: true })).toEqual([]);
    const beforePlan = report({ datum: '2027-06-01', verslagjaar: undefined, rapportage: undefined });
    expect(documentWarnings(beforePlan, { ...run, documents: ['brief'], registerGiven: true })).toEqual([
      { kind: 'reportYearBeforePlanPeriod', reportYear: 2026, planPeriod: { van: 2027, tot: 2030 } },
    ]);
  });
});

describe('the trend and the register', () => {
  test('the trend shows the verslagjaar and the two years before it, oldest first', () => {
    expect(trendYears(2027)).toEqual([2025, 2026, 2027]);
  });

  test('the register begins in register_sinds or in the year of its earliest melding, whichever is earlier', () => {
    expect(registerBegins({ earliestYear: 2026 })).toBe(2026);
    expect(registerBegins({ earliestYear: 2026, since: 2020 })).toBe(2020);
    // A row from before register_sinds shows that the register reaches back further.
    expect(registerBegins({ earliestYear: 2019, since: 2020 })).toBe(2019);
    expect(registerBegins({})).toBeUndefined();
  });

  test('a year before the register begins is "niet beschikbaar"; the verslagjaar always has a count', () => {
    expect([2025, 2026, 2027].map((year) => registerCoversYear(year, 2027, 2026))).toEqual([false, true, true]);
    expect([2025, 2026, 2027].map((year) => registerCoversYear(year, 2027, undefined))).toEqual([false, false, true]);
    expect(registerCoversYear(2027, 2027, 2030)).toBe(true);
  });
});

describe('the defaults of the report and the letter', () => {
  test('tables and "ter informatie" unless the answers choose otherwise', () => {
    expect(reportStyle({})).toBe('tabel');
    expect(reportStyle({ rapportage: { meldingen_als: 'zin' } })).toBe('zin');
    expect(letterTreatment({})).toBe('ter-informatie');
    expect(letterTreatment({ aanbieding: { behandeling: 'ter-bespreking' } })).toBe('ter-bespreking');
  });

  test('only a type with a representative body has a commissie to discuss the report in', () => {
    expect(
      ['gemeente', 'provincie', 'waterschap', 'rijk'].map((type) => hasRepresentativeBody(kb, type as never)),
    ).toEqual([true, true, true, false]);
  });
});
