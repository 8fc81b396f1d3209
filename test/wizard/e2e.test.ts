import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { packageRoot } from '../../src/paths.js';
import { sections } from '../../src/wizard/sections/index.js';
import {
  buildIfStale,
  builtCli,
  keys,
  TerminalSession,
  terminalAvailable,
  type TerminalSize,
} from './support/terminal.js';
import { expectPdfUa } from '../support/pdfua.js';

/**
 * The real CLI (dist/) in a pseudo-terminal, answered with keystrokes: arrows, space, Enter,
 * Escape and Ctrl-C. Each key goes out once its question is on screen, never after a guessed pause.
 * Skipped where util-linux `script` is missing, but not in CI. Ctrl-C while the documents are made
 * is tested in session.test.ts, where the test itself decides when generating and writing go on.
 */
const describeInTerminal = terminalAvailable() ? describe : describe.skip;
const run = promisify(execFile);

let cwd: string;
const sessions: TerminalSession[] = [];
function start(args: string[], size?: TerminalSize): TerminalSession {
  const session = new TerminalSession(args, cwd, size);
  sessions.push(session);
  return session;
}

/** The weak themes of one chapter: the chapter's heading is printed first, then the same question each time. */
async function weakThemes(wizard: TerminalSession, chapter: string, ...sequence: string[]): Promise<void> {
  await wizard.waitFor(chapter);
  await wizard.answer("Welke thema's uit dit hoofdstuk", ...sequence);
}

/**
 * How a user answers each section of the wizard (src/wizard/sections/index.ts), by its id: a plan
 * and a rapportage for a provincie, with the register. A new section needs its keys here; the test
 * fails until it has them.
 */
const keysPerSection: Record<string, (wizard: TerminalSession) => Promise<void>> = {
  organisatie: async (wizard) => {
    await wizard.answer('Wat voor organisatie is het?', keys.down, keys.enter); // provincie
    await wizard.answer('Naam van de organisatie', ...'Provincie Test', keys.enter);
  },
  documenten: async (wizard) => {
    await wizard.answer('Welke documenten wilt u maken?', keys.down, keys.space, keys.enter); // + rapportage
  },
  periode: async (wizard) => {
    await wizard.answer('Planperiode – van', ...'2027', keys.enter);
    await wizard.answer('Planperiode – tot', ...'2030', keys.enter);
    await wizard.answer('Datum van de documenten', ...'15-2-2028', keys.enter); // as a Dutch user writes it
    await wizard.answer('Over welk jaar', keys.enter); // 2027
    await wizard.answer('Naam van de auteur', ...'P. de Wit', keys.enter);
    await wizard.answer('Functie van P. de Wit', ...'integriteitsadviseur', keys.enter);
  },
  meldingen: async (wizard) => {
    await wizard.answer('Meldingenregister over 2027', ...'meldingen.csv', keys.enter);
  },
  hoofdstukken: async (wizard) => {
    await wizard.answer('Welke hoofdstukken', keys.enter);
  },
  themas: async (wizard) => {
    await wizard.waitFor("Zwakke thema's");
    // First and third theme of hoofdstuk 2, the second of hoofdstuk 4.
    await weakThemes(wizard, 'Hoofdstuk 2: ', keys.space, keys.down, keys.down, keys.space, keys.enter);
    await weakThemes(wizard, 'Hoofdstuk 3: ', keys.enter);
    await weakThemes(wizard, 'Hoofdstuk 4: ', keys.down, keys.space, keys.enter);
    await weakThemes(wizard, 'Hoofdstuk 5 en 6: ', keys.enter);
  },
  prioriteiten: async (wizard) => {
    await wizard.answer('prioriteit kiezen', 'j', keys.enter);
    await wizard.answer('Prioriteit van "Gedragsregels"', keys.up, keys.enter); // midden → hoog
    await wizard.answer('Prioriteit van "Voorbeeldfunctie management"', keys.enter);
    await wizard.answer('Prioriteit van "Commitment & visie"', keys.down, keys.enter); // midden → laag
  },
  basisnormen: async (wizard) => {
    await wizard.answer('per basisnorm (13)', keys.enter); // ja
    // The cursor starts at "onbekend", the last of aanwezig, deels, ontbreekt, onbekend.
    const up = (n: number) => Array.from({ length: n }, () => keys.up);
    const perNorm = [3, 3, 2, 3, 1, 2, 3, 3, 0, 0, 3, 3, 3];
    for (const [index, steps] of perNorm.entries()) {
      await wizard.answer(`${index + 1}/13 `, ...up(steps), keys.enter);
    }
  },
  uitvoer: async (wizard) => {
    await wizard.answer('In welke formaten', keys.enter);
    await wizard.answer('In welke map', ...'uit', keys.enter);
  },
};

beforeAll(() => buildIfStale(), 120000);
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'wizard-e2e-'));
  copyFileSync(join(packageRoot, 'examples', 'meldingen-2027.csv'), join(cwd, 'meldingen.csv'));
});
afterEach(() => {
  sessions.splice(0).forEach((session) => session.dispose());
  rmSync(cwd, { recursive: true, force: true });
});

describeInTerminal('the wizard in a terminal', () => {
  /** Every section by keyboard, up to the menu: the summary's first line in view then, and no word broken. */
  async function throughEverySection(size: TerminalSize): Promise<TerminalSession> {
    const wizard = start(['wizard'], size);
    for (const section of sections) {
      expect([section.id, keysPerSection[section.id] !== undefined]).toEqual([section.id, true]);
      await keysPerSection[section.id]!(wizard);
    }
    await wizard.waitForQuestion('Wat wilt u doen?');
    const rows = await wizard.visibleRows();
    expect(rows).toContain('Samenvatting');
    expect(rows.indexOf('Samenvatting')).toBeLessThan(rows.findIndex((row) => row.startsWith('? Wat wilt u doen?')));
    expect(await wizard.brokenWords()).toEqual([]);
    return wizard;
  }

  test('at 100×32 the same: the summary in view at the menu, no word broken; "stoppen" writes nothing', async () => {
    const wizard = await throughEverySection({ columns: 100, rows: 32 });
    await wizard.press(keys.down, keys.down, keys.enter); // Stoppen zonder iets op te slaan
    expect(await wizard.exitCode()).toBe(130);
    expect(readdirSync(cwd)).toEqual(['meldingen.csv']);
  }, 60000);

  test('at 80×24: every section by keyboard, the summary in view at the menu, no word broken, and `genereer` makes the same files', async () => {
    const wizard = await throughEverySection({ columns: 80, rows: 24 });
    await wizard.press(keys.enter);
    await wizard.waitFor('Klaar. Geschreven:', 45000);
    expect(await wizard.exitCode()).toBe(0);
    expect(await wizard.brokenWords()).toEqual([]);
    expect(wizard.screen).toContain('Meldingenregister meldingen.csv: 23 meldingen uit 2027 geteld');

    const plan = 'provincie-test-integriteitsbeleidsplan-2027-2030';
    const report = 'provincie-test-integriteitsrapportage-2027';
    const answersFile = 'provincie-test-antwoorden-2027-2030.yaml';
    const made = [`${plan}.docx`, `${plan}.pdf`, `${report}.docx`, `${report}.pdf`];
    expect(readdirSync(join(cwd, 'uit')).sort()).toEqual([answersFile, ...made].sort());
    expect(wizard.screen).toContain(`Uw antwoorden zijn opgeslagen in`);
    expect(
      readFileSync(join(cwd, 'uit', `${plan}.docx`))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(
      readFileSync(join(cwd, 'uit', `${plan}.pdf`))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await expectPdfUa(join(cwd, 'uit', `${plan}.pdf`));
    await expectPdfUa(join(cwd, 'uit', `${report}.pdf`));
    expect(parse(readFileSync(join(cwd, 'uit', answersFile), 'utf8'))).toMatchObject({
      organisatie: { naam: 'Provincie Test', type: 'provincie' },
      zwakke_themas: ['h2-gedragsregels', 'h2-voorbeeldfunctie-management', 'h4-commitment-en-visie'],
      prioriteiten: { 'h2-gedragsregels': 'hoog', 'h4-commitment-en-visie': 'laag' },
      planperiode: { van: 2027, tot: 2030 },
      datum: '2028-02-15',
      verslagjaar: 2027,
      meldingen: { bestand: '../meldingen.csv' },
      auteur: { naam: 'P. de Wit', functie: 'integriteitsadviseur' },
      basisnormen: {
        'aandacht-voor-integriteit': 'aanwezig',
        screening: 'deels',
        'eed-of-belofte': 'ontbreekt',
        nevenwerkzaamheden: 'deels',
        geschenken: 'onbekend',
        'onderzoek-schendingen': 'aanwezig',
      },
    });

    await run(
      process.execPath,
      [
        builtCli,
        'genereer',
        '--antwoorden',
        join('uit', answersFile),
        '--uitvoer',
        'opnieuw',
        '--document',
        'beleidsplan,rapportage',
      ],
      { cwd },
    );
    for (const file of made) {
      expect(readFileSync(join(cwd, 'opnieuw', file)).equals(readFileSync(join(cwd, 'uit', file)))).toBe(true);
    }
  }, 90000);

  test('at 80×24 a basisnorm question shows its one-line explanation and what the highlighted stand means', async () => {
    const wizard = start(['wizard'], { columns: 80, rows: 24 });
    for (const section of sections) {
      if (section.id === 'basisnormen') break;
      await keysPerSection[section.id]!(wizard);
    }
    await wizard.answer('per basisnorm (13)', keys.enter);
    await wizard.waitForQuestion('1/13 ');
    // The highlighted stand's meaning is drawn last.
    const screen = await wizard.waitForVisible('nog niet bekend; het plan laat eerst uitzoeken hoe het staat');
    expect(screen).toContain(
      '1/13 Aandacht voor integriteit: integriteit is vast onderwerp van beleid, werkoverleg, gesprekken en training.',
    );
    expect(await wizard.brokenWords()).toEqual([]);
    await wizard.press(keys.ctrlC);
    expect(await wizard.exitCode()).toBe(130);
  }, 60000);

  test('Ctrl-C at a question: a short goodbye, exit code 130, no files, no stack trace', async () => {
    const wizard = start(['wizard', '--uitvoer', 'uit']);
    await wizard.answer('Wat voor organisatie is het?', keys.enter);
    await wizard.answer('Naam van de organisatie', ...'Gem', keys.ctrlC);
    expect(await wizard.exitCode()).toBe(130);
    expect(wizard.screen).toContain('Gestopt. Er is niets opgeslagen. Tot ziens!');
    expect(wizard.screen).not.toMatch(/\n\s+at /);
    expect(readdirSync(cwd)).toEqual(['meldingen.csv']);
  });

  test('Escape at the first question stops at once: nothing to lose yet', async () => {
    const wizard = start([]);
    await wizard.answer('Wat voor organisatie is het?', keys.escape);
    expect(await wizard.exitCode()).toBe(130);
    expect(wizard.screen).toContain('Gestopt. Er is niets opgeslagen. Tot ziens!');
    expect(readdirSync(cwd)).toEqual(['meldingen.csv']);
  });

  test('at 80×24, Escape asks once before throwing answers away, and shift+tab goes back one question', async () => {
    const wizard = start(['wizard'], { columns: 80, rows: 24 });
    await wizard.answer('Wat voor organisatie is het?', keys.enter);
    await wizard.answer('Naam van de organisatie', keys.escape);
    await wizard.answer('Stoppen zonder op te slaan? (j/N)', keys.enter); // nee
    // The same question again; back from there to the type, which starts at the answer given.
    await wizard.answer('Naam van de organisatie', keys.shiftTab);
    await wizard.answer('Wat voor organisatie is het?', keys.down, keys.enter); // provincie
    await wizard.waitFor('Wat voor organisatie is het? Provincie');
    await wizard.answer('Naam van de organisatie', keys.escape);
    await wizard.answer('Stoppen zonder op te slaan?', 'j', keys.enter);
    expect(await wizard.exitCode()).toBe(130);
    expect(wizard.screen).toContain('Gestopt. Er is niets opgeslagen. Tot ziens!');
    expect(wizard.screen).toContain('bijv. "Provincie');
    expect(await wizard.brokenWords()).toEqual([]);
    expect(readdirSync(cwd)).toEqual(['meldingen.csv']);
  });
});

describe('without a terminal', () => {
  test.each([[['wizard']], [[]]])(
    '`integriteitsplan %j` refuses at once, in Dutch, and shows `genereer` (exit 1)',
    async (args) => {
      const result = await run(process.execPath, [builtCli, ...args], { cwd: tmpdir(), timeout: 10000 }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('De wizard stelt vragen en heeft daarom een terminal nodig');
      expect(result.stderr).toContain('npx integriteitsplan genereer --antwoorden antwoorden.yaml --uitvoer output');
    },
  );
});
