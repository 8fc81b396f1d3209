import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import { packageRoot } from '../../src/paths.js';
import { runInProcess, type CliResult } from '../support/cli.js';
import { withTempDir } from '../support/tools.js';

/*
 * Hostile but realistic registers, through the CLI. The rule for each (issue 13): exit ≠ 0, a Dutch
 * message that names the file, the line and what is allowed, no stack trace, no English library
 * text, no raw control character, and nothing written.
 */

const answers = join(packageRoot, 'examples/gemeente-rapportage-2027.yaml');
const header = 'Kenmerk;Datum;Categorie;Betreft;Status;Oordeel;Maatregel;Omschrijving';
const good = 'M-1;2027-03-14;corruptie;ambtenaar;afgerond;gegrond;berisping;"vrije tekst"';
/** A good row without quotes, so a quote left open runs on to the end. */
const plain = 'M-1;2027-03-14;corruptie;ambtenaar;afgerond;gegrond;berisping;vrije tekst';
const register = (...rows: string[]) => [header, ...rows].join('\n') + '\n';

const saveAsUtf8 = /sla het bestand op als CSV UTF-8/;
const allowedColumns = /verplicht zijn datum, categorie, betreft, status, oordeel; maatregel en soort mogen/;
const quoteRule = /zet een cel met een scheidingsteken, aanhalingsteken of regeleinde helemaal tussen aanhalingstekens/;

/** Words of csv-parse's, zod's and Node's own messages; none is Dutch. */
const englishText =
  /\b(invalid|quote|record|line|error|expected|received|got|field|column|unexpected|the|found|option|undefined|encoding)\b|CSV_|INVALID_|ERR_/i;
// Tab and newline are the only control characters our own output may contain.
// eslint-disable-next-line no-control-regex
const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

async function genereer(file: string | Uint8Array, ...options: string[]): Promise<CliResult & { left: string[] }> {
  return withTempDir(async (dir) => {
    writeFileSync(join(dir, 'r.csv'), file);
    const argv = ['genereer', '--antwoorden', answers, '--uitvoer', 'uit', '--document', 'rapportage'];
    const result = await runInProcess([...argv, '--formaten', 'md', '--meldingen', 'r.csv', ...options], dir);
    return { ...result, left: readdirSync(dir, { recursive: true }).map(String).sort() };
  });
}

/** Runs the register through `genereer`, checks the rule, and returns stderr for what is particular to the case. */
async function refused(file: string | Uint8Array, line: number, allowed: RegExp): Promise<string> {
  const { code, stdout, stderr, left } = await genereer(file);
  expect({ code, left }).toEqual({ code: 1, left: ['r.csv'] });
  expect(stdout).toBe('');
  expect(stderr).toMatch(/^Fout: Het meldingenregister r\.csv /);
  expect(stderr).toContain(`r.csv:${line} — `);
  expect(stderr).toMatch(allowed);
  expect(stderr).not.toMatch(/\n\s+at |Error\b/);
  expect(stderr).not.toMatch(englishText);
  expect(stderr).not.toMatch(rawControl);
  // Short enough to read, however large the file.
  expect(stderr.length).toBeLessThan(2000);
  return stderr;
}

describe('encoding', () => {
  const text = register(good);
  const utf16 = (order: 'le' | 'be', bom: boolean) => {
    const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
    return order === 'le' ? le : le.swap16();
  };

  test.each([
    ['little-endian with BOM', utf16('le', true)],
    ['little-endian without BOM', utf16('le', false)],
    ['big-endian with BOM', utf16('be', true)],
    ['big-endian without BOM', utf16('be', false)],
  ])('UTF-16 %s: a message about the encoding, not about Windows-1252 or columns', async (_, bytes) => {
    const stderr = await refused(bytes, 1, saveAsUtf8);
    expect(stderr).toMatch(
      /is opgeslagen als UTF-16 \((little|big)-endian, in Excel "Unicode-tekst"\), niet als UTF-8/,
    );
    expect(stderr).not.toMatch(/Windows-1252|kolom/);
  });

  test('an Excel workbook (.xlsx) saved under a .csv name', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await refused(bytes, 1, saveAsUtf8)).toMatch(/is een Excel-werkmap \(of een ander zip-bestand\), geen CSV/);
  });

  test('a binary file: the line of its first zero byte', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    // Its signature holds two line ends before the first zero byte.
    expect(await refused(png, 3, saveAsUtf8)).toMatch(/is geen tekstbestand \(het bevat nul-tekens/);
    expect(await refused(gzipSync(text), 1, saveAsUtf8)).toMatch(/geen tekstbestand|geen UTF-8/);
  });
});

describe('quotes', () => {
  test.each([
    [
      'never closed',
      `${good}\nM-2;2027-03-15;overig;ambtenaar;open;onbekend;;"begint maar\n${plain}\n${plain}`,
      3,
      /tot het einde van het bestand niet gesloten/,
    ],
    [
      'left open until the next quoted cell',
      `${good}\nM-2;2027-03-15;overig;ambtenaar;open;onbekend;;"begint maar\n${good}\n${good}`,
      4,
      /tekst direct na een sluitend aanhalingsteken \("\) \(de rij begint op regel 3: wordt daar een aanhalingsteken niet gesloten\?\)/,
    ],
    [
      'text after the closing quote',
      `${good}\nM-2;"2027-03-15"x;overig;ambtenaar;open;onbekend;;\n${good}`,
      3,
      /tekst direct na een sluitend aanhalingsteken/,
    ],
    [
      'a quote inside a cell that does not start with one',
      `${good}\n${good}\nM-3;2027-03-15;overig;ambtenaar;open;onbekend;;12" scherm`,
      4,
      /aanhalingsteken \("\) midden in een cel/,
    ],
    [
      'a quote not doubled inside a quoted cell',
      `M-2;2027-03-15;overig;ambtenaar;open;onbekend;;"zei "nee" en ging"\n${good}`,
      2,
      /tekst direct na een sluitend aanhalingsteken/,
    ],
    [
      'a closing quote on a later line of a cell',
      `${good}\nM-2;2027-03-15;overig;ambtenaar;open;onbekend;;"twee\nregels"en meer\n${good}`,
      4,
      /tekst direct na een sluitend aanhalingsteken/,
    ],
  ])('%s: the line and how to quote', async (_, rows, line, what) => {
    const stderr = await refused(`${header}\n${rows}\n`, line, quoteRule);
    expect(stderr).toMatch(/is geen leesbaar CSV-bestand/);
    expect(stderr).toMatch(what);
  });

  test('a quote in the header', async () => {
    await refused(`Datum;Categorie;Betreft;Status;Oordeel;Maat"regel\n${good}\n`, 1, quoteRule);
  });
});

describe('control characters are shown, never obeyed', () => {
  const osc52 = '\u001b]52;c;SGVsbG8=\u0007'; // writes the clipboard
  const clear = '\u001b[2J\u001b[H'; // clears the screen

  test.each([
    [
      'an OSC sequence as the category',
      `M-2;2027-03-15;"${osc52}";ambtenaar;open;onbekend;;`,
      'categorie',
      '\\x1b]52;c;SGVsbG8=\\x07',
    ],
    [
      'a CSI sequence inside a status',
      `M-2;2027-03-15;overig;ambtenaar;op${clear}en;onbekend;;`,
      'status',
      'op\\x1b[2J\\x1b[Hen',
    ],
    [
      'backspaces over a verdict',
      `M-2;2027-03-15;overig;ambtenaar;open;onbekend\b\b\b\b\b\b\b\bgegrond;;`,
      'oordeel',
      'onbekend\\x08\\x08\\x08',
    ],
    [
      '8-bit CSI and a direction override in a measure',
      `M-2;2027-03-15;overig;ambtenaar;open;onbekend;\u009b2J\u202egeen;`,
      'maatregel',
      '\\x9b2J\\u202egeen',
    ],
    ['a bell in a date', `M-2;2027-03-15\u0007;overig;ambtenaar;open;onbekend;;`, 'datum', '2027-03-15\\x07'],
  ])('%s', async (_, row, key, shown) => {
    const stderr = await refused(register(good, row), 3, /geldig|bedoelde u|schrijf JJJJ-MM-DD/);
    expect(stderr).toContain(`r.csv:3 — ${key}: `);
    expect(stderr).toContain(shown);
  });

  test('in a column name of a header that misses columns', async () => {
    const stderr = await refused(`datum;cate${'\u001b[31m'}gorie;betreft;status;oordeel\n`, 1, allowedColumns);
    expect(stderr).toContain('gevonden: datum, cate\\x1b[31mgorie, betreft, status, oordeel');
  });

  test('in a header of countless columns: twenty of them, and how many more', async () => {
    const names = Array.from({ length: 5000 }, (_, i) => `kolom\u001b[${i}m`);
    const stderr = await refused(`${names.join(';')}\n`, 1, allowedColumns);
    expect(stderr).toContain('gevonden: kolom\\x1b[0m, kolom\\x1b[1m');
    expect(stderr).toContain('kolom\\x1b[19m en nog 4980)');
  });

  test('skipped rows (--sla-fouten-over) are listed escaped as well', async () => {
    const { code, stderr } = await genereer(
      register(good, `M-2;2027-03-15;"${osc52}";ambtenaar;open;onbekend;;`),
      '--sla-fouten-over',
    );
    expect(code).toBe(0);
    expect(stderr).toContain('\\x1b]52;c;SGVsbG8=\\x07');
    expect(stderr).not.toMatch(rawControl);
  });
});

describe('files that hold no register', () => {
  test.each([
    ['an empty file', ''],
    ['only a BOM', '\uFEFF'],
    ['only blank lines', '\n\n\r\n'],
    ['only separators', ';;;;\n'],
  ])('%s: the columns the first line must name', async (_, text) => {
    expect(await refused(text, 1, allowedColumns)).toMatch(/is leeg/);
  });

  test.each([
    ['with a line end', `${header}\n`],
    ['without one', header],
    ['with rows of separators only', `${header}\n;;;;;;;\n\n`],
  ])('only the header, %s: a year without meldingen, counted as zero and said so', async (_, text) => {
    const { code, stdout, stderr } = await genereer(text);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(
      'Meldingenregister r.csv: geen meldingen (alleen de kopregel); geteld als 0 meldingen in 2027.',
    );
  });

  test.each([
    ['the same name twice', 'datum;categorie;betreft;status;oordeel;Datum', 'datum'],
    ['the same name in other case and spacing', 'Datum;Categorie;Betreft;Status;Oordeel; CATEGORIE ', 'categorie'],
  ])('a column twice (%s): named, with the columns allowed', async (_, head, key) => {
    const stderr = await refused(
      `${head}\n2027-01-01;overig;ambtenaar;open;onbekend;x\n`,
      1,
      /deze kolom staat er meer dan eens in/,
    );
    expect(stderr).toContain(`r.csv:1 — ${key}: deze kolom staat er meer dan eens in`);
    expect(stderr).toMatch(/heeft niet de afgesproken kolommen/);
  });
});

describe('size', () => {
  test('an enormous free-text cell: stopped at its row, with the limit', async () => {
    const cell = 'x'.repeat(1_200_000);
    const stderr = await refused(
      register(good, `M-2;2027-03-15;overig;ambtenaar;open;onbekend;;"${cell}"`, good),
      3,
      /langer dan een miljoen tekens/,
    );
    expect(stderr).toMatch(/Excel houdt hoogstens 32\.767 tekens per cel/);
  });

  test('an unclosed quote in a large register: the row where it opens', async () => {
    const rows = Array.from({ length: 20_000 }, () => plain);
    const stderr = await refused(
      register(good, 'M-2;2027-03-15;overig;ambtenaar;open;onbekend;;"open', ...rows),
      3,
      /aanhalingsteken/,
    );
    expect(stderr).toMatch(/langer dan een miljoen tekens|niet gesloten/);
  });

  test('an enormous unknown value: quoted short', async () => {
    const stderr = await refused(
      register(good, `M-2;2027-03-15;${'corruptie'.repeat(50_000)};ambtenaar;open;onbekend;;`),
      3,
      /geldig:/,
    );
    expect(stderr).toContain(`onbekende waarde "${'corruptie'.repeat(7).slice(0, 60)}…"`);
  });
});

describe('line ends', () => {
  test.each([
    ['CRLF', ['\r\n']],
    ['CR (old Mac)', ['\r']],
    ['mixed', ['\n', '\r\n', '\r']],
  ])('%s: each bad row is named at its own line', async (_, ends) => {
    const lines = [
      header,
      good,
      good,
      'M-3;2027-03-15;overig;ambtenaar;gesloten;onbekend;;"twee\nregels"',
      good,
      'M-5;2027-13-01;overig;ambtenaar;open;onbekend;;',
    ];
    const stderr = await refused(
      lines.map((line, i) => line + ends[i % ends.length]).join(''),
      4,
      /geldig: afgerond, open/,
    );
    expect(stderr).toContain('r.csv:4 — status: onbekende waarde "gesloten"');
    expect(stderr).toContain('r.csv:7 — datum: "2027-13-01" is geen geldige datum');
  });
});
