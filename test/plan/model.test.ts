import { scheduleMeasures } from '../../src/plan/schedule.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { answersFrom, exampleAnswers, model } from '../support/plan.js';

test.each([
  ['gemeente', 'burgemeester', 'gemeenteraad', 'griffier', 'gemeentesecretaris'],
  ['provincie', 'Commissaris van de Koning', 'Provinciale Staten', 'statengriffier', 'provinciesecretaris'],
  ['waterschap', 'dijkgraaf', 'algemeen bestuur', 'griffier', 'secretaris-directeur'],
])('%s: roles and bodies carry the type’s own titles', async (type, chair, body, clerk, secretary) => {
  const kb = await builtInKnowledge();
  const m = model(kb, exampleAnswers(kb, type));
  expect(m.organisatie.rollen).toMatchObject({
    voorzitter: chair,
    volksvertegenwoordiging: body,
    griffier: clerk,
    secretaris: secretary,
  });
  expect(m.bestuurlijk).toBe(true);
});

test('rijk: only h2 and h4, no chair, representative body or clerk', async () => {
  const kb = await builtInKnowledge();
  const m = model(kb, exampleAnswers(kb, 'rijk'));
  expect(m.hoofdstukken.map((c) => c.id)).toEqual(['h2', 'h4']);
  expect(m.organisatie.rollen.secretaris).toBe('secretaris-generaal');
  expect(m.organisatie.rollen).not.toHaveProperty('voorzitter');
  expect(m.organisatie.rollen).not.toHaveProperty('griffier');
  expect(m.bestuurlijk).toBe(false);
  expect(m.wetgeving.regels.map((r) => r.titel)).toContain('Gedragscode Integriteit Rijk');
  expect(m.wetgeving.regels.map((r) => r.titel)).not.toContain('Gemeentewet, artikel 170');
});

test('chapters default to those of the type; weak themes are marked per chapter', async () => {
  const kb = await builtInKnowledge();
  const m = model(kb, exampleAnswers(kb, 'provincie'));
  expect(m.hoofdstukken.map((c) => c.id)).toEqual(['h2', 'h3', 'h4', 'h56']);
  expect(m.hoofdstukken.find((c) => c.id === 'h3')!.themas.find((t) => t.id === 'h3-moreel-bewustzijn')!.zwak).toBe(
    true,
  );
  expect(m.zwakkeThemas.map((t) => t.id)).toEqual([
    'h2-moreel-bewustzijn',
    'h3-moreel-bewustzijn',
    'h4-audit-en-rapportage',
    'h56-handhaving',
  ]);
  expect(m.overigeThemas).toHaveLength(28 - 4);
});

test('all measures of all 28 weak themes are spread over every quarter, high priority first', async () => {
  const kb = await builtInKnowledge();
  const answers = answersFrom(kb, {
    organisatie: { naam: 'Gemeente Alles', type: 'gemeente' },
    zwakke_themas: kb.themes.map((t) => t.id),
    prioriteiten: { 'h56-audit-en-rapportage': 'hoog', 'h2-gedragsregels': 'laag' },
    planperiode: { van: 2027, tot: 2030 },
  });
  const m = model(kb, answers);
  const total = kb.themes.reduce((n, t) => n + t.maatregelen.length, 0);
  expect(m.actieplan).toHaveLength(total);
  const slots = new Set(m.actieplan.map((a) => `${a.jaar}-${a.kwartaal}`));
  expect(slots.size).toBe(16);
  const perSlot = [...slots].map((s) => m.actieplan.filter((a) => `${a.jaar}-${a.kwartaal}` === s).length);
  expect(Math.max(...perSlot) - Math.min(...perSlot)).toBeLessThanOrEqual(1);
  expect(m.actieplan[0]!.id).toBe('h56-audit-en-rapportage/m1');
  expect(m.actieplan.at(-1)!.prioriteit).toBe('laag');
  expect(
    m.actieplan.every(
      (a, i, list) => i === 0 || a.jaar * 4 + a.kwartaal >= list[i - 1]!.jaar * 4 + list[i - 1]!.kwartaal,
    ),
  ).toBe(true);
  expect(m.colofon.antwoordenDigest).toMatch(/^[0-9a-f]{16}$/);
});

test('the schedule puts each theme’s first step before any second step within a priority', () => {
  const quarters = scheduleMeasures(
    [
      { priority: 'midden', themeRank: 0, stepInTheme: 0 },
      { priority: 'midden', themeRank: 0, stepInTheme: 1 },
      { priority: 'midden', themeRank: 1, stepInTheme: 0 },
      { priority: 'hoog', themeRank: 2, stepInTheme: 0 },
    ],
    2027,
    2027,
  );
  expect(quarters).toEqual([
    { year: 2027, quarter: 2, order: 1 },
    { year: 2027, quarter: 4, order: 3 },
    { year: 2027, quarter: 3, order: 2 },
    { year: 2027, quarter: 1, order: 0 },
  ]);
});
