import { plainText } from '../../src/document/tree.js';
import { builtInKnowledge, publicCategoryIds } from '../support/knowledge.js';
import { answersFrom, documentText, exampleAnswers, renderTree } from '../support/plan.js';
import {
  exampleRegister,
  headings,
  prose,
  render,
  rowsOf,
  tableAfter,
  tablesAfter,
  text,
  registerOf,
  setCategory,
  zeroCounts,
} from '../support/report.js';
import { typologyOf } from '../../src/knowledge/model.js';

const typeTerms = {
  gemeente: {
    to: 'de gemeenteraad, via de griffier',
    chair: 'burgemeester',
    board: 'het college van burgemeester en wethouders',
    body: 'de gemeenteraad',
  },
  provincie: {
    to: 'Provinciale Staten, via de statengriffier',
    chair: 'Commissaris van de Koning',
    board: 'Gedeputeerde Staten',
    body: 'Provinciale Staten',
  },
  waterschap: {
    to: 'het algemeen bestuur',
    chair: 'dijkgraaf',
    board: 'het dagelijks bestuur',
    body: 'het algemeen bestuur',
  },
} as const;

describe.each(Object.entries(typeTerms))('rapportage for a %s', (type, terms) => {
  test('has the six chapters, the bestuurlijke chapter with the type’s own titles, and appendix', async () => {
    const kb = await builtInKnowledge();
    const answers = { ...exampleAnswers(kb, type), verslagjaar: 2027, datum: '2028-02-01' };
    const { tree, markdown } = await render('rapportage', kb, answers);
    expect(tree.meta.title).toMatch(/^Integriteitsrapportage .+ 2027$/);
    expect(tree.children[0]).toMatchObject({ type: 'titlePage', title: 'Integriteitsrapportage', subtitle: '2027' });
    expect(tree.children[1]).toMatchObject({ type: 'tableOfContents' });
    const h = headings(tree);
    for (const expected of [
      '1 Inleiding',
      '1.2 Wettelijke grondslag',
      '2 Stand van het integriteitsbeleid',
      '3 Meldingen en onderzoeken',
      '3.1 Meldingen per soort schending, 2025–2027',
      '3.2 Uitkomsten van de meldingen in 2027',
      '3.3 Maatregelen en sancties',
      '3.4 Vermoedens van een misstand',
      '3.5 Onderzoeken en adviesvragen',
      '4 Bestuurlijke integriteit',
      '4.1 Meldingen over politieke ambtsdragers',
      '4.2 Gedragscodes en registers',
      '5 Preventie',
      '5.1 Vertrouwenspersoon integriteit',
      '6 Conclusies en voornemens voor 2028',
      'Bijlage A. Soorten integriteitsschendingen',
      'Colofon',
    ]) {
      expect(h).toContain(expected);
    }
    const plain = prose(tree);
    expect(plain).toContain(`De rapportage gaat naar ${terms.to}.`);
    expect(plain).toContain(`Sinds 1 februari 2016 is de ${terms.chair} uitdrukkelijk verantwoordelijk`);
    expect(plain).toContain(`de leden van ${terms.board} en de leden van ${terms.body}`);
    expect(plain).toContain('Sinds 1 januari 2020 vraagt artikel 4 van de Ambtenarenwet 2017');
    expect(markdown).not.toContain('undefined');
  });
});

test('rapportage for the Rijk: no bestuurlijke chapter, chapters renumbered, no griffier or politieke ambtsdragers', async () => {
  const kb = await builtInKnowledge();
  const { tree } = await render(
    'rapportage',
    kb,
    { ...exampleAnswers(kb, 'rijk'), verslagjaar: 2027, datum: '2028-02-01' },
    { register: exampleRegister(kb, 2027, 'rijk') },
  );
  const h = headings(tree);
  expect(h).toEqual(
    expect.arrayContaining([
      '3 Meldingen en onderzoeken',
      '4 Preventie',
      '4.1 Vertrouwenspersoon integriteit',
      '5 Conclusies en voornemens voor 2028',
    ]),
  );
  expect(h.some((x) => x.includes('Bestuurlijke'))).toBe(false);
  const plain = prose(tree);
  expect(plain).toContain('De rapportage gaat naar de secretaris-generaal.');
  expect(plain).toContain('Gedragscode Integriteit Rijk');
  const everything = JSON.stringify(tree);
  for (const absent of ['griffier', 'burgemeester', 'Politieke ambtsdragers', 'politieke ambtsdragers'])
    expect(everything).not.toContain(absent);
});

test('a gemeente that chose only h2 and h4 gets no bestuurlijke chapter', async () => {
  const kb = await builtInKnowledge();
  const answers = answersFrom(kb, {
    organisatie: { naam: 'Gemeente Ambtelijk', type: 'gemeente' },
    hoofdstukken: ['h2', 'h4'],
    zwakke_themas: ['h2-gedragsregels'],
    planperiode: { van: 2027, tot: 2028 },
    datum: '2028-01-10',
  });
  const { tree } = await render('rapportage', kb, answers);
  expect(headings(tree)).toContain('4 Preventie');
  expect(headings(tree)).not.toContain('4 Bestuurlijke integriteit');
});

describe('the status table', () => {
  test('lists every measure of the plan, in the order of the action plan, with the statuses from the answers as labels', async () => {
    const kb = await builtInKnowledge();
    const answers = exampleAnswers(kb, 'gemeente-rapportage-2027');
    const { tree, model } = await render('rapportage', kb, answers);
    const table = tableAfter(tree, '2 Stand van het integriteitsbeleid');
    expect(table.header.map(text)).toEqual([
      'Nr.',
      "Maatregel (thema's)",
      'Eigenaar',
      'Gepland',
      'Stand eind 2027',
      'Toelichting',
    ]);
    const rows = rowsOf(table);
    expect(rows).toHaveLength(model.actieplan.length);
    expect(rows.length).toBe(19);
    model.actieplan.forEach((measure, i) => {
      expect(rows[i]![0]).toBe(String(i + 1));
      const themes = measure.themas.map((t) => `${t.titel} (monitorhoofdstuk ${t.monitorhoofdstuk})`).join('; ');
      expect(rows[i]![1]).toBe(`${measure.tekst} (${themes})`);
      expect(rows[i]![2]).toBe(measure.eigenaar);
      expect(rows[i]![5]).toBe('[invullen: toelichting]');
    });
    const rowOf = (id: string) => rows[model.actieplan.findIndex((m) => m.id === id)]!;
    expect(rowOf('regels-politieke-ambtsdragers')[4]).toBe('niet gestart');
    expect(rowOf('meldprocedure-en-protocol')[4]).toBe('loopt');
    expect(rowOf('communicatie-over-schendingen')[4]).toBe('vervallen');
    // One row per measure, with every weak theme it serves.
    expect(rowOf('vertrouwenspersoon')[1]).toContain(
      '(Procedures met betrekking tot meldingen (monitorhoofdstuk 2); Handhaving (monitorhoofdstuk 4))',
    );
    // The planning as the plan shows it.
    expect(rowOf('bestaande-regels-bekendmaken')[3]).toBe('K1 2027');
    expect(rowOf('introductie-nieuwe-volksvertegenwoordigers')[3]).toBe('K2 2030, na de verkiezingen');
    expect(rowOf('aanspreekpunt-griffier')[3]).toMatch(/^doorlopend vanaf K\d 20\d\d$/);
    // Measures planned after the verslagjaar without a status are not yet due: nothing to fill in.
    expect(rowOf('aanspreekpunt-griffier')[4]).toBe('later gepland');
    model.actieplan.forEach((measure, i) => {
      if (!measure.status)
        expect(rows[i]![4]).toBe(
          measure.jaar! > 2027
            ? 'later gepland'
            : measure.soort === 'doorlopend' || measure.soort === 'jaarlijks'
              ? '[invullen: stand in 2027]'
              : '[invullen: stand]',
        );
      // The two legal duties the plan starts in 2027 have no stand in the example yet: to fill in.
      expect(['nevenfuncties-openbaar', 'bestuurlijk-handhaven'].map((id) => rowOf(id)[4])).toEqual([
        '[invullen: stand in 2027]',
        '[invullen: stand in 2027]',
      ]);
    });
    expect(rows.filter((r) => r[4] === 'uitgevoerd')).toHaveLength(3);
    // The owners carry the type's own titles.
    expect(rows.map((r) => r[2])).toEqual(expect.arrayContaining(['gemeentesecretaris', 'griffier', 'gemeenteraad']));
    // The summary per status.
    const summary = rowsOf(tablesAfter(tree, '2 Stand van het integriteitsbeleid')[1]!);
    expect(summary).toEqual([
      ['uitgevoerd', '3'],
      ['loopt', '3'],
      ['niet gestart', '1'],
      ['vervallen', '1'],
      ['nog niet ingevuld', '2'],
      ['later gepland', '9'],
    ]);
    expect(prose(tree)).toContain(
      '9 maatregelen zijn volgens het plan pas na 2027 aan de beurt en hebben nog geen stand; die staan in de tabel als later gepland.',
    );
    // Only the two measures due in 2027 without a stand ask for one.
    expect(prose(tree)).toContain('Vul bij elke maatregel zonder stand');
    // Conclusions: next year's measures (not those already done) and those that run on.
    const plain = prose(tree);
    expect(plain).toContain('Volgens het actieplan staan voor 2028 deze maatregelen gepland');
    expect(plain).toContain(
      'Breng het wettelijk kader, de regels en de risico’s voor politieke ambtsdragers in beeld en geef hun een overzicht van de interne regels over nevenfuncties, geschenken en andere belangen. (griffier, stand: niet gestart)',
    );
  });

  test('without statuses every measure due by the verslagjaar gets a status to fill in, and the choices are explained', async () => {
    const kb = await builtInKnowledge();
    const { tree, model } = await render('rapportage', kb, { ...exampleAnswers(kb, 'provincie'), verslagjaar: 2027 });
    const rows = rowsOf(tableAfter(tree, '2 Stand van het integriteitsbeleid'));
    expect(rows.map((r) => r[4])).toEqual(
      model.actieplan.map((m) =>
        m.jaar! > 2027
          ? 'later gepland'
          : m.soort === 'doorlopend' || m.soort === 'jaarlijks'
            ? '[invullen: stand in 2027]'
            : '[invullen: stand]',
      ),
    );
    expect(rows.some((r) => r[4] === '[invullen: stand]')).toBe(true);
    expect(rows.some((r) => r[4] === 'later gepland')).toBe(true);
    expect(prose(tree)).toContain(
      'Vul bij elke maatregel zonder stand de stand in, met als keuze: uitgevoerd, loopt, niet gestart of vervallen.',
    );
  });
});

test('a status in the answers wins over "later gepland" for a measure planned after the verslagjaar', async () => {
  const kb = await builtInKnowledge();
  const base = exampleAnswers(kb, 'gemeente-rapportage-2027');
  const { model: plan } = await render('rapportage', kb, base);
  const later = plan.actieplan.find((m) => m.jaar! > 2027 && !m.status)!;
  const answers = { ...base, maatregel_status: { ...base.maatregel_status, [later.id]: 'uitgevoerd' as const } };
  const { tree, model, context } = await render('rapportage', kb, answers);
  const rows = rowsOf(tableAfter(tree, '2 Stand van het integriteitsbeleid'));
  expect(rows[model.actieplan.findIndex((m) => m.id === later.id)]![4]).toBe('uitgevoerd');
  expect(context.rapportage.laterGepland).toBe(8);
  expect(context.rapportage.zonderStatus).toBe(2);
});

test('a verslagjaar before the plan period: every measure is planned for later, none to fill in', async () => {
  const kb = await builtInKnowledge();
  const { tree, context } = await render('rapportage', kb, { ...exampleAnswers(kb, 'gemeente'), verslagjaar: 2026 });
  const rows = rowsOf(tableAfter(tree, '2 Stand van het integriteitsbeleid'));
  expect(rows.every((r) => r[4] === 'later gepland')).toBe(true);
  expect(context.rapportage.zonderStatus).toBe(0);
  expect(context.rapportage.laterGepland).toBe(rows.length);
  const plain = prose(tree);
  expect(plain).toContain('2026 valt vóór de periode van het integriteitsbeleidsplan 2027–2030.');
  expect(plain).not.toContain('Vul bij elke maatregel zonder stand');
  expect(plain).not.toContain('nog niet ingevuld');
});

describe('the tables of meldingen', () => {
  const columns = ['Soort schending', 'Ontvangen', 'Onderzocht', 'Gegrond', 'Ongegrond', 'Open', 'Maatregel'];

  test('without a register: one row per category of the typology, every count to fill in, and how to protect small numbers', async () => {
    const kb = await builtInKnowledge();
    const { tree } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'));
    const table = tableAfter(tree, '3.2 Uitkomsten van de meldingen in 2027');
    expect(table.header.map(text)).toEqual(columns);
    const rows = rowsOf(table);
    expect(rows.map((r) => r[0])).toEqual([...typologyOf(kb, 'gemeente').categorieen.map((c) => c.label), 'Totaal']);
    expect(rows.flatMap((r) => r.slice(1)).every((cell) => cell === '[invullen: …]')).toBe(true);
    expect(rowsOf(tableAfter(tree, '3.3 Maatregelen en sancties')).map((r) => r[0])).toEqual([
      'Waarschuwing',
      'Berisping',
      'Voorwaardelijk ontslag',
      'Ontslag',
      'Aangifte',
      'Overige maatregel',
      'Totaal',
    ]);
    expect(
      rowsOf(tableAfter(tree, '4.1 Meldingen over politieke ambtsdragers'))[0]!
        .slice(1)
        .every((c) => c === '[invullen: …]'),
    ).toBe(true);
    expect(prose(tree)).toContain('vult u aantallen kleiner dan 5 (maar niet nul) in als "< 5"');
  });

  test('with the example register: counts, "< 5" for small numbers, the AVG sentence, and nothing derivable from the totals', async () => {
    const kb = await builtInKnowledge();
    const { tree } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), {
      register: exampleRegister(kb),
    });
    const rows = rowsOf(tableAfter(tree, '3.2 Uitkomsten van de meldingen in 2027'));
    const row = (label: string) => rows.find((r) => r[0] === label)!.slice(1);
    expect(row('Ongewenste omgangsvormen')).toEqual(['7', '5', '< 5', '< 5', '< 5', '< 5']);
    expect(row('Wanprestatie en verspilling')).toEqual(['0', '0', '0', '0', '0', '0']);
    expect(row('Totaal')).toEqual(['21', '15', '8', '7', '5', '8']);
    // No count from 1 to 4 is printed anywhere in the table.
    expect(rows.flatMap((r) => r.slice(1)).filter((c) => /^[1-4]$/.test(c))).toEqual([]);
    // The one sentence about suppression, with the reason.
    const paragraphs = tree.children.filter((b) => b.type === 'paragraph').map((b) => plainText(b.children));
    expect(paragraphs.filter((p) => p.includes('AVG'))).toEqual([
      'Om te voorkomen dat betrokkenen herkenbaar worden (AVG), staan aantallen kleiner dan 5 (maar niet nul) als "< 5" in de tabellen en is waar nodig ook een ander getal of een totaal vervangen door ×, zodat geen klein aantal uit de andere getallen terug te rekenen is.',
      // The example's own figures have a small count too: the vertrouwenspersoon's talks that led to a melding.
      'Om te voorkomen dat betrokkenen herkenbaar worden (AVG), staan in dit hoofdstuk aantallen deelnemers en gesprekken kleiner dan 5 (maar niet nul) als "< 5".',
    ]);
    expect(rowsOf(tableAfter(tree, '4.1 Meldingen over politieke ambtsdragers'))).toEqual([
      ['Politieke ambtsdragers', '< 5', '< 5', '0', '< 5', '< 5', '0'],
    ]);
    expect(rowsOf(tableAfter(tree, '3.3 Maatregelen en sancties')).at(-1)).toEqual(['Totaal', '8']);
  });

  test('a lone small count next to a shown total is protected by hiding a second cell', async () => {
    const kb = await builtInKnowledge();
    // Corruptie 3 and fraude 8 and nothing else: with "< 5" alone, 11 − 8 would give the 3 away.
    const counts = zeroCounts(kb);
    setCategory(counts, 'corruptie', { ontvangen: 3, onderzocht: 3, gegrond: 3 });
    setCategory(counts, 'fraude-diefstal-verduistering', { ontvangen: 8, onderzocht: 8, gegrond: 8 });
    const { tree } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), {
      register: registerOf(counts),
    });
    const rows = rowsOf(tableAfter(tree, '3.2 Uitkomsten van de meldingen in 2027'));
    const row = (label: string) => rows.find((r) => r[0] === label)!.slice(1, 4);
    expect(row('Corruptie')).toEqual(['< 5', '< 5', '< 5']);
    // Either the other part or the total is hidden in every column: 3 cannot be computed.
    for (let c = 0; c < 3; c++) {
      expect([row('Fraude, diefstal en verduistering')[c], row('Totaal')[c]]).toContain('×');
    }
    expect(prose(tree)).toContain('vervangen door ×');
  });

  test('threshold 0 shows every count as it is, without the sentence', async () => {
    const kb = await builtInKnowledge();
    const { tree } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), {
      register: exampleRegister(kb),
      threshold: 0,
    });
    const rows = rowsOf(tableAfter(tree, '3.2 Uitkomsten van de meldingen in 2027'));
    expect(rows.find((r) => r[0] === 'Corruptie')!.slice(1)).toEqual(['1', '1', '0', '1', '0', '0']);
    expect(prose(tree)).not.toContain('AVG');
  });

  test('skipped rows are stated in the report', async () => {
    const kb = await builtInKnowledge();
    const register = { ...exampleRegister(kb), skippedRows: 2 };
    const { tree } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), { register });
    expect(prose(tree)).toContain('2 rijen uit het register zijn overgeslagen en niet meegeteld');
  });
});

test('the typology appendix lists every category with its description and register code', async () => {
  const kb = await builtInKnowledge();
  const { tree } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'));
  const rows = rowsOf(tableAfter(tree, 'Bijlage A. Soorten integriteitsschendingen'));
  expect(rows.map((r) => r[2])).toEqual(publicCategoryIds);
  expect(prose(tree)).toContain(
    'Hoofdstuk 3 deelt de meldingen in naar de typologie van integriteitsschendingen van de Vrije Universiteit en BIOS (De Graaf en Strüwer',
  );
  expect(rows.every((r) => r[1]!.length > 20)).toBe(true);
});

describe('the status table follows the catalogue of the action plan', () => {
  test('ongoing and yearly measures are shown with what they are this year', async () => {
    const kb = await builtInKnowledge();
    const answers = { ...exampleAnswers(kb, 'gemeente-rapportage-2027'), verslagjaar: 2028, maatregel_status: {} };
    const { tree, model } = await render('rapportage', kb, answers);
    const rows = rowsOf(tableAfter(tree, '2 Stand van het integriteitsbeleid'));
    let ongoing = 0;
    let yearly = 0;
    model.actieplan.forEach((measure, i) => {
      const [, , , planned, stand] = rows[i]!;
      if (measure.jaar === undefined || measure.jaar > 2028) return expect(stand).toBe('later gepland');
      if (measure.soort === 'doorlopend') {
        ongoing++;
        expect(planned).toBe(`doorlopend sinds K${measure.kwartaal} ${measure.jaar}`);
        expect(stand).toBe('[invullen: stand in 2028]');
      } else if (measure.soort === 'jaarlijks') {
        yearly++;
        expect(planned).toBe(`jaarlijks in K${measure.kwartaal}; in 2028: K${measure.kwartaal} 2028`);
        expect(stand).toBe('[invullen: stand in 2028]');
      } else expect(stand).toBe('[invullen: stand]');
    });
    expect(ongoing).toBeGreaterThan(0);
    expect(yearly).toBeGreaterThan(0);
  });

  test('one row per measure, own measures included and left-out ones not, as in the brief', async () => {
    const kb = await builtInKnowledge();
    const base = exampleAnswers(kb, 'gemeente-rapportage-2027');
    const answers = {
      ...base,
      maatregel_status: { ...base.maatregel_status, 'eigen-week': 'uitgevoerd' as const },
      actieplan: {
        maatregelen: { 'intervisie-griffiers': { weglaten: true } },
        eigen: [
          {
            id: 'eigen-week',
            tekst: 'Houd een integriteitsweek.',
            eigenaar: 'integriteitsfunctionaris',
            themas: [],
            basisnormen: [],
            soort: 'eenmalig' as const,
            kwartaal: { jaar: 2027, kwartaal: 4 },
          },
        ],
      },
    };
    const { tree, model, context } = await render('rapportage', kb, answers);
    const rows = rowsOf(tableAfter(tree, '2 Stand van het integriteitsbeleid'));
    expect(rows).toHaveLength(model.actieplan.length);
    expect(new Set(model.actieplan.map((m) => m.id)).size).toBe(rows.length);
    expect(rows.find((r) => r[1]!.startsWith('Houd een integriteitsweek.'))).toEqual([
      expect.any(String),
      'Houd een integriteitsweek. (eigen maatregel)',
      'integriteitsfunctionaris',
      'K4 2027',
      'uitgevoerd',
      '[invullen: toelichting]',
    ]);
    expect(rows.some((r) => r[1]!.startsWith('Stem integriteitsvraagstukken af'))).toBe(false);
    expect(context.rapportage.maatregelen.map((r) => r.id)).toEqual(model.actieplan.map((m) => m.id));
    const letter = documentText(
      await renderTree('brief', { ...model, ...context, bestanden: { rapportage: 'r', beleidsplan: 'p' } }),
    ).join('\n');
    expect(letter).toContain(`De stand eind 2027 van de ${rows.length} maatregelen uit het plan: uitgevoerd 4,`);
  });
});
