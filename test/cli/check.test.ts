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
    edit('themas/h4-handhaving.yaml', /eigenaar: \w+/, 'eigenaar: directeur');
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
    edit('themas/h2-samenwerking.yaml', /eigenaar: secretaris/, 'eigenaar: griffier');
    // 9. a 2012 product recommended by a measure
    edit(
      'themas/h4-audit-en-rapportage.yaml',
      'instrumenten: [integriteitswijzer-hvk]',
      'instrumenten: [internetspiegel]',
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
    expect(err).toMatch(/themas\/h4-handhaving\.yaml:\d+ — maatregelen\[0\]\.eigenaar: .*"directeur"/);
    expect(err).toMatch(/themas\/h3-naleven-regels\.yaml:\d+ — hoofdstuk: /);
    expect(err).toMatch(/instrumenten\.yaml:\d+ — id "saint" komt meer dan eens voor/);
    expect(err).toMatch(/themas\/h56-handhaving\.yaml:\d+ — waarom: mag niet leeg zijn/);
    expect(err).toMatch(
      /themas\/h56-rol-griffier\.yaml:\d+ — waarom: onbekende rol "voorziter"; bedoelde u "voorzitter"\?/,
    );
    expect(err).toMatch(
      /themas\/h56-commitment-en-visie\.yaml:\d+ — risico: de vorm "lid_met_lidwoord" van "volksvertegenwoordiging" .* bestaat niet bij waterschap \(/,
    );
    expect(err).toMatch(
      /themas\/h2-samenwerking\.yaml:\d+ — maatregelen\[0\]\.eigenaar: rol "griffier" bestaat niet bij rijk/,
    );
    expect(err).toMatch(
      /themas\/h4-audit-en-rapportage\.yaml:\d+ — maatregelen\[0\]\.instrumenten\[0\]: "internetspiegel" is een instrument uit 2012/,
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
