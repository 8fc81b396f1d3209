import { existsSync, readFileSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseAnswers } from '../answers/load.js';
import type { CliIo } from '../cli/io.js';
import { generateDocuments, plannedFiles, type DocumentCatalogue, type GenerateRequest } from '../generate.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import { removePendingFiles, writeFilesAtomically, type OutputFile } from '../output/atomic.js';
import { reportExtraContext } from '../plan/report-model.js';
import { answersFileName, answersFileText, regenerateCommand, shellWord } from './answers-file.js';
import type { DraftStart } from './draft.js';
import { runWizardFlow, type WizardResult } from './flow.js';
import { WizardStopped, type Prompter } from './prompter.js';
import { fieldRules } from './rules.js';

/**
 * While the documents are made and written, Ctrl-C is a signal rather than a key: the guard gets a
 * clean-up to run on it and returns a function that removes the guard again.
 */
export type InterruptGuard = (cleanUp: () => void) => () => void;

export interface SessionOptions {
  prompter: Prompter;
  io: CliIo;
  knowledge: KnowledgeBase;
  catalogue: DocumentCatalogue;
  start: DraftStart;
  /** --sjablonen, already resolved. */
  templatesDir?: string;
  guardInterrupt: InterruptGuard;
}

/** What will be written for one output folder: the documents and the answers file. */
interface Targets {
  outputDir: string;
  answersFile: OutputFile;
  request: GenerateRequest;
  paths: string[];
}

/** The whole wizard: questions, the overwrite question, making the documents, saving the answers. Returns the exit code. */
export async function runWizardSession(options: SessionOptions): Promise<number> {
  const { prompter, io, knowledge, catalogue } = options;
  const result = await runWizardFlow(prompter, knowledge, catalogue, options.start);

  let targets = await planTargets(options, result, result.outputDir);
  let overwrite = false;
  for (;;) {
    const existing = targets.paths.filter((path) => existsSync(path));
    if (existing.length === 0) break;
    prompter.print(`\nDeze bestanden bestaan al:\n${existing.map((path) => `  ${display(io, path)}`).join('\n')}`);
    if (await prompter.confirm({ message: 'Wilt u ze overschrijven?', default: false })) {
      overwrite = true;
      break;
    }
    if (!(await prompter.confirm({ message: 'Wilt u een andere map kiezen?', default: true }))) {
      prompter.print('Er is niets overschreven.');
      throw new WizardStopped();
    }
    const folder = await prompter.input({
      message: 'In welke map?',
      default: targets.outputDir,
      validate: fieldRules(knowledge).folder,
    });
    targets = await planTargets(options, result, folder.trim());
  }

  const existedBefore = new Set(targets.paths.filter((path) => existsSync(path)));
  let made: OutputFile[] = [];
  /** Removes temporary files and every file this run created; files that were there before stay. */
  const cleanUp = () => {
    removePendingFiles();
    for (const file of made) {
      if (!existedBefore.has(file.path) && existsSync(file.path) && readFileSync(file.path).equals(file.bytes)) {
        rmSync(file.path, { force: true });
      }
    }
  };
  const release = options.guardInterrupt(cleanUp);
  try {
    prompter.print('\nDocumenten maken…');
    const documents = await generateDocuments(targets.request).catch(async (error: unknown) => {
      await saveAnswersOnly(options, targets, result, overwrite);
      throw error;
    });
    made = [...documents, targets.answersFile];
    prompter.print('  Bestanden opslaan…');
    await writeFilesAtomically(made, overwrite);
  } catch (error) {
    cleanUp();
    throw error;
  } finally {
    release();
  }

  const answersPath = display(io, targets.answersFile.path);
  prompter.print(
    [
      '',
      'Klaar. Geschreven:',
      ...made.map((file) => `  ${display(io, file.path)}`),
      '',
      `Uw antwoorden zijn opgeslagen in ${answersPath}.`,
      'Volgend jaar beginnen met deze antwoorden:',
      `  integriteitsplan wizard --antwoorden ${shellWord(answersPath)}`,
      'Dezelfde documenten opnieuw maken zonder vragen:',
      `  ${regenerateCommand(result, answersPath, display(io, targets.outputDir))}`,
    ].join('\n'),
  );
  return 0;
}

/**
 * When the documents cannot be made (a template error, say), the answers are still worth keeping:
 * the officer fixes the cause and runs `genereer` instead of answering everything again.
 */
async function saveAnswersOnly(options: SessionOptions, targets: Targets, result: WizardResult, overwrite: boolean) {
  const shown = display(options.io, targets.answersFile.path);
  try {
    await writeFilesAtomically([targets.answersFile], overwrite);
  } catch {
    return; // The error that stopped the documents is the one to report.
  }
  options.prompter.print(
    [
      `De documenten zijn niet gemaakt, maar uw antwoorden zijn opgeslagen in ${shown}.`,
      'Als het probleem hieronder is opgelost, maakt u de documenten zonder vragen met:',
      `  ${regenerateCommand(result, shown, display(options.io, targets.outputDir))}`,
    ].join('\n'),
  );
}

async function planTargets(options: SessionOptions, result: WizardResult, folder: string): Promise<Targets> {
  const { io, knowledge, catalogue, prompter } = options;
  const outputDir = resolve(io.cwd, folder);
  const answersPath = resolve(outputDir, answersFileName(result.answers));
  const shownPath = display(io, answersPath);
  const text = answersFileText(result.answers, {
    regenerate: regenerateCommand(result, shownPath, display(io, outputDir)),
    wizard: `integriteitsplan wizard --antwoorden ${shellWord(shownPath)}`,
  });
  // Generate from the saved text itself, read the way `genereer` reads it: the same answers, byte for byte.
  const answers = parseAnswers(text, shownPath, knowledge);
  const today = answers.datum ?? options.start.today;
  const request: GenerateRequest = {
    answers,
    knowledge,
    documents: result.documents,
    formats: result.formats,
    outputDir,
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    today,
    // The same template data `genereer` adds for the rapportage and the brief (no register here).
    extraContext: {
      ...reportExtraContext({ answers, knowledge, documents: result.documents, formats: result.formats, today }),
    },
    onProgress: ({ kind, format }) =>
      prompter.print(`  ${catalogue.find((d) => d.id === kind)?.naam ?? kind} (${format.toUpperCase()}) maken…`),
  };
  const planned = await plannedFiles(request);
  return {
    outputDir,
    answersFile: { path: answersPath, bytes: new TextEncoder().encode(text) },
    request,
    paths: [...planned.map((file) => file.path), answersPath],
  };
}

/** Relative to the working folder when inside it, else absolute. */
function display(io: CliIo, path: string): string {
  const shown = relative(io.cwd, path);
  return shown && !shown.startsWith('..') ? shown : path;
}
