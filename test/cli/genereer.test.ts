import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { packageRoot } from '../../src/paths.js';
import { runInProcess } from '../support/cli.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { exampleAnswers, model } from '../support/plan.js';
import { requireTools, withTempDir } from '../support/tools.js';

const example = join(packageRoot, 'examples', 'gemeente.yaml');
const base = 'gemeente-voorbeeld-integriteitsbeleidsplan-2027-2030';
let out: string;
let files: Record<'docx' | 'pdf' | 'md', Buffer>;
let stdout: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'genereer-'));
  const result = await runInProcess([
    'genereer',
    '--antwoorden',
    example,
    '--uitvoer',
    out,
    '--formaten',
    'docx,pdf,md',
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  stdout = result.stdout;
  files = {
    docx: readFileSync(join(out, `${base}.docx`)),
    pdf: readFileSync(join(out, `${base}.pdf`)),
    md: readFileSync(join(out, `${base}.md`)),
  };
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

test('prints the paths it wrote and leaves no temporary files', async () => {
  expect(stdout).toBe(`Geschreven:\n${['docx', 'pdf', 'md'].map((f) => `  ${join(out, `${base}.${f}`)}\n`).join('')}`);
  expect(readdirSync(out).sort()).toEqual([`${base}.docx`, `${base}.md`, `${base}.pdf`]);
});

describe('DOCX read back', () => {
  let documentXml: string;
  let zip: JSZip;
  beforeAll(async () => {
    zip = await JSZip.loadAsync(files.docx);
    documentXml = await zip.file('word/document.xml')!.async('string');
  });

  test('headings use Word’s built-in heading styles and there is a table of contents', () => {
    expect(documentXml).toMatch(/<w:pStyle w:val="Heading1"\/>.*1 Inleiding/s);
    expect(documentXml).toMatch(/<w:pStyle w:val="Heading2"\/>.*7\.1 Gedragsregels/s);
    expect(documentXml.includes('TOC \\h \\o &quot;1-2&quot;')).toBe(true);
  });

  test('tables are real tables with a repeated header row', () => {
    expect((documentXml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(5);
    expect(documentXml).toContain('<w:tblHeader/>');
    expect(documentXml).toContain('Maatregel');
  });

  test('hyperlinks point to the 2012 instrument pages', async () => {
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toMatch(
      /Target="http:\/\/www\.integriteitoverheid\.nl\/[^"]+integriteitswijzer\.html" TargetMode="External"/,
    );
    expect(documentXml).toContain('<w:hyperlink');
  });

  test('language nl-NL, properties, header with the organisation and footer with page numbers', async () => {
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:val="nl-NL"');
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>Integriteitsbeleidsplan Gemeente Voorbeeld 2027–2030</dc:title>');
    expect(core).toContain('<dc:creator>J. Jansen</dc:creator>');
    expect(core).toContain('2027-01-15T00:00:00Z');
    const parts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /word\/(header|footer)\d*\.xml/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(parts.join('')).toContain('Gemeente Voorbeeld');
    expect(parts.join('')).toMatch(/Pagina.*PAGE.*van.*NUMPAGES/s);
    expect(parts.join('')).toContain('Concept · 15 januari 2027');
  });
});

describe('PDF read back', () => {
  const hasPoppler = requireTools('pdftotext', 'pdfinfo');
  const maybe = hasPoppler ? test : test.skip;
  let text = '';
  let info = '';
  beforeAll(() => {
    if (!hasPoppler) return;
    const pdf = join(out, `${base}.pdf`);
    text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  });

  maybe('every weak theme’s three paragraphs are in the PDF, in the gemeente’s own words', async () => {
    const kb = await builtInKnowledge();
    const plan = model(kb, exampleAnswers(kb, 'gemeente'));
    expect(plan.zwakkeThemas.map((s) => s.id)).toEqual([
      'h2-gedragsregels',
      'h2-procedures-meldingen',
      'h3-naleven-regels',
      'h4-handhaving',
      'h56-rol-griffier',
    ]);
    for (const section of plan.zwakkeThemas) {
      for (const paragraph of [...section.waarom, ...section.risico, ...section.oplossingsrichting]) {
        // First and last words of each paragraph: line breaks and hyphenation may split the middle.
        const words = paragraph.split(/\s+/);
        expect(text).toContain(words.slice(0, 6).join(' '));
        expect(text).toContain(words.slice(-5).join(' '));
      }
    }
  });

  maybe('non-weak themes appear only in the appendix, not as a section', async () => {
    const kb = await builtInKnowledge();
    const waarom = kb.themes.find((t) => t.id === 'h2-samenwerking')!.waarom;
    expect(text).not.toContain(waarom.split(/\s+/).slice(0, 8).join(' '));
    const appendix = text.slice(text.lastIndexOf("Bijlage A. Thema's zonder zwakke score"));
    expect(appendix).toContain('Samenwerking');
  });

  maybe('metadata, page size, page count and language', () => {
    expect(info).toMatch(/Title:\s+Integriteitsbeleidsplan Gemeente Voorbeeld 2027–2030/);
    expect(info).toMatch(/Author:\s+J\. Jansen/);
    expect(info).toMatch(/Subject:\s+Integriteitsbeleid van Gemeente Voorbeeld/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(10);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(files.pdf.toString('latin1')).toMatch(/\/Lang \(nl-NL\)/);
    expect(text).toMatch(/Pagina 2 van \d+/);
  });
});

test('the same answers give byte-identical files on every run', async () => {
  const again = mkdtempSync(join(tmpdir(), 'genereer-'));
  try {
    expect(
      (await runInProcess(['genereer', '--antwoorden', example, '--uitvoer', again, '--formaten', 'docx,pdf,md'])).code,
    ).toBe(0);
    for (const format of ['docx', 'pdf', 'md'] as const) {
      expect(readFileSync(join(again, `${base}.${format}`)).equals(files[format])).toBe(true);
    }
  } finally {
    rmSync(again, { recursive: true, force: true });
  }
});

test('refuses to overwrite without --forceer and leaves the existing files untouched', async () => {
  const before = statSync(join(out, `${base}.pdf`)).mtimeMs;
  writeFileSync(join(out, `${base}.docx`), 'mijn eigen bewerkingen');
  const result = await runInProcess(['genereer', '--antwoorden', example, '--uitvoer', out]);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('--forceer');
  expect(statSync(join(out, `${base}.pdf`)).mtimeMs).toBe(before);
  expect(readFileSync(join(out, `${base}.docx`), 'utf8')).toBe('mijn eigen bewerkingen');
  expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  const forced = await runInProcess(['genereer', '--antwoorden', example, '--uitvoer', out, '--forceer']);
  expect(forced.code).toBe(0);
});

test('a hostile organisation name gives a safe file name inside the output folder', async () => {
  await withTempDir(async (dir) => {
    const answers = join(dir, 'a.yaml');
    writeFileSync(
      answers,
      'organisatie: { naam: "../../etc/Gemeente *Ünïcode* / B&W", type: gemeente }\nplanperiode: { van: 2027, tot: 2027 }\ndatum: 2027-01-15\n',
    );
    const result = await runInProcess([
      'genereer',
      '--antwoorden',
      answers,
      '--uitvoer',
      join(dir, 'uit'),
      '--formaten',
      'md',
    ]);
    expect(result.code).toBe(0);
    expect(readdirSync(join(dir, 'uit'))).toEqual(['etc-gemeente-unicode-b-w-integriteitsbeleidsplan-2027-2027.md']);
  });
});

test('a user error leaves no file behind and exits 1 with a Dutch message', async () => {
  await withTempDir(async (dir) => {
    const answers = join(dir, 'a.yaml');
    writeFileSync(
      answers,
      'organisatie: { naam: X, type: rijk }\nhoofdstukken: [h2, h3]\nplanperiode: { van: 2027, tot: 2026 }\n',
    );
    const result = await runInProcess(['genereer', '--antwoorden', answers, '--uitvoer', join(dir, 'uit')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('hoofdstuk h3 geldt niet voor type rijk');
    expect(result.stderr).toContain('planperiode.tot');
    expect(existsSync(join(dir, 'uit'))).toBe(false);
    const missing = await runInProcess(['genereer', '--antwoorden', join(dir, 'bestaat-niet.yaml')]);
    expect(missing.stderr).toContain('bestaat niet');
  });
});

test('--sjablonen uses the user’s template and falls back to built-in partials', async () => {
  await withTempDir(async (dir) => {
    const own = readFileSync(join(packageRoot, 'templates', 'beleidsplan.md.hbs'), 'utf8').replace(
      '# 2 Visie en ambitie',
      '# 2 Onze eigen visie',
    );
    writeFileSync(join(dir, 'beleidsplan.md.hbs'), own);
    const result = await runInProcess([
      'genereer',
      '--antwoorden',
      example,
      '--uitvoer',
      join(dir, 'uit'),
      '--formaten',
      'md',
      '--sjablonen',
      dir,
    ]);
    expect(result.code).toBe(0);
    const md = readFileSync(join(dir, 'uit', `${base}.md`), 'utf8');
    expect(md).toContain('# 2 Onze eigen visie');
    expect(md).toContain('## 7.1 Gedragsregels');
  });
});

test('a long organisation name still gives every document its own file', async () => {
  await withTempDir(async (dir) => {
    const answers = join(dir, 'a.yaml');
    const name = 'Gemeenschappelijke Regeling Omgevingsdienst Noordzeekanaalgebied en Omstreken';
    writeFileSync(
      answers,
      `organisatie: { naam: ${name}, type: gemeente }\nplanperiode: { van: 2027, tot: 2030 }\ndatum: 2028-01-15\nverslagjaar: 2027\n`,
    );
    const result = await runInProcess([
      'genereer',
      '--antwoorden',
      answers,
      '--uitvoer',
      join(dir, 'uit'),
      '--formaten',
      'md',
      '--document',
      'beleidsplan,rapportage,brief',
    ]);
    expect(result.stderr).not.toMatch(/Fout/);
    expect(result.code).toBe(0);
    expect(readdirSync(join(dir, 'uit')).sort()).toEqual([
      'gemeenschappelijke-regeling-omgevingsdie-aanbiedingsbrief-2028-01-15.md',
      'gemeenschappelijke-regeling-omgevingsdie-integriteitsbeleidsplan-2027-2030.md',
      'gemeenschappelijke-regeling-omgevingsdie-integriteitsrapportage-2027.md',
    ]);
  });
});

test('an output folder that cannot be used is a Dutch user error, not a crash', async () => {
  await withTempDir(async (dir) => {
    writeFileSync(join(dir, 'bestand'), 'geen map');
    const result = await runInProcess([
      'genereer',
      '--antwoorden',
      example,
      '--uitvoer',
      join(dir, 'bestand', 'uit'),
      '--formaten',
      'md',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Kan .* niet schrijven: een deel van dit pad is een bestand, geen map/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

test('broken front matter or a missing partial in an own template is reported with the file', async () => {
  await withTempDir(async (dir) => {
    const generateWithOwnTemplates = () =>
      runInProcess([
        'genereer',
        '--antwoorden',
        example,
        '--uitvoer',
        join(dir, 'uit'),
        '--formaten',
        'md',
        '--sjablonen',
        dir,
      ]);
    writeFileSync(join(dir, 'beleidsplan.md.hbs'), '---\ntitel: [kapot\n---\n\nTekst\n');
    const broken = await generateWithOwnTemplates();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('beleidsplan.md.hbs: de front matter (tussen de regels ---) is geen geldige YAML');
    writeFileSync(join(dir, 'beleidsplan.md.hbs'), '---\n---\n\n{{> bestaat-niet}}\n');
    const partial = await generateWithOwnTemplates();
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('het onderdeel (partial) "bestaat-niet" bestaat niet');
    expect(existsSync(join(dir, 'uit'))).toBe(false);
  });
});

test('a folder of answers files with --meldingen, or a missing template folder, is a clear Dutch error', async () => {
  // A folder is made file by file (test/cli/batch.test.ts); a register belongs to one organisation.
  const register = join(packageRoot, 'examples', 'meldingen-2027.csv');
  const folder = await runInProcess([
    'genereer',
    '--antwoorden',
    join(packageRoot, 'examples'),
    '--meldingen',
    register,
  ]);
  expect(folder.code).toBe(1);
  expect(folder.stderr).toContain('De optie --meldingen hoort bij de rapportage van één organisatie');
  const templates = await runInProcess([
    'genereer',
    '--antwoorden',
    example,
    '--sjablonen',
    join(tmpdir(), 'bestaat-niet-9f3'),
    '--uitvoer',
    join(tmpdir(), 'nooit-9f3'),
  ]);
  expect(templates.code).toBe(1);
  expect(templates.stderr).toContain('bestaat niet of is geen map (--sjablonen)');
  expect(existsSync(join(tmpdir(), 'nooit-9f3'))).toBe(false);
});

test('genereer honours the action plan section: a moved, reassigned, left-out and own measure', async () => {
  await withTempDir(async (dir) => {
    const answers = join(dir, 'antwoorden.yaml');
    writeFileSync(
      answers,
      `${readFileSync(example, 'utf8')}
actieplan:
  maatregelen:
    vertrouwenspersoon: { kwartaal: K4 2029, eigenaar: hr }
    intervisie-griffiers: { weglaten: true }
    meldprocedure-en-protocol: { kwartaal: K2 2030 }
  eigen:
    - id: eigen-sociale-media
      tekst: Spreek af hoe raadsleden op sociale media met vertrouwelijke informatie omgaan.
      eigenaar: griffier
      themas: [h56-rol-griffier]
      kwartaal: K3 2027
`,
    );
    const result = await runInProcess(['genereer', '--antwoorden', answers, '--uitvoer', dir, '--formaten', 'md']);
    expect(result.code).toBe(0);
    // What builds on a moved measure moves along after it: no warning needed for the order. The move of a
    // legal duty past the first year stays, but is warned about.
    expect(result.stderr).toBe(
      'Let op: maatregel meldprocedure-en-protocol voert een wettelijke plicht uit (Ambtenarenwet 2017, artikel 5, ' +
        'eerste lid, onder e; Wet bescherming klokkenluiders (in werking sinds 18 februari 2023)), maar staat in K2 2030, ' +
        'na het eerste jaar van het plan (2027). Kies in actieplan.maatregelen een kwartaal in 2027 voor ' +
        'meldprocedure-en-protocol, of laat het zo als de organisatie die plicht al nakomt.\n',
    );
    const md = readFileSync(join(dir, `${base}.md`), 'utf8');
    expect(md).toMatch(
      /\| Zorg voor een opgeleide vertrouwenspersoon integriteit[^|]*\| [^|]*\| afdeling HRM \| K4 2029 \|/,
    );
    expect(md).not.toContain('Stem integriteitsvraagstukken af met collega-griffiers');
    expect(md).toMatch(
      /\| Leg vast hoe de organisatie naar buiten communiceert[^|]*\| [^|]*\| gemeentesecretaris \| K[34] 2030 \|/,
    );
    expect(md).toMatch(
      /\| Spreek af hoe raadsleden op sociale media[^|]*\| Organisatie en borgen\\: de rol van de griffier \(monitorhoofdstuk 5 en 6\) \(eigen maatregel\) \| griffier \| K3 2027 \|/,
    );
  });
});
