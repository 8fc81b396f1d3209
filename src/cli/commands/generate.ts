import { resolve } from 'node:path';
import { readAnswersFile } from '../../answers/load.js';
import { yearSchema } from '../../answers/schema.js';
import { generateDocuments } from '../../generate.js';
import { writeFilesAtomically } from '../../output/atomic.js';
import { defaultPrivacyThreshold } from '../../plan/report-model.js';
import { showsReport } from '../../plan/rules.js';
import { warningText } from '../../plan/warnings.js';
import { UserError } from '../../validation/problem.js';
import { documentKinds, formats, type DocumentKind, type Format } from '../../vocabulary.js';
import { loadKnowledgeForCli } from '../knowledge.js';
import type { CliIo } from '../io.js';
import { displayPath } from '../paths.js';
import { registerSource, registerStep } from '../register.js';

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
  const answersPath = resolve(io.cwd, options.antwoorden);
  const read = await readAnswersFile(answersPath, options.antwoorden, knowledge);
  const answers = year === undefined ? read : { ...read, verslagjaar: year };
  // The register is read only when a document shows its counts (with a register, the run is about
  // a report year).
  const given = registerSource(answers, answersPath, io.cwd, options);
  const source = given !== undefined && showsReport(documents, true) ? given : undefined;
  if (options.meldingen !== undefined && source === undefined) {
    io.stderr(
      'Let op: --meldingen telt alleen mee voor de integriteitsrapportage (--document rapportage); het register is niet gelezen.\n',
    );
  }

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
  await writeFilesAtomically(files, Boolean(options.forceer));
  io.stdout(`Geschreven:\n${files.map((f) => `  ${displayPath(io.cwd, f.path)}`).join('\n')}\n`);
  return 0;
}
