import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Answers } from '../answers/schema.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import { countRegister, type RegisterResult, type RegisterScope } from '../register/index.js';
import { fileSystemError } from '../validation/fs-errors.js';
import { formatProblem, UserError } from '../validation/problem.js';
import { displayPath } from './paths.js';

/*
 * The meldingen register as `genereer` and the wizard read it: one route from a path to counts, with
 * the same checks and messages for both.
 */

/** A register to read: where it is, its name in messages, and whether rows with mistakes are skipped. */
export interface RegisterSource {
  path: string;
  shown: string;
  skipBadRows: boolean;
}

/**
 * The register a run reads: `--meldingen` (relative to where the user stands), else `meldingen` in
 * the answers (relative to the folder of the answers file). Rows with mistakes are skipped with
 * `--sla-fouten-over`, or with the answers' `sla_fouten_over` for the answers' own register.
 */
export function registerSource(
  answers: Pick<Answers, 'meldingen'>,
  answersPath: string,
  cwd: string,
  options: { meldingen?: string | undefined; slaFoutenOver?: boolean | undefined } = {},
): RegisterSource | undefined {
  const skip = Boolean(options.slaFoutenOver);
  if (options.meldingen !== undefined)
    return { path: resolve(cwd, options.meldingen), shown: options.meldingen, skipBadRows: skip };
  if (!answers.meldingen) return undefined;
  const path = resolve(dirname(answersPath), answers.meldingen.bestand);
  return { path, shown: displayPath(cwd, path), skipBadRows: skip || answers.meldingen.sla_fouten_over };
}

/** Reads and counts the register file; a file that is missing, unreadable or no register throws a UserError. */
export async function countRegisterFile(
  source: Pick<RegisterSource, 'path' | 'shown'>,
  knowledge: KnowledgeBase,
  scope: RegisterScope,
): Promise<RegisterResult> {
  const bytes = await readFile(source.path).catch((error: unknown) => {
    throw fileSystemError(error, source.shown, 'lezen', 'het meldingenregister');
  });
  return countRegister(bytes, source.shown, knowledge, scope);
}

export function rowCount(n: number): string {
  return `${n} ${n === 1 ? 'rij' : 'rijen'}`;
}

/** The meldingen counted in the verslagjaar (the last year of the scope), and in all years of the scope. */
export function countedRows(register: RegisterResult): { verslagjaar: number; year: number; all: number } {
  const current = register.perYear.at(-1)!;
  return {
    verslagjaar: current.jaar,
    year: current.counted,
    all: register.perYear.reduce((sum, entry) => sum + entry.counted, 0),
  };
}

/**
 * "12 meldingen uit 2027 geteld, ter vergelijking 9 uit 2026 en 7 uit 2025; 3 rijen uit andere jaren
 * niet meegeteld": how the counts got in. A register with only its header says so.
 */
export function registerSummary(register: RegisterResult): string {
  const { verslagjaar, year, all } = countedRows(register);
  if (all === 0 && register.outsideYears === 0 && register.badRows === 0) {
    return `geen meldingen (alleen de kopregel); geteld als 0 meldingen in ${verslagjaar}`;
  }
  const earlier = register.perYear
    .slice(0, -1)
    .reverse()
    .map((entry) => `${entry.counted} uit ${entry.jaar}`);
  const parts = [
    `${year} ${year === 1 ? 'melding' : 'meldingen'} uit ${verslagjaar} geteld` +
      (earlier.length > 0 ? `, ter vergelijking ${earlier.join(' en ')}` : ''),
  ];
  if (register.outsideYears > 0) parts.push(`${rowCount(register.outsideYears)} uit andere jaren niet meegeteld`);
  if (register.badRows > 0) parts.push(`${rowCount(register.badRows)} met fouten overgeslagen`);
  return parts.join('; ');
}

/** What reading the register told: the counts, a line on how they got in, and what to look at. */
export interface RegisterReading {
  register: RegisterResult;
  /** "Meldingenregister x: 12 meldingen uit 2027 geteld." */
  summary: string;
  /** "Let op" lines: skipped rows with their problems, no melding in the year. */
  notes: string[];
}

/** Reads and counts the register; rows with mistakes stop the run unless the source skips them. */
export async function readRegister(
  source: RegisterSource,
  knowledge: KnowledgeBase,
  scope: RegisterScope,
): Promise<RegisterReading> {
  const register = await countRegisterFile(source, knowledge, scope);
  const { verslagjaar, year, all } = countedRows(register);
  const file = source.shown;
  if (register.badRows > 0 && !source.skipBadRows) {
    throw new UserError(
      `Het meldingenregister ${file} heeft ${rowCount(register.badRows)} met fouten; er is niets gemaakt. ` +
        'Verbeter die rijen, of gebruik --sla-fouten-over om ze over te slaan (de rapportage vermeldt dan hoeveel).',
      register.problems,
    );
  }
  const notes: string[] = [];
  if (register.badRows > 0) {
    notes.push(
      [
        `Let op: ${rowCount(register.badRows)} met fouten overgeslagen in ${file}:`,
        ...register.problems.map((problem) => `  - ${formatProblem(problem)}`),
      ].join('\n'),
    );
  }
  if (year === 0 && all + register.outsideYears > 0) {
    notes.push(
      `Let op: geen enkele melding in ${file} valt in verslagjaar ${verslagjaar}. Klopt het jaar (--jaar of "verslagjaar")?`,
    );
  }
  return { register, summary: `Meldingenregister ${file}: ${registerSummary(register)}.`, notes };
}

/**
 * The register step of a generation request: reads `source` for the years of the report's trend, and
 * keeps what reading it told for the caller to show.
 */
export function registerStep(source: RegisterSource, knowledge: KnowledgeBase) {
  let reading: RegisterReading | undefined;
  return {
    register: async (scope: RegisterScope) => {
      reading = await readRegister(source, knowledge, scope);
      const { perYear, earliestYear, badRows } = reading.register;
      return { perYear, earliestYear, skippedRows: badRows };
    },
    reading: () => reading,
  };
}
