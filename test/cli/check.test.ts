import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInKnowledgeDir } from '../../src/paths.js';
import { runInProcess } from '../support/cli.js';
import { withTempDir } from '../support/tools.js';

test('controleer accepts the built-in knowledge base with a one-line summary', async () => {
  const result = await runInProcess(['controleer']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^Kennisbank in orde .*28 thema's in 4 hoofdstukken/);
  expect(result.stdout.trim().split('\n')).toHaveLength(1);
});

describe('controleer on a deliberately broken copy', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kennisbank-'));
    cpSync(builtInKnowledgeDir, dir, { recursive: true });
    const edit = (file: string, from: string | RegExp, to: string) => {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      const changed = text.replace(from, to);
      if (changed === text) throw new Error(`fixture edit did nothing in ${file}`);
      writeFileSync(path, changed);
    };
    // 1. unknown instrument id in a theme
    edit('themas/h2-gedragsregels.yaml', /instrumenten: \[integriteitswijzer/, 'instrumenten: [integriteitswijzr');
    // 2. unknown owner role in a measure
    edit('maatregelen.yaml', /eigenaar: \w+/, 'eigenaar: directeur');
    // 3. a theme in a chapter that does not exist
    edit('themas/h3-naleven-regels.yaml', /hoofdstuk: h3/, 'hoofdstuk: h7');
    // 4. a duplicate instrument id
    const instruments = join(dir, 'instrumenten.yaml');
    writeFileSync(
      instruments,
      `${readFileSync(instruments, 'utf8')}\n- id: saint\n  naam: SAINT\n  omschrijving: dubbel\n  status: bron-2012\n`,
    );
    // 6. a role reference to a term that does not exist, and 7. a form that one type no longer has
    edit(
      'themas/h56-rol-griffier.yaml',
      '[[CdK/burgemeester|voorzitter]] belangrijke',
      '[[CdK/burgemeester|voorziter]] belangrijke',
    );
    edit('organisatietypen.yaml', '      lid_met_lidwoord: het lid van het algemeen bestuur\n', '');
    // 8. an owner that one type the measure applies to does not have (the Rijk has no griffier)
    edit('maatregelen.yaml', /(- id: samenwerking-in-strategie\n.*\n {2}eigenaar:) secretaris/, '$1 griffier');
    // 9. a 2012 product recommended by a measure
    edit('maatregelen.yaml', 'instrumenten: [integriteitswijzer-hvk]', 'instrumenten: [internetspiegel]');
    // 11. an owner who does not work for the themes' audience: leidinggevenden for the politieke ambtsdragers
    edit('maatregelen.yaml', /(- id: aanspreekpunt-griffier\n.*\n {2}eigenaar:) griffier/, '$1 leidinggevenden');
    // 12. an unknown theme, a circle in the order, an old id of a theme the measure does not serve
    edit(
      'maatregelen.yaml',
      'themas: [h4-handhaving]\n  na: [meldprocedure-en-protocol]',
      'themas: [h4-handhavng]\n  na: [meldprocedure-en-protocol]',
    );
    edit('maatregelen.yaml', /(- id: risicoanalyse\n(.*\n)+? {2}themas: .*\n)/, '$1  na: [functiescheiding]\n');
    edit('maatregelen.yaml', 'oude_ids: [h2-eerlijke-behandeling/m1]', 'oude_ids: [h2-samenwerking/m9]');
    // 13. a measure tied to elections that would hold for the Rijk, which has none
    edit(
      'maatregelen.yaml',
      /(- id: samenwerking-belonen\n(.*\n){3}) {2}soort: doorlopend/,
      '$1  soort: na-verkiezingen',
    );
    // 10. a marked national finding that no longer stands in its field
    edit(
      'themas/h2-procedures-meldingen.yaml',
      'voor verbetering vatbaar is.\n    tonen',
      'voor verbetering vatbaar was.\n    tonen',
    );
    // 5. an empty paragraph
    edit('themas/h56-handhaving.yaml', /^waarom: >-\n( {2}.*\n)+/m, 'waarom: ""\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reports every fault at once, with file and key, and exits 1', async () => {
    const result = await runInProcess(['controleer', '--kennisbank', dir]);
    expect(result.code).toBe(1);
    const err = result.stderr;
    expect(err).toMatch(
      /themas\/h2-gedragsregels\.yaml:\d+ — instrumenten\[0\]: onbekend instrument "integriteitswijzr"; bedoelde u "integriteitswijzer"\?/,
    );
    expect(err).toMatch(/maatregelen\.yaml:\d+ — \[0\]\.eigenaar: onbekende rol "directeur"/);
    expect(err).toMatch(/themas\/h3-naleven-regels\.yaml:\d+ — hoofdstuk: /);
    expect(err).toMatch(/instrumenten\.yaml:\d+ — id "saint" komt meer dan eens voor/);
    expect(err).toMatch(/themas\/h56-handhaving\.yaml:\d+ — waarom: mag niet leeg zijn/);
    expect(err).toMatch(
      /themas\/h56-rol-griffier\.yaml:\d+ — waarom: onbekende rol "voorziter"; bedoelde u "voorzitter"\?/,
    );
    expect(err).toMatch(
      /themas\/h56-commitment-en-visie\.yaml:\d+ — risico: de vorm "lid_met_lidwoord" van "volksvertegenwoordiging" .* bestaat niet bij waterschap \(/,
    );
    expect(err).toMatch(/maatregelen\.yaml:\d+ — \[\d+\]\.eigenaar: rol "griffier" bestaat niet bij rijk/);
    expect(err).toMatch(
      /maatregelen\.yaml:\d+ — \[\d+\]\.instrumenten\[0\]: "internetspiegel" is een instrument uit 2012/,
    );
    expect(err).toMatch(
      /maatregelen\.yaml:\d+ — \[\d+\]\.eigenaar: rol "leidinggevenden" werkt niet voor de doelgroep bestuur en volksvertegenwoordiging/,
    );
    expect(err).toMatch(
      /maatregelen\.yaml:\d+ — \[\d+\]\.themas\[0\]: onbekend thema "h4-handhavng"; bedoelde u "h4-handhaving"\?/,
    );
    expect(err).toMatch(
      /maatregelen\.yaml:\d+ — \[\d+\]\.na: de volgorde loopt rond: (risicoanalyse|functiescheiding) → /,
    );
    expect(err).toMatch(
      /maatregelen\.yaml:\d+ — \[\d+\]\.oude_ids\[0\]: "h2-samenwerking\/m9" was een maatregel van thema h2-samenwerking/,
    );
    expect(err).toMatch(
      /maatregelen\.yaml:\d+ — \[\d+\]\.soort: een maatregel na-verkiezingen geldt hier ook voor rijk/,
    );
    expect(err).toMatch(
      /themas\/h2-procedures-meldingen\.yaml:\d+ — landelijke_bevindingen\[0\]\.tekst: deze tekst staat niet/,
    );
    expect(err).not.toMatch(/\n\s+at /);
  });

  test('a faulty role reference is reported on its own line, not on the key of its text', async () => {
    const result = await runInProcess(['controleer', '--kennisbank', dir]);
    const text = readFileSync(join(dir, 'themas/h56-rol-griffier.yaml'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('voorziter')) + 1;
    expect(line).toBeGreaterThan(text.split('\n').findIndex((l) => l.startsWith('waarom:')) + 1);
    expect(result.stderr).toContain(`h56-rol-griffier.yaml:${line} — waarom: onbekende rol "voorziter"`);
  });
});

test('controleer reports a catalogue entry that contradicts itself, and near-identical measures', async () => {
  await withTempDir(async (dir) => {
    cpSync(builtInKnowledgeDir, dir, { recursive: true });
    const file = join(dir, 'maatregelen.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text
        .replace(/( {2}soort: jaarlijks\n) {2}kwartaal: 4\n/, '$1')
        .replace(
          '  eerst: true\n  oude_ids: [h2-gedragsregels/m4]',
          '  eerst: true\n  na: [zelfevaluatie]\n  oude_ids: [h2-gedragsregels/m4]',
        ),
    );
    const broken = await runInProcess(['controleer', '--kennisbank', dir]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /maatregelen\.yaml:\d+ — \[\d+\]\.kwartaal: een jaarlijkse maatregel noemt het kwartaal/,
    );
    expect(broken.stderr).toMatch(
      /maatregelen\.yaml:\d+ — \[1\]\.na: een maatregel die eerst komt, komt niet na andere/,
    );

    // A second vertrouwenspersoon measure, worded as the theme files had it before the catalogue.
    writeFileSync(
      file,
      `${text}\n- id: vertrouwenspersoon-aanwijzen\n  tekst: Zorg voor een vertrouwenspersoon integriteit en maak bekend waar medewerkers een vermoeden kunnen melden.\n  eigenaar: secretaris\n  themas: [h2-procedures-meldingen]\n`,
    );
    const duplicate = await runInProcess(['controleer', '--kennisbank', dir]);
    expect(duplicate.code).toBe(1);
    const line = text.split('\n').length + 1;
    expect(duplicate.stderr).toContain(
      `maatregelen.yaml:${line} — [${text.split('\n- id: ').length - 1}]: maatregel "vertrouwenspersoon-aanwijzen" lijkt bijna woordelijk op "vertrouwenspersoon"`,
    );
  });
});

test('controleer reports a broken YAML file with its line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kennisbank-'));
  try {
    cpSync(builtInKnowledgeDir, dir, { recursive: true });
    writeFileSync(join(dir, 'hoofdstukken.yaml'), '- id: h2\n  titel: [niet gesloten\n');
    const result = await runInProcess(['controleer', '--kennisbank', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/hoofdstukken\.yaml:\d+ — geen geldige YAML/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('controleer reports the wizard’s wording when a type or chapter lacks it', async () => {
  await withTempDir(async (dir) => {
    cpSync(builtInKnowledgeDir, dir, { recursive: true });
    const types = join(dir, 'organisatietypen.yaml');
    writeFileSync(types, readFileSync(types, 'utf8').replace('  voorbeeldnaam: Provincie Voorbeeld\n', ''));
    const chapters = join(dir, 'hoofdstukken.yaml');
    writeFileSync(
      chapters,
      readFileSync(chapters, 'utf8').replace(
        /omschrijving: over het integriteitsbeleid van de ambtelijke .*/,
        'omschrijving: " "',
      ),
    );
    const result = await runInProcess(['controleer', '--kennisbank', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/organisatietypen\.yaml:\d+ — \[1\]\.voorbeeldnaam: deze sleutel ontbreekt/);
    expect(result.stderr).toMatch(/hoofdstukken\.yaml:\d+ — \[2\]\.omschrijving: mag niet leeg zijn/);
  });
});
