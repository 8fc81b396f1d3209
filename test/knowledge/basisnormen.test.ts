import { basisnormIds } from '../../src/knowledge/schema.js';
import { builtInKnowledge, knowledgeCopyPerTest } from '../support/knowledge.js';

const { checkWith } = knowledgeCopyPerTest('basisnormen-kb-');

test('the knowledge base has the 13 basisnormen in the order of the Modelaanpak, each with what it requires', async () => {
  const kb = await builtInKnowledge();
  expect(kb.basisnormen.normen.map((norm) => norm.id)).toEqual([...basisnormIds]);
  for (const norm of kb.basisnormen.normen) {
    expect(norm.eis.length).toBeGreaterThan(80);
    expect(norm.samenvatting.length).toBeLessThanOrEqual(90);
    expect(norm.themas.length).toBeGreaterThan(0);
  }
  expect(kb.basisnormen.standen.map((stand) => stand.id)).toEqual(['aanwezig', 'deels', 'ontbreekt', 'onbekend']);
});

test('every article number the basisnormen cite is one the domain notes give in "The basisnormen"', async () => {
  const kb = await builtInKnowledge();
  // Ambtenarenwet 2017 art. 4, 5, 7; Gemeentewet 12, 41b, 67, 15, 41c, 69; Provinciewet 11, 40b, 66, 15, 40c, 68;
  // Waterschapswet 32, 44, 48, 33.
  const fromNotes = new Set('4 5 7 12 41b 67 15 41c 69 11 40b 66 40c 68 32 44 48 33'.split(' '));
  const cited = kb.basisnormen.normen
    .flatMap((norm) => norm.grondslag.map((basis) => basis.vindplaats))
    .map((text) => text.replace(/\b(sinds|in werking sinds) \d+ \p{L}+ \d{4}|\(versie \p{L}+ \d{4}\)|Ambtenarenwet 2017/gu, ''));
  const numbers = cited.flatMap((text) => [...text.matchAll(/\b\d+[a-z]*\b/g)].map((m) => m[0]));
  expect(numbers.length).toBeGreaterThan(20);
  expect(numbers.filter((number) => !fromNotes.has(number))).toEqual([]);
});

test('controleer reports an article number that the rule of wetgeving.yaml does not name', async () => {
  const result = await checkWith('basisnormen.yaml', (text) =>
    text.replace('Ambtenarenwet 2017, artikel 5, eerste lid, onder d', 'Ambtenarenwet 2017, artikel 6, eerste lid, onder d'),
  );
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/basisnormen\.yaml.*normen\[6\]\.grondslag\[0\]\.vindplaats: 6 staat niet in regel "ambtenarenwet-art-5-en-7"/);
});

test('controleer reports a missing norm, an unknown rule and an unknown theme, all at once', async () => {
  const first = await checkWith('basisnormen.yaml', (text) =>
    text
      .replace('regel: vog-gemeente', 'regel: vog-gemeent')
      .replace('themas: [h4-regels-en-procedures]\n\n  - id: geschenken', 'themas: [h4-regels-procedures]\n\n  - id: geschenken'),
  );
  expect(first.code).toBe(1);
  expect(first.stderr).toContain('onbekende regel van wetgeving.yaml "vog-gemeent"; bedoelde u "vog-gemeente"?');
  expect(first.stderr).toContain('onbekend thema "h4-regels-procedures"; bedoelde u "h4-regels-en-procedures"?');

  const missing = await checkWith('basisnormen.yaml', (t) => t.replace('  - id: informatiebescherming', '  - id: informatie'));
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/informatiebescherming/);
});

test('controleer reports a norm that has no measure for a stand that needs one', async () => {
  const result = await checkWith('maatregelen.yaml', (text) => text.replace('  basisnormen: [inkoop-en-aanbesteding]\n', '  basisnormen: [informatiebescherming]\n'));
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'bij gemeente, provincie, waterschap, rijk heeft deze basisnorm bij stand deels geen maatregel voor de doelgroep ambtelijke organisatie',
  );
});
