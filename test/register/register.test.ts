import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { utf8Register } from '../../src/register/decode.js';
import type { OrganisationTypeId } from '../../src/knowledge/schema.js';
import { countRegister, type RegisterResult } from '../../src/register/index.js';
import { parseDate, rowChecker, rowSchema } from '../../src/register/rows.js';
import { UserError } from '../../src/validation/problem.js';
import { importGraph } from '../support/imports.js';
import { builtInKnowledge, publicCategoryIds, publicRijkCategoryIds } from '../support/knowledge.js';

const header = 'datum;categorie;betreft;status;oordeel;maatregel';
const csv = (...rows: string[]) => [header, ...rows].join('\n') + '\n';
/** The register as the CLI hands it over: the file's bytes, counted for the trend up to `year` of a gemeente. */
const parseRegister = (
  text: string,
  file: string,
  kb: KnowledgeBase,
  year: number,
  type: OrganisationTypeId = 'gemeente',
) => countRegister(Buffer.from(text), file, kb, { years: [year - 2, year - 1, year], organisationType: type });
/** The counts of the last year of the scope: the verslagjaar. */
const current = (result: RegisterResult) => result.perYear.at(-1)!;
const politiek = (result: RegisterResult) =>
  Object.values(current(result).counts.politiekPerCategorie).reduce((sum, c) => sum + c.ontvangen, 0);

test('the example register: 2025 to 2027 counted per year and category, misstanden apart, 3 rows of other years', async () => {
  const kb = await builtInKnowledge();
  const bytes = readFileSync(join(packageRoot, 'examples/meldingen-2027.csv'));
  expect(bytes.toString('utf8').startsWith('\uFEFF')).toBe(true);
  const result = countRegister(bytes, 'examples/meldingen-2027.csv', kb, {
    years: [2025, 2026, 2027],
    organisationType: 'gemeente',
  });
  expect(result).toMatchObject({ outsideYears: 3, badRows: 0, problems: [], earliestYear: 2024 });
  expect(result.perYear.map((y) => [y.jaar, y.counted])).toEqual([
    [2025, 12],
    [2026, 15],
    [2027, 23],
  ]);
  const counts = current(result).counts;
  const received = (year: number) =>
    Object.values(result.perYear.find((y) => y.jaar === year)!.counts.perCategorie).reduce(
      (s, c) => s + c.ontvangen,
      0,
    );
  expect([received(2025), received(2026), received(2027)]).toEqual([12, 14, 21]);
  // The old label "Misbruik en lekken van informatie" (a 2025 row) still names its category.
  expect(result.perYear[0]!.counts.perCategorie['misbruik-informatie']!.ontvangen).toBe(2);
  expect(result.perYear[1]!.counts.perCategorie.giften!.ontvangen).toBe(2);
  expect(counts.misstanden).toEqual({ ontvangen: 2, onderzocht: 1, gegrond: 1, ongegrond: 0, open: 1, maatregel: 1 });
  expect(result.perYear[1]!.counts.misstanden.ontvangen).toBe(1);
  expect(counts.perCategorie['ongewenste-omgangsvormen']).toEqual({
    ontvangen: 7,
    onderzocht: 5,
    gegrond: 3,
    ongegrond: 2,
    open: 2,
    maatregel: 3,
  });
  expect(counts.perCategorie['wanprestatie-verspilling']!.ontvangen).toBe(0);
  expect(counts.politiekPerCategorie['onverenigbare-functies']).toEqual({
    ontvangen: 1,
    onderzocht: 1,
    gegrond: 0,
    ongegrond: 1,
    open: 0,
    maatregel: 0,
  });
  expect(counts.politiekPerCategorie['ongewenste-omgangsvormen']).toMatchObject({ ontvangen: 1, open: 1 });
  expect(politiek(result)).toBe(2);
  // The sanctions of integrity violations only: the misstand's "overig" is not among them.
  expect(counts.maatregelen).toEqual({
    waarschuwing: 3,
    berisping: 2,
    'voorwaardelijk-ontslag': 1,
    ontslag: 1,
    aangifte: 1,
    overig: 0,
  });
  // Only counts leave the parser: nothing of the rows' text.
  expect(JSON.stringify(result)).not.toMatch(/Pietersen|MLD-|geïntimideerd/);
});

test.each([
  ['semicolons', ';', ''],
  ['commas', ',', ''],
  ['semicolons with a BOM', ';', '\uFEFF'],
  ['commas with a BOM and CRLF', ',', '\uFEFF'],
])('separator and encoding: %s', async (name, separator, bom) => {
  const kb = await builtInKnowledge();
  const eol = name.includes('CRLF') ? '\r\n' : '\n';
  const rows = [
    ['Datum', 'CATEGORIE', ' Betreft ', 'Status', 'Oordeel', 'Maatregel', 'Omschrijving'],
    ['2027-03-14', 'corruptie', 'ambtenaar', 'afgerond', 'gegrond', 'berisping', '"Jansen, P. (team A; B)"'],
    ['14-03-2027', 'Fraude, diefstal en verduistering', 'politiek ambtsdrager', 'open', 'onbekend', '', 'vrije tekst'],
    ['1-2-2027', 'ongewenste omgangsvormen', 'Ambtenaar', 'Afgerond', 'Ongegrond', 'geen', ''],
  ];
  const quote = (cell: string) => (cell.includes(separator) && !cell.startsWith('"') ? `"${cell}"` : cell);
  const text = bom + rows.map((row) => row.map(quote).join(separator)).join(eol) + eol;
  const result = parseRegister(text, 'register.csv', kb, 2027);
  expect(result.problems).toEqual([]);
  expect(current(result).counted).toBe(3);
  const counts = current(result).counts;
  expect(counts.perCategorie.corruptie).toMatchObject({ ontvangen: 1, gegrond: 1, maatregel: 1 });
  expect(counts.perCategorie['fraude-diefstal-verduistering']).toMatchObject({
    ontvangen: 1,
    open: 1,
    onderzocht: 0,
  });
  expect(politiek(result)).toBe(1);
  expect(counts.perCategorie['ongewenste-omgangsvormen']).toMatchObject({
    ontvangen: 1,
    ongegrond: 1,
    maatregel: 0,
  });
});

test('only rows dated in the years of the scope count; rows of other years are not checked further', async () => {
  const kb = await builtInKnowledge();
  const result = parseRegister(
    csv(
      '2024-12-31;niet-bestaand;x;y;z;',
      '2026-12-31;corruptie;ambtenaar;afgerond;gegrond;',
      '2027-01-01;corruptie;ambtenaar;afgerond;gegrond;',
      '31-12-2027;corruptie;ambtenaar;open;onbekend;',
      '01-01-2028;niet-bestaand;x;y;z;',
    ),
    'r.csv',
    kb,
    2027,
  );
  expect(result).toMatchObject({ outsideYears: 2, badRows: 0, earliestYear: 2024 });
  expect(result.perYear.map((y) => [y.jaar, y.counted])).toEqual([
    [2025, 0],
    [2026, 1],
    [2027, 2],
  ]);
  // A row of an earlier year of the trend is counted, so it is checked too.
  const checked = parseRegister(csv('2026-02-01;corrupite;ambtenaar;afgerond;gegrond;'), 'r.csv', kb, 2027);
  expect(checked.problems.map((p) => `${p.line} ${p.key}`)).toEqual(['2 categorie']);
});

test('a register with only its header is a register without meldingen: zero counts, no earliest year', async () => {
  const kb = await builtInKnowledge();
  for (const text of [`${header}\n`, header, `${header}\n;;;;;;\n\n`]) {
    const result = parseRegister(text, 'r.csv', kb, 2027);
    expect(result).toMatchObject({ outsideYears: 0, badRows: 0, problems: [] });
    expect(result.earliestYear).toBeUndefined();
    expect(result.perYear.every((y) => y.counted === 0)).toBe(true);
    expect(current(result).counts.perCategorie.corruptie!.ontvangen).toBe(0);
  }
});

test('the soort column: a misstand is counted apart, may leave categorie empty, and is checked like any column', async () => {
  const kb = await builtInKnowledge();
  const result = parseRegister(
    [
      'datum;categorie;betreft;status;oordeel;maatregel;soort',
      '2027-01-05;;ambtenaar;open;onbekend;;misstand',
      '2027-01-06;overig;ambtenaar;afgerond;gegrond;waarschuwing;Vermoeden van een misstand',
      '2027-01-07;overig;politiek-ambtsdrager;afgerond;gegrond;berisping;integriteitsschending',
      '2027-01-08;overig;ambtenaar;afgerond;ongegrond;;',
      '2027-01-09;;ambtenaar;open;onbekend;;',
      '2027-01-10;overig;ambtenaar;open;onbekend;;klokkenluider',
      '2027-01-11;corrupite;ambtenaar;open;onbekend;;misstand',
    ].join('\n'),
    'r.csv',
    kb,
    2027,
  );
  const counts = current(result).counts;
  expect(counts.misstanden).toEqual({ ontvangen: 2, onderzocht: 1, gegrond: 1, ongegrond: 0, open: 1, maatregel: 1 });
  expect(counts.perCategorie.overig).toMatchObject({ ontvangen: 2, gegrond: 1, ongegrond: 1, maatregel: 1 });
  expect(counts.politiekPerCategorie.overig!.ontvangen).toBe(1);
  // Only the integrity violation's sanction is in the table of sanctions.
  expect(counts.maatregelen).toMatchObject({ waarschuwing: 0, berisping: 1 });
  expect(result.problems.map((p) => `${p.line} ${p.key}: ${p.message}`)).toEqual([
    expect.stringMatching(
      /^6 categorie: leeg; kies uit: corruptie, .*, overig \(leeg mag alleen bij soort misstand\)$/,
    ),
    expect.stringMatching(/^7 soort: onbekende waarde "klokkenluider"; geldig: integriteitsschending, misstand$/),
    expect.stringMatching(/^8 categorie: onbekende waarde "corrupite"; bedoelde u "corruptie"\?/),
  ]);
});

test('a Rijk register counts in the Rijk’s own types; a category of the other typology is named as such, both ways', async () => {
  const kb = await builtInKnowledge();
  const rows = [
    'datum;categorie;betreft;status;oordeel;maatregel',
    '2027-02-01;financiele-schendingen;ambtenaar;afgerond;gegrond;ontslag',
    '2027-02-02;Misdragingen in de privésfeer;ambtenaar;afgerond;gegrond;waarschuwing',
    '2027-02-03;ongewenste-omgangsvormen;ambtenaar;open;onbekend;',
    '2027-02-04;corruptie;ambtenaar;open;onbekend;',
  ].join('\n');
  const rijk = parseRegister(rows, 'r.csv', kb, 2027, 'rijk');
  const counts = current(rijk).counts;
  expect(Object.keys(counts.perCategorie)).toEqual(publicRijkCategoryIds);
  expect(counts.perCategorie['financiele-schendingen']).toMatchObject({ ontvangen: 1, gegrond: 1, maatregel: 1 });
  expect(counts.perCategorie['misdragingen-privesfeer']!.ontvangen).toBe(1);
  expect(counts.perCategorie['ongewenste-omgangsvormen']!.ontvangen).toBe(1);
  expect(rijk.problems).toEqual([
    {
      file: 'r.csv',
      key: 'categorie',
      line: 5,
      message:
        '"corruptie" is een categorie van de typologie van integriteitsschendingen van de Vrije Universiteit en BIOS, ' +
        'voor de gemeente, de provincie en het waterschap; het Rijk meldt in de typen integriteitsschendingen van het ' +
        'Rijk, kies uit: ' +
        publicRijkCategoryIds.join(', '),
    },
  ]);
  const gemeente = parseRegister(rows, 'r.csv', kb, 2027, 'gemeente');
  expect(gemeente.problems.map((p) => `${p.line} ${p.message}`)).toEqual([
    expect.stringMatching(
      /^2 "financiele-schendingen" is een categorie van de typen integriteitsschendingen van het Rijk, voor het Rijk; de gemeente meldt in de typologie .* kies uit: corruptie, /,
    ),
    expect.stringMatching(
      /^3 "Misdragingen in de privésfeer" is een categorie van de typen integriteitsschendingen van het Rijk/,
    ),
  ]);
  expect(Object.keys(current(gemeente).counts.perCategorie)).toEqual(publicCategoryIds);
});

test('every bad row is reported with its line number, column and what is allowed', async () => {
  const kb = await builtInKnowledge();
  const text = [
    header + ';omschrijving',
    '2027-01-05;corrupite;ambtenaar;afgerond;gegrond;;ok',
    '2027-02-30;corruptie;ambtenaar;afgerond;gegrond;;datum bestaat niet',
    '2027-03-01;corruptie;burger;gesloten;gegrond;;"twee fouten, en een',
    'vrije tekst over twee regels"',
    '',
    '2027-04-01;overig;ambtenaar;open;onbekend;schorsing;onbekende maatregel',
    '2027-05-01;;ambtenaar;open;onbekend;;lege categorie',
    '14/03/2027;overig;ambtenaar;open;onbekend;;andere datumnotatie',
    '2027-06-01;overig;ambtenaar;open;onbekend;;deze is goed',
  ].join('\n');
  const result = parseRegister(text, 'r.csv', kb, 2027);
  expect(current(result).counted).toBe(1);
  expect(result.badRows).toBe(6);
  const found = result.problems.map((p) => `${p.line} ${p.key}: ${p.message}`);
  expect(found).toEqual([
    expect.stringMatching(/^2 categorie: onbekende waarde "corrupite"; bedoelde u "corruptie"\?/),
    expect.stringMatching(/^3 datum: "2027-02-30" is geen geldige datum; schrijf JJJJ-MM-DD of DD-MM-JJJJ/),
    expect.stringMatching(/^4 betreft: onbekende waarde "burger"; geldig: ambtenaar, politiek-ambtsdrager/),
    expect.stringMatching(/^4 status: onbekende waarde "gesloten"; geldig: afgerond, open/),
    expect.stringMatching(
      /^7 maatregel: onbekende waarde "schorsing"; geldig: aangifte, berisping, geen, ontslag, overig, voorwaardelijk-ontslag, waarschuwing/,
    ),
    expect.stringMatching(/^8 categorie: leeg; kies uit: corruptie, /),
    expect.stringMatching(/^9 datum: "14\/03\/2027" is geen geldige datum/),
  ]);
  expect(result.problems.every((p) => p.file === 'r.csv')).toBe(true);
  // The free text is never part of a message.
  expect(JSON.stringify(result.problems)).not.toMatch(/vrije tekst|twee fouten/);
});

test('a missing column, an empty file or a broken quote stops with a clear message', async () => {
  const kb = await builtInKnowledge();
  const error = (text: string) => {
    try {
      parseRegister(text, 'r.csv', kb, 2027);
    } catch (e) {
      return e as UserError;
    }
    throw new Error('no error');
  };
  const missing = error('datum;categorie;status\n2027-01-01;overig;open\n');
  expect(missing).toBeInstanceOf(UserError);
  expect(missing.problems.map((p) => p.key)).toEqual(['betreft', 'oordeel']);
  expect(missing.problems[0]).toMatchObject({
    line: 1,
    message: expect.stringMatching(
      /ontbreekt in de kopregel; verplicht zijn datum, categorie, betreft, status, oordeel/,
    ),
  });
  expect(error('').message).toMatch(/is leeg/);
  const quote = error(`${header}\n2027-01-01;overig;ambtenaar;open;onbekend;"geen einde\n`);
  expect(quote.problems[0]).toMatchObject({ line: 2, message: expect.stringMatching(/aanhalingsteken/) });
  const twice = error('datum;categorie;betreft;status;oordeel;Datum\n');
  expect(twice.problems[0]).toMatchObject({ key: 'datum', message: 'deze kolom staat er meer dan eens in' });
});

test('dates: ISO and Dutch day-month-year, and only dates that exist', () => {
  expect(parseDate('2027-03-14')).toEqual({ year: 2027, month: 3, day: 14 });
  expect(parseDate('14-03-2027')).toEqual({ year: 2027, month: 3, day: 14 });
  expect(parseDate('4-3-2027')).toEqual({ year: 2027, month: 3, day: 4 });
  for (const bad of ['2027-3-14', '29-02-2027', '2027/03/14', '14-03-27', '', 'morgen'])
    expect(parseDate(bad)).toBeUndefined();
  expect(parseDate('29-02-2028')).toEqual({ year: 2028, month: 2, day: 29 });
});

test('a register saved as Windows-1252 (plain "CSV" from Excel) is refused with the line and how to save it', async () => {
  const kb = await builtInKnowledge();
  // The ï of "geïntimideerd" is one byte (0xEF) in Windows-1252, and no UTF-8 on its own.
  const text = [
    header + ';omschrijving',
    '2027-01-05;overig;ambtenaar;open;onbekend;;ok',
    '2027-01-06;overig;ambtenaar;open;onbekend;;geïntimideerd',
  ].join('\r\n');
  const bytes = Uint8Array.from([...text].map((ch) => (ch === 'ï' ? 0xef : ch.charCodeAt(0))));
  let error: unknown;
  try {
    countRegister(bytes, 'r.csv', kb, { years: [2027], organisationType: 'gemeente' });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UserError);
  const problem = (error as UserError).problems[0]!;
  expect((error as UserError).message).toMatch(/r\.csv is geen UTF-8-bestand \(waarschijnlijk Windows-1252/);
  expect(problem).toMatchObject({
    file: 'r.csv',
    line: 3,
    message: expect.stringContaining('sla het bestand op als CSV UTF-8'),
  });
});

test('UTF-8 is read as it is, without its BOM, with every line end made \\n', () => {
  const utf8 = (text: string) => Buffer.from(text);
  const read = (bytes: Uint8Array) => Buffer.from(utf8Register(bytes, 'r.csv')).toString('utf8');
  expect(read(utf8('a;ï\nb\n'))).toBe('a;ï\nb\n');
  expect(read(utf8('\uFEFFa;ï\r\nb\r\n'))).toBe('a;ï\nb\n');
  expect(read(utf8('a\rb\r\n\r\nc\n\rd'))).toBe('a\nb\n\nc\n\nd');
  // Only a file with a \r is copied.
  const plain = utf8('a;b\n');
  expect(utf8Register(plain, 'r.csv')).toBe(plain);
});

test('line numbers count \\n, \\r\\n and \\r alike, over blank lines and cells that span lines', async () => {
  const kb = await builtInKnowledge();
  const lines = [
    header + ';omschrijving',
    '',
    '2027-01-05;overig;ambtenaar;open;onbekend;;"twee',
    'regels"',
    '2027-01-06;fout;ambtenaar;open;onbekend;;ok',
    '',
    '',
    '2027-01-07;overig;ambtenaar;open;fout;;"drie',
    '',
    'regels"',
    '2027-01-08;overig;ambtenaar;open;onbekend;;ok',
    ';;;;;;',
    '2027-01-09;overig;fout;open;onbekend;;ok',
  ];
  for (const eol of ['\n', '\r\n', '\r']) {
    const result = parseRegister(lines.join(eol), 'r.csv', kb, 2027);
    expect({ eol, found: result.problems.map((p) => `${p.line} ${p.key}`) }).toEqual({
      eol,
      found: ['5 categorie', '8 oordeel', '13 betreft'],
    });
    expect(current(result).counted).toBe(2);
  }
});

test('the row rules, remembered per cell, say exactly what the row schema says', async () => {
  const kb = await builtInKnowledge();
  const schema = rowSchema(kb, 'gemeente');
  const { check } = rowChecker(kb, 'gemeente');
  const values = {
    datum: ['2027-03-14', '14-3-2027', '2027-02-30', '', 'morgen'],
    categorie: ['corruptie', 'Fraude, diefstal en verduistering', 'corrupite', '', 'x', 'belangenverstrengeling'],
    betreft: ['ambtenaar', 'Politiek Ambtsdrager', 'burger', ''],
    status: ['open', 'AFGEROND', 'gesloten', ''],
    oordeel: ['gegrond', 'onbekend', 'fout', ''],
    maatregel: ['', 'geen', 'Voorwaardelijk ontslag', 'schorsing'],
    soort: ['', 'misstand', 'integriteitsschending', 'klacht'],
  };
  let seed = 7;
  const pick = (list: readonly string[]) => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length]!;
  for (let round = 0; round < 300; round++) {
    const cells = {
      datum: pick(values.datum),
      categorie: pick(values.categorie),
      betreft: pick(values.betreft),
      status: pick(values.status),
      oordeel: pick(values.oordeel),
      maatregel: pick(values.maatregel),
      soort: pick(values.soort),
    };
    const expected = schema.safeParse(cells);
    const found = check(cells);
    if (expected.success) expect(found).toEqual({ ok: true, melding: expected.data });
    else
      expect(found).toEqual({
        ok: false,
        issues: expected.error.issues.map((issue) => ({ key: issue.path[0], message: issue.message })),
      });
  }
});

test('the row schema folds case, accents, spacing, labels and earlier labels to the ids', async () => {
  const kb = await builtInKnowledge();
  const row = rowSchema(kb, 'gemeente').parse({
    datum: '14-03-2027',
    categorie: '  misbruik  EN lekken van informatie ',
    betreft: 'Politiek Ambtsdrager',
    status: 'AFGEROND',
    oordeel: 'gegrond',
    maatregel: 'Voorwaardelijk ontslag',
    soort: '',
  });
  expect(row).toEqual({
    datum: { year: 2027, month: 3, day: 14 },
    categorie: 'misbruik-informatie',
    betreft: 'politiek-ambtsdrager',
    status: 'afgerond',
    oordeel: 'gegrond',
    maatregel: 'voorwaardelijk-ontslag',
  });
  const schema = rowSchema(kb, 'gemeente');
  expect(schema.parse({ ...row, datum: '2027-01-01', maatregel: '', soort: '' }).maatregel).toBeUndefined();
  expect(schema.shape.categorie.parse('Ongewenste omgángsvormen')).toBe('ongewenste-omgangsvormen');
  // The title of the category today, and the label it had before.
  expect(schema.shape.categorie.parse('Misbruik van informatie')).toBe('misbruik-informatie');
  expect(schema.shape.categorie.parse('giften')).toBe('giften');
});

test('only counts leave the register: one entry point, and the rest of src/ imports nothing else of it', async () => {
  const entry = await import('../../src/register/index.js');
  expect(Object.keys(entry)).toEqual(['countRegister']);
  // What the program outside src/register/ may import: the entry point, the count types, the tables.
  const imports = [...importGraph(join(packageRoot, 'src'))]
    .filter(([file]) => !file.startsWith('register/'))
    .flatMap(([file, targets]) => targets.filter((t) => t.startsWith('register/')).map((t) => `${file} → ${t}`));
  expect(imports.length).toBeGreaterThan(0);
  expect(imports.filter((line) => !/→ register\/(index|counts|tables)\.ts$/.test(line))).toEqual([]);
});
