import { typologyOf, type KnowledgeBase } from '../knowledge/model.js';
import type { OrganisationTypeId } from '../knowledge/schema.js';
import type { Problem } from '../validation/problem.js';
import { countMelding, emptyCounts, type RegisterCounts } from './counts.js';
import { firstLine, forEachRecord } from './csv.js';
import { utf8Register } from './decode.js';
import { chooseDelimiter, emptyRegister, readHeader, rowChecker, type Cells } from './rows.js';

/*
 * The meldingen register (`genereer --meldingen FILE.csv`): an export of the organisation's own
 * register, one row per melding. Reading it takes four steps, each in its own file: the bytes must be
 * UTF-8 (decode.ts), the CSV is read a record at a time (csv.ts), each row is checked against the
 * contract (rows.ts) and counted (counts.ts).
 *
 * Privacy by design: only the contract columns are read, and only counts, the year of the earliest
 * date and line problems leave this module. No free text, name or id from the file can reach a document.
 */

/** Which meldingen to count: those of these years, in the categories of this organisation type. */
export interface RegisterScope {
  /** The years to count, e.g. the verslagjaar and the two years before it. */
  years: readonly number[];
  organisationType: OrganisationTypeId;
}

export interface RegisterResult {
  /** Per year of the scope, in its order: the counts and how many rows were counted. */
  perYear: { jaar: number; counts: RegisterCounts; counted: number }[];
  /** The year of the earliest valid date in the register (any row, any year); undefined without one. */
  earliestYear?: number;
  /** Valid rows dated in a year outside the scope: not counted and not checked further. */
  outsideYears: number;
  /** Rows with a problem: not counted. */
  badRows: number;
  /** One per bad value, with the row's line number. */
  problems: Problem[];
}

/**
 * Pure: the register file's bytes → counts per year of the scope. A file that cannot be read as a
 * register (another encoding, no header, a missing column, broken quotes) throws a UserError; a file
 * with only its header is a register without meldingen. Bad rows are returned as problems, so the
 * caller decides whether to refuse or to skip them.
 */
export function countRegister(
  bytes: Uint8Array,
  file: string,
  kb: KnowledgeBase,
  scope: RegisterScope,
): RegisterResult {
  const text = utf8Register(bytes, file);
  const delimiter = chooseDelimiter(firstLine(text));
  const rules = rowChecker(kb, scope.organisationType);
  const typology = typologyOf(kb, scope.organisationType);
  const perYear = scope.years.map((jaar) => ({ jaar, counts: emptyCounts(kb, typology), counted: 0 }));
  const result: RegisterResult = { perYear, outsideYears: 0, badRows: 0, problems: [] };
  let header: { width: number; line: number; cellsOf: (record: readonly string[]) => Cells } | undefined;

  forEachRecord(text, file, delimiter, (record, line) => {
    if (header === undefined) {
      header = { width: record.length, line, cellsOf: readHeader(record, line, file, delimiter) };
      return;
    }
    if (isBlank(record, header.width)) return; // a row of separators only
    const cells = header.cellsOf(record);
    const rowYear = rules.yearOf(cells.datum);
    if (rowYear !== undefined && (result.earliestYear === undefined || rowYear < result.earliestYear)) {
      result.earliestYear = rowYear;
    }
    // Rows of other years are not counted, and not checked further either.
    const year = rowYear === undefined ? undefined : perYear.find((entry) => entry.jaar === rowYear);
    if (rowYear !== undefined && year === undefined) {
      result.outsideYears++;
      return;
    }
    const row = rules.check(cells);
    if (!row.ok) {
      result.badRows++;
      for (const { key, message } of row.issues) result.problems.push({ file, key, line, message });
      return;
    }
    countMelding(year!.counts, row.melding);
    year!.counted++;
  });

  if (header === undefined) throw emptyRegister(file, 1);
  return result;
}
/** Whether the cells under the header are all empty; cells beyond the header's width are not read. */
function isBlank(record: readonly string[], width: number): boolean {
  for (let i = 0; i < Math.min(record.length, width); i++) if (record[i]!.trim() !== '') return false;
  return true;
}
