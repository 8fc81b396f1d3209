import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomically } from '../../src/output/atomic.js';
import { runInProcess } from '../support/cli.js';
import { expectRefused, folderState, Scratch, validAnswers } from './support.js';

let scratch: Scratch;
let answers: string;
beforeAll(() => {
  scratch = new Scratch();
  answers = scratch.file('antwoorden.yaml', validAnswers);
});
afterAll(() => scratch.remove());

const plan = 'gemeente-voorbeeld-integriteitsbeleidsplan-2027-2030';

async function genereer(out: string, ...extra: string[]) {
  return runInProcess(
    ['genereer', '--antwoorden', answers, '--formaten', 'md', '--uitvoer', out, ...extra],
    scratch.dir,
  );
}

describe('output folders that cannot be used', () => {
  test.each([
    ['a file', () => scratch.file('een-bestand', 'x'), 'is een bestand, geen map'],
    ['below a file', () => join(scratch.file('ook-een-bestand', 'x'), 'sub'), 'is een bestand, geen map'],
    [
      'under /proc, where no folder can be made',
      () => '/proc/integriteitsplan-bestaat-niet/uit',
      'kan hier niet worden aangemaakt',
    ],
    [
      'a loop of links',
      () => {
        symlinkSync('lus-b', join(scratch.dir, 'lus-a'));
        symlinkSync('lus-a', join(scratch.dir, 'lus-b'));
        return join(scratch.dir, 'lus-a');
      },
      'kring van snelkoppelingen',
    ],
    ['a name far too long', () => join(scratch.dir, 'map'.repeat(100)), 'de naam of het pad is te lang'],
  ])('%s', async (_title, path, message) => {
    const out = path();
    const before = existsSync(out) ? readFileSync(out) : undefined;
    expectRefused(await genereer(out), message, 'Er is niets geschreven');
    if (before) expect(readFileSync(out)).toEqual(before);
  });

  test('a folder where a document should go: refused, with or without --forceer, and nothing written', async () => {
    const out = scratch.outputWithEarlierWork('map-in-de-weg');
    mkdirSync(join(out, `${plan}.docx`));
    const before = folderState(out);
    for (const force of [[], ['--forceer']]) {
      const result = await runInProcess(
        ['genereer', '--antwoorden', answers, '--formaten', 'md,docx', '--uitvoer', out, ...force],
        scratch.dir,
      );
      expectRefused(result, `${plan}.docx niet schrijven: er staat een map met deze naam`);
      expect(folderState(out)).toEqual(before);
    }
  });

  test('existing documents without --forceer: refused and untouched', async () => {
    const out = scratch.outputWithEarlierWork('bestaand');
    const before = folderState(out);
    expectRefused(await genereer(out), 'Er bestaan al bestanden met deze naam', '--forceer');
    expect(folderState(out)).toEqual(before);
  });

  if (process.getuid?.() !== 0) {
    test('a folder without write permission', async () => {
      const out = join(scratch.dir, 'alleen-lezen');
      mkdirSync(out);
      chmodSync(out, 0o555);
      try {
        expectRefused(await genereer(join(out, 'nieuw')), 'u hebt geen schrijfrechten');
      } finally {
        chmodSync(out, 0o755);
      }
    });
  }

  test('a work file that is not ours is never trusted', async () => {
    const out = scratch.outputWithEarlierWork('vreemd-journaal');
    writeFileSync(
      join(out, '.integriteitsplan.journal.json'),
      JSON.stringify({ state: 'prepared', files: [{ name: '../../etc/passwd' }] }),
    );
    const before = folderState(out);
    expectRefused(await genereer(out, '--forceer'), 'niet van integriteitsplan is of beschadigd is', 'Verwijder het');
    expect(folderState(out)).toEqual(before);
  });
});

describe('what an earlier killed run left is cleaned up by the next run', () => {
  test('stray temporary and backup files are removed, with a notice; other hidden files stay', async () => {
    const out = scratch.outputWithEarlierWork('resten');
    writeFileSync(join(out, `.${plan}.md.0123456789ab.tmp`), 'half');
    writeFileSync(join(out, `.${plan}.pdf.ba9876543210.bak`), 'oud');
    writeFileSync(join(out, '.eigen-verborgen-bestand'), 'blijft');
    const result = await genereer(out, '--forceer');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Let op: 2 tijdelijke bestanden van een eerder afgebroken run in');
    expect(readdirSync(out).sort()).toEqual(['.eigen-verborgen-bestand', 'eigen-aantekeningen.txt', `${plan}.md`]);
  });
});

describe('two writes into one folder at once', () => {
  test('the second waits for the first; the folder holds one complete set', async () => {
    const dir = join(scratch.dir, 'tegelijk');
    const set = (label: string) =>
      ['a.txt', 'b.txt', 'c.txt'].map((name) => ({ path: join(dir, name), bytes: new TextEncoder().encode(label) }));
    const notices: string[] = [];
    await Promise.all([
      writeFilesAtomically(set('eerste'), true),
      writeFilesAtomically(set('tweede'), true, { onNotice: (message) => notices.push(message) }),
    ]);
    const contents = ['a.txt', 'b.txt', 'c.txt'].map((name) => readFileSync(join(dir, name), 'utf8'));
    expect(new Set(contents).size).toBe(1);
    expect(notices.join('\n')).toMatch(/schrijft nu een andere run van integriteitsplan; deze wacht/);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });
});
