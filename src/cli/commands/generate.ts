import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { readAnswersFile } from '../../answers/load.js';
import { yearSchema } from '../../answers/schema.js';
import { generateDocuments } from '../../generate.js';
import type { KnowledgeBase } from '../../knowledge/model.js';
import { writeFilesAtomically } from '../../output/atomic.js';
import { defaultPrivacyThreshold } from '../../plan/report-model.js';
import { showsReport } from '../../plan/rules.js';
import { warningText } from '../../plan/warnings.js';
import { countRegister, type RegisterResult } from '../../register/index.js';
import { formatProblem, UserError } from '../../validation/problem.js';
import { documentKinds, formats, type DocumentKind, type Format } from '../../vocabulary.js';
import { loadKnowledgeForCli } from '../knowledge.js';
import type { CliIo } from '../io.js';

export interface GenerateOptions {
  antwoorden: string;
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
    throw new UserError(
      `Onbekend document "${unknown.join(', ')}" bij --document; kies uit: ${documentKinds.join(', ')}.`,
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

export async function runGenerate(options: GenerateOptions, io: CliIo): Promise<number> {
  const chosenFormats = parseFormats(options.formaten);
  const documents = parseDocumentKinds(options.document);
  const year = options.jaar === undefined ? undefined : parseYearOption(options.jaar);
  const threshold = parseThresholdOption(options.privacyDrempel ?? String(defaultPrivacyThreshold));
  const knowledge = await loadKnowledgeForCli(io.cwd, options.kennisbank);
  const read = await readAnswersFile(resolve(io.cwd, options.antwoorden), options.antwoorden, knowledge);
  const answers = {
    ...read,
    ...(year === undefined ? {} : { verslagjaar: year }),
    ...(options.pdfa ? { pdfa: true } : {}),
  };
  // The register is read only when a document shows its counts (with a register, the run is about
  // a report year).
  const registerFile = options.meldingen !== undefined && showsReport(documents, true) ? options.meldingen : undefined;
  if (options.meldingen !== undefined && registerFile === undefined) {
    io.stderr(
      'Let op: --meldingen telt alleen mee voor de integriteitsrapportage (--document rapportage); het register is niet gelezen.\n',
    );
  }

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
  await writeFilesAtomically(files, Boolean(options.forceer));
  io.stdout(`Geschreven:\n${files.map((f) => `  ${displayPath(io.cwd, f.path)}`).join('\n')}\n`);
  return 0;
}

/** Reads and counts the register; bad rows stop the run unless the user chose to skip them. */
async function readRegister(
  file: string,
  io: CliIo,
  knowledge: KnowledgeBase,
  year: number,
  skipBad: boolean,
): Promise<RegisterResult> {
  const bytes = await readFile(resolve(io.cwd, file)).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(
      error.code === 'ENOENT'
        ? `Het meldingenregister ${file} bestaat niet.`
        : `Het meldingenregister ${file} kan niet worden gelezen (${error.code}).`,
    );
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
