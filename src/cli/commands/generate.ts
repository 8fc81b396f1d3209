import { resolve } from 'node:path';
import { readAnswersFile } from '../../answers/load.js';
import { yearSchema } from '../../answers/schema.js';
import { generateDocuments } from '../../generate.js';
import { writeFilesAtomically } from '../../output/atomic.js';
import type { Answers } from '../../answers/schema.js';
import { defaultPrivacyThreshold } from '../../plan/report-model.js';
import { showsReport } from '../../plan/rules.js';
import { warningText } from '../../plan/warnings.js';
import { UserError } from '../../validation/problem.js';
import { closestMatch } from '../../validation/suggest.js';
import { documentKinds, formats, type DocumentKind, type Format } from '../../vocabulary.js';
import { loadKnowledgeForCli } from '../knowledge.js';
import type { CliIo } from '../io.js';
import { displayPath } from '../paths.js';
import { registerSource, registerStep } from '../register.js';

export interface GenerateOptions {
  /** Required; checked here so that commander reports a mistyped option first. */
  antwoorden?: string;
  uitvoer: string;
  formaten: string;
  document: string;
  sjablonen?: string;
  forceer?: boolean;
  kennisbank?: string;
  /** Verslagjaar of the rapportage; overrides `verslagjaar` in the answers. */
  jaar?: string;
  /** CSV export of the meldingen register. */
  meldingen?: string;
  slaFoutenOver?: boolean;
  privacyDrempel?: string;
  /** The PDFs also as PDF/A-2a; overrides `pdfa` in the answers. */
  pdfa?: boolean;
}

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

export async function runGenerate(options: GenerateOptions, io: CliIo): Promise<number> {
  const mistakes: string[] = [];
  if (options.antwoorden === undefined) {
    mistakes.push(
      'De optie --antwoorden is verplicht: geef het antwoordenbestand op, bijvoorbeeld --antwoorden examples/gemeente.yaml.',
    );
  }
  const chosenFormats = collect(mistakes, () => parseFormats(options.formaten));
  const documents = collect(mistakes, () => parseDocumentKinds(options.document));
  const year = options.jaar === undefined ? undefined : collect(mistakes, () => parseYearOption(options.jaar!));
  const threshold =
    options.privacyDrempel === undefined
      ? defaultPrivacyThreshold
      : collect(mistakes, () => parseThresholdOption(options.privacyDrempel!));
  const knowledge = await loadKnowledgeForCli(io.cwd, options.kennisbank);
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
