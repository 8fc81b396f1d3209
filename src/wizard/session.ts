import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseAnswers } from '../answers/load.js';
import { displayPath } from '../cli/paths.js';
import {
  countedRows,
  countRegisterFile,
  registerSource,
  registerStep,
  registerSummary,
  type RegisterReading,
} from '../cli/register.js';
import { goodbyeMessage } from '../cli/errors.js';
import type { CliIo } from '../cli/io.js';
import { generateDocuments, plannedFiles, type GenerateRequest } from '../generate.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import type { OrganisationTypeId } from '../knowledge/schema.js';
import { writeFilesAtomically, type OutputFile } from '../output/atomic.js';
import { defaultPrivacyThreshold } from '../plan/report-model.js';
import { reportRequested, showsReport, trendYears } from '../plan/rules.js';
import { foundWhileRendering } from '../plan/warnings.js';
import { formatProblem, UserError } from '../validation/problem.js';
import type { DocumentCatalogue } from '../vocabulary.js';
import {
  answersFileName,
  answersFileText,
  regenerateCommand,
  regenerateNote,
  wizardCommand,
  type CommandPaths,
} from './answers-file.js';
import type { DraftStart } from './draft.js';
import { fieldRules } from './field-rules.js';
import { runWizardFlow, wizardWarningText, type WizardResult } from './flow.js';
import { withNavigation } from './navigation.js';
import { WizardStopped, type Prompter } from './prompter.js';
import type { RegisterCheck } from './sections/index.js';
import { commandLines } from './terminal-text.js';

/**
 * While the documents are made and written, Ctrl-C is a signal rather than a key. The guard gets
 * `onInterrupt`, which cleans up (synchronously) and returns the goodbye to show before the exit
 * with 130; the guard returns a function that removes it again.
 */
export type InterruptGuard = (onInterrupt: () => string) => () => void;

/** The two slow steps after the questions; tests replace them to hold the wizard at a chosen moment. */
export interface SessionSteps {
  generate: typeof generateDocuments;
  write: typeof writeFilesAtomically;
}

export interface SessionOptions {
  prompter: Prompter;
  io: CliIo;
  knowledge: KnowledgeBase;
  catalogue: DocumentCatalogue;
  start: DraftStart;
  /** --sjablonen, already resolved. */
  templatesDir?: string;
  /** --kennisbank, already resolved; only for the commands the wizard prints. */
  knowledgeDir?: string;
  guardInterrupt: InterruptGuard;
  steps?: Partial<SessionSteps>;
}

/** What will be written for one output folder: the documents and the answers file. */
interface Targets {
  outputDir: string;
  answersFile: OutputFile;
  request: GenerateRequest;
  paths: string[];
  /** For the printed commands. */
  commandPaths: CommandPaths;
  /** What reading the register told, once the documents are made. */
  registerReading: () => RegisterReading | undefined;
}

/** The whole wizard: questions, the overwrite question, making the documents, saving the answers. Returns the exit code. */
export async function runWizardSession(options: SessionOptions): Promise<number> {
  const { prompter, io, knowledge } = options;
  const steps: SessionSteps = { generate: generateDocuments, write: writeFilesAtomically, ...options.steps };
  const shown = (path: string) => displayPath(io.cwd, path);
  // Every question up to the making, the overwrite questions too: "vorige vraag" goes back through all of them.
  const { result, targets, overwrite } = await withNavigation(prompter, async (asked) => {
    const result = await runWizardFlow(asked, knowledge, options.catalogue, {
      ...options.start,
      checkRegister: registerChecker(io.cwd, knowledge),
    });
    return { result, ...(await chooseTargets({ ...options, prompter: asked }, result)) };
  });

  /** The files that are there already, with a fingerprint of what they hold now. */
  const before = new Map(
    targets.paths.filter((path) => existsSync(path)).map((path) => [path, digest(readFileSync(path))]),
  );
  let made: OutputFile[] = [];
  /**
   * Removes temporary files and every file this run created; files that were there before stay.
   * Returns those of them that hold this run's version now instead of their own: that cannot be undone.
   */
  const cleanUp = (): string[] => {
    const replaced: string[] = [];
    for (const file of made) {
      if (!existsSync(file.path) || !readFileSync(file.path).equals(file.bytes)) continue;
      const old = before.get(file.path);
      if (old === undefined) rmSync(file.path, { force: true });
      else if (old !== digest(file.bytes)) replaced.push(shown(file.path));
    }
    return replaced;
  };
  const release = options.guardInterrupt(() => {
    const replaced = cleanUp();
    if (replaced.length === 0) return goodbyeMessage;
    return `\nGestopt. ${replacedNotice(replaced)}\nDe andere bestanden zijn niet opgeslagen. Tot ziens!\n`;
  });
  try {
    prompter.print('\nDocumenten maken…');
    // The summary showed the warnings known before rendering (documentWarnings); these are the rest.
    const { files, warnings } = await steps.generate(targets.request).catch(async (error: unknown) => {
      await saveAnswersOnly(options, steps, targets, result, overwrite);
      throw error;
    });
    for (const warning of warnings.filter(foundWhileRendering)) prompter.print(`  ${wizardWarningText(warning)}`);
    made = [...files, targets.answersFile];
    prompter.print('  Bestanden opslaan…');
    await steps.write(made, overwrite);
  } catch (error) {
    // The writer puts back what it replaced when it fails; should that not have worked, say so.
    const replaced = cleanUp();
    if (replaced.length > 0) prompter.print(replacedNotice(replaced));
    throw error;
  } finally {
    release();
  }

  const { commandPaths } = targets;
  prompter.print(
    [
      '',
      'Klaar. Geschreven:',
      ...made.map((file) => `  ${shown(file.path)}`),
      ...registerLines(result, targets),
      '',
      `Uw antwoorden zijn opgeslagen in ${commandPaths.answers}.`,
      'Volgend jaar beginnen met deze antwoorden:',
      ...commandLines(wizardCommand(commandPaths), prompter.size.columns),
      'Dezelfde documenten opnieuw maken zonder vragen:',
      ...commandLines(regenerateCommand(result, commandPaths), prompter.size.columns),
      regenerateNote,
    ].join('\n'),
  );
  return 0;
}

/** How the rapportage's counts got in: from the register (and what reading it told), or not at all. */
function registerLines(result: WizardResult, targets: Targets): string[] {
  if (!showsReport(result.documents, reportRequested(result.answers, result.register !== undefined))) return [];
  const reading = targets.registerReading();
  if (reading) return ['', reading.summary, ...reading.notes];
  return [
    '',
    'De rapportage heeft geen aantallen uit een meldingenregister: de tabellen hebben vakken om zelf in te vullen.',
    'Wilt u de aantallen erin, geef dan de CSV-export van het register op bij "Meldingenregister" ' +
      '(wizard --antwoorden, hieronder) of zet hem in het antwoordenbestand onder "meldingen".',
  ];
}

/**
 * Where the documents go: the chosen folder, unless files are there already and the user will not
 * replace them; then another folder, offered next to the first and named from where the user stands.
 */
async function chooseTargets(
  options: SessionOptions,
  result: WizardResult,
): Promise<{ targets: Targets; overwrite: boolean }> {
  const { prompter, io, knowledge } = options;
  const shown = (path: string) => displayPath(io.cwd, path);
  let targets = await planTargets(options, result, result.outputDir);
  for (;;) {
    const existing = targets.paths.filter((path) => existsSync(path));
    if (existing.length === 0) return { targets, overwrite: false };
    prompter.print(`\nDeze bestanden bestaan al:\n${existing.map((path) => `  ${shown(path)}`).join('\n')}`);
    if (await prompter.confirm({ message: 'Wilt u ze overschrijven?', default: false }))
      return { targets, overwrite: true };
    if (!(await prompter.confirm({ message: 'Wilt u een andere map kiezen?', default: true }))) {
      prompter.print('Er is niets overschreven.');
      throw new WizardStopped();
    }
    const folder = await prompter.input({
      message: 'In welke map?',
      default: freeFolder(io.cwd, targets.outputDir),
      validate: fieldRules(knowledge).folder,
    });
    targets = await planTargets(options, result, folder.trim());
  }
}

/** "output-2" next to "output" (or "-3", …): a folder that does not exist yet, relative to where the user stands. */
function freeFolder(cwd: string, taken: string): string {
  for (let n = 2; ; n++) {
    const candidate = `${taken}-${n}`;
    if (!existsSync(candidate)) return displayPath(cwd, candidate);
  }
}

/**
 * The register question's check: the file read and counted as `genereer --meldingen` does, with
 * the same messages. The path is relative to where the user stands.
 */
export function registerChecker(cwd: string, knowledge: KnowledgeBase) {
  return async (path: string, year: number, organisationType: OrganisationTypeId): Promise<RegisterCheck> => {
    try {
      const scope = { years: trendYears(year), organisationType };
      const register = await countRegisterFile({ path: resolve(cwd, path), shown: path }, knowledge, scope);
      const counted = countedRows(register);
      return {
        ok: true,
        counted: counted.year,
        outsideYear: counted.all - counted.year + register.outsideYears,
        badRows: register.badRows,
        problems: register.problems.map(formatProblem),
        summary: registerSummary(register),
      };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      return {
        ok: false,
        message: [error.message, ...error.problems.map((p) => `  - ${formatProblem(p)}`)].join('\n'),
      };
    }
  };
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function replacedNotice(replaced: readonly string[]): string {
  return `Deze bestanden zijn al vervangen door de nieuwe versie:\n${replaced.map((path) => `  ${path}`).join('\n')}`;
}

/**
 * When the documents cannot be made (a template error, say), the answers are still worth keeping:
 * the officer fixes the cause and runs `genereer` instead of answering everything again.
 */
async function saveAnswersOnly(
  options: SessionOptions,
  steps: SessionSteps,
  targets: Targets,
  result: WizardResult,
  overwrite: boolean,
) {
  try {
    await steps.write([targets.answersFile], overwrite);
  } catch {
    return; // The error that stopped the documents is the one to report.
  }
  options.prompter.print(
    [
      `De documenten zijn niet gemaakt, maar uw antwoorden zijn opgeslagen in ${targets.commandPaths.answers}.`,
      'Als het probleem hieronder is opgelost, maakt u de documenten zonder vragen met:',
      ...commandLines(regenerateCommand(result, targets.commandPaths), options.prompter.size.columns),
    ].join('\n'),
  );
}

async function planTargets(options: SessionOptions, result: WizardResult, folder: string): Promise<Targets> {
  const { io, knowledge, catalogue, prompter } = options;
  const outputDir = resolve(io.cwd, folder);
  const answersPath = resolve(outputDir, answersFileName(result.answers));
  const commandPaths: CommandPaths = {
    answers: displayPath(io.cwd, answersPath),
    outputDir: displayPath(io.cwd, outputDir),
    ...(options.templatesDir !== undefined ? { templatesDir: displayPath(io.cwd, options.templatesDir) } : {}),
    ...(options.knowledgeDir !== undefined ? { knowledgeDir: displayPath(io.cwd, options.knowledgeDir) } : {}),
  };
  const saved = {
    ...result.answers,
    ...(result.register ? { meldingen: savedRegister(io.cwd, answersPath, result.register) } : {}),
  };
  const text = answersFileText(saved, {
    regenerate: regenerateCommand(result, commandPaths),
    wizard: wizardCommand(commandPaths),
  });
  // Generate from the saved text itself, read the way `genereer` reads it (the register too,
  // relative to the answers file): the same answers, the same documents, byte for byte.
  const answers = parseAnswers(text, commandPaths.answers, knowledge);
  const source = registerSource(answers, answersPath, io.cwd);
  const step =
    source !== undefined && showsReport(result.documents, true) ? registerStep(source, knowledge) : undefined;
  const request: GenerateRequest = {
    answers,
    knowledge,
    documents: result.documents,
    formats: result.formats,
    outputDir,
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    today: options.start.today,
    ...(step ? { report: { privacyThreshold: defaultPrivacyThreshold, register: step.register } } : {}),
    onProgress: ({ kind, format }) =>
      prompter.print(`  ${catalogue.find((d) => d.id === kind)?.naam ?? kind} (${format.toUpperCase()}) maken…`),
  };
  const planned = await plannedFiles(request);
  return {
    outputDir,
    answersFile: { path: answersPath, bytes: new TextEncoder().encode(text) },
    request,
    paths: [...planned.map((file) => file.path), answersPath],
    commandPaths,
    registerReading: () => step?.reading(),
  };
}

/** The register as the answers file keeps it: relative to the file's folder, with forward slashes. */
function savedRegister(cwd: string, answersPath: string, register: { path: string; skipBadRows: boolean }) {
  const bestand = relative(dirname(answersPath), resolve(cwd, register.path)).split(sep).join('/');
  return { bestand, ...(register.skipBadRows ? { sla_fouten_over: true } : {}) };
}
