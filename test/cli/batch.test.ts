import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { packageRoot } from '../../src/paths.js';
import { withTempDir } from '../support/tools.js';
import { bundleIfStale, builtBundle } from '../support/bundle.js';
import { TerminalSession, terminalAvailable } from '../wizard/support/terminal.js';

/**
 * `genereer --antwoorden MAP` as a user runs it: the built program in a process of its own, with its workers.
 */
const cli = builtBundle;
const examples = join(packageRoot, 'examples');
/** Runs of the whole program with its workers, on a machine that may be busy. */
const RUNS_TIMEOUT = 300_000;

beforeAll(() => bundleIfStale());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function genereer(cwd: string, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, 'genereer', ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every file under `dir`, relative to it, sorted. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

/** A folder with answers files of all three kinds of extension, two bad ones, and what is no answers file. */
function answersFolder(dir: string): string {
  const folder = join(dir, 'leden');
  mkdirSync(join(folder, 'archief'), { recursive: true });
  cpSync(join(examples, 'gemeente.yaml'), join(folder, 'gemeente-a.yaml'));
  writeFileSync(
    join(folder, 'provincie-b.json'),
    JSON.stringify(parse(readFileSync(join(examples, 'provincie.yaml'), 'utf8'))),
  );
  cpSync(join(examples, 'waterschap.yaml'), join(folder, 'waterschap-c.yml'));
  writeFileSync(
    join(folder, 'kapot.yaml'),
    'organisatie:\n  naam: Gemeente Kapot\n  type: dorp\nplanperiode: { van: 2027, tot: 2030 }\n',
  );
  writeFileSync(join(folder, 'geen-json.json'), '{ "organisatie": ');
  writeFileSync(join(folder, 'notities.txt'), 'geen antwoorden');
  cpSync(join(examples, 'rijk.yaml'), join(folder, 'archief', 'rijk.yaml'));
  return folder;
}

describe('genereer with a folder of answers files', () => {
  test(
    'makes every good file into its own folder, reports the bad ones with file and line, and fails',
    async () => {
      await withTempDir(async (dir) => {
        answersFolder(dir);
        const run = await genereer(
          dir,
          '--antwoorden',
          'leden',
          '--uitvoer',
          'uit',
          '--formaten',
          'md,docx',
          '--parallel',
          '2',
        );
        expect(run.code).toBe(1);
        expect(filesUnder(join(dir, 'uit'))).toEqual([
          'gemeente-a/gemeente-voorbeeld-integriteitsbeleidsplan-2027-2030.docx',
          'gemeente-a/gemeente-voorbeeld-integriteitsbeleidsplan-2027-2030.md',
          'provincie-b/provincie-voorbeeldland-integriteitsbeleidsplan-2027-2029.docx',
          'provincie-b/provincie-voorbeeldland-integriteitsbeleidsplan-2027-2029.md',
          'waterschap-c/waterschap-de-voorbeeldstroom-integriteitsbeleidsplan-2027-2028.docx',
          'waterschap-c/waterschap-de-voorbeeldstroom-integriteitsbeleidsplan-2027-2028.md',
        ]);
        // Without a terminal: a line per file, then the summary.
        const progress = run.stdout.split('\n').filter((line) => /^\[\d\/5\] /.test(line));
        expect(progress.map((line) => line.replace(/^\[\d\/5\] /, '')).sort()).toEqual([
          'gemaakt: gemeente-a.yaml',
          'gemaakt: provincie-b.json',
          'gemaakt: waterschap-c.yml',
          'mislukt: geen-json.json',
          'mislukt: kapot.yaml',
        ]);
        expect(progress.map((line) => line.slice(0, 6))).toEqual(['[1/5] ', '[2/5] ', '[3/5] ', '[4/5] ', '[5/5] ']);
        expect(run.stdout).toContain(
          'Klaar: 3 van 5 organisaties gemaakt, elk in een eigen map in uit; 2 mislukt (zie hieronder).\n',
        );
        expect(run.stderr).toContain(
          'Mislukt (2):\n  geen-json.json:\n    Fout: Het antwoordenbestand leden/geen-json.json kan zo niet worden gelezen.\n' +
            '      - leden/geen-json.json:1 — geen geldige YAML of JSON: ',
        );
        expect(run.stderr).toContain('  kapot.yaml:\n    Fout: Het antwoordenbestand leden/kapot.yaml bevat ');
        expect(run.stderr).toContain(
          '      - leden/kapot.yaml:3 — organisatie.type: kies uit: gemeente, provincie, waterschap, rijk\n',
        );
        expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
      });
    },
    RUNS_TIMEOUT,
  );

  test(
    'makes the same bytes as genereer with each file on its own, and exits 0 when all succeed',
    async () => {
      await withTempDir(async (dir) => {
        const folder = join(dir, 'twee');
        mkdirSync(folder);
        cpSync(join(examples, 'gemeente.yaml'), join(folder, 'gemeente.yaml'));
        cpSync(join(examples, 'rijk.yaml'), join(folder, 'rijk.yaml'));
        const batch = await genereer(dir, '--antwoorden', 'twee', '--uitvoer', 'samen', '--formaten', 'pdf,docx');
        expect(batch).toMatchObject({ code: 0, stderr: '' });
        expect(batch.stdout).toContain('Klaar: 2 van 2 organisaties gemaakt, elk in een eigen map in samen.\n');
        for (const name of ['gemeente', 'rijk']) {
          expect(
            (
              await genereer(
                dir,
                '--antwoorden',
                `twee/${name}.yaml`,
                '--uitvoer',
                `los/${name}`,
                '--formaten',
                'pdf,docx',
              )
            ).code,
          ).toBe(0);
        }
        const made = filesUnder(join(dir, 'samen'));
        expect(made).toEqual(filesUnder(join(dir, 'los')));
        expect(made).toHaveLength(4);
        for (const file of made) {
          expect({
            file,
            same: readFileSync(join(dir, 'samen', file)).equals(readFileSync(join(dir, 'los', file))),
          }).toEqual({ file, same: true });
        }
        // --pdfa holds for every file of the folder.
        const pdfIdentity = (file: string) => /<pdfaid:part>2<\/pdfaid:part>/.test(readFileSync(file, 'latin1'));
        expect(
          (await genereer(dir, '--antwoorden', 'twee', '--uitvoer', 'archief', '--formaten', 'pdf', '--pdfa')).code,
        ).toBe(0);
        const archived = filesUnder(join(dir, 'archief'));
        expect(archived).toHaveLength(2);
        for (const file of archived) {
          expect({ file, pdfa: pdfIdentity(join(dir, 'archief', file)) }).toEqual({ file, pdfa: true });
          expect({ file, pdfa: pdfIdentity(join(dir, 'samen', file)) }).toEqual({ file, pdfa: false });
        }
      });
    },
    RUNS_TIMEOUT,
  );

  test(
    'overwrites nothing without --forceer, per organisation, and with --forceer replaces them',
    async () => {
      await withTempDir(async (dir) => {
        const folder = join(dir, 'in');
        mkdirSync(folder);
        cpSync(join(examples, 'gemeente.yaml'), join(folder, 'gemeente.yaml'));
        cpSync(join(examples, 'provincie.yaml'), join(folder, 'provincie.yaml'));
        const args = ['--antwoorden', 'in', '--uitvoer', 'uit', '--formaten', 'md'];
        expect((await genereer(dir, ...args)).code).toBe(0);
        // The provincie's plan was edited by hand meanwhile; the gemeente's folder was removed.
        const edited = join(dir, 'uit', 'provincie', 'provincie-voorbeeldland-integriteitsbeleidsplan-2027-2029.md');
        writeFileSync(edited, 'eigen werk');
        const gemeente = join(dir, 'uit', 'gemeente', 'gemeente-voorbeeld-integriteitsbeleidsplan-2027-2030.md');
        const before = readFileSync(gemeente);
        writeFileSync(gemeente, '');
        const again = await genereer(dir, ...args);
        expect(again.code).toBe(1);
        expect(again.stdout).toContain('Klaar: 0 van 2 organisaties gemaakt');
        expect(again.stderr).toContain('Mislukt (2):');
        expect(again.stderr).toContain('Er bestaan al bestanden met deze naam; er is niets overschreven.');
        expect(readFileSync(edited, 'utf8')).toBe('eigen werk');
        const forced = await genereer(dir, ...args, '--forceer');
        expect(forced.code).toBe(0);
        expect(readFileSync(gemeente).equals(before)).toBe(true);
        expect(readFileSync(edited, 'utf8')).toContain('# 1 Inleiding');
      });
    },
    RUNS_TIMEOUT,
  );

  test(
    'on a terminal, shows a progress bar instead of a line per file',
    async () => {
      if (!terminalAvailable()) return;
      await withTempDir(async (dir) => {
        mkdirSync(join(dir, 'in'));
        cpSync(join(examples, 'gemeente.yaml'), join(dir, 'in', 'gemeente.yaml'));
        cpSync(join(examples, 'rijk.yaml'), join(dir, 'in', 'rijk.yaml'));
        const session = new TerminalSession(
          ['genereer', '--antwoorden', 'in', '--uitvoer', 'uit', '--formaten', 'md'],
          dir,
        );
        await session.waitFor('Klaar: 2 van 2 organisaties gemaakt', 120_000);
        expect(await session.exited).toBe(0);
        expect(session.screen).toMatch(/█+ 2\/2 organisaties/);
        expect(session.screen).not.toContain('[1/2]');
      });
    },
    RUNS_TIMEOUT,
  );

  test(
    'two files that would share a folder are both refused; the others are made',
    async () => {
      await withTempDir(async (dir) => {
        const folder = join(dir, 'in');
        mkdirSync(folder);
        cpSync(join(examples, 'gemeente.yaml'), join(folder, 'plan.yaml'));
        cpSync(join(examples, 'rijk.yaml'), join(folder, 'plan.json'));
        cpSync(join(examples, 'provincie.yaml'), join(folder, 'provincie.yaml'));
        const run = await genereer(dir, '--antwoorden', 'in', '--uitvoer', 'uit', '--formaten', 'md');
        expect(run.code).toBe(1);
        expect(readdirSync(join(dir, 'uit'))).toEqual(['provincie']);
        expect(run.stderr).toContain('Fout: plan.json en plan.yaml zouden allebei in de map uit/plan komen');
      });
    },
    RUNS_TIMEOUT,
  );

  test(
    'refuses an empty folder, --meldingen, and a wrong --parallel, in Dutch, before anything is made',
    async () => {
      await withTempDir(async (dir) => {
        mkdirSync(join(dir, 'leeg'));
        writeFileSync(join(dir, 'leeg', 'lees-mij.txt'), '');
        const empty = await genereer(dir, '--antwoorden', 'leeg', '--uitvoer', 'uit');
        expect(empty).toMatchObject({ code: 1 });
        expect(empty.stderr).toBe(
          'Fout: In de map leeg staan geen antwoordenbestanden (.yaml, .yml of .json); er is niets gemaakt.\n',
        );
        cpSync(join(examples, 'gemeente.yaml'), join(dir, 'leeg', 'gemeente.yaml'));
        const register = await genereer(
          dir,
          '--antwoorden',
          'leeg',
          '--meldingen',
          join(examples, 'meldingen-2027.csv'),
        );
        expect(register.code).toBe(1);
        expect(register.stderr).toContain('--meldingen hoort bij de rapportage van één organisatie');
        // Every mistake in the command at once, as for a single file.
        const all = await genereer(
          dir,
          '--antwoorden',
          'leeg',
          '--formaten',
          'pfd',
          '--parallel',
          '0',
          '--meldingen',
          'm.csv',
        );
        expect(all.code).toBe(1);
        expect(all.stderr).toMatch(
          /^Fout: De opdracht bevat 3 fouten; er is niets gemaakt:\n {2}- Onbekend formaat "pfd"/,
        );
        expect(all.stderr).toContain('  - Ongeldige waarde "0" bij --parallel');
        expect(all.stderr).toContain('  - De optie --meldingen hoort bij de rapportage van één organisatie');
        for (const value of ['0', 'twee', '65']) {
          const parallel = await genereer(dir, '--antwoorden', 'leeg', '--parallel', value);
          expect(parallel.code).toBe(1);
          expect(parallel.stderr).toContain(
            `Ongeldige waarde "${value}" bij --parallel; geef een heel getal van 1 tot en met 64`,
          );
        }
        expect(readdirSync(dir).sort()).toEqual(['leeg']);
      });
    },
    RUNS_TIMEOUT,
  );
});

describe('Ctrl-C during a batch', () => {
  /** Starts a batch of large plans and interrupts it once the first is made: the whole group, or the parent only. */
  async function interrupt(
    dir: string,
    target: 'group' | 'parent',
    signal: NodeJS.Signals,
  ): Promise<Run & { group: number }> {
    const folder = join(dir, 'in');
    mkdirSync(folder);
    for (let i = 1; i <= 6; i++) cpSync(join(packageRoot, 'bench', 'alle-themas.yaml'), join(folder, `plan-${i}.yaml`));
    const child = spawn(
      process.execPath,
      [cli, 'genereer', '--antwoorden', 'in', '--uitvoer', 'uit', '--formaten', 'pdf', '--parallel', '2'],
      {
        cwd: dir,
        detached: true,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    return new Promise((resolve) => {
      let sent = false;
      child.stdout.on('data', (data: Buffer) => {
        stdout += data.toString();
        if (!sent && stdout.includes('[1/6]')) {
          sent = true;
          // A terminal's Ctrl-C reaches the whole process group; `kill -INT` only the one process.
          process.kill(target === 'group' ? -child.pid! : child.pid!, signal);
        }
      });
      child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr, group: child.pid! }));
    });
  }

  for (const [target, signal, code] of [
    ['group', 'SIGINT', 130],
    ['parent', 'SIGINT', 130],
    ['parent', 'SIGTERM', 143],
  ] as const) {
    test(
      `${signal} (${target === 'group' ? 'at the terminal' : 'sent to the program only'}) stops the workers, leaves nothing half-written, exits ${code}`,
      async () => {
        await withTempDir(async (dir) => {
          const run = await interrupt(dir, target, signal);
          expect(run.code).toBe(code);
          expect(run.stderr).toMatch(
            /Gestopt\. \d organisaties? gemaakt, 0 mislukt, \d onderbroken en \d niet begonnen\./,
          );
          const made = filesUnder(join(dir, 'uit'));
          expect(made.filter((file) => /\.tmp$|\/\./.test(file))).toEqual([]);
          for (const file of made) {
            const bytes = readFileSync(join(dir, 'uit', file));
            expect({ file, end: bytes.subarray(-6).toString('latin1').trim() }).toEqual({ file, end: '%%EOF' });
          }
          // Fewer than all were made, and no worker is left running.
          expect(new Set(made.map((file) => file.split('/')[0])).size).toBeLessThan(6);
          const { stdout: processes } = await promisify(execFile)('ps', ['-eo', 'pgid=']);
          expect(processes.split('\n').filter((pgid) => Number(pgid) === run.group)).toEqual([]);
        });
      },
      RUNS_TIMEOUT,
    );
  }
});
