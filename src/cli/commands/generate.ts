import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { readAnswersFile } from '../../answers/load.js';
import { yearSchema } from '../../answers/schema.js';
import { generateDocuments } from '../../generate.js';
import type { KnowledgeBase } from '../../knowledge/model.js';
import { writeFilesAtomically } from '../../output/atomic.js';
import type { Answers } from '../../answers/schema.js';
import { defaultPrivacyThreshold } from '../../plan/report-model.js';
import { showsReport } from '../../plan/rules.js';
import { warningText } from '../../plan/warnings.js';
import { countRegister, type RegisterResult } from '../../register/index.js';
import { fileSystemError } from '../../validation/fs-errors.js';
import { formatProblem, UserError } from '../../validation/problem.js';
import { closestMatch } from '../../validation/suggest.js';
import { documentKinds, formats, type DocumentKind, type Format } from '../../vocabulary.js';
import { loadKnowledgeForCli } from '../knowledge.js';
import type { CliIo } from '../io.js';

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
  answersYear: boolean,
): string[] {
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
  if (options.slaFoutenOver && !withRegister) {
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
  if (documents) mistakes.push(...inapplicableOptions(options, documents, read?.verslagjaar !== undefined));
  if (mistakes.length > 0 || !read || !chosenFormats || !documents || threshold === undefined) {
    throw new UserError(commandMistakes(mistakes));
  }
  const answers = year === undefined ? read : { ...read, verslagjaar: year };
  const registerFile = options.meldingen;

  const { files, warnings } = await generateDocuments({
    answers,
    knowledge,
    documents,
    formats: chosenFormats,
    outputDir: resolve(io.cwd, options.uitvoer),
    ...(options.sjablonen ? { templatesDir: resolve(io.cwd, options.sjablonen) } : {}),
    today: today(),
    report: {
      privacyThreshold: threshold,
      ...(registerFile !== undefined
        ? {
            register: async (verslagjaar: number) => {
              const register = await readRegister(
                registerFile,
                io,
                knowledge,
                verslagjaar,
                Boolean(options.slaFoutenOver),
              );
              return { counts: register.counts, skippedRows: register.badRows };
            },
          }
        : {}),
    },
  });
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

/** Reads and counts the register; bad rows stop the run unless the user chose to skip them. */
async function readRegister(
  file: string,
  io: CliIo,
  knowledge: KnowledgeBase,
  year: number,
  skipBad: boolean,
): Promise<RegisterResult> {
  const bytes = await readFile(resolve(io.cwd, file)).catch((error: unknown) => {
    throw fileSystemError(error, file, 'lezen', 'het meldingenregister');
  });
  const register = countRegister(bytes, file, knowledge, year);
  const rows = (n: number) => `${n} ${n === 1 ? 'rij' : 'rijen'}`;
  if (register.badRows > 0 && !skipBad) {
    throw new UserError(
      `Het meldingenregister ${file} heeft ${rows(register.badRows)} met fouten; er is niets gemaakt. ` +
        'Verbeter die rijen, of gebruik --sla-fouten-over om ze over te slaan (de rapportage vermeldt dan hoeveel).',
      register.problems,
    );
  }
  if (register.badRows > 0) {
    io.stderr(`Let op: ${rows(register.badRows)} met fouten overgeslagen in ${file}:\n`);
    for (const problem of register.problems) io.stderr(`  - ${formatProblem(problem)}\n`);
  }
  const parts = [`${register.counted} ${register.counted === 1 ? 'melding' : 'meldingen'} uit ${year} geteld`];
  if (register.outsideYear > 0) parts.push(`${rows(register.outsideYear)} uit andere jaren niet meegeteld`);
  if (register.badRows > 0) parts.push(`${rows(register.badRows)} met fouten overgeslagen`);
  io.stdout(`Meldingenregister ${file}: ${parts.join('; ')}.\n`);
  if (register.counted === 0 && register.outsideYear > 0) {
    io.stderr(
      `Let op: geen enkele melding in ${file} valt in verslagjaar ${year}. Klopt het jaar (--jaar of "verslagjaar")?\n`,
    );
  }
  return register;
}

/** Relative to where the user stands, unless the file lies outside that folder. */
export function displayPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  if (shown === '') return '.';
  return shown === '..' || shown.startsWith(`..${sep}`) || isAbsolute(shown) ? path : shown;
}
