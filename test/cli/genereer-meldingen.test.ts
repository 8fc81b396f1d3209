import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { runInProcess } from '../support/cli.js';

/*
 * `meldingen:` in the answers file: the register that `genereer --meldingen` gives, kept with the
 * answers (the wizard saves it there), relative to the answers file's folder.
 */

const example = readFileSync(join(packageRoot, 'examples/gemeente-rapportage-2027.yaml'), 'utf8');
const report = 'gemeente-voorbeeld-integriteitsrapportage-2027.md';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'meldingen-key-'));
  mkdirSync(join(dir, 'antwoorden', 'register'), { recursive: true });
  copyFileSync(join(packageRoot, 'examples/meldingen-2027.csv'), join(dir, 'antwoorden', 'register', 'meldingen.csv'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function answersWith(meldingen: string): string {
  const path = join(dir, 'antwoorden', 'rapportage.yaml');
  writeFileSync(path, `${example}${meldingen}\n`);
  return path;
}
const genereer = (answers: string, output: string, ...args: string[]) =>
  runInProcess(
    ['genereer', '--antwoorden', answers, '--uitvoer', output, '--document', 'rapportage', '--formaten', 'md', ...args],
    dir,
  );

test('the register named in the answers, relative to the answers file, gives the same rapportage as --meldingen', async () => {
  const answers = answersWith('meldingen: { bestand: register/meldingen.csv }');
  const fromKey = await genereer(answers, 'met-sleutel');
  expect(fromKey.stderr).toBe('');
  expect(fromKey.stdout).toContain(
    'Meldingenregister antwoorden/register/meldingen.csv: 23 meldingen uit 2027 geteld, ter vergelijking 15 uit 2026 en 12 uit 2025; 3 rijen uit andere jaren niet meegeteld.',
  );
  const withoutKey = answersWith('');
  const fromFlag = await genereer(withoutKey, 'met-optie', '--meldingen', 'antwoorden/register/meldingen.csv');
  expect(fromFlag.code).toBe(0);
  expect(readFileSync(join(dir, 'met-sleutel', report), 'utf8')).toContain('| **Totaal** | **21** |');
  // The answers differ only in the key, which the colofon's fingerprint reflects; the counts are the same.
  const withoutColofon = (text: string) => text.replace(/kenmerk[^\n]*/gi, '');
  expect(withoutColofon(readFileSync(join(dir, 'met-sleutel', report), 'utf8'))).toBe(
    withoutColofon(readFileSync(join(dir, 'met-optie', report), 'utf8')),
  );
});

test('--meldingen on the command line goes before the answers’ register', async () => {
  const answers = answersWith('meldingen: { bestand: register/meldingen.csv }');
  const result = await genereer(answers, 'uit', '--meldingen', 'elders.csv');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'Kan het meldingenregister elders.csv niet lezen: het bestand of de map bestaat niet.',
  );
});

test('a missing register named in the answers is named relative to where the user stands', async () => {
  const result = await genereer(answersWith('meldingen: { bestand: weg.csv }'), 'uit');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'Kan het meldingenregister antwoorden/weg.csv niet lezen: het bestand of de map bestaat niet.',
  );
});

test('sla_fouten_over in the answers skips rows with mistakes, as --sla-fouten-over does; without it they stop the run', async () => {
  const csv = join(dir, 'antwoorden', 'register', 'meldingen.csv');
  writeFileSync(csv, `${readFileSync(csv, 'utf8')}2027-05-01;onbekend;ambtenaar;open;onbekend;\n`);
  const refused = await genereer(answersWith('meldingen: { bestand: register/meldingen.csv }'), 'uit');
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('heeft 1 rij met fouten; er is niets gemaakt');
  const skipped = await genereer(
    answersWith('meldingen: { bestand: register/meldingen.csv, sla_fouten_over: true }'),
    'uit',
  );
  expect(skipped.code).toBe(0);
  expect(skipped.stderr).toContain('Let op: 1 rij met fouten overgeslagen');
  expect(skipped.stdout).toContain(
    '23 meldingen uit 2027 geteld, ter vergelijking 15 uit 2026 en 12 uit 2025; 3 rijen uit andere jaren niet meegeteld; 1 rij met fouten overgeslagen.',
  );
});

test('the key is checked like every other: a wrong value names the key and line', async () => {
  const result = await genereer(answersWith('meldingen: { bestand: "", sla_fouten_over: misschien }'), 'uit');
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/meldingen\.bestand: vul het pad naar de CSV-export in/);
  expect(result.stderr).toMatch(/meldingen\.sla_fouten_over: hier hoort ja of nee/);
});
