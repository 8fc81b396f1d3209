import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { packageRoot } from '../../src/paths.js';
import { runInProcess } from '../support/cli.js';

const answers = join(packageRoot, 'examples/gemeente-rapportage-2027.yaml');
const register = join(packageRoot, 'examples/meldingen-2027.csv');
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'rapportage-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const genereer = (...args: string[]) => runInProcess(['genereer', '--antwoorden', answers, '--uitvoer', dir, ...args]);
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const hasTool = (tool: string) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Everything of the register that is not a contract value: ids, free text, the names in it. */
function registerSecrets(): string[] {
  const rows = parse(readFileSync(register), { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
  const names = rows.flatMap((row) => row.Omschrijving!.match(/\b[A-Z]\. (?:(?:de|van) )?[A-Z][a-z]+/g) ?? []);
  expect(names.length).toBeGreaterThan(20);
  return [
    ...rows.map((row) => row.Kenmerk!),
    ...rows.map((row) => row.Omschrijving!.slice(0, 25)),
    ...names,
    ...names.map((name) => name.split(' ').at(-1)!),
    'Z-2027-118',
    'Burgerzaken',
    'Wijkbeheer',
  ];
}

test('genereer --document rapportage,brief with a register writes DOCX, PDF and Markdown with counts only', async () => {
  const result = await genereer('--document', 'rapportage,brief', '--formaten', 'docx,pdf,md', '--meldingen', register);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('Meldingenregister');
  expect(result.stdout).toContain(
    '23 meldingen uit 2027 geteld, ter vergelijking 15 uit 2026 en 12 uit 2025; 3 rijen uit andere jaren niet meegeteld.',
  );
  const files = readdirSync(dir).sort();
  expect(files).toEqual([
    'gemeente-voorbeeld-aanbiedingsbrief-2028-02-15.docx',
    'gemeente-voorbeeld-aanbiedingsbrief-2028-02-15.md',
    'gemeente-voorbeeld-aanbiedingsbrief-2028-02-15.pdf',
    'gemeente-voorbeeld-integriteitsrapportage-2027.docx',
    'gemeente-voorbeeld-integriteitsrapportage-2027.md',
    'gemeente-voorbeeld-integriteitsrapportage-2027.pdf',
  ]);
  const report = read('gemeente-voorbeeld-integriteitsrapportage-2027.md');
  const letter = read('gemeente-voorbeeld-aanbiedingsbrief-2028-02-15.md');
  // The trend of three years, the verslagjaar's outcomes, the misstanden apart, the answers' own figures.
  expect(report).toContain('| Soort schending | 2025 | 2026 | 2027 |');
  expect(report).toContain('| **Totaal** | **12** | **14** | **21** |');
  expect(report).toContain('| **Totaal** | **21** | **15** | **8** | **7** | **5** | **8** |');
  expect(report).toContain('| Vermoedens van een misstand | < 5 | < 5 | < 5 | 0 | < 5 | < 5 |');
  expect(report).toContain('| Adviesvragen over integriteit aan de integriteitsfunctionaris | 14 |');
  expect(report).toContain('| Waarvan uitgemond in een melding | < 5 |');
  expect(letter).toContain('gemeente-voorbeeld-integriteitsrapportage-2027.pdf');
  expect(letter).toContain('De rapportage is ter bespreking in de commissie Bestuur en Middelen van de gemeenteraad');

  // No register text in any output: Markdown, the DOCX's XML, and the PDF's text.
  const docxText = async (name: string) => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, name)));
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => f.name.endsWith('.xml'))
        .map((f) => f.async('string')),
    );
    return parts.join('\n').replace(/<[^>]+>/g, '');
  };
  const outputs = [
    report,
    letter,
    await docxText('gemeente-voorbeeld-integriteitsrapportage-2027.docx'),
    await docxText('gemeente-voorbeeld-aanbiedingsbrief-2028-02-15.docx'),
  ];
  if (hasTool('pdftotext')) {
    for (const pdf of files.filter((f) => f.endsWith('.pdf')))
      outputs.push(execFileSync('pdftotext', [join(dir, pdf), '-'], { encoding: 'utf8' }));
  }
  expect(outputs[2]).toContain('Meldingen per soort schending');
  for (const secret of registerSecrets()) {
    const pattern = new RegExp(`(?<![\\p{L}])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
    for (const output of outputs) expect({ secret, found: pattern.test(output) }).toEqual({ secret, found: false });
  }

  // The PDF says what the Markdown says.
  if (hasTool('pdftotext')) {
    const pdfText = (name: string) =>
      execFileSync('pdftotext', [join(dir, name), '-'], { encoding: 'utf8' })
        .replace(/\s+/g, ' ')
        // pdftotext reads "< 5" in a table cell as "<5".
        .replace(/<(\d)/g, '< $1');
    const reportPdf = pdfText('gemeente-voorbeeld-integriteitsrapportage-2027.pdf');
    for (const expected of [
      '3.1 Meldingen per soort schending, 2025–2027',
      'Soort schending 2025 2026 2027',
      'Giften 0 < 5 0',
      'Totaal 12 14 21',
      '3.4 Vermoedens van een misstand',
      'Adviesvragen over integriteit aan de integriteitsfunctionaris 14',
      'Misbruik van informatie',
    ])
      expect({ expected, found: reportPdf.includes(expected) }).toEqual({ expected, found: true });
    const letterText = pdfText('gemeente-voorbeeld-aanbiedingsbrief-2028-02-15.pdf');
    expect(letterText).toContain('waarvan minder dan 5 over politieke ambtsdragers');
    expect(letterText).toContain(
      'ter bespreking in de commissie Bestuur en Middelen van de gemeenteraad, samen met de burgemeester',
    );
    expect(letterText).toContain('gepubliceerd op www.voorbeeld.nl/integriteit');
  }

  // The letter fits on one page.
  const letterPdf = join(dir, 'gemeente-voorbeeld-aanbiedingsbrief-2028-02-15.pdf');
  if (hasTool('pdfinfo')) expect(execFileSync('pdfinfo', [letterPdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
});

test('bad rows stop the run with every bad row by line number; nothing is written', async () => {
  const csv = join(dir, 'register.csv');
  writeFileSync(
    csv,
    [
      'Datum;Categorie;Betreft;Status;Oordeel;Maatregel;Omschrijving',
      '2027-01-05;corrupite;ambtenaar;afgerond;gegrond;;Jan Geheim',
      '2027-02-30;overig;ambtenaar;open;onbekend;;',
      '2027-03-01;overig;ambtenaar;open;onbekend;;',
      '2027-04-01;overig;wethouder;open;gegrond;schorsing;',
    ].join('\n'),
  );
  const result = await genereer('--document', 'rapportage', '--formaten', 'md', '--meldingen', csv);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('heeft 3 rijen met fouten; er is niets gemaakt');
  expect(result.stderr).toContain('--sla-fouten-over');
  expect(result.stderr).toMatch(/register\.csv:2 — categorie: onbekende waarde "corrupite"; bedoelde u "corruptie"\?/);
  expect(result.stderr).toMatch(/register\.csv:3 — datum: "2027-02-30" is geen geldige datum/);
  expect(result.stderr).toMatch(/register\.csv:5 — betreft: onbekende waarde "wethouder"/);
  expect(result.stderr).toMatch(/register\.csv:5 — maatregel: onbekende waarde "schorsing"/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain('Jan Geheim');
  expect(readdirSync(dir)).toEqual(['register.csv']);

  const skipped = await genereer(
    '--document',
    'rapportage',
    '--formaten',
    'md',
    '--meldingen',
    csv,
    '--sla-fouten-over',
  );
  expect(skipped.code).toBe(0);
  expect(skipped.stderr).toContain('Let op: 3 rijen met fouten overgeslagen');
  expect(skipped.stdout).toContain(
    '1 melding uit 2027 geteld, ter vergelijking 0 uit 2026 en 0 uit 2025; 3 rijen met fouten overgeslagen.',
  );
  const report = read('gemeente-voorbeeld-integriteitsrapportage-2027.md');
  expect(report).toContain('3 rijen uit het register zijn overgeslagen en niet meegeteld');
  expect(report).not.toContain('Jan Geheim');
});

test('--jaar overrides the verslagjaar and names the file; a register without rows in that year gets a warning', async () => {
  const result = await genereer(
    '--document',
    'rapportage',
    '--formaten',
    'md',
    '--jaar',
    '2026',
    '--meldingen',
    register,
  );
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(
    '15 meldingen uit 2026 geteld, ter vergelijking 12 uit 2025 en 1 uit 2024; 25 rijen uit andere jaren niet meegeteld.',
  );
  expect(readdirSync(dir)).toEqual(['gemeente-voorbeeld-integriteitsrapportage-2026.md']);
  expect(read('gemeente-voorbeeld-integriteitsrapportage-2026.md')).toContain('# 6 Conclusies en voornemens voor 2027');

  const none = await genereer(
    '--document',
    'rapportage',
    '--formaten',
    'md',
    '--jaar',
    '2030',
    '--meldingen',
    register,
    '--forceer',
  );
  expect(none.code).toBe(0);
  expect(none.stderr).toContain('geen enkele melding');
});

test('--privacy-drempel 0 prints every count; a bad value or year is a clear error', async () => {
  const result = await genereer(
    '--document',
    'rapportage',
    '--formaten',
    'md',
    '--meldingen',
    register,
    '--privacy-drempel',
    '0',
  );
  expect(result.code).toBe(0);
  const report = read('gemeente-voorbeeld-integriteitsrapportage-2027.md');
  expect(report).toContain('| Corruptie | 1 | 1 | 0 | 1 | 0 | 0 |');
  expect(report).not.toContain('AVG');

  for (const [option, value, message] of [
    ['--privacy-drempel', 'vijf', /Ongeldige waarde "vijf" bij --privacy-drempel/],
    ['--privacy-drempel', '-1', /Ongeldige waarde "-1" bij --privacy-drempel/],
    ['--jaar', '27', /Ongeldig jaar "27" bij --jaar/],
  ] as const) {
    const bad = await genereer('--document', 'rapportage', '--formaten', 'md', option, value);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(message);
  }
});

test('--meldingen with only the plan is refused, like any option for a document not made; a missing register file is an error', async () => {
  const plan = await genereer(
    '--document',
    'beleidsplan',
    '--formaten',
    'md',
    '--meldingen',
    join(dir, 'bestaat-niet.csv'),
  );
  expect(plan.code).toBe(1);
  expect(plan.stderr).toContain(
    'De optie --meldingen geldt alleen voor de integriteitsrapportage, en u maakt nu: beleidsplan. Voeg de rapportage toe (--document beleidsplan,rapportage) of laat --meldingen weg. Er is niets gemaakt.',
  );
  expect(existsSync(join(dir, 'gemeente-voorbeeld-integriteitsbeleidsplan-2027-2030.md'))).toBe(false);

  const missing = await genereer(
    '--document',
    'rapportage',
    '--formaten',
    'md',
    '--meldingen',
    join(dir, 'bestaat-niet.csv'),
  );
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(
    /Kan het meldingenregister .*bestaat-niet\.csv niet lezen: het bestand of de map bestaat niet/,
  );
});

test('the letter on its own offers the report when there is a verslagjaar or register, else the plan', async () => {
  const withYear = await genereer('--document', 'brief', '--formaten', 'md');
  expect(withYear.code).toBe(0);
  expect(read('gemeente-voorbeeld-aanbiedingsbrief-2028-02-15.md')).toContain(
    'Onderwerp:** aanbieding integriteitsrapportage 2027',
  );
  const plan = join(packageRoot, 'examples/gemeente.yaml');
  const base = ['genereer', '--antwoorden', plan, '--uitvoer', dir, '--document', 'brief', '--formaten', 'md'];
  const plain = await runInProcess(base);
  expect(plain.code).toBe(0);
  expect(read('gemeente-voorbeeld-aanbiedingsbrief-2027-01-15.md')).toContain(
    'Onderwerp:** aanbieding integriteitsbeleidsplan 2027–2030',
  );
  const withFlag = await runInProcess([...base, '--jaar', '2026', '--forceer']);
  expect(withFlag.code).toBe(0);
  expect(read('gemeente-voorbeeld-aanbiedingsbrief-2027-01-15.md')).toContain(
    'Onderwerp:** aanbieding integriteitsrapportage 2026',
  );
});

test('a report dated within its own verslagjaar gets a warning', async () => {
  const early = join(dir, 'vroeg.yaml');
  writeFileSync(early, readFileSync(answers, 'utf8').replace('datum: 2028-02-15', 'datum: 2027-06-01'));
  const result = await runInProcess([
    'genereer',
    '--antwoorden',
    early,
    '--uitvoer',
    dir,
    '--document',
    'rapportage',
    '--formaten',
    'md',
  ]);
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('Let op: de datum van de documenten (1 juni 2027) ligt niet na verslagjaar 2027.');
});

test('a register in Windows-1252 stops the run with a Dutch error that says how to save it', async () => {
  const csv = join(dir, 'register.csv');
  const text =
    'Datum;Categorie;Betreft;Status;Oordeel;Omschrijving\n2027-01-05;overig;ambtenaar;open;onbekend;financiële schade\n';
  writeFileSync(csv, Buffer.from(text, 'latin1'));
  const result = await genereer('--document', 'rapportage', '--formaten', 'md', '--meldingen', csv);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('is geen UTF-8-bestand');
  expect(result.stderr).toMatch(/register\.csv:2 — .*sla het bestand op als CSV UTF-8/);
  expect(readdirSync(dir)).toEqual(['register.csv']);
});

test('a Rijk report from a Rijk register counts in the Rijk’s types; a decentral category in it stops the run', async () => {
  const rijk = join(packageRoot, 'examples/rijk.yaml');
  const rijkRegister = join(packageRoot, 'examples/meldingen-rijk-2027.csv');
  const base = ['genereer', '--antwoorden', rijk, '--uitvoer', dir, '--document', 'rapportage', '--jaar', '2027'];
  const result = await runInProcess([...base, '--formaten', 'md,pdf', '--meldingen', rijkRegister]);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('11 meldingen uit 2027 geteld, ter vergelijking 4 uit 2026 en 3 uit 2025.');
  const report = read('dienst-voorbeeldzaken-integriteitsrapportage-2027.md');
  expect(report).toContain('| Oneigenlijk gebruik van dienstmiddelen en overschrijding van interne regels |');
  expect(report).toContain('| Misdragingen in de privésfeer |');
  expect(report).not.toContain('Corruptie');
  if (hasTool('pdftotext')) {
    const pdf = execFileSync('pdftotext', [join(dir, 'dienst-voorbeeldzaken-integriteitsrapportage-2027.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(pdf).toContain('Financiële schendingen');
    expect(pdf).toContain('typen integriteitsschendingen van het Rijk');
  }

  const wrong = await runInProcess([...base, '--formaten', 'md', '--meldingen', register, '--forceer']);
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain('met fouten; er is niets gemaakt');
  expect(wrong.stderr).toMatch(
    /meldingen-2027\.csv:\d+ — categorie: "corruptie" is een categorie van de typologie van integriteitsschendingen van de Vrije Universiteit en BIOS, voor de gemeente, de provincie en het waterschap; het Rijk meldt in de typen integriteitsschendingen van het Rijk, kies uit: financiele-schendingen/,
  );
  expect(wrong.stderr).not.toMatch(/\n\s+at /);
});

test('a register with only its header: zero meldingen in the verslagjaar, said on the screen and in the report', async () => {
  const csv = join(dir, 'leeg.csv');
  writeFileSync(csv, 'Kenmerk;Datum;Categorie;Betreft;Status;Oordeel;Maatregel;Omschrijving\r\n');
  const result = await genereer('--document', 'rapportage,brief', '--formaten', 'md', '--meldingen', csv);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('leeg.csv: geen meldingen (alleen de kopregel); geteld als 0 meldingen in 2027.');
  const report = read('gemeente-voorbeeld-integriteitsrapportage-2027.md');
  expect(report).toContain('| **Totaal** | **niet beschikbaar** | **niet beschikbaar** | **0** |');
  expect(report).toContain('| **Totaal** | **0** | **0** | **0** | **0** | **0** | **0** |');
  expect(read('gemeente-voorbeeld-aanbiedingsbrief-2028-02-15.md')).toContain(
    'In 2027 kwamen geen meldingen van een vermoeden van een integriteitsschending binnen.',
  );
});

test('sentences instead of tables, through the whole route to the PDF', async () => {
  const answersFile = join(dir, 'zin.yaml');
  writeFileSync(
    answersFile,
    readFileSync(answers, 'utf8').replace('rapportage:\n', 'rapportage:\n  meldingen_als: zin\n'),
  );
  const result = await runInProcess([
    'genereer',
    '--antwoorden',
    answersFile,
    '--uitvoer',
    dir,
    '--document',
    'rapportage',
    '--formaten',
    'md,pdf',
    '--meldingen',
    register,
  ]);
  expect(result.code).toBe(0);
  const report = read('gemeente-voorbeeld-integriteitsrapportage-2027.md');
  expect(report).toContain('Ontvangen meldingen per jaar: 2025: 12; 2026: 14; 2027: 21.');
  expect(report).not.toContain('| Soort schending | 2025 | 2026 | 2027 |');
  if (hasTool('pdftotext')) {
    const pdf = execFileSync('pdftotext', [join(dir, 'gemeente-voorbeeld-integriteitsrapportage-2027.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(pdf).toContain('Ontvangen meldingen per jaar: 2025: 12; 2026: 14; 2027: 21.');
    expect(pdf).toContain('ongewenste omgangsvormen: 7');
  }
});
