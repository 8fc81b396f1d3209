import { builtInKnowledge, knowledgeCopyPerTest } from '../support/knowledge.js';

/*
 * The measures that carry out a legal duty (`wettelijke_plicht` in maatregelen.yaml): only what the
 * domain notes say the law requires, cited as the basisnormen cite it, and checked by `controleer`.
 */

const { checkWith } = knowledgeCopyPerTest('legal-duties-kb-');

test('the measures marked as a legal duty are those the domain notes name, and no more', async () => {
  const kb = await builtInKnowledge();
  const marked = Object.fromEntries(
    kb.measures.filter((m) => m.wettelijke_plicht.length > 0).map((m) => [m.id, m.wettelijke_plicht.map((d) => d.regel)]),
  );
  expect(marked).toEqual({
    // Ambtenarenwet 2017 art. 5 lid 1 d: designate the functions with a particular risk of financial conflicts.
    risicoanalyse: ['ambtenarenwet-art-5-en-7'],
    // Art. 4 lid 3: the employer has a gedragscode; at the Rijk that is the Gedragscode Integriteit Rijk.
    'gedragscode-herzien': ['ambtenarenwet-art-4', 'gedragscode-rijk'],
    // Art. 5 lid 1 e and the Wet bescherming klokkenluiders.
    'meldprocedure-en-protocol': ['ambtenarenwet-art-5-en-7', 'melden-misstanden'],
    // Art. 4: integrity is part of personnel policy (werkoverleg, functioneringsgesprekken, training) and accounted for yearly.
    'dilemmas-in-werkoverleg': ['ambtenarenwet-art-4'],
    'trainingen-moreel-bewustzijn': ['ambtenarenwet-art-4'],
    'integriteit-in-functioneringsgesprek': ['ambtenarenwet-art-4'],
    integriteitsrapportage: ['ambtenarenwet-art-4'],
    // Art. 5 lid 1 a and art. 7: the eed of belofte.
    'werving-en-introductie': ['ambtenarenwet-art-5-en-7'],
    // Gemeentewet art. 170 and the same duty of the CdK and the dijkgraaf.
    'bestuurlijke-integriteit-bevorderen': ['gemeentewet-art-170', 'provinciewet-commissaris', 'waterschapswet-voorzitter'],
    'gedragscodes-politieke-ambtsdragers': ['gedragscodes-gemeente', 'gedragscodes-provincie', 'gedragscodes-waterschap'],
    'nevenfuncties-openbaar': ['nevenfuncties-gemeente', 'nevenfuncties-provincie', 'nevenfuncties-waterschap'],
    'vog-bestuurders': ['vog-gemeente', 'vog-provincie', 'vog-waterschap'],
    // Art. 5 lid 1 b, c and d.
    'register-nevenwerkzaamheden': ['ambtenarenwet-art-5-en-7'],
    'financiele-belangen-melden': ['ambtenarenwet-art-5-en-7'],
  });
  // The registration of violations does not follow from art. 4 (domain notes): not a legal duty here.
  expect(marked['registratie-schendingen']).toBeUndefined();
});

test('a duty cites its provision as the basisnorm it serves on the same rule does, with article numbers from the domain notes', async () => {
  const kb = await builtInKnowledge();
  // As in "The basisnormen" and "Legal framework": Ambtenarenwet 4, 5, 7; Gemeentewet 12, 15, 41b, 41c, 67, 69,
  // 170; Provinciewet 11, 15, 40b, 40c, 66, 68; Waterschapswet 32, 33, 44, 48.
  const fromNotes = new Set('4 5 7 12 15 41b 41c 67 69 170 11 40b 40c 66 68 32 33 44 48'.split(' '));
  let compared = 0;
  for (const measure of kb.measures) {
    for (const duty of measure.wettelijke_plicht) {
      const cited = duty.vindplaats.replace(
        /\b(sinds|in werking sinds) \d+ \p{L}+ \d{4}|\(versie \p{L}+ \d{4}\)|Ambtenarenwet 2017/gu,
        '',
      );
      const numbers = [...cited.matchAll(/\b\d+[a-z]*\b/g)].map((m) => m[0]);
      expect({ [measure.id]: numbers.filter((n) => !fromNotes.has(n)) }).toEqual({ [measure.id]: [] });
      const sameRule = kb.basisnormen.normen
        .filter((norm) => measure.basisnormen.includes(norm.id))
        .flatMap((norm) => norm.grondslag.filter((basis) => basis.regel === duty.regel));
      for (const basis of sameRule) {
        expect({ [measure.id]: duty.vindplaats }).toEqual({ [measure.id]: basis.vindplaats });
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(15);
});

test('controleer reports an article number in a legal duty that its rule does not name', async () => {
  const result = await checkWith('maatregelen.yaml', (text) =>
    text.replace('vindplaats: Gemeentewet, artikel 170', 'vindplaats: Gemeentewet, artikel 171'),
  );
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(
    /maatregelen\.yaml.*\.wettelijke_plicht\[0\]\.vindplaats: 171 staat niet in regel "gemeentewet-art-170"/,
  );
});

test('controleer reports an unknown rule, and a rule that holds for none of the measure’s types', async () => {
  const unknown = await checkWith('maatregelen.yaml', (text) =>
    text.replace('    - regel: gemeentewet-art-170', '    - regel: gemeentewet-art-17'),
  );
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('onbekende regel van wetgeving.yaml "gemeentewet-art-17"; bedoelde u "gemeentewet-art-170"?');
  // A rule of the Rijk on a measure for bestuur and volksvertegenwoordiging, which the Rijk does not have.
  const elsewhere = await checkWith('maatregelen.yaml', (text) =>
    text.replace(
      '    - regel: nevenfuncties-gemeente\n      vindplaats: Gemeentewet, artikelen 12, 41b en 67',
      '    - regel: gedragscode-rijk\n      vindplaats: Gedragscode Integriteit Rijk (versie december 2019)',
    ),
  );
  expect(elsewhere.code).toBe(1);
  expect(elsewhere.stderr).toMatch(
    /wettelijke_plicht\[0\]\.regel: regel "gedragscode-rijk" geldt voor rijk, waar deze maatregel niet voor is \(gemeente, provincie, waterschap\)/,
  );
  // And the gemeente's own duty to publish other functions is then carried out by no measure.
  expect(elsewhere.stderr).toMatch(/bij gemeente voert geen maatregel voor de doelgroep bestuur en volksvertegenwoordiging de wettelijke plicht van regel "nevenfuncties-gemeente" uit/);
});

test('controleer reports a basisnorm the law requires whose duty no measure carries out', async () => {
  const result = await checkWith('maatregelen.yaml', (text) =>
    text.replace(
      '  wettelijke_plicht:\n    - regel: ambtenarenwet-art-5-en-7\n      vindplaats: Ambtenarenwet 2017, artikel 5, eerste lid, onder a, en artikel 7\n',
      '',
    ),
  );
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(
    /basisnormen\.yaml:\d+ — normen\[4\]\.grondslag: bij gemeente, provincie, waterschap, rijk voert geen maatregel voor de doelgroep ambtelijke organisatie de wettelijke plicht van regel "ambtenarenwet-art-5-en-7" uit/,
  );
});

test('a measure tied to the elections cannot be a legal duty of the first year', async () => {
  const result = await checkWith('maatregelen.yaml', (text) =>
    text.replace(
      '  soort: na-verkiezingen\n',
      '  soort: na-verkiezingen\n  wettelijke_plicht:\n    - regel: gemeentewet-art-170\n      vindplaats: Gemeentewet, artikel 170\n',
    ),
  );
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'een maatregel na-verkiezingen hangt aan de verkiezingsdatum en kan niet als wettelijke plicht in het eerste jaar beginnen',
  );
});
