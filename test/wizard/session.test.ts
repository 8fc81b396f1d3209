import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnswers } from '../../src/answers/load.js';
import type { CliIo } from '../../src/cli/io.js';
import { runWizard, type WizardDependencies, type WizardOptions } from '../../src/cli/commands/wizard.js';
import { goodbyeMessage } from '../../src/cli/errors.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { writeFilesAtomically } from '../../src/output/atomic.js';
import { builtInKnowledgeDir, builtInTemplatesDir, packageRoot } from '../../src/paths.js';
import { UserError } from '../../src/validation/problem.js';
import { regenerateNote } from '../../src/wizard/answers-file.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { runInProcess } from '../support/cli.js';
import { generateDocuments } from '../../src/generate.js';
import { ENTER, FakePrompter, type Step } from './support/fake-prompter.js';

let kb: KnowledgeBase;
let cwd: string;
beforeAll(async () => {
  kb = await builtInKnowledge();
});
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'wizard-session-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

const plan = 'gemeente-test-integriteitsbeleidsplan-2027-2030.md';
const answersFile = 'gemeente-test-antwoorden-2027-2030.yaml';

/** Every question up to the summary; Markdown only, so no writer is involved and the test stays fast. */
const questions: Step[] = [
  ['Wat voor organisatie', 'gemeente'],
  ['Naam van de organisatie', 'Gemeente Test'],
  ['Welke documenten', ENTER],
  ['Planperiode – van', 2027],
  ['Planperiode – tot', 2030],
  ['Datum', '2027-01-15'],
  ['Naam van de auteur', 'J. Jansen'],
  ['Functie van J. Jansen', ENTER],
  ['Welke hoofdstukken', ENTER],
  ["Welke thema's", ['h2-gedragsregels', 'h2-samenwerking']],
  ["Welke thema's", ENTER],
  ["Welke thema's", ['h4-handhaving']],
  ["Welke thema's", ENTER],
  ['prioriteit kiezen', true],
  ['Prioriteit van "Gedragsregels"', 'hoog'],
  ['Prioriteit van "Samenwerking"', ENTER],
  ['Prioriteit van "Handhaving"', 'laag'],
  ['per basisnorm', false],
  ['In welke formaten', ['md']],
  ['In welke map', 'plan'],
  ['Wat wilt u doen', 'maken'],
];

/**
 * The wizard with a scripted prompter. `interrupt()` is what Ctrl-C does while the documents are
 * made: it cleans up and returns the goodbye (the real guard prints it and exits with 130).
 */
async function wizard(steps: Step[], options: WizardOptions = {}, dependencies: WizardDependencies = {}) {
  const prompter = new FakePrompter(steps);
  let stderr = '';
  const io: CliIo = { stdout: () => undefined, stderr: (text) => void (stderr += text), cwd, interactive: true };
  const cleanUps: (() => string)[] = [];
  let guarded = 0;
  const promise = runWizard(options, io, {
    prompter,
    today: '2027-01-15',
    guardInterrupt: (onInterrupt) => {
      cleanUps.push(onInterrupt);
      guarded += 1;
      return () => void (guarded -= 1);
    },
    ...dependencies,
  });
  return { promise, prompter, cleanUps, guarded: () => guarded, interrupt: () => cleanUps[0]!(), stderr: () => stderr };
}

/** The output with each printed command on one line again (they continue with " \\"). */
function commands(output: string): string {
  return output.replace(/ \\\n\s*/g, ' ');
}

/** A promise the test settles itself: the moment a slow step has reached. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** A step that never finishes: after Ctrl-C the real process has exited. */
const forever = new Promise<never>(() => undefined);

test('the wizard writes the documents and the answers file, shows progress, and says where everything is', async () => {
  const { promise, prompter } = await wizard(questions);
  await expect(promise).resolves.toBe(0);
  expect(readdirSync(join(cwd, 'plan')).sort()).toEqual([answersFile, plan]);
  expect(prompter.output).toContain('Integriteitsbeleidsplan (MD) maken…');
  expect(prompter.output).toContain(`  plan/${plan}`);
  expect(prompter.output).toContain(`Uw antwoorden zijn opgeslagen in plan/${answersFile}.`);
  expect(commands(prompter.output)).toContain(`npx integriteitsplan wizard --antwoorden plan/${answersFile}`);
  expect(commands(prompter.output)).toContain(
    `npx integriteitsplan genereer --antwoorden plan/${answersFile} --uitvoer plan --formaten md`,
  );
  // The command writes to the same folder: it says how to avoid replacing (and losing edits in) the documents.
  expect(prompter.output).not.toMatch(/genereer .*--forceer/);
  expect(prompter.output).toContain(regenerateNote);
  expect(prompter.remaining).toEqual([]);
});

test('the saved answers file is what `genereer` reads, and makes the very same documents', async () => {
  const { promise } = await wizard(questions);
  await promise;
  const text = readFileSync(join(cwd, 'plan', answersFile), 'utf8');
  expect(text).toMatch(/^# Antwoorden voor integriteitsplan/);
  expect(text).toContain('datum: 2027-01-15');
  expect(text.endsWith('\n')).toBe(true);
  expect(text).toContain(`# ${regenerateNote}\n`);
  expect(parseAnswers(text, answersFile, kb)).toMatchObject({
    organisatie: { naam: 'Gemeente Test', type: 'gemeente' },
    zwakke_themas: ['h2-gedragsregels', 'h2-samenwerking', 'h4-handhaving'],
    prioriteiten: { 'h2-gedragsregels': 'hoog', 'h4-handhaving': 'laag' },
    auteur: { naam: 'J. Jansen' },
  });

  const again = await runInProcess(
    ['genereer', '--antwoorden', join('plan', answersFile), '--uitvoer', 'opnieuw', '--formaten', 'md'],
    cwd,
  );
  expect(again.stderr).toBe('');
  expect(again.code).toBe(0);
  expect(readFileSync(join(cwd, 'opnieuw', plan))).toEqual(readFileSync(join(cwd, 'plan', plan)));
});

test('--antwoorden pre-fills every question from an earlier answers file', async () => {
  await (
    await wizard(questions)
  ).promise;
  const next = await wizard([['Wat voor organisatie', ENTER]], { antwoorden: join('plan', answersFile) });
  // The script ends at the second question: enough to see where its default comes from.
  await expect(next.promise).rejects.toThrow(/No scripted answer left/);
  expect(next.prompter.asked.map((q) => q.default)).toEqual(['gemeente', 'Gemeente Test']);
});

test('re-opened answers: the date the file says (today one choice away), the file’s folder, and after "no" a new folder next to it', async () => {
  await (
    await wizard(questions)
  ).promise;
  const again = new FakePrompter([], { thenEnter: true });
  const { promise } = await wizard(
    [],
    { antwoorden: join('plan', answersFile) },
    { prompter: again, today: '2028-02-01' },
  );
  // Enter everywhere: the same folder, where the files exist; not overwritten, another folder.
  await expect(promise).resolves.toBe(0);
  const date = again.asked.find((q) => q.message.includes('Datum'))!;
  expect(date.default).toBe('2027-01-15');
  expect(date.choices!.map((c) => c.name)).toContain('vandaag, 1 februari 2028');
  expect(again.asked.filter((q) => q.message === 'In welke map?').map((q) => q.default)).toEqual(['plan', 'plan-2']);
  expect(parseAnswers(readFileSync(join(cwd, 'plan-2', answersFile), 'utf8'), answersFile, kb).datum).toBe(
    '2027-01-15',
  );
});

test('existing files: the wizard asks, "no" by default, and offers another folder', async () => {
  mkdirSync(join(cwd, 'plan'));
  writeFileSync(join(cwd, 'plan', plan), 'van vorig jaar');
  mkdirSync(join(cwd, 'plan-2'));
  const { promise, prompter } = await wizard([
    ...questions,
    ['overschrijven', ENTER],
    ['andere map', ENTER],
    ['In welke map', ENTER],
  ]);
  await expect(promise).resolves.toBe(0);
  expect(prompter.asked.find((q) => q.message.includes('overschrijven'))!.default).toBe(false);
  // Next to the refused folder, one that does not exist yet, relative to where the user stands.
  expect(prompter.asked.filter((q) => q.message === 'In welke map?').at(-1)!.default).toBe('plan-3');
  expect(prompter.output).toContain(`Deze bestanden bestaan al:\n  plan/${plan}`);
  expect(readFileSync(join(cwd, 'plan', plan), 'utf8')).toBe('van vorig jaar');
  expect(existsSync(join(cwd, 'plan', answersFile))).toBe(false);
  expect(readdirSync(join(cwd, 'plan-3')).sort()).toEqual([answersFile, plan]);
});

test('existing files: "no" twice stops without writing anything', async () => {
  mkdirSync(join(cwd, 'plan'));
  writeFileSync(join(cwd, 'plan', answersFile), 'van vorig jaar');
  const { promise, prompter } = await wizard([...questions, ['overschrijven', false], ['andere map', false]]);
  await expect(promise).rejects.toMatchObject({ name: 'AbortPromptError' });
  expect(prompter.output).toContain('Er is niets overschreven.');
  expect(readdirSync(join(cwd, 'plan'))).toEqual([answersFile]);
  expect(readFileSync(join(cwd, 'plan', answersFile), 'utf8')).toBe('van vorig jaar');
});

test('existing files: "yes" overwrites them', async () => {
  mkdirSync(join(cwd, 'plan'));
  writeFileSync(join(cwd, 'plan', plan), 'van vorig jaar');
  const { promise } = await wizard([...questions, ['overschrijven', true]]);
  await expect(promise).resolves.toBe(0);
  expect(readFileSync(join(cwd, 'plan', plan), 'utf8')).not.toBe('van vorig jaar');
});

test('the Ctrl-C clean-up removes the files this run made, and only those', async () => {
  mkdirSync(join(cwd, 'plan'));
  writeFileSync(join(cwd, 'plan', 'eigen-notities.txt'), 'blijft staan');
  const { promise, cleanUps, guarded, interrupt } = await wizard(questions);
  await promise;
  expect(cleanUps).toHaveLength(1);
  expect(guarded()).toBe(0); // The guard is gone once the files are written.
  // As if Ctrl-C came in just as the last file was written.
  expect(interrupt()).toBe(goodbyeMessage);
  expect(readdirSync(join(cwd, 'plan'))).toEqual(['eigen-notities.txt']);
});

test('Ctrl-C while the documents are made: nothing is saved, and the goodbye says so', async () => {
  const generated = signal();
  const run = await wizard(
    questions,
    {},
    {
      steps: {
        generate: async (request) => {
          await generateDocuments(request);
          generated.resolve();
          return forever;
        },
      },
    },
  );
  await generated.promise;
  expect(run.guarded()).toBe(1);
  expect(run.prompter.output).toContain('Integriteitsbeleidsplan (MD) maken…');
  expect(run.interrupt()).toBe(goodbyeMessage);
  expect(existsSync(join(cwd, 'plan'))).toBe(false);
});

test('Ctrl-C while writing: the files this run created are removed again', async () => {
  mkdirSync(join(cwd, 'plan'));
  writeFileSync(join(cwd, 'plan', answersFile), 'van vorig jaar');
  const wrote = signal();
  const run = await wizard(
    [...questions, ['overschrijven', true]],
    {},
    {
      steps: {
        // The plan is in place, the answers file not yet.
        write: async (files, overwrite) => {
          await writeFilesAtomically(files.slice(0, 1), overwrite);
          wrote.resolve();
          return forever;
        },
      },
    },
  );
  await wrote.promise;
  expect(readdirSync(join(cwd, 'plan')).sort()).toEqual([answersFile, plan]);
  expect(run.interrupt()).toBe(goodbyeMessage);
  expect(readdirSync(join(cwd, 'plan'))).toEqual([answersFile]);
  expect(readFileSync(join(cwd, 'plan', answersFile), 'utf8')).toBe('van vorig jaar');
});

test('Ctrl-C while overwriting: the goodbye names the files already replaced, not "niets opgeslagen"', async () => {
  mkdirSync(join(cwd, 'plan'));
  writeFileSync(join(cwd, 'plan', plan), 'van vorig jaar');
  writeFileSync(join(cwd, 'plan', answersFile), 'van vorig jaar');
  const wrote = signal();
  const run = await wizard(
    [...questions, ['overschrijven', true]],
    {},
    {
      steps: {
        write: async (files, overwrite) => {
          await writeFilesAtomically(files.slice(0, 1), overwrite);
          wrote.resolve();
          return forever;
        },
      },
    },
  );
  await wrote.promise;
  const goodbye = run.interrupt();
  expect(goodbye).not.toContain('niets opgeslagen');
  expect(goodbye).toContain(`Deze bestanden zijn al vervangen door de nieuwe versie:\n  plan/${plan}\n`);
  expect(goodbye).toContain('De andere bestanden zijn niet opgeslagen.');
  expect(readFileSync(join(cwd, 'plan', answersFile), 'utf8')).toBe('van vorig jaar');
});

test('a write error after some files were replaced says which; one before that adds nothing to the error', async () => {
  mkdirSync(join(cwd, 'plan'));
  writeFileSync(join(cwd, 'plan', plan), 'van vorig jaar');
  const halfway = await wizard(
    [...questions, ['overschrijven', true]],
    {},
    {
      steps: {
        write: async (files, overwrite) => {
          await writeFilesAtomically(files.slice(0, 1), overwrite);
          throw new UserError('De schijf is vol.');
        },
      },
    },
  );
  await expect(halfway.promise).rejects.toThrow('De schijf is vol.');
  expect(halfway.prompter.output).toContain(`Deze bestanden zijn al vervangen door de nieuwe versie:\n  plan/${plan}`);
  expect(halfway.guarded()).toBe(0);

  writeFileSync(join(cwd, 'plan', plan), 'van vorig jaar');
  const before = await wizard(
    [...questions, ['overschrijven', true]],
    {},
    {
      steps: {
        write: async () => {
          throw new UserError('De schijf is vol.');
        },
      },
    },
  );
  await expect(before.promise).rejects.toThrow('De schijf is vol.');
  expect(before.prompter.output).not.toContain('vervangen');
  expect(readdirSync(join(cwd, 'plan'))).toEqual([plan]);
});

test('a flag with a wrong value is refused before any question', async () => {
  const { promise, prompter } = await wizard([], { formaten: 'docx,odt' });
  await expect(promise).rejects.toMatchObject({ name: 'UserError', message: expect.stringContaining('odt') });
  expect(prompter.asked).toEqual([]);
});

test('when the documents cannot be made, the answers are saved anyway and the error is reported', async () => {
  mkdirSync(join(cwd, 'eigen'));
  writeFileSync(join(cwd, 'eigen', 'beleidsplan.md.hbs'), '# Plan\n\n{{#each zwakkeThemas}}\n');
  const { promise, prompter } = await wizard(questions, { sjablonen: 'eigen' });
  await expect(promise).rejects.toMatchObject({ name: 'UserError' });
  expect(readdirSync(join(cwd, 'plan'))).toEqual([answersFile]);
  expect(prompter.output).toContain(`uw antwoorden zijn opgeslagen in plan/${answersFile}`);
});

/** The `genereer` command the wizard printed at the end, as arguments (the test paths have no spaces). */
function printedGenereer(output: string): string[] {
  const line = commands(output)
    .split('\n')
    .find((l) => l.trim().startsWith('npx integriteitsplan genereer'))!;
  return line.trim().split(/\s+/).slice(2);
}

test('with rapportage and brief too, the printed `genereer` command makes the very same files', async () => {
  const steps = questions.map(([question, answer]): Step => {
    if (question === 'Welke documenten') return [question, ['beleidsplan', 'rapportage', 'brief']];
    return [question, answer];
  });
  // The year before the date lies before the plan period: the wizard asks what to do; a year, then.
  steps.splice(
    steps.findIndex(([q]) => q === 'Naam van de auteur'),
    0,
    ['Wat wilt u met de integriteitsrapportage', 'jaar'],
    ['Over welk jaar', 2026],
  );
  steps.splice(
    steps.findIndex(([q]) => q === 'Welke hoofdstukken'),
    0,
    ['Meldingenregister', ENTER],
  );
  const { promise, prompter } = await wizard(steps);
  await expect(promise).resolves.toBe(0);
  const made = readdirSync(join(cwd, 'plan')).filter((name) => name.endsWith('.md'));
  expect(made).toHaveLength(3);

  const args = printedGenereer(prompter.output);
  expect(args).toEqual(expect.arrayContaining(['--document', 'beleidsplan,rapportage,brief', '--formaten', 'md']));
  // A second --uitvoer wins: the same command, into another folder.
  const again = await runInProcess([...args, '--uitvoer', 'opnieuw'], cwd);
  expect(again.code).toBe(0);
  for (const name of made)
    expect(readFileSync(join(cwd, 'opnieuw', name))).toEqual(readFileSync(join(cwd, 'plan', name)));
});

test('a brief on its own, from answers with a verslagjaar: the printed command needs no --jaar and matches too', async () => {
  const report = questions.flatMap(([question, answer]): Step[] => {
    if (question === 'Welke documenten') return [[question, ['rapportage']]];
    if (question === 'Naam van de auteur')
      return [
        ['Wat wilt u met de integriteitsrapportage', 'toch'],
        [question, answer],
      ];
    if (question === 'Welke hoofdstukken')
      return [
        ['Meldingenregister', ENTER],
        [question, answer],
      ];
    return [[question, answer]];
  });
  await (
    await wizard(report)
  ).promise;

  const letter = await wizard(
    [
      ['Wat voor organisatie', ENTER],
      ['Naam van de organisatie', ENTER],
      ['Welke documenten', ['brief']],
      ['Planperiode – van', ENTER],
      ['Planperiode – tot', ENTER],
      ['Datum', ENTER],
      // The letter offers the rapportage of the saved verslagjaar, so the wizard asks for it; that
      // year lies before the plan period, so it asks what to do, and the user keeps the year.
      ['Wat wilt u met de integriteitsrapportage', 'toch'],
      ['Naam van de auteur', ENTER],
      ['Functie van', ENTER],
      ['Meldingenregister', ENTER],
      ['Welke hoofdstukken', ENTER],
      ["Welke thema's", ENTER],
      ["Welke thema's", ENTER],
      ["Welke thema's", ENTER],
      ["Welke thema's", ENTER],
      ['prioriteit kiezen', ENTER],
      ['Prioriteit van', ENTER],
      ['Prioriteit van', ENTER],
      ['Prioriteit van', ENTER],
      ['per basisnorm', false],
      ['In welke formaten', ['md']],
      ['In welke map', 'brief'],
      ['Wat wilt u doen', 'maken'],
    ],
    { antwoorden: join('plan', answersFile) },
  );
  await expect(letter.promise).resolves.toBe(0);
  const what = letter.prompter.asked.find((q) => q.message.includes('Wat wilt u met de integriteitsrapportage'))!;
  expect(what.choices!.map((choice) => choice.name)).toContain('Toch een rapportage over 2026');
  expect(letter.prompter.output).toMatch(/Verslagjaar\s+2026/);
  const args = printedGenereer(letter.prompter.output);
  expect(args).toEqual(expect.arrayContaining(['--document', 'brief']));
  // `genereer` reads the verslagjaar from the answers file, so the brief offers the rapportage there too.
  expect(args).not.toContain('--jaar');
  const again = await runInProcess([...args, '--uitvoer', 'opnieuw'], cwd);
  expect(again.code).toBe(0);
  const [made] = readdirSync(join(cwd, 'brief')).filter((name) => name.endsWith('.md'));
  expect(readFileSync(join(cwd, 'opnieuw', made!))).toEqual(readFileSync(join(cwd, 'brief', made!)));
});

test('with its own templates and knowledge base, the printed commands pass --sjablonen and --kennisbank', async () => {
  cpSync(builtInKnowledgeDir, join(cwd, 'kennis'), { recursive: true });
  mkdirSync(join(cwd, 'eigen sjablonen'));
  const template = readFileSync(join(builtInTemplatesDir, 'beleidsplan.md.hbs'), 'utf8');
  writeFileSync(join(cwd, 'eigen sjablonen', 'beleidsplan.md.hbs'), `${template}\nOpgesteld met ons eigen sjabloon.\n`);
  const { promise, prompter } = await wizard(questions, { sjablonen: 'eigen sjablonen', kennisbank: 'kennis' });
  await expect(promise).resolves.toBe(0);
  expect(readFileSync(join(cwd, 'plan', plan), 'utf8')).toContain('Opgesteld met ons eigen sjabloon.');

  const printed = commands(prompter.output)
    .split('\n')
    .map((line) => line.trim());
  const options = "--sjablonen 'eigen sjablonen' --kennisbank kennis";
  expect(printed).toContain(`npx integriteitsplan wizard --antwoorden plan/${answersFile} ${options}`);
  expect(printed).toContain(
    `npx integriteitsplan genereer --antwoorden plan/${answersFile} --uitvoer plan --formaten md ${options}`,
  );
  expect(readFileSync(join(cwd, 'plan', answersFile), 'utf8')).toContain(`--formaten md ${options}\n`);

  const again = await runInProcess(
    [
      ...['genereer', '--antwoorden', `plan/${answersFile}`, '--uitvoer', 'opnieuw', '--formaten', 'md'],
      ...['--sjablonen', 'eigen sjablonen', '--kennisbank', 'kennis'],
    ],
    cwd,
  );
  expect(again.code).toBe(0);
  expect(readFileSync(join(cwd, 'opnieuw', plan))).toEqual(readFileSync(join(cwd, 'plan', plan)));
});

test('the register given in the wizard is saved relative to the answers file; the printed `genereer` reproduces the rapportage', async () => {
  mkdirSync(join(cwd, 'register'));
  cpSync(join(packageRoot, 'examples', 'meldingen-2027.csv'), join(cwd, 'register', 'meldingen.csv'));
  const steps = questions.flatMap(([question, answer]): Step[] => {
    if (question === 'Welke documenten') return [[question, ['rapportage']]];
    if (question === 'Datum') return [[question, '15 februari 2028']];
    if (question === 'Welke hoofdstukken')
      return [
        ['Meldingenregister', 'register/meldingen.csv'],
        [question, answer],
      ];
    return [[question, answer]];
  });
  steps.splice(
    steps.findIndex(([q]) => q === 'Naam van de auteur'),
    0,
    ['Over welk jaar', ENTER],
  );
  const { promise, prompter } = await wizard(steps);
  await expect(promise).resolves.toBe(0);

  const saved = parseAnswers(readFileSync(join(cwd, 'plan', answersFile), 'utf8'), answersFile, kb);
  expect(saved.meldingen).toEqual({ bestand: '../register/meldingen.csv', sla_fouten_over: false });
  // The final screen says how the counts got in.
  expect(prompter.output).toContain(
    'Meldingenregister register/meldingen.csv: 23 meldingen uit 2027 geteld, ter vergelijking 15 uit 2026 en 12 uit 2025; 3 rijen uit andere jaren niet meegeteld.',
  );
  const args = printedGenereer(prompter.output);
  expect(args).not.toContain('--meldingen');
  const again = await runInProcess([...args, '--uitvoer', 'opnieuw'], cwd);
  expect(again.code).toBe(0);
  const [report] = readdirSync(join(cwd, 'plan')).filter((name) => name.endsWith('.md'));
  expect(readFileSync(join(cwd, 'plan', report!), 'utf8')).toContain('| **Totaal** | **21** |');
  expect(readFileSync(join(cwd, 'opnieuw', report!))).toEqual(readFileSync(join(cwd, 'plan', report!)));

  // Re-opened, the register question starts at the same file, named from where the user stands.
  const nextYear = new FakePrompter([], { thenEnter: true });
  const reopened = await wizard(
    [],
    { antwoorden: join('plan', answersFile), uitvoer: 'volgend', document: 'rapportage' },
    { prompter: nextYear },
  );
  await expect(reopened.promise).resolves.toBe(0);
  expect(nextYear.asked.find((q) => q.message.includes('Meldingenregister'))!.default).toBe('register/meldingen.csv');
});

test('a rapportage without a register: the final screen says the tables are to be filled in, and how to add one', async () => {
  const steps = questions.flatMap(([question, answer]): Step[] => {
    if (question === 'Welke documenten') return [[question, ['rapportage']]];
    if (question === 'Datum') return [[question, '15 februari 2028']];
    if (question === 'Welke hoofdstukken')
      return [
        ['Meldingenregister', ''],
        [question, answer],
      ];
    return [[question, answer]];
  });
  steps.splice(
    steps.findIndex(([q]) => q === 'Naam van de auteur'),
    0,
    ['Over welk jaar', ENTER],
  );
  const { promise, prompter } = await wizard(steps);
  await expect(promise).resolves.toBe(0);
  expect(prompter.output).toContain('De rapportage heeft geen aantallen uit een meldingenregister');
});

test('a "vastgesteld" plan that still has places to fill in gets a warning, and onderbouwing and versie are kept', async () => {
  await (
    await wizard(questions)
  ).promise;
  const saved = join(cwd, 'plan', answersFile);
  writeFileSync(
    saved,
    readFileSync(saved, 'utf8').replace(
      /^status: concept$/m,
      'status: vastgesteld\nversie: "1.0"\nonderbouwing: Eigen medewerkersonderzoek 2026.',
    ),
  );
  const steps = questions.map(([question, answer]): Step => [
    question,
    question === 'In welke map' ? 'plan-2' : answer,
  ]);
  const run = await wizard(steps, { antwoorden: join('plan', answersFile) });
  await expect(run.promise).resolves.toBe(0);
  expect(run.prompter.output).toMatch(
    /Let op: het integriteitsbeleidsplan heeft status "vastgesteld", maar bevat nog \d+ plekken om in te vullen/,
  );
  const again = readFileSync(join(cwd, 'plan-2', answersFile), 'utf8');
  expect(again).toContain('versie: "1.0"');
  expect(again).toContain('onderbouwing: Eigen medewerkersonderzoek 2026.');
  expect(readFileSync(join(cwd, 'plan-2', plan), 'utf8')).toContain('Eigen medewerkersonderzoek 2026.');
});
