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

test('an all-themes plan takes up every measure of the catalogue once and fills every quarter', async () => {
  const kb = await builtInKnowledge();
  const answers = answersFrom(kb, {
    organisatie: { naam: 'Gemeente Alles', type: 'gemeente' },
    zwakke_themas: kb.themes.map((t) => t.id),
    prioriteiten: { 'h56-audit-en-rapportage': 'hoog', 'h2-gedragsregels': 'laag' },
    planperiode: { van: 2027, tot: 2030 },
  });
  const m = model(kb, answers);
  // Without a basisnormen section, a measure that serves only basisnormen is not in the plan.
  const themeMeasures = kb.measures.filter((measure) => measure.themas.length > 0);
  expect(kb.measures.length - themeMeasures.length).toBeGreaterThan(0);
  expect(m.actieplan.map((a) => a.id).sort()).toEqual(themeMeasures.map((measure) => measure.id).sort());
  expect(new Set(m.actieplan.map((a) => `${a.jaar}-${a.kwartaal}`)).size).toBe(16);
  // The action plan runs in time: by (first) quarter.
  const slot = (a: { jaar?: number; kwartaal?: number }) => a.jaar! * 4 + a.kwartaal!;
  expect(m.actieplan.every((a, i, list) => i === 0 || slot(a) >= slot(list[i - 1]!))).toBe(true);
  expect(m.actieplanPerJaar.map((y) => y.jaar)).toEqual([2027, 2028, 2029, 2030]);
  expect(m.actieplan.map((a) => a.nr)).toEqual(m.actieplan.map((_, i) => i + 1));
  expect(m.colofon.antwoordenDigest).toMatch(/^[0-9a-f]{16}$/);
});
