import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureStatusIds } from '../../src/knowledge/schema.js';
import { builtInKnowledgeDir } from '../../src/paths.js';
import { runInProcess } from '../support/cli.js';
import { builtInKnowledge, publicCategoryIds } from '../support/knowledge.js';

test('the typology has the public ids of the register, each with a label and a one-line description', async () => {
  const kb = await builtInKnowledge();
  expect(kb.typology.categorieen.map((c) => c.id)).toEqual(publicCategoryIds);
  for (const c of kb.typology.categorieen) {
    expect(c.label.length).toBeGreaterThan(3);
    expect(c.omschrijving).not.toContain('\n');
  }
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
      .replace('  - id: corruptie\n', '  - id: omkoping\n')
      .replace('  - id: afgerond\n    label: afgerond\n', '')
      .replace('  - id: gegrond\n    label: gegrond\n', '  - id: gegrond\n');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    const result = await runInProcess(['controleer', '--kennisbank', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/typologie\.yaml:\d+ — categorieen\[0\]\.id: onbekende id "omkoping"/);
    expect(result.stderr).toMatch(/typologie\.yaml:\d+ — categorieen: deze id's ontbreken: corruptie/);
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
