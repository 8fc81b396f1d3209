import { CsvError, parse, type CsvErrorCode } from 'csv-parse/sync';
import { UserError } from '../validation/problem.js';

/*
 * Reading the register's CSV, one record at a time: csv-parse hands each record to a callback and
 * keeps none of them, so a register of any length takes the memory of its bytes and one row. Every
 * error csv-parse raises for a file's content is explained in Dutch with its line.
 */

export type Delimiter = ';' | ',';

/** Excel allows 32,767 characters in a cell; a record far longer is a quote that never closes, or no register. */
const maxRecordBytes = 1_000_000;

/** The cells of one line (such as the header) split by `delimiter`; [] when the line is no valid CSV. */
export function splitLine(line: string, delimiter: Delimiter): string[] {
  try {
    return (parse(line, { delimiter, relax_column_count: true }) as string[][])[0] ?? [];
  } catch {
    return [];
  }
}

/** The text of the first line that is not empty, for choosing the delimiter before reading. */
export function firstLine(bytes: Uint8Array): string {
  let start = 0;
  while (bytes[start] === 0x0a) start++;
  const end = bytes.indexOf(0x0a, start);
  return new TextDecoder().decode(bytes.subarray(start, end < 0 ? bytes.length : end));
}

/**
 * Calls `onRecord` for every record that is not an empty line, with its cells and the line it starts on
 * (lines counted on \n, see utf8Register). A file that is no readable CSV throws a UserError; an
 * error thrown by `onRecord` stops the reading and is thrown as it is.
 */
export function forEachRecord(
  bytes: Uint8Array,
  file: string,
  delimiter: Delimiter,
  onRecord: (cells: string[], line: number) => void,
): void {
  // csv-parse tells the line a record ends on; it starts after the previous one and the empty lines skipped since.
  let lastEnd = 0;
  let emptyLines = 0;
  try {
    parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: maxRecordBytes,
      on_record: (cells: string[], { lines, empty_lines }) => {
        const line = lastEnd + 1 + (empty_lines - emptyLines);
        lastEnd = lines;
        emptyLines = empty_lines;
        onRecord(cells, line);
        return null; // keep nothing
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const { lines, empty_lines } = error as CsvError & { lines: number; empty_lines: number };
    const recordStart = lastEnd + 1 + (empty_lines - emptyLines);
    const explanation = csvErrors[error.code];
    if (explanation === undefined) throw error; // our options are wrong, not the file
    // A quote left open earlier shows only where the next quote comes: name the row's start as well.
    const start =
      explanation.at === 'error' && recordStart < lines
        ? ` (de rij begint op regel ${recordStart}: wordt daar een aanhalingsteken niet gesloten?)`
        : '';
    throw new UserError(`Het meldingenregister ${file} is geen leesbaar CSV-bestand.`, [
      {
        file,
        key: '',
        line: explanation.at === 'record' ? recordStart : lines,
        message: `${explanation.what}${start}${explanation.quotes ? `; ${quoteRule}` : ''}`,
      },
    ]);
  }
}

const quoteRule =
  'zet een cel met een scheidingsteken, aanhalingsteken of regeleinde helemaal tussen aanhalingstekens, en schrijf een aanhalingsteken in de cel dubbel ("")';

/**
 * Every code csv-parse has, in Dutch. `at`: the line of the error itself, or where its record starts
 * (a quote that runs on); `quotes`: the rule for quoting helps. Undefined for codes only wrong
 * options can cause: those are our bug.
 */
const csvErrors: Record<CsvErrorCode, { what: string; at: 'error' | 'record'; quotes: boolean } | undefined> = {
  CSV_QUOTE_NOT_CLOSED: {
    what: 'een aanhalingsteken (") in deze rij wordt tot het einde van het bestand niet gesloten',
    at: 'record',
    quotes: true,
  },
  CSV_INVALID_CLOSING_QUOTE: {
    what: 'er staat tekst direct na een sluitend aanhalingsteken (")',
    at: 'error',
    quotes: true,
  },
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: {
    what: 'er staat tekst direct na een sluitend aanhalingsteken (")',
    at: 'error',
    quotes: true,
  },
  INVALID_OPENING_QUOTE: {
    what: 'er staat een aanhalingsteken (") midden in een cel die niet met een aanhalingsteken begint',
    at: 'error',
    quotes: true,
  },
  CSV_MAX_RECORD_SIZE: {
    what: 'deze rij is langer dan een miljoen tekens (Excel houdt hoogstens 32.767 tekens per cel); controleer of een aanhalingsteken (") niet wordt gesloten',
    at: 'record',
    quotes: false,
  },
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: {
    what: 'deze rij heeft een ander aantal kolommen dan de kopregel',
    at: 'error',
    quotes: false,
  },
  CSV_RECORD_INCONSISTENT_COLUMNS: {
    what: 'deze rij heeft een ander aantal kolommen dan de kopregel',
    at: 'error',
    quotes: false,
  },
  CSV_INVALID_ARGUMENT: undefined,
  CSV_INVALID_COLUMN_DEFINITION: undefined,
  CSV_INVALID_COLUMN_MAPPING: undefined,
  CSV_INVALID_OPTION_BOM: undefined,
  CSV_INVALID_OPTION_CAST: undefined,
  CSV_INVALID_OPTION_CAST_DATE: undefined,
  CSV_INVALID_OPTION_COLUMNS: undefined,
  CSV_INVALID_OPTION_COMMENT: undefined,
  CSV_INVALID_OPTION_DELIMITER: undefined,
  CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME: undefined,
  CSV_INVALID_OPTION_ON_RECORD: undefined,
  CSV_OPTION_COLUMNS_MISSING_NAME: undefined,
  CSV_UNKNOWN_ERROR: undefined,
};
