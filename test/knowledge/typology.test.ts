import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureStatusIds } from '../../src/knowledge/schema.js';
import { builtInKnowledgeDir } from '../../src/paths.js';
import { runInProcess } from '../support/cli.js';
import { typologyOf } from '../../src/knowledge/model.js';
import { builtInKnowledge, publicCategoryIds, publicRijkCategoryIds } from '../support/knowledge.js';

test('the typologies have the public ids of the register, each with a label and a one-line description', async () => {
  const kb = await builtInKnowledge();
  const decentral = typologyOf(kb, 'gemeente');
  const rijk = typologyOf(kb, 'rijk');
  expect(decentral.categorieen.map((c) => c.id)).toEqual(publicCategoryIds);
  expect(rijk.categorieen.map((c) => c.id)).toEqual(publicRijkCategoryIds);
  expect(typologyOf(kb, 'provincie')).toBe(decentral);
  expect(typologyOf(kb, 'waterschap')).toBe(decentral);
  for (const c of [...decentral.categorieen, ...rijk.categorieen]) {
    expect(c.label.length).toBeGreaterThan(3);
    expect(c.omschrijving).not.toContain('\n');
  }
  // The nine categories of De Graaf & Strüwer (BIOS 2014), with "misbruik van informatie" as its title.
  expect(decentral.categorieen.map((c) => c.label)).toEqual([
    'Corruptie',
    'Fraude, diefstal en verduistering',
    'Wanprestatie en verspilling',
    'Misbruik van bevoegdheden',
    'Ongewenste omgangsvormen',
    'Onverenigbare functies en bindingen',
    'Misbruik van informatie',
    'Wangedrag in de vrije tijd',
    'Giften',
    'Overig',
  ]);
  expect(decentral.categorieen.find((c) => c.id === 'misbruik-informatie')!.eerdere_labels).toEqual([
    'Misbruik en lekken van informatie',
  ]);
  // The eight confirmed types of the Rijk (Jaarrapportage Bedrijfsvoering Rijk 2015), and no invented ninth.
  expect(rijk.categorieen.map((c) => c.label)).toEqual([
    'Financiële schendingen',
    'Oneigenlijk gebruik van dienstmiddelen en overschrijding van interne regels',
    'Misbruik van geweldsbevoegdheden',
    'Misbruik van bevoegdheden',
    'Lekken en misbruiken van informatie',
    'Belangenverstrengeling',
    'Misdragingen in de privésfeer',
    'Ongewenste omgangsvormen',
    'Overig',
  ]);
  expect(kb.typology.soort.map((s) => s.id)).toEqual(['integriteitsschending', 'misstand']);
  expect(kb.typology.betreft.map((b) => b.id)).toEqual(['ambtenaar', 'politiek-ambtsdrager']);
  expect(kb.typology.status.map((b) => b.id)).toEqual(['open', 'afgerond']);
  expect(kb.typology.oordeel.map((b) => b.id)).toEqual(['gegrond', 'ongegrond', 'onbekend']);
  expect(kb.typology.maatregelen.map((b) => b.id)).toEqual([
    'geen',
    'waarschuwing',
    'berisping',
    'voorwaardelijk-ontslag',
    'ontslag',
    'aangifte',
    'overig',
  ]);
  // The statuses of measures (the ids of `maatregel_status` in the answers file), with Dutch labels.
  expect(kb.typology.maatregel_status.map((s) => s.id)).toEqual([...measureStatusIds]);
  expect(kb.typology.maatregel_status.find((s) => s.id === 'niet-gestart')!.label).toBe('niet gestart');
});

test('every organisation type has the terms of its cover letter', async () => {
  const kb = await builtInKnowledge();
  const brief = Object.fromEntries(kb.organisationTypes.map((t) => [t.id, t.brief]));
  expect(brief.gemeente).toMatchObject({ soort: 'Raadsinformatiebrief', aan: 'de gemeenteraad', via: 'de griffier' });
  expect(brief.provincie).toMatchObject({ soort: 'Statenbrief', aan: 'Provinciale Staten', via: 'de statengriffier' });
  expect(brief.waterschap).toMatchObject({ soort: 'Informatienota', aan: 'het algemeen bestuur' });
  expect(brief.rijk).toMatchObject({
    soort: 'Nota',
    aan: 'de secretaris-generaal',
    via: null,
    van: null,
    ondertekening: [],
  });
});

test('controleer reports a broken typology: an unknown id, a missing id and a missing label', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kennisbank-'));
  try {
    cpSync(builtInKnowledgeDir, dir, { recursive: true });
    const file = join(dir, 'typologie.yaml');
    const text = readFileSync(file, 'utf8');
    const broken = text
      .replace('      - id: corruptie\n', '      - id: omkoping\n')
      .replace('  - id: afgerond\n    label: afgerond\n', '')
      .replace('  - id: gegrond\n    label: gegrond\n', '  - id: gegrond\n');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    const result = await runInProcess(['controleer', '--kennisbank', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /typologie\.yaml:\d+ — typologieen\[0\]\.categorieen\[0\]\.id: onbekende id "omkoping"/,
    );
    expect(result.stderr).toMatch(/typologie\.yaml:\d+ — typologieen\[0\]\.categorieen: deze id's ontbreken: corruptie/);
    expect(result.stderr).toMatch(/typologie\.yaml:\d+ — status: deze id's ontbreken: afgerond/);
    expect(result.stderr).toMatch(/typologie\.yaml:\d+ — oordeel\[0\]\.label: /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('controleer reports a missing typology file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kennisbank-'));
  try {
    cpSync(builtInKnowledgeDir, dir, { recursive: true });
    rmSync(join(dir, 'typologie.yaml'));
    const result = await runInProcess(['controleer', '--kennisbank', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/typologie\.yaml — bestand ontbreekt/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('controleer reports a typology that leaves an organisation type out, or a name that means two categories', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kennisbank-'));
  try {
    cpSync(builtInKnowledgeDir, dir, { recursive: true });
    const file = join(dir, 'typologie.yaml');
    const text = readFileSync(file, 'utf8');
    const broken = text
      .replace('typen: [gemeente, provincie, waterschap]', 'typen: [gemeente, provincie]')
      .replace('eerdere_labels: [Misbruik en lekken van informatie]', 'eerdere_labels: [Corruptie]');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    const result = await runInProcess(['controleer', '--kennisbank', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/typologie\.yaml:\d+ — typologieen: geen typologie voor organisatietype waterschap/);
    expect(result.stderr).toMatch(
      /typologieen\[0\]\.categorieen\[6\]\.eerdere_labels: "Corruptie" noemt ook de categorie "corruptie"/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
