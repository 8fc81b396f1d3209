import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readAnswersFile } from '../../answers/load.js';
import { yearSchema } from '../../answers/schema.js';
import { generateDocuments } from '../../generate.js';
import { writeFilesAtomically } from '../../output/atomic.js';
import type { Answers } from '../../answers/schema.js';
import { defaultPrivacyThreshold } from '../../plan/report-model.js';
import { showsReport } from '../../plan/rules.js';
import { warningText } from '../../plan/warnings.js';
import type { KnowledgeBase } from '../../knowledge/model.js';
import { UserError } from '../../validation/problem.js';
import { closestMatch } from '../../validation/suggest.js';
import { documentKinds, formats, type DocumentKind, type Format } from '../../vocabulary.js';
import { loadKnowledgeForCli } from '../knowledge.js';
import type { CliIo } from '../io.js';
import { displayPath } from '../paths.js';
import { registerSource, registerStep } from '../register.js';
import { ANSWERS_FILE, type GenerateOptions } from './generate-options.js';

export function parseDocumentKinds(value: string): DocumentKind[] {
  const requested = value
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const unknown = requested.filter((d) => !(documentKinds as readonly string[]).includes(d));
  if (unknown.length > 0 || requested.length === 0) {
    const meant = unknown.length === 1 ? closestMatch(unknown[0]!, documentKinds) : undefined;
    throw new UserError(
      `Onbekend document "${unknown.join(', ')}" bij --document;${meant ? ` bedoelde u ${meant}?` : ''} kies uit: ${documentKinds.join(', ')}.`,
    );
  }
  return [...new Set(requested)] as DocumentKind[];
}

export function parseFormats(value: string): Format[] {
  const requested = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = requested.filter((f) => !(formats as readonly string[]).includes(f));
  if (unknown.length > 0 || requested.length === 0) {
    throw new UserError(
      `Onbekend formaat "${unknown.join(', ')}" bij --formaten; kies uit: ${formats.join(', ')} (bijv. docx,pdf).`,
    );
  }
  return [...new Set(requested)] as Format[];
}

export function parseYearOption(value: string): number {
  const year = yearSchema.safeParse(/^\d+$/.test(value.trim()) ? Number(value) : NaN);
  if (!year.success)
    throw new UserError(
      `Ongeldig jaar "${value}" bij --jaar; geef een jaartal tussen 2000 en 2100, bijvoorbeeld 2027.`,
    );
  return year.data;
}

export function parseThresholdOption(value: string): number {
  const threshold = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(threshold) || threshold > 100) {
    throw new UserError(
      `Ongeldige waarde "${value}" bij --privacy-drempel; geef een heel getal van 0 tot en met 100 (standaard ${defaultPrivacyThreshold}, 0 zet het uit).`,
    );
  }
  return threshold;
}

export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The most worker processes `--parallel` may ask for. */
export const maxParallel = 64;

export function parseParallelOption(value: string): number {
  const count = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(count) || count < 1 || count > maxParallel) {
    throw new UserError(
      `Ongeldige waarde "${value}" bij --parallel; geef een heel getal van 1 tot en met ${maxParallel} (het aantal werkprocessen).`,
    );
  }
  return count;
}

/**
 * Options for the rapportage given while no document shows it are refused, like any other mistake
 * in the command: the user evidently expected a rapportage (and a script would not notice a
 * warning), and nothing is made that was not asked for.
 */
function inapplicableOptions(
  options: GenerateOptions,
  documents: readonly DocumentKind[],
  answers: Pick<Answers, 'verslagjaar' | 'meldingen'> | undefined,
): string[] {
  const answersYear = answers?.verslagjaar !== undefined;
  const withRegister = options.meldingen !== undefined;
  // The rapportage is made, or a brief on its own can offer it; only then do --jaar and --meldingen mean something.
  const reportPossible = showsReport(documents, true);
  const reportShown = showsReport(documents, answersYear || options.jaar !== undefined || withRegister);
  const made = documents.join(',');
  const onlyReport = (flag: string) =>
    `De optie ${flag} geldt alleen voor de integriteitsrapportage, en u maakt nu: ${made}. ` +
    `Voeg de rapportage toe (--document ${made},rapportage) of laat ${flag} weg.`;
  const mistakes: string[] = [];
  if (options.jaar !== undefined && !reportPossible) mistakes.push(onlyReport('--jaar'));
  if (withRegister && !reportPossible) mistakes.push(onlyReport('--meldingen'));
  if (options.privacyDrempel !== undefined && !reportShown) mistakes.push(onlyReport('--privacy-drempel'));
  // The register of the answers file (`meldingen:`) counts too.
  if (options.slaFoutenOver && !withRegister && answers?.meldingen === undefined) {
    mistakes.push(
      'De optie --sla-fouten-over geldt alleen samen met --meldingen (het meldingenregister); geef het register op of laat de optie weg.',
    );
  }
  return mistakes;
}

/** Runs `parse`; a UserError becomes a mistake in the list, so that one run reports every mistake in the command. */
function collect<T>(mistakes: string[], parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UserError) || error.problems.length > 0) throw error;
    mistakes.push(error.message);
    return undefined;
  }
}

/** The options of the command itself, each checked; every mistake in them goes to `mistakes`. */
function parseCommand(options: GenerateOptions, mistakes: string[]) {
  if (options.antwoorden === undefined) {
    mistakes.push(
      'De optie --antwoorden is verplicht: geef het antwoordenbestand op, bijvoorbeeld --antwoorden examples/gemeente.yaml.',
    );
  }
  return {
    chosenFormats: collect(mistakes, () => parseFormats(options.formaten)),
    documents: collect(mistakes, () => parseDocumentKinds(options.document)),
    year: options.jaar === undefined ? undefined : collect(mistakes, () => parseYearOption(options.jaar!)),
    threshold:
      options.privacyDrempel === undefined
        ? defaultPrivacyThreshold
        : collect(mistakes, () => parseThresholdOption(options.privacyDrempel!)),
    parallel:
      options.parallel === undefined ? undefined : collect(mistakes, () => parseParallelOption(options.parallel!)),
  };
}

/**
 * `genereer`: the documents of one answers file, or, for a folder, of every answers file in it (batch/run.ts). A
 * folder named like an answers file (`plan.yaml/`) is taken for a file given by mistake, and refused as one.
 */
export async function runGenerate(options: GenerateOptions, io: CliIo): Promise<number> {
  const folder = options.antwoorden;
  if (
    folder !== undefined &&
    !ANSWERS_FILE.test(folder) &&
    (await stat(resolve(io.cwd, folder)).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    return generateFolder({ ...options, antwoorden: folder }, io);
  }
  return generateForFile(options, io, () => loadKnowledgeForCli(io.cwd, options.kennisbank));
}

/**
 * A folder of answers files: the command's own mistakes are reported once, before anything is made; what depends on
 * an answers file is checked by each worker for its file, as a single `genereer` does.
 */
async function generateFolder(options: GenerateOptions & { antwoorden: string }, io: CliIo): Promise<number> {
  const mistakes: string[] = [];
  const { parallel } = parseCommand(options, mistakes);
  if (options.meldingen !== undefined) {
    mistakes.push(
      'De optie --meldingen hoort bij de rapportage van één organisatie en kan niet samen met een map bij --antwoorden. ' +
        'Maak de rapportage met een register per antwoordenbestand (de sleutel "meldingen" in elk antwoordenbestand).',
    );
  }
  if (mistakes.length > 0) throw new UserError(commandMistakes(mistakes));
  const { runBatch } = await import('../batch/run.js');
  return runBatch(options, io, parallel);
}

/**
 * The documents of one answers file, written all-or-nothing (never over existing files without --forceer);
 * messages go to `io`. Mistakes in the command and in the answers file are reported together. Each worker of a
 * batch runs this for its files, with the knowledge base loaded once (`loadKnowledge`).
 */
export async function generateForFile(
  options: GenerateOptions,
  io: CliIo,
  loadKnowledge: () => Promise<KnowledgeBase>,
): Promise<number> {
  const mistakes: string[] = [];
  const { chosenFormats, documents, year, threshold } = parseCommand(options, mistakes);
  const knowledge = await loadKnowledge();
  let read: Answers | undefined;
  try {
    read =
      options.antwoorden === undefined
        ? undefined
        : await readAnswersFile(resolve(io.cwd, options.antwoorden), options.antwoorden, knowledge, {
            pdf: chosenFormats?.includes('pdf') ?? false,
          });
  } catch (error) {
    // Mistakes in the command and in the answers file are reported together.
    if (!(error instanceof UserError) || mistakes.length === 0) throw error;
    throw new UserError(commandMistakes([...mistakes, error.message]), error.problems);
  }
  if (documents) mistakes.push(...inapplicableOptions(options, documents, read));
  if (mistakes.length > 0 || !read || !chosenFormats || !documents || threshold === undefined) {
    throw new UserError(commandMistakes(mistakes));
  }
  const answers = {
    ...read,
    ...(year === undefined ? {} : { verslagjaar: year }),
    ...(options.pdfa ? { pdfa: true } : {}),
  };
  // The register is read only when a document shows its counts (with a register, the run is about
  // a report year): --meldingen, or else the answers' own `meldingen`.
  const source = showsReport(documents, true)
    ? registerSource(answers, resolve(io.cwd, options.antwoorden!), io.cwd, options)
    : undefined;
  const step = source !== undefined ? registerStep(source, knowledge) : undefined;

  const { files, warnings } = await generateDocuments({
    answers,
    knowledge,
    documents,
    formats: chosenFormats,
    outputDir: resolve(io.cwd, options.uitvoer),
    ...(options.sjablonen ? { templatesDir: resolve(io.cwd, options.sjablonen) } : {}),
    today: today(),
    report: { privacyThreshold: threshold, ...(step ? { register: step.register } : {}) },
  });
  const reading = step?.reading();
  if (reading) {
    io.stdout(`${reading.summary}\n`);
    for (const note of reading.notes) io.stderr(`${note}\n`);
  }
  for (const warning of warnings) io.stderr(`${warningText(warning)}\n`);
  await writeFilesAtomically(files, Boolean(options.forceer), {
    onNotice: (message) => io.stderr(`Let op: ${message}\n`),
  });
  io.stdout(`Geschreven:\n${files.map((f) => `  ${displayPath(io.cwd, f.path)}`).join('\n')}\n`);
  return 0;
}

function commandMistakes(mistakes: readonly string[]): string {
  if (mistakes.length === 1) return `${mistakes[0]} Er is niets gemaakt.`;
  return `De opdracht bevat ${mistakes.length} fouten; er is niets gemaakt:\n${mistakes.map((m) => `  - ${m}`).join('\n')}`;
}
