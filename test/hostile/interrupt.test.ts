import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { buildIfStale, builtCli } from '../wizard/support/terminal.js';
import { Scratch, validAnswers } from './support.js';

/**
 * Real processes and real signals. The writer holds still at a chosen step (a test hook passed
 * in code by the child script, out of a user's reach), the test sends SIGINT, SIGTERM or SIGKILL
 * there, and then checks what a user would find: the complete old set or the complete new set,
 * and after a kill -9, a next run that puts things right.
 */

const child = join(packageRoot, 'test', 'hostile', 'fixtures', 'write-child.mjs');
const names = ['drie.txt', 'een.txt', 'twee.txt', 'vier.txt'];
let scratch: Scratch;
beforeAll(() => {
  buildIfStale();
  scratch = new Scratch();
}, 120000);
afterAll(() => scratch.remove());

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

class Writer {
  readonly process: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  private readonly go: string;

  constructor(dir: string, label: string, mode: 'forceer' | 'geen', pauseAt = '-') {
    this.go = join(scratch.dir, `ga-${Math.random().toString(36).slice(2)}`);
    this.process = spawn(process.execPath, [child, dir, label, mode, pauseAt, this.go]);
    this.process.stdout.on('data', (chunk) => (this.stdout += chunk));
    this.process.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      this.process.on('exit', (code, signal) => resolve({ code, signal, stdout: this.stdout, stderr: this.stderr })),
    );
  }

  async paused(): Promise<void> {
    for (let waited = 0; !this.stdout.includes('PAUSED'); waited += 20) {
      if (waited > 15000) throw new Error(`child never paused: ${this.stdout} ${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  release(): void {
    writeFileSync(this.go, '');
  }
}

function folderWith(name: string, label?: string): string {
  const dir = join(scratch.dir, name);
  mkdirSync(dir);
  if (label) for (const file of names) writeFileSync(join(dir, file), `${label}\n`);
  return dir;
}

/** What a user finds in the folder: each file's label, and "<map>" for a folder (a lock left behind). */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => [entry.name, entry.isDirectory() ? '<map>' : readFileSync(join(dir, entry.name), 'utf8').trim()]),
  );
}

const allOf = (label: string) => Object.fromEntries(names.map((name) => [name, label]));

describe('Ctrl-C and SIGTERM while files are moved into place: the complete new set, nothing left over', () => {
  test.each([
    ['SIGINT', 'moved 2', 130],
    ['SIGTERM', 'journal', 143],
    ['SIGHUP', 'staged', 129],
  ] as const)('%s at "%s"', async (signal, step, code) => {
    const dir = folderWith(`signaal-${signal}`, 'oud');
    const writer = new Writer(dir, 'nieuw', 'forceer', step);
    await writer.paused();
    writer.process.kill(signal);
    await new Promise((resolve) => setTimeout(resolve, 200));
    writer.release();
    const exit = await writer.exited;
    expect(exit.code).toBe(code);
    expect(exit.stderr).toContain('Gestopt. Er is niets half geschreven');
    expect(contents(dir)).toEqual(allOf('nieuw'));
  });
});

describe('kill -9: the next run in the folder rolls back what was left', () => {
  test('killed halfway with --forceer: the next run puts the old set back (and, without --forceer, refuses)', async () => {
    const dir = folderWith('kill-forceer', 'oud');
    const killed = new Writer(dir, 'nieuw', 'forceer', 'moved 2');
    await killed.paused();
    killed.process.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');
    // What the kill left: two new files, two old ones, the journal, backups and the lock.
    const left = readdirSync(dir);
    expect(left).toContain('.integriteitsplan.journal.json');
    expect(names.map((name) => readFileSync(join(dir, name), 'utf8').trim()).sort()).toEqual([
      'nieuw',
      'nieuw',
      'oud',
      'oud',
    ]);

    const next = await new Writer(dir, 'derde', 'geen').exited;
    expect(next.stderr).toContain('een eerder afgebroken run in');
    expect(next.stderr).toContain('is teruggedraaid: de vorige versie van 4 bestanden zijn teruggezet');
    expect(next.stderr).toContain('Er bestaan al bestanden met deze naam');
    expect(next.code).toBe(1);
    expect(contents(dir)).toEqual(allOf('oud'));
  });

  test('killed halfway into an empty folder: the next run removes the half set and writes its own', async () => {
    const dir = folderWith('kill-nieuw');
    const killed = new Writer(dir, 'nieuw', 'geen', 'moved 1');
    await killed.paused();
    killed.process.kill('SIGKILL');
    await killed.exited;
    const next = await new Writer(dir, 'derde', 'geen').exited;
    expect(next.stderr).toContain('is teruggedraaid');
    expect(next.code).toBe(0);
    expect(contents(dir)).toEqual(allOf('derde'));
  });

  test('killed while writing the temporary files: the next run removes them', async () => {
    const dir = folderWith('kill-tijdelijk', 'oud');
    const killed = new Writer(dir, 'nieuw', 'forceer', 'staged');
    await killed.paused();
    killed.process.kill('SIGKILL');
    await killed.exited;
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toHaveLength(4);
    expect(contents(dir)).toMatchObject(allOf('oud'));
    const next = await new Writer(dir, 'derde', 'forceer').exited;
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/4 tijdelijke bestanden van een eerder afgebroken run in .* opgeruimd/);
    expect(contents(dir)).toEqual(allOf('derde'));
  });
});

describe('two runs with --forceer into one folder never mix', () => {
  test('the second waits while the first holds the folder, then writes its complete set', async () => {
    const dir = folderWith('tegelijk', 'oud');
    const first = new Writer(dir, 'eerste', 'forceer', 'moved 1');
    await first.paused();
    const second = new Writer(dir, 'tweede', 'forceer');
    for (let waited = 0; !second.stderr.includes('wacht'); waited += 20) {
      if (waited > 10000) throw new Error(`second run did not wait: ${second.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.release();
    expect((await first.exited).code).toBe(0);
    expect((await second.exited).code).toBe(0);
    expect(contents(dir)).toEqual(allOf('tweede'));
  });

  test('the real CLI, twice at once with different answers: one complete set', async () => {
    const out = join(scratch.dir, 'cli-tegelijk');
    const run = (label: string) => {
      const answers = scratch.file(`${label}.yaml`, `${validAnswers}toelichting:\n  h4-handhaving: Kenmerk ${label}\n`);
      return new Promise<number | null>((resolve) => {
        const cli = spawn(process.execPath, [
          builtCli,
          'genereer',
          '--antwoorden',
          answers,
          '--uitvoer',
          out,
          '--formaten',
          'md,docx',
          '--forceer',
        ]);
        cli.on('exit', (code) => resolve(code));
      });
    };
    expect(await Promise.all([run('RUN-A'), run('RUN-B')])).toEqual([0, 0]);
    const base = join(out, 'gemeente-voorbeeld-integriteitsbeleidsplan-2027-2030');
    const md = readFileSync(`${base}.md`, 'utf8');
    const winner = md.includes('Kenmerk RUN-A') ? 'RUN-A' : 'RUN-B';
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(readFileSync(`${base}.docx`))).file('word/document.xml')!.async('string');
    expect({ winner, a: xml.includes('Kenmerk RUN-A'), b: xml.includes('Kenmerk RUN-B') }).toEqual({
      winner,
      a: winner === 'RUN-A',
      b: winner === 'RUN-B',
    });
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  test('Ctrl-C while the real CLI makes the documents: nothing written', async () => {
    const out = join(scratch.dir, 'cli-ctrl-c');
    const answers = scratch.file('ctrl-c.yaml', validAnswers);
    const cli = spawn(process.execPath, [builtCli, 'genereer', '--antwoorden', answers, '--uitvoer', out]);
    let stderr = '';
    cli.stderr.on('data', (chunk) => (stderr += chunk));
    await new Promise((resolve) => setTimeout(resolve, 600));
    cli.kill('SIGINT');
    const code = await new Promise((resolve) => cli.on('exit', (exitCode, signal) => resolve(exitCode ?? signal)));
    expect([130, 'SIGINT']).toContain(code);
    if (code === 130) expect(stderr).toContain('Gestopt.');
    expect(() => readdirSync(out)).toThrow();
  });
});
