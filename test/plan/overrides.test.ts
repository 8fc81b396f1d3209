import { parse, stringify } from 'yaml';
import { parseAnswers } from '../../src/answers/load.js';
import type { Answers } from '../../src/answers/schema.js';
import { buildActionPlan } from '../../src/plan/actions.js';
import { warningText } from '../../src/plan/warnings.js';
import { UserError } from '../../src/validation/problem.js';
import { toAnswersInput } from '../../src/wizard/draft.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { documentText, exampleAnswers, model, renderTree } from '../support/plan.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

/* The officer has the last word: the answers file moves, reassigns, drops and adds measures. */

const exampleText = readFileSync(join(packageRoot, 'examples/gemeente.yaml'), 'utf8');

async function withActionPlan(actieplan: object, extra: object = {}): Promise<Answers> {
  const kb = await builtInKnowledge();
  const value = { ...(parse(exampleText) as object), ...extra, actieplan };
  return parseAnswers(stringify(value), 'antwoorden.yaml', kb);
}

async function problemsOf(actieplan: object, extra: object = {}): Promise<string[]> {
  try {
    await withActionPlan(actieplan, extra);
  } catch (error) {
    if (error instanceof UserError) return error.problems.map((p) => `${p.key}: ${p.message}`);
    throw error;
  }
  return [];
}

test('a measure moves to the quarter the officer chooses, by its id or by its old id', async () => {
  const kb = await builtInKnowledge();
  for (const id of ['vertrouwenspersoon', 'h4-handhaving/m1']) {
    const answers = await withActionPlan({ maatregelen: { [id]: { kwartaal: 'K4 2028' } } });
    const measure = model(kb, answers).actieplan.find((m) => m.id === 'vertrouwenspersoon')!;
    expect([measure.jaar, measure.kwartaal]).toEqual([2028, 4]);
  }
});

test('another owner, a role of the type, is shown with the type’s own name', async () => {
  const kb = await builtInKnowledge();
  const answers = await withActionPlan({ maatregelen: { vertrouwenspersoon: { eigenaar: 'hr' } } });
  expect(model(kb, answers).actieplan.find((m) => m.id === 'vertrouwenspersoon')!.eigenaar).toBe('afdeling HRM');
});

test('a measure left out is in neither the action plan, the theme sections nor the rapportage', async () => {
  const kb = await builtInKnowledge();
  const answers = await withActionPlan(
    { maatregelen: { 'intervisie-griffiers': { weglaten: true } } },
    { verslagjaar: 2027 },
  );
  const plan = model(kb, answers);
  expect(plan.actieplan.map((m) => m.id)).not.toContain('intervisie-griffiers');
  expect(plan.zwakkeThemas.flatMap((s) => s.maatregelen.map((m) => m.id))).not.toContain('intervisie-griffiers');
  const text = documentText(await renderTree('beleidsplan', plan)).join('\n');
  expect(text).not.toContain('Stem integriteitsvraagstukken af met collega-griffiers');
  expect(model(kb, await withActionPlan({}, { verslagjaar: 2027 })).actieplan.length).toBe(plan.actieplan.length + 1);
});

test('an own measure stands in the plan with its text, owner, quarter, kind and themes, and in the rapportage', async () => {
  const kb = await builtInKnowledge();
  const answers = await withActionPlan(
    {
      eigen: [
        {
          id: 'eigen-sociale-media',
          tekst: 'Spreek met de raad af hoe raadsleden op sociale media met vertrouwelijke informatie omgaan.',
          eigenaar: 'griffier',
          themas: ['h56-rol-griffier'],
          kwartaal: 'K3 2027',
        },
        {
          id: 'eigen-integriteitsweek',
          tekst: 'Houd elk najaar een integriteitsweek.',
          eigenaar: 'integriteitsfunctionaris',
          soort: 'jaarlijks',
          kwartaal: 'K4 2027',
        },
      ],
    },
    { verslagjaar: 2027, maatregel_status: { 'eigen-sociale-media': 'uitgevoerd' } },
  );
  const plan = model(kb, answers);
  const media = plan.actieplan.find((m) => m.id === 'eigen-sociale-media')!;
  expect(media).toMatchObject({
    eigenaar: 'griffier',
    jaar: 2027,
    kwartaal: 3,
    eigen: true,
    status: 'uitgevoerd',
    soort: 'eenmalig',
  });
  expect(media.themas.map((t) => t.id)).toEqual(['h56-rol-griffier']);
  expect(plan.zwakkeThemas.find((s) => s.id === 'h56-rol-griffier')!.maatregelen.map((m) => m.id)).toContain(
    'eigen-sociale-media',
  );
  const week = plan.actieplan.find((m) => m.id === 'eigen-integriteitsweek')!;
  expect(week).toMatchObject({ soort: 'jaarlijks', jaar: 2027, kwartaal: 4, themas: [] });
  const text = documentText(await renderTree('beleidsplan', plan)).join('\n');
  expect(text).toContain('jaarlijks in K4, vanaf 2027');
  expect(text).toContain('Organisatie en borgen: de rol van de griffier (monitorhoofdstuk 5 en 6) (eigen maatregel)');
  const report = documentText(
    await renderTree('rapportage', { ...plan, ...(await reportContext(plan, answers)) }),
  ).join('\n');
  expect(report).toContain('Spreek met de raad af hoe raadsleden op sociale media');
});

async function reportContext(plan: ReturnType<typeof model>, answers: Answers) {
  const kb = await builtInKnowledge();
  const { buildReportContext } = await import('../../src/plan/report-model.js');
  return buildReportContext(plan, answers, kb, { threshold: 5, offered: ['rapportage'], attachmentFormat: 'pdf' });
}

test('the maximum of new measures per quarter comes from the answers', async () => {
  const kb = await builtInKnowledge();
  const one = buildActionPlan(kb, await withActionPlan({ max_per_kwartaal: 1 }));
  const load = new Map<string, number>();
  for (const m of one.measures)
    load.set(`${m.when!.jaar}-${m.when!.kwartaal}`, (load.get(`${m.when!.jaar}-${m.when!.kwartaal}`) ?? 0) + 1);
  expect(one.maxPerQuarter.asked).toBe(1);
  expect(Math.max(...load.values())).toBe(one.maxPerQuarter.used);
  expect(buildActionPlan(kb, await withActionPlan({})).maxPerQuarter.asked).toBe(3);
});

test('a maximum too low for the plan is raised, and genereer says so', async () => {
  const kb = await builtInKnowledge();
  const plan = buildActionPlan(
    kb,
    await withActionPlan({ max_per_kwartaal: 1 }, { planperiode: { van: 2027, tot: 2027 } }),
  );
  expect(plan.maxPerQuarter.used).toBeGreaterThan(1);
  const warning = plan.warnings.find((w) => w.kind === 'maxPerQuarterRaised')!;
  expect(warningText(warning)).toMatch(
    /met hoogstens 1 nieuwe per kwartaal beginnen niet alle \d+ maatregelen op tijd/,
  );
});

test('a measure moved before the one it builds on stays where the officer put it, with a warning', async () => {
  const kb = await builtInKnowledge();
  const plan = buildActionPlan(
    kb,
    await withActionPlan({
      maatregelen: {
        'meldprocedure-en-protocol': { kwartaal: 'K4 2028' },
        'communicatie-over-schendingen': { kwartaal: 'K1 2027' },
      },
    }),
  );
  expect(plan.measures.find((m) => m.id === 'communicatie-over-schendingen')!.when).toEqual({
    jaar: 2027,
    kwartaal: 1,
  });
  expect(plan.warnings.map(warningText)).toContain(
    'Let op: maatregel communicatie-over-schendingen staat in K1 2027, vóór meldprocedure-en-protocol (K4 2028), waar hij na hoort. ' +
      'Kies in actieplan.maatregelen een later kwartaal voor communicatie-over-schendingen of een eerder voor meldprocedure-en-protocol.',
  );
});

test('mistakes in the action plan section are named with key and what is valid', async () => {
  const problems = await problemsOf({
    max_per_kwartaal: 0,
    maatregelen: {
      vertrouwenspersoom: { kwartaal: 'K2 2027' },
      'h2-gedragsregels/m4': { kwartaal: 'K5 2027' },
      'bestaande-regels-bekendmaken': { weglaten: true },
      zelfevaluatie: { kwartaal: 'K1 2035' },
      vertrouwenspersoon: { eigenaar: 'directeur' },
      'meldprocedure-en-protocol': {},
    },
    eigen: [
      { id: 'sociale-media', tekst: 'x', eigenaar: 'griffier', kwartaal: 'K1 2027' },
      { id: 'eigen-training', tekst: 'Train.', eigenaar: 'hr', themas: ['h2-gedragsregel'] },
      {
        id: 'eigen-na',
        tekst: 'Na de verkiezingen.',
        eigenaar: 'griffier',
        soort: 'na-verkiezingen',
        kwartaal: 'K2 2030',
      },
    ],
  });
  expect(problems).toEqual(
    expect.arrayContaining([
      'actieplan.max_per_kwartaal: minstens 1',
      'actieplan.maatregelen.vertrouwenspersoom: onbekende maatregel "vertrouwenspersoom"; bedoelde u "vertrouwenspersoon"?',
      'actieplan.maatregelen.h2-gedragsregels/m4.kwartaal: schrijf een kwartaal als K1 tot en met K4 met het jaar, bijvoorbeeld "K3 2027"',
      expect.stringMatching(
        /^actieplan\.maatregelen\.(bestaande-regels-bekendmaken|h2-gedragsregels\/m4): ".*" en ".*" zijn dezelfde maatregel \(bestaande-regels-bekendmaken\)/,
      ),
      'actieplan.maatregelen.meldprocedure-en-protocol: geef kwartaal, eigenaar of weglaten: true',
      expect.stringMatching(/^actieplan\.eigen\[0\]\.id: een eigen maatregel heeft een id die begint met "eigen-"/),
      'actieplan.eigen[1].kwartaal: geef het kwartaal, bijvoorbeeld "K3 2027"',
      'actieplan.eigen[1].themas[0]: onbekend thema "h2-gedragsregel"; bedoelde u "h2-gedragsregels"?',
      'actieplan.eigen[2].kwartaal: een maatregel na-verkiezingen krijgt zijn kwartaal van de verkiezingsdatum; laat kwartaal weg of kies een andere soort',
    ]),
  );
});

test('owners must be roles of the type, quarters in the period, elections of the type', async () => {
  const gemeente = await problemsOf({
    maatregelen: { zelfevaluatie: { kwartaal: 'K1 2035' }, vertrouwenspersoon: { eigenaar: 'directeur' } },
  });
  expect(gemeente).toEqual(
    expect.arrayContaining([
      'actieplan.maatregelen.zelfevaluatie.kwartaal: K1 2035 ligt buiten de planperiode; kies een kwartaal van K1 2027 tot en met K4 2030',
      expect.stringMatching(
        /^actieplan\.maatregelen\.vertrouwenspersoon\.eigenaar: onbekende rol "directeur"; .*secretaris \(gemeentesecretaris\)/,
      ),
    ]),
  );
  const rijk = await problemsOf(
    {
      maatregelen: { vertrouwenspersoon: { eigenaar: 'griffier' } },
      eigen: [{ id: 'eigen-intro', tekst: 'Introductie.', eigenaar: 'hr', soort: 'na-verkiezingen' }],
    },
    {
      organisatie: { naam: 'Dienst', type: 'rijk' },
      hoofdstukken: ['h2', 'h4'],
      zwakke_themas: ['h2-procedures-meldingen'],
      prioriteiten: {},
      toelichting: {},
    },
  );
  expect(rijk).toEqual([
    expect.stringMatching(
      /^actieplan\.maatregelen\.vertrouwenspersoon\.eigenaar: rol "griffier" bestaat niet bij rijk; kies uit: .*secretaris \(secretaris-generaal\)/,
    ),
    'actieplan.eigen[0].soort: het Rijk heeft in de kennisbank geen eigen verkiezingen; kies eenmalig, doorlopend of jaarlijks',
  ]);
});

test('maatregel_status takes new ids, old ids and own ids; an unknown one gets a suggestion', async () => {
  const kb = await builtInKnowledge();
  const problems = await problemsOf(
    {},
    { maatregel_status: { vertrouwenspersoom: 'loopt', 'eigen-onbekend': 'loopt' } },
  );
  expect(problems).toEqual([
    'maatregel_status.vertrouwenspersoom: onbekende maatregel "vertrouwenspersoom"; bedoelde u "vertrouwenspersoon"?',
    'maatregel_status.eigen-onbekend: onbekende eigen maatregel (actieplan.eigen) "eigen-onbekend"; geldig: ',
  ]);
  const answers = await withActionPlan(
    {},
    { maatregel_status: { 'h4-handhaving/m3': 'niet-gestart', zelfevaluatie: 'loopt' } },
  );
  const plan = model(kb, answers);
  expect(plan.actieplan.find((m) => m.id === 'communicatie-over-schendingen')!.status).toBe('niet-gestart');
  expect(plan.actieplan.find((m) => m.id === 'zelfevaluatie')!.status).toBe('loopt');
});

test('old ids that became one measure: the least advanced state counts, with a warning; the new id wins', async () => {
  const kb = await builtInKnowledge();
  const old = await withActionPlan(
    {},
    { maatregel_status: { 'h2-procedures-meldingen/m3': 'loopt', 'h4-handhaving/m1': 'uitgevoerd' } },
  );
  const plan = buildActionPlan(kb, old);
  expect(plan.measures.find((m) => m.id === 'vertrouwenspersoon')!.status).toBe('loopt');
  expect(plan.warnings.map(warningText)).toEqual([
    'Let op: h2-procedures-meldingen/m3 (loopt), h4-handhaving/m1 (uitgevoerd) zijn nu één maatregel, vertrouwenspersoon, met ' +
      'verschillende standen in maatregel_status. De rapportage neemt "loopt". Geef de stand met "vertrouwenspersoon: …" om zelf te kiezen.',
  ]);
  const chosen = await withActionPlan(
    {},
    {
      maatregel_status: {
        'h2-procedures-meldingen/m3': 'loopt',
        'h4-handhaving/m1': 'uitgevoerd',
        vertrouwenspersoon: 'uitgevoerd',
      },
    },
  );
  const resolved = buildActionPlan(kb, chosen);
  expect(resolved.measures.find((m) => m.id === 'vertrouwenspersoon')!.status).toBe('uitgevoerd');
  expect(resolved.warnings).toEqual([]);
});

test('every id of before the catalogue still names a measure', async () => {
  const kb = await builtInKnowledge();
  const old = (
    parse(readFileSync(join(packageRoot, 'test/fixtures/measures-before-catalogue.yaml'), 'utf8')) as { id: string }[]
  ).map((m) => m.id);
  expect(old).toHaveLength(114);
  const answers = await withActionPlan({}, { maatregel_status: Object.fromEntries(old.map((id) => [id, 'loopt'])) });
  expect(Object.keys(answers.maatregel_status)).toHaveLength(114);
  for (const id of old) expect(kb.measures.filter((m) => m.oude_ids.includes(id))).toHaveLength(1);
});

test('a saved answers file keeps the action plan section, as the officer wrote it', async () => {
  const kb = await builtInKnowledge();
  const section = {
    max_per_kwartaal: 2,
    maatregelen: {
      vertrouwenspersoon: { kwartaal: 'K4 2028', eigenaar: 'hr' },
      'intervisie-griffiers': { weglaten: true },
    },
    eigen: [
      {
        id: 'eigen-week',
        tekst: 'Integriteitsweek.',
        eigenaar: 'hr',
        themas: [],
        soort: 'jaarlijks',
        kwartaal: 'K4 2027',
      },
    ],
  };
  const answers = await withActionPlan(section);
  const saved = toAnswersInput(kb, answers);
  expect(saved.actieplan).toEqual(section);
  expect(parseAnswers(stringify(saved), 'opgeslagen.yaml', kb)).toEqual(answers);
  expect(toAnswersInput(kb, exampleAnswers(kb, 'gemeente'))).not.toHaveProperty('actieplan');
});
