import { dirname, resolve } from 'node:path';
import { readAnswersFile } from '../../answers/load.js';
import { loadDocumentCatalogue } from '../../vocabulary.js';
import { cliCommand } from '../../wizard/answers-file.js';
import { createInquirerPrompter, navigationHelp } from '../../wizard/inquirer-prompter.js';
import type { Prompter } from '../../wizard/prompter.js';
import { runWizardSession, type InterruptGuard, type SessionSteps } from '../../wizard/session.js';
import { exitCodes } from '../errors.js';
import type { CliIo } from '../io.js';
import { loadKnowledgeForCli } from '../knowledge.js';
import { displayPath } from '../paths.js';
import { registerSource } from '../register.js';
import { parseDocumentKinds, parseFormats, today } from './generate.js';

export interface WizardOptions {
  /** An earlier answers file: every question starts from its answers. */
  antwoorden?: string;
  uitvoer?: string;
  formaten?: string;
  document?: string;
  sjablonen?: string;
  kennisbank?: string;
}

/** For tests: a scripted prompter, a fixed date, no process-wide signal handler, and slow steps held back. */
export interface WizardDependencies {
  prompter?: Prompter;
  today?: string;
  guardInterrupt?: InterruptGuard;
  steps?: Partial<SessionSteps>;
}

/** Shown instead of questions when nobody is at a terminal (CI, a pipe): the wizard must never hang there. */
export function noTerminalMessage(options: WizardOptions): string {
  const answers = options.antwoorden ?? 'antwoorden.yaml';
  return [
    'De wizard stelt vragen en heeft daarom een terminal nodig; die is er hier niet (bijvoorbeeld in CI of in een pijp).',
    'Maak de documenten zonder vragen uit een antwoordenbestand:',
    `  ${cliCommand} genereer --antwoorden ${answers} --uitvoer ${options.uitvoer ?? 'output'}`,
    `Zie ${cliCommand} genereer --help voor de mogelijkheden.`,
    '',
  ].join('\n');
}

export async function runWizard(
  options: WizardOptions,
  io: CliIo,
  dependencies: WizardDependencies = {},
): Promise<number> {
  if (!io.interactive) {
    io.stderr(noTerminalMessage(options));
    return exitCodes.userError;
  }
  // Flags answer their questions; check them before asking anything.
  const fixed = {
    ...(options.document ? { documents: parseDocumentKinds(options.document) } : {}),
    ...(options.formaten ? { formats: parseFormats(options.formaten) } : {}),
    ...(options.uitvoer !== undefined ? { outputDir: options.uitvoer } : {}),
  };
  const knowledge = await loadKnowledgeForCli(io.cwd, options.kennisbank);
  const catalogue = await loadDocumentCatalogue();
  const answersPath = options.antwoorden !== undefined ? resolve(io.cwd, options.antwoorden) : undefined;
  const prefill = answersPath ? await readAnswersFile(answersPath, options.antwoorden!, knowledge) : undefined;
  // Re-opened answers: the documents go where that file is, and its register is found relative to it.
  const earlier =
    answersPath && prefill
      ? {
          prefill,
          outputDir: displayPath(io.cwd, dirname(answersPath)),
          ...(prefill.meldingen
            ? {
                register: {
                  path: registerSource(prefill, answersPath, io.cwd)!.shown,
                  skipBadRows: prefill.meldingen.sla_fouten_over,
                },
              }
            : {}),
        }
      : {};
  const prompter = dependencies.prompter ?? createInquirerPrompter();
  if (!dependencies.prompter) prompter.print(navigationHelp);
  return runWizardSession({
    prompter,
    io,
    knowledge,
    catalogue,
    start: { ...earlier, fixed, today: dependencies.today ?? today() },
    ...(options.sjablonen ? { templatesDir: resolve(io.cwd, options.sjablonen) } : {}),
    ...(options.kennisbank ? { knowledgeDir: resolve(io.cwd, options.kennisbank) } : {}),
    guardInterrupt: dependencies.guardInterrupt ?? processInterruptGuard(io),
    ...(dependencies.steps ? { steps: dependencies.steps } : {}),
  });
}

/**
 * Ctrl-C while documents are made: no prompt is listening then, so the process gets SIGINT.
 * Clean up, say what is left, and end with 130. The listener goes first, before the CLI's general
 * one (which only removes temporary files): this one also removes the documents this run wrote.
 */
function processInterruptGuard(io: CliIo): InterruptGuard {
  return (onInterrupt) => {
    const onSignal = () => {
      io.stderr(onInterrupt());
      process.exit(exitCodes.interrupted);
    };
    process.prependListener('SIGINT', onSignal);
    return () => process.removeListener('SIGINT', onSignal);
  };
}
