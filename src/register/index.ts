import type { KnowledgeBase } from '../knowledge/model.js';
import type { Problem } from '../validation/problem.js';
import { countMelding, emptyCounts, type RegisterCounts } from './counts.js';
import { firstLine, forEachRecord } from './csv.js';
import { utf8Register } from './decode.js';
import { chooseDelimiter, emptyRegister, noRows, readHeader, rowChecker, type Cells } from './rows.js';

/*
 * The meldingen register (`genereer --meldingen FILE.csv`): an export of the organisation's own
 * register, one row per melding. Reading it takes four steps, each in its own file: the bytes must be
 * UTF-8 (decode.ts), the CSV is read a record at a time (csv.ts), each row is checked against the
 * contract (rows.ts) and counted (counts.ts).
 *
 * Privacy by design: only the contract columns are read, and only counts and line problems leave
 * this module. No free text, name or id from the file can reach a document.
 */

export interface RegisterResult {
  counts: RegisterCounts;
  /** Rows in the verslagjaar that were counted. */
  counted: number;
  /** Valid rows dated in another year: not counted and not checked further. */
  outsideYear: number;
  /** Rows with a problem: not counted. */
  badRows: number;
  /** One per bad value, with the row's line number. */
  problems: Problem[];
}

/**
 * Pure: the register file's bytes → counts for the verslagjaar. A file that cannot be read as a
 * register (another encoding, no header, a missing column, broken quotes, no rows) throws a UserError;
 * bad rows are returned as problems, so the caller decides whether to refuse or to skip them.
 */
export function countRegister(bytes: Uint8Array, file: string, kb: KnowledgeBase, year: number): RegisterResult {
  const text = utf8Register(bytes, file);
  const delimiter = chooseDelimiter(firstLine(text));
  const rules = rowChecker(kb);
  const result: RegisterResult = { counts: emptyCounts(kb), counted: 0, outsideYear: 0, badRows: 0, problems: [] };
  let header: { width: number; line: number; cellsOf: (record: readonly string[]) => Cells } | undefined;
  let rows = 0;

  forEachRecord(text, file, delimiter, (record, line) => {
    if (header === undefined) {
      header = { width: record.length, line, cellsOf: readHeader(record, line, file, delimiter) };
      return;
    }
    if (isBlank(record, header.width)) return; // a row of separators only
    rows++;
    const cells = header.cellsOf(record);
    // Rows of other years are not counted, and not checked further either.
    const rowYear = rules.yearOf(cells.datum);
    if (rowYear !== undefined && rowYear !== year) {
      result.outsideYear++;
      return;
    }
    const row = rules.check(cells);
    if (!row.ok) {
      result.badRows++;
      for (const { key, message } of row.issues) result.problems.push({ file, key, line, message });
      return;
    }
    countMelding(result.counts, row.melding);
    result.counted++;
  });

  if (header === undefined) throw emptyRegister(file, 1);
  if (rows === 0) throw noRows(file, header.line + 1);
  return result;
}

/** Whether the cells under the header are all empty; cells beyond the header's width are not read. */
function isBlank(record: readonly string[], width: number): boolean {
  for (let i = 0; i < Math.min(record.length, width); i++) if (record[i]!.trim() !== '') return false;
  return true;
}
