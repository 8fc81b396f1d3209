import { join } from 'node:path';
import { escapeForTerminal } from '../../src/cli/terminal.js';
import { packageRoot } from '../../src/paths.js';
import { runInProcess } from '../support/cli.js';
import { expectGenerateRefused, expectRefused, Scratch, validAnswers } from './support.js';

let scratch: Scratch;
let answers: string;
beforeAll(() => {
  scratch = new Scratch();
  answers = scratch.file('antwoorden.yaml', `${validAnswers}verslagjaar: 2026\n`);
});
afterAll(() => scratch.remove());

describe('loose words are named, with the comma form for a list', () => {
  test.each([
    [['--formaten', 'pdf', 'docx'], 'Onverwacht woord "docx" na --formaten pdf', '--formaten pdf,docx'],
    [['--formaten', 'md', 'docx', 'pdf'], 'Onverwacht woord "docx" na --formaten md', '--formaten md,docx,pdf'],
    [['--formaten=pdf', 'docx'], 'Onverwacht woord "docx" na --formaten pdf', '--formaten pdf,docx'],
    [
      ['--document', 'beleidsplan', 'brief'],
      'Onverwacht woord "brief" na --document beleidsplan',
      '--document beleidsplan,brief',
    ],
    [['--formaten', 'md', 'Mijn', 'map'], 'Onverwacht woord "Mijn" na --formaten md', '--formaten md,Mijn,map'],
  ])('genereer %j', async (args, ...mentions) => {
    await expectGenerateRefused(scratch, ['--antwoorden', answers, ...args], ...mentions);
  });
  test.each([
    ['themas', 'extra'],
    ['controleer', 'nu'],
    ['genereer', '--antwoorden', 'x.yaml', 'los'],
  ])('%s with a loose word', async (...args) => {
    const result = await runInProcess(args, scratch.dir);
    expectRefused(result, `Onverwacht woord "${args.at(-1)}"`, 'aanhalingstekens');
  });
});

describe('options for a document that is not made are refused, all in one run', () => {
  test.each([
    [['--jaar', '2026'], '--jaar'],
    [['--privacy-drempel', '3'], '--privacy-drempel'],
    [['--meldingen', join(packageRoot, 'examples', 'meldingen-2027.csv')], '--meldingen'],
  ])('%j with only the beleidsplan', async (args, flag) => {
    await expectGenerateRefused(
      scratch,
      ['--antwoorden', answers, '--formaten', 'md', ...args],
      `De optie ${flag} geldt alleen voor de integriteitsrapportage, en u maakt nu: beleidsplan.`,
      '--document beleidsplan,rapportage',
    );
  });
  test('--sla-fouten-over without --meldingen', async () => {
    await expectGenerateRefused(
      scratch,
      ['--antwoorden', answers, '--document', 'rapportage', '--formaten', 'md', '--sla-fouten-over'],
      'De optie --sla-fouten-over geldt alleen samen met --meldingen',
    );
  });
  test('every mistake of a command, and of its answers file, in one run', async () => {
    const bad = scratch.file('fout.yaml', validAnswers.replace('type: gemeente', 'type: stad'));
    const result = await expectGenerateRefused(
      scratch,
      [
        '--antwoorden',
        bad,
        '--formaten',
        'pdf,doc',
        '--document',
        'plan',
        '--jaar',
        '1999',
        '--privacy-drempel',
        'veel',
      ],
      'Onbekend formaat "doc" bij --formaten',
      'Onbekend document "plan" bij --document',
      'Ongeldig jaar "1999" bij --jaar',
      'Ongeldige waarde "veel" bij --privacy-drempel',
      'organisatie.type: kies uit',
    );
    expect(result.stderr).toContain('De opdracht bevat 5 fouten; er is niets gemaakt');
  });
  test('with a brief on its own and a verslagjaar, the rapportage options apply', async () => {
    const report = scratch.file(
      'rapportage.yaml',
      `${validAnswers.replace('2027-01-15', '2028-02-01')}verslagjaar: 2027\n`,
    );
    const result = await runInProcess(
      [
        'genereer',
        '--antwoorden',
        report,
        '--document',
        'brief',
        '--formaten',
        'md',
        '--privacy-drempel',
        '3',
        '--uitvoer',
        join(scratch.dir, 'brief'),
      ],
      scratch.dir,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('mistyped names get a suggestion', () => {
  test.each([
    [['genereer', '--antwoorde', 'a.yaml'], 'Onbekende optie --antwoorde. Bedoelde u --antwoorden?'],
    [['genereer', '--antwoorden', 'a.yaml', '--formaat', 'pdf'], 'Bedoelde u --formaten?'],
    [['themas', '--type', 'Gemeente'], 'Ongeldige waarde "Gemeente" voor --type. Bedoelde u gemeente?'],
    [['themas', '--hoofdstuk', 'H2'], 'Bedoelde u h2?'],
    [['genereer', '--antwoorden', 'a.yaml', '--document', 'Rapportage'], 'bedoelde u rapportage?'],
    [['genereren'], 'Onbekende opdracht genereren. Bedoelde u genereer?'],
    [['genereer'], 'De optie --antwoorden is verplicht'],
  ])('%j', async (args, message) => {
    expectRefused(await runInProcess(args, scratch.dir), message);
  });
});

describe('what a user typed is echoed with control characters escaped', () => {
  test.each([
    [['themas', '--hoofdstuk', 'h2\u001b[2J\u001b[H'], 'h2\\u001b[2J\\u001b[H'],
    [['themas', '--type', '\u001b]52;c;aGFjaw==\u0007'], '\\u001b]52;c;aGFjaw==\\u0007'],
    [['genereer', '--antwoorden', 'x\u009b31m\u202e.yaml'], 'x\\u009b31m\\u202e.yaml'],
    [['genereer', '--antwoorden', 'ANTWOORDEN', '--formaten', 'pdf,\u001b[1Adocx\r'], '"\\u001b[1adocx"'],
  ])('%j', async (args, shown) => {
    const result = await runInProcess(
      args.map((arg) => (arg === 'ANTWOORDEN' ? answers : arg)),
      scratch.dir,
    );
    expectRefused(result, shown);
  });
  test('the escaping itself: C0, C1, bidi controls and lone surrogates; line breaks, tabs and letters stay', () => {
    expect(escapeForTerminal('a\u001b[31mb\u009b\u202e\u2066\u200f\ud800\tc\nd é ש 😀')).toBe(
      'a\\u001b[31mb\\u009b\\u202e\\u2066\\u200f\\ud800\tc\nd é ש 😀',
    );
    expect(JSON.parse(`"${escapeForTerminal('\u0085\u202e')}"`)).toBe('\u0085\u202e');
  });
});
