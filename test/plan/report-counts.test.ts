import { typologyOf } from '../../src/knowledge/model.js';
import type { CountCell } from '../../src/register/tables.js';
import { toAnswersInput } from '../../src/wizard/draft.js';
import { builtInKnowledge, publicCategoryIds, publicRijkCategoryIds } from '../support/knowledge.js';
import { answersFrom, exampleAnswers } from '../support/plan.js';
import {
  countedRegister,
  exampleRegister,
  headings,
  prose,
  registerOf,
  render,
  rowsOf,
  setCategory,
  tableAfter,
  text,
  zeroCounts,
} from '../support/report.js';

/** The rapportage's counts (src/plan/report-counts.ts) as the Markdown shows them. */

const csv = (...rows: string[]) =>
  Buffer.from(['datum;categorie;betreft;status;oordeel;maatregel;soort', ...rows].join('\n'));
const cellText = (cell: CountCell) =>
  cell.soort === 'aantal' ? String(cell.waarde) : cell.soort === 'klein' ? `< ${cell.drempel}` : cell.soort;

describe('the trend: the verslagjaar beside the two years before it', () => {
  test('the example register of three years: a column per year, the verslagjaar the same as its own table', async () => {
    const kb = await builtInKnowledge();
    const { tree, context } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), {
      register: exampleRegister(kb),
    });
    const table = tableAfter(tree, '3.1 Meldingen per soort schending, 2025–2027');
    expect(table.header.map(text)).toEqual(['Soort schending', '2025', '2026', '2027']);
    const rows = rowsOf(table);
    expect(rows.map((r) => r[0])).toEqual([...typologyOf(kb, 'gemeente').categorieen.map((c) => c.label), 'Totaal']);
    const row = (label: string) => rows.find((r) => r[0] === label)!.slice(1);
    expect(row('Totaal')).toEqual(['12', '14', '21']);
    expect(row('Ongewenste omgangsvormen')).toEqual(['5', '5', '7']);
    expect(row('Giften')).toEqual(['0', '< 5', '0']);
    // No count from 1 to 4 in any year.
    expect(rows.flatMap((r) => r.slice(1)).filter((c) => /^[1-4]$/.test(c))).toEqual([]);
    // The verslagjaar's column is the received column of 3.2.
    const outcomes = rowsOf(tableAfter(tree, '3.2 Uitkomsten van de meldingen in 2027'));
    expect(rows.map((r) => r[3])).toEqual(outcomes.map((r) => r[1]));
    expect(context.rapportage.trend.nietBeschikbaar).toEqual([]);
    expect(prose(tree)).toContain('Elk jaar telt de meldingen die in dat jaar binnenkwamen.');
    expect(prose(tree)).not.toContain('niet beschikbaar');
  });

  test('a register that begins later: "niet beschikbaar" before its earliest melding, and why', async () => {
    const kb = await builtInKnowledge();
    const register = countedRegister(
      csv('2026-05-01;corruptie;ambtenaar;afgerond;gegrond;;', '2027-02-01;giften;ambtenaar;open;onbekend;;'),
      kb,
    );
    const { tree } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), { register });
    const rows = rowsOf(tableAfter(tree, '3.1 Meldingen per soort schending, 2025–2027'));
    expect(rows.every((r) => r[1] === 'niet beschikbaar')).toBe(true);
    expect(rows.find((r) => r[0] === 'Corruptie')!.slice(2)).toEqual(['< 5', '0']);
    expect(prose(tree)).toContain(
      'Elk jaar telt de meldingen die in dat jaar binnenkwamen. Het register begint in 2026; bij 2025 staat daarom niet beschikbaar: dat het register over een jaar geen meldingen bevat, betekent dan niet dat er geen waren.',
    );
  });

  test('register_sinds in the answers says where the register begins: a year without rows is then 0', async () => {
    const kb = await builtInKnowledge();
    const register = countedRegister(csv('2027-02-01;giften;ambtenaar;open;onbekend;;'), kb);
    const base = exampleAnswers(kb, 'gemeente-rapportage-2027');
    const since = { ...base, rapportage: { ...base.rapportage, register_sinds: 2020 } };
    const { tree } = await render('rapportage', kb, since, { register });
    const rows = rowsOf(tableAfter(tree, '3.1 Meldingen per soort schending, 2025–2027'));
    expect(rows.find((r) => r[0] === 'Totaal')!.slice(1)).toEqual(['0', '0', '< 5']);
    expect(prose(tree)).not.toContain('niet beschikbaar');

    const later = { ...base, rapportage: { ...base.rapportage, register_sinds: 2026 } };
    const { tree: laterTree } = await render('rapportage', kb, later, { register });
    expect(rowsOf(tableAfter(laterTree, '3.1 Meldingen per soort schending, 2025–2027')).at(-1)).toEqual([
      'Totaal',
      'niet beschikbaar',
      '0',
      '< 5',
    ]);
  });

  test('a register with only its header: zero in the verslagjaar, the years before not available', async () => {
    const kb = await builtInKnowledge();
    const { tree } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), {
      register: countedRegister(csv(), kb),
    });
    const rows = rowsOf(tableAfter(tree, '3.1 Meldingen per soort schending, 2025–2027'));
    expect(rows.at(-1)).toEqual(['Totaal', 'niet beschikbaar', 'niet beschikbaar', '0']);
    expect(prose(tree)).toContain('Het register bevat geen meldingen van vóór 2027; bij 2025 en 2026 staat daarom');
  });

  test('without a register: every year to fill in', async () => {
    const kb = await builtInKnowledge();
    const { tree } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'));
    const rows = rowsOf(tableAfter(tree, '3.1 Meldingen per soort schending, 2025–2027'));
    expect(rows.flatMap((r) => r.slice(1)).every((c) => c === '[invullen: …]')).toBe(true);
  });
});

describe('the right categories for the type', () => {
  test('a decentral report counts in the nine categories of De Graaf & Strüwer, plus overig', async () => {
    const kb = await builtInKnowledge();
    for (const type of ['gemeente', 'provincie', 'waterschap']) {
      const { tree } = await render('rapportage', kb, { ...exampleAnswers(kb, type), verslagjaar: 2027 });
      const appendix = rowsOf(tableAfter(tree, 'Bijlage A. Soorten integriteitsschendingen'));
      expect(appendix.map((r) => r[2])).toEqual(publicCategoryIds);
      expect(appendix.map((r) => r[0])).toContain('Giften');
      expect(appendix.map((r) => r[0])).toContain('Misbruik van informatie');
    }
  });

  test('a Rijk report counts in the Rijk’s own types, from a Rijk register', async () => {
    const kb = await builtInKnowledge();
    const { tree } = await render(
      'rapportage',
      kb,
      { ...exampleAnswers(kb, 'rijk'), verslagjaar: 2027, datum: '2028-02-01' },
      { register: exampleRegister(kb, 2027, 'rijk') },
    );
    const labels = typologyOf(kb, 'rijk').categorieen.map((c) => c.label);
    expect(rowsOf(tableAfter(tree, '3.2 Uitkomsten van de meldingen in 2027')).map((r) => r[0])).toEqual([
      ...labels,
      'Totaal',
    ]);
    expect(rowsOf(tableAfter(tree, '3.1 Meldingen per soort schending, 2025–2027')).map((r) => r[0])).toEqual([
      ...labels,
      'Totaal',
    ]);
    const appendix = rowsOf(tableAfter(tree, 'Bijlage A. Soorten integriteitsschendingen'));
    expect(appendix.map((r) => r[2])).toEqual(publicRijkCategoryIds);
    expect(prose(tree)).toContain(
      'Hoofdstuk 3 deelt de meldingen in naar de typen integriteitsschendingen van het Rijk (Jaarrapportage Bedrijfsvoering Rijk, 2015).',
    );
    const everything = JSON.stringify(tree);
    for (const decentral of ['Corruptie', 'Giften', 'Wangedrag in de vrije tijd', 'Vrije Universiteit'])
      expect(everything).not.toContain(decentral);
  });
});

describe('misstanden apart', () => {
  test('the meldingen of a misstand have their own table and are in no other count', async () => {
    const kb = await builtInKnowledge();
    const { tree } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), {
      register: exampleRegister(kb),
      threshold: 0,
    });
    expect(rowsOf(tableAfter(tree, '3.4 Vermoedens van een misstand'))).toEqual([
      ['Vermoedens van een misstand', '2', '1', '1', '0', '1', '1'],
    ]);
    // The example's 23 rows of 2027: 21 integrity violations, 2 misstanden.
    expect(rowsOf(tableAfter(tree, '3.2 Uitkomsten van de meldingen in 2027')).at(-1)![1]).toBe('21');
    // The misstand's measure is no sanction of an integrity violation.
    expect(rowsOf(tableAfter(tree, '3.3 Maatregelen en sancties')).at(-1)).toEqual(['Totaal', '8']);
    expect(prose(tree)).toContain('Deze meldingen staan niet in de aantallen van 3.1 tot en met 3.3.');
  });
});

describe('the answers’ own figures', () => {
  test('fill the tables of investigations, advice, prevention and the vertrouwenspersoon; small counts of people suppressed', async () => {
    const kb = await builtInKnowledge();
    const { tree } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'));
    expect(rowsOf(tableAfter(tree, '3.5 Onderzoeken en adviesvragen'))).toEqual([
      ['Onderzoeken door de eigen organisatie', '6'],
      ['Onderzoeken door een extern bureau', '< 5'],
      ['Adviesvragen over integriteit aan de integriteitsfunctionaris', '14'],
    ]);
    expect(rowsOf(tableAfter(tree, '5 Preventie'))).toEqual([
      ['Trainingen en cursussen over integriteit', '6', '112', '[invullen: …]'],
      [
        'Afgelegde ambtseden en -beloften (medewerkers en politieke ambtsdragers)',
        '9',
        '31',
        'Bij indiensttreding en bij de start van nieuwe raadsleden.',
      ],
      ['Introductiebijeenkomsten voor nieuwe medewerkers', '4', '27', '[invullen: …]'],
      ['Dilemmasessies en dilemmatrainingen', '5', '64', '[invullen: …]'],
    ]);
    expect(rowsOf(tableAfter(tree, '5.1 Vertrouwenspersoon integriteit'))).toEqual([
      ['Gesprekken met medewerkers', '11'],
      ['Waarvan uitgemond in een melding', '< 5'],
      // How often is no count of people: shown as it is.
      ['Voorlichting en spreekuren', '4'],
    ]);
  });

  test('the figures go through the same audit: with "< 2" a 1 would be known, so it is hidden', async () => {
    const kb = await builtInKnowledge();
    const base = exampleAnswers(kb, 'gemeente-rapportage-2027');
    const answers = {
      ...base,
      rapportage: { cijfers: { jaar: 2027, vertrouwenspersoon: { gesprekken: 1, meldingen: 1 } } },
    };
    const { tree } = await render('rapportage', kb, answers, { threshold: 2 });
    const rows = rowsOf(tableAfter(tree, '5.1 Vertrouwenspersoon integriteit'));
    expect(rows).toEqual([
      ['Gesprekken met medewerkers', '×'],
      ['Waarvan uitgemond in een melding', '×'],
      ['Voorlichting en spreekuren', '[invullen: …]'],
    ]);
    expect(prose(tree)).toContain('en is waar nodig ook een ander getal vervangen door ×.');
    // With the default threshold the two are "< 5": the one is at most the other, so neither is known.
    const { tree: usual } = await render('rapportage', kb, answers);
    expect(
      rowsOf(tableAfter(usual, '5.1 Vertrouwenspersoon integriteit'))
        .slice(0, 2)
        .map((r) => r[1]),
    ).toEqual(['< 5', '< 5']);
  });

  test('figures absent or of another year: places to fill in', async () => {
    const kb = await builtInKnowledge();
    const base = exampleAnswers(kb, 'gemeente-rapportage-2027');
    for (const answers of [
      { ...base, rapportage: undefined },
      { ...base, verslagjaar: 2028, datum: '2029-02-01' },
    ]) {
      const { tree } = await render('rapportage', kb, answers);
      const cells = [
        ...rowsOf(tableAfter(tree, '3.5 Onderzoeken en adviesvragen')),
        ...rowsOf(tableAfter(tree, '5.1 Vertrouwenspersoon integriteit')),
      ].map((r) => r[1]);
      expect(cells.every((c) => c === '[invullen: …]')).toBe(true);
      expect(prose(tree)).not.toContain('deelnemers en gesprekken kleiner dan');
    }
  });

  test('the wizard keeps the report’s keys when it saves the answers again', async () => {
    const kb = await builtInKnowledge();
    const answers = exampleAnswers(kb, 'gemeente-rapportage-2027');
    const saved = answersFrom(kb, toAnswersInput(kb, answers));
    expect(saved.rapportage).toEqual(answers.rapportage);
    expect(saved.aanbieding).toEqual(answers.aanbieding);
  });
});

describe('sentences instead of tables (rapportage.meldingen_als: zin)', () => {
  /** A small organisation: five meldingen in 2027, two the year before. */
  const small = () =>
    csv(
      '2026-03-01;corruptie;ambtenaar;afgerond;ongegrond;;',
      '2026-04-01;giften;ambtenaar;afgerond;gegrond;waarschuwing;',
      '2027-01-10;ongewenste-omgangsvormen;ambtenaar;afgerond;gegrond;berisping;',
      '2027-02-10;ongewenste-omgangsvormen;politiek-ambtsdrager;afgerond;ongegrond;;',
      '2027-03-10;giften;ambtenaar;open;onbekend;;',
      '2027-04-10;ongewenste-omgangsvormen;ambtenaar;afgerond;gegrond;waarschuwing;',
      '2027-05-10;misbruik-informatie;ambtenaar;afgerond;gegrond;waarschuwing;',
      '2027-06-10;;ambtenaar;open;onbekend;;misstand',
    );

  test('the same headings, sentences in place of the tables, and only what the audited tables show', async () => {
    const kb = await builtInKnowledge();
    const base = exampleAnswers(kb, 'gemeente-rapportage-2027');
    const register = countedRegister(small(), kb);
    const asTable = await render('rapportage', kb, base, { register });
    const asSentence = await render(
      'rapportage',
      kb,
      { ...base, rapportage: { ...base.rapportage, meldingen_als: 'zin' } },
      { register },
    );
    expect(headings(asSentence.tree)).toEqual(headings(asTable.tree));
    for (const heading of [
      '3.1 Meldingen per soort schending, 2025–2027',
      '3.2 Uitkomsten van de meldingen in 2027',
      '3.3 Maatregelen en sancties',
      '3.4 Vermoedens van een misstand',
      '4.1 Meldingen over politieke ambtsdragers',
    ]) {
      expect(() => tableAfter(asTable.tree, heading)).not.toThrow();
      expect(() => tableAfter(asSentence.tree, heading)).toThrow(/no table/);
    }
    // The very cells the tables print, nothing else: the sentences are made of the audited tables.
    const tables = asTable.context.rapportage.tabellen;
    expect(asSentence.context.rapportage.tabellen).toEqual(tables);
    const say = (cell: CountCell) =>
      cell.soort === 'aantal'
        ? String(cell.waarde)
        : cell.soort === 'klein'
          ? `minder dan ${cell.drempel}`
          : 'niet genoemd';
    const plain = prose(asSentence.tree);
    expect(plain).toContain(
      `Ontvangen meldingen per jaar: 2025: niet beschikbaar; 2026: ${say(tables.trendTotaal[1]!)}; 2027: ${say(tables.trendTotaal[2]!)}.`,
    );
    const received = tables.categorieen.filter((row) => row.cellen[0]!.soort !== 'aantal' || row.cellen[0]!.waarde > 0);
    expect(plain).toContain(
      `In 2027 naar soort: ${received.map((row) => `${row.label.toLowerCase()}: ${say(row.cellen[0]!)}`).join('; ')}; over de andere soorten geen meldingen.`,
    );
    const [ontvangen, onderzocht, gegrond, ongegrond, open, maatregel] = tables.totaal.map(say);
    expect(plain).toContain(
      `Alle meldingen uit 2027 — ontvangen: ${ontvangen}; onderzocht: ${onderzocht} (gegrond: ${gegrond}, ongegrond: ${ongegrond}); open: ${open}; met een maatregel: ${maatregel}.`,
    );
    expect(plain).toMatch(
      /Maatregelen en sancties in 2027: waarschuwing: (minder dan 5|niet genoemd); berisping: (minder dan 5|niet genoemd); totaal: /,
    );
    expect(plain).toContain('Meldingen van een vermoeden van een misstand in 2027 — ontvangen: minder dan 5;');
    expect(plain).toContain('Meldingen over politieke ambtsdragers in 2027 — ontvangen: minder dan 5;');
    // Every number of the sentences is a number the tables print.
    const printed = new Set(
      [
        ...tables.trend.flatMap((r) => r.cellen),
        ...tables.trendTotaal,
        ...tables.categorieen.flatMap((r) => r.cellen),
        ...tables.totaal,
        ...tables.misstanden,
        ...tables.politiek,
        ...tables.maatregelen.map((m) => m.aantal),
        tables.maatregelenTotaal,
      ].map(cellText),
    );
    const sentences = plain
      .split('\n')
      .filter((line) =>
        /^(Ontvangen meldingen per jaar|In 2027 naar soort|Alle meldingen uit|Maatregelen en sancties in|Meldingen (van een vermoeden|over politieke))/.test(
          line,
        ),
      );
    expect(sentences).toHaveLength(5);
    for (const sentence of sentences) {
      const numbers =
        sentence
          .replace(/minder dan 5/g, '')
          .replace(/\b202[5-7]\b/g, '')
          .match(/\d+/g) ?? [];
      for (const number of numbers)
        expect({ sentence, number, printed: printed.has(number) }).toMatchObject({ printed: true });
    }
    expect(plain).toContain('als "< 5" ("minder dan 5") in dit hoofdstuk');
  });

  test('without a register the choice keeps the tables, with places to fill in', async () => {
    const kb = await builtInKnowledge();
    const base = exampleAnswers(kb, 'gemeente-rapportage-2027');
    const { tree } = await render('rapportage', kb, { ...base, rapportage: { meldingen_als: 'zin' } });
    expect(rowsOf(tableAfter(tree, '3.2 Uitkomsten van de meldingen in 2027'))[0]![1]).toBe('[invullen: …]');
  });

  test('no meldingen at all: the sentences say so', async () => {
    const kb = await builtInKnowledge();
    const base = exampleAnswers(kb, 'gemeente-rapportage-2027');
    const { tree } = await render(
      'rapportage',
      kb,
      { ...base, rapportage: { meldingen_als: 'zin' } },
      {
        register: registerOf(zeroCounts(kb)),
      },
    );
    const plain = prose(tree);
    expect(plain).toContain('In 2027 naar soort: geen meldingen.');
    expect(plain).toContain('In 2027 volgde op geen enkele melding een maatregel of sanctie.');
  });
});

test('hand-made counts: the politiek parts per category take part in the audit', async () => {
  const kb = await builtInKnowledge();
  const counts = zeroCounts(kb);
  setCategory(
    counts,
    'corruptie',
    { ontvangen: 6, onderzocht: 6, gegrond: 6 },
    { ontvangen: 1, onderzocht: 1, gegrond: 1 },
  );
  const { tree } = await render('rapportage', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), {
    register: registerOf(counts),
  });
  expect(rowsOf(tableAfter(tree, '4.1 Meldingen over politieke ambtsdragers'))[0]!.slice(1, 4)).toEqual([
    '< 5',
    '< 5',
    '< 5',
  ]);
});
