import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { buildIfStale, builtCli, keys, TerminalSession, terminalAvailable } from './support/terminal.js';
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
function start(args: string[]): TerminalSession {
  const session = new TerminalSession(args, cwd);
  sessions.push(session);
  return session;
}

/** The weak themes of one chapter: the chapter's heading is printed first, then the same question each time. */
async function weakThemes(wizard: TerminalSession, chapter: string, ...sequence: string[]): Promise<void> {
  await wizard.waitFor(chapter);
  await wizard.answer("Welke thema's uit dit hoofdstuk", ...sequence);
}

beforeAll(() => buildIfStale(), 120000);
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'wizard-e2e-'));
});
afterEach(() => {
  sessions.splice(0).forEach((session) => session.dispose());
  rmSync(cwd, { recursive: true, force: true });
});

describeInTerminal('the wizard in a terminal', () => {
  test('answers typed at the keyboard give DOCX, PDF and an answers file that `genereer` turns into the same files', async () => {
    const wizard = start(['wizard']);
    await wizard.answer('Wat voor organisatie is het?', keys.down, keys.enter); // provincie
    await wizard.answer('Naam van de organisatie', ...'Provincie Test', keys.enter);
    await wizard.answer('Welke documenten wilt u maken?', keys.enter);
    await wizard.answer('Planperiode – van', ...'2027', keys.enter);
    await wizard.answer('Planperiode – tot', ...'2030', keys.enter);
    await wizard.answer('Datum van de documenten', ...'2027-01-15', keys.enter);
    await wizard.answer('Naam van de auteur', ...'P. de Wit', keys.enter);
    await wizard.answer('Functie van P. de Wit', ...'integriteitsadviseur', keys.enter);
    await wizard.answer('Welke hoofdstukken', keys.enter);
    await wizard.waitFor("Zwakke thema's");
    // First and third theme of hoofdstuk 2, the second of hoofdstuk 4.
    await weakThemes(wizard, 'Hoofdstuk 2: ', keys.space, keys.down, keys.down, keys.space, keys.enter);
    await weakThemes(wizard, 'Hoofdstuk 3: ', keys.enter);
    await weakThemes(wizard, 'Hoofdstuk 4: ', keys.down, keys.space, keys.enter);
    await weakThemes(wizard, 'Hoofdstuk 5 en 6: ', keys.enter);
    await wizard.answer('prioriteit kiezen', 'j', keys.enter);
    await wizard.answer('Prioriteit van "Gedragsregels"', keys.up, keys.enter); // midden → hoog
    await wizard.answer('Prioriteit van "Voorbeeldfunctie management"', keys.enter);
    await wizard.answer('Prioriteit van "Commitment & visie"', keys.down, keys.enter); // midden → laag
    await wizard.answer('In welke formaten', keys.enter);
    await wizard.answer('In welke map', ...'uit', keys.enter);
    await wizard.waitFor('Samenvatting');
    await wizard.answer('Wat wilt u doen?', keys.enter);
    await wizard.waitFor('(PDF) maken…');
    await wizard.waitFor('Klaar. Geschreven:', 30000);
    expect(await wizard.exitCode()).toBe(0);

    const base = 'provincie-test-integriteitsbeleidsplan-2027-2030';
    const answersFile = 'provincie-test-antwoorden-2027-2030.yaml';
    expect(readdirSync(join(cwd, 'uit')).sort()).toEqual([answersFile, `${base}.docx`, `${base}.pdf`]);
    expect(wizard.screen).toContain(`Uw antwoorden zijn opgeslagen in uit/${answersFile}.`);
    expect(
      readFileSync(join(cwd, 'uit', `${base}.docx`))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(
      readFileSync(join(cwd, 'uit', `${base}.pdf`))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await expectPdfUa(join(cwd, 'uit', `${base}.pdf`));
    expect(parse(readFileSync(join(cwd, 'uit', answersFile), 'utf8'))).toMatchObject({
      organisatie: { naam: 'Provincie Test', type: 'provincie' },
      zwakke_themas: ['h2-gedragsregels', 'h2-voorbeeldfunctie-management', 'h4-commitment-en-visie'],
      prioriteiten: { 'h2-gedragsregels': 'hoog', 'h4-commitment-en-visie': 'laag' },
      planperiode: { van: 2027, tot: 2030 },
      datum: '2027-01-15',
      auteur: { naam: 'P. de Wit', functie: 'integriteitsadviseur' },
    });

    await run(
      process.execPath,
      [builtCli, 'genereer', '--antwoorden', join('uit', answersFile), '--uitvoer', 'opnieuw'],
      { cwd },
    );
    for (const file of [`${base}.docx`, `${base}.pdf`]) {
      expect(readFileSync(join(cwd, 'opnieuw', file)).equals(readFileSync(join(cwd, 'uit', file)))).toBe(true);
    }
  }, 60000);

  test('Ctrl-C at a question: a short goodbye, exit code 130, no files, no stack trace', async () => {
    const wizard = start(['wizard', '--uitvoer', 'uit']);
    await wizard.answer('Wat voor organisatie is het?', keys.enter);
    await wizard.answer('Naam van de organisatie', ...'Gem', keys.ctrlC);
    expect(await wizard.exitCode()).toBe(130);
    expect(wizard.screen).toContain('Gestopt. Er is niets opgeslagen. Tot ziens!');
    expect(wizard.screen).not.toMatch(/\n\s+at /);
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('Escape at a question stops the same way', async () => {
    const wizard = start([]);
    await wizard.answer('Wat voor organisatie is het?', keys.escape);
    expect(await wizard.exitCode()).toBe(130);
    expect(wizard.screen).toContain('Gestopt. Er is niets opgeslagen. Tot ziens!');
    expect(readdirSync(cwd)).toEqual([]);
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
