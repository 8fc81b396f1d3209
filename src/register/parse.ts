import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/model.js';
import {
  caseStatusIds,
  sanctionIds,
  subjectIds,
  verdictIds,
  violationCategoryIds,
  type SanctionId,
  type ViolationCategoryId,
} from '../knowledge/schema.js';
import { UserError, type Problem } from '../validation/problem.js';
import { describeUnknown } from '../validation/suggest.js';

/*
 * The meldingen register (`genereer --meldingen FILE.csv`): an export of the organisation's own
 * register, one row per melding. The columns are a public contract (see the README): datum,
 * categorie, betreft, status, oordeel and optionally maatregel; other columns are ignored and
 * header names are case-insensitive. Separator `;` or `,`; UTF-8 with or without BOM (see
 * decodeRegister). Each row is checked by a zod schema (rowSchema).
 *
 * Privacy by design: only the contract columns are read, and only counts leave this module. No
 * free text, name or id from the file can reach a document.
 */

export const requiredColumns = ['datum', 'categorie', 'betreft', 'status', 'oordeel'] as const;
export const optionalColumns = ['maatregel'] as const;
type Column = (typeof requiredColumns)[number] | (typeof optionalColumns)[number];

/** The counts for one group of meldingen; each is a subset of `ontvangen`. */
export interface OutcomeCounts {
  ontvangen: number;
  /** Investigated to a verdict: gegrond + ongegrond. */
  onderzocht: number;
  gegrond: number;
  ongegrond: number;
  /** Status open. */
  open: number;
  /** A measure other than "geen". */
  maatregel: number;
}
export const outcomeKeys = ['ontvangen', 'onderzocht', 'gegrond', 'ongegrond', 'open', 'maatregel'] as const;

export interface RegisterCounts {
  /** Per category of the typology, every category present (zeros included). */
  perCategorie: Record<ViolationCategoryId, OutcomeCounts>;
  /** Only the meldingen about politieke ambtsdragers. */
  politiek: OutcomeCounts;
  /** Per measure other than "geen". */
  maatregelen: Record<Exclude<SanctionId, 'geen'>, number>;
}

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
 * The register file's bytes as text. Only UTF-8 (with or without BOM): a file in another encoding,
 * such as the Windows-1252 of a plain "CSV" from Excel, is refused rather than read as garbled
 * text that no longer matches the labels. The problem points at the first line that is not UTF-8.
 */
export function decodeRegister(bytes: Uint8Array, file: string): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    // A newline byte is never part of another character, in UTF-8 or in Windows-1252.
    for (let end = bytes.indexOf(0x0a); ; end = bytes.indexOf(0x0a, start)) {
      try {
        decoder.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
      } catch {
        break;
      }
      if (end < 0) break;
      line++;
      start = end + 1;
    }
    throw new UserError(
      `Het meldingenregister ${file} is geen UTF-8-bestand (waarschijnlijk Windows-1252, zoals Excel een gewoon CSV-bestand opslaat).`,
      [
        {
          file,
          key: '',
          line,
          message:
            'deze regel bevat een teken dat geen UTF-8 is; sla het bestand op als CSV UTF-8 (in Excel: Opslaan als → "CSV UTF-8 (door komma\'s gescheiden)")',
        },
      ],
    );
  }
}

/**
 * Pure: the register's text → counts for the verslagjaar. A file that cannot be read as a register
 * (no header, a missing column, broken quotes) throws a UserError; bad rows are returned as problems,
 * so the caller decides whether to refuse or to skip them.
 */
export function parseRegister(text: string, file: string, kb: KnowledgeBase, year: number): RegisterResult {
  // Line numbers are counted on \n; the free-text cells whose line ends change are never used.
  const normalised = text.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(normalised);
  checkHeader(normalised, delimiter, file);
  let records: { record: Record<string, string | undefined>; raw: string; info: { lines: number } }[];
  try {
    records = parse(normalised, {
      bom: true,
      delimiter,
      columns: (header: string[]) => header.map(normaliseHeader),
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new UserError(`Het meldingenregister ${file} is geen leesbaar CSV-bestand.`, [
        { file, key: '', line, message: `${csvMessage(error)}; controleer de aanhalingstekens in die regel` },
      ]);
    }
    throw error;
  }

  const schema = rowSchema(kb);
  const counts = emptyCounts(kb);
  const problems: Problem[] = [];
  let counted = 0;
  let outsideYear = 0;
  let badRows = 0;

  for (const { record, raw, info } of records) {
    if (Object.values(record).every((value) => (value ?? '').trim() === '')) continue; // a row of separators only
    const cells = Object.fromEntries(
      [...requiredColumns, ...optionalColumns].map((column) => [column, (record[column] ?? '').trim()]),
    ) as Record<Column, string>;
    const line = info.lines - (raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g)?.length ?? 0);
    // Rows of other years are not counted, and not checked further either.
    const date = schema.shape.datum.safeParse(cells.datum);
    if (date.success && date.data.year !== year) {
      outsideYear++;
      continue;
    }
    const row = schema.safeParse(cells);
    if (!row.success) {
      badRows++;
      for (const issue of row.error.issues)
        problems.push({ file, key: String(issue.path[0] ?? ''), line, message: issue.message });
      continue;
    }
    count(counts, row.data);
    counted++;
  }
  return { counts, counted, outsideYear, badRows, problems };
}

function count(counts: RegisterCounts, melding: Melding): void {
  const groups = [counts.perCategorie[melding.categorie]];
  if (melding.betreft === 'politiek-ambtsdrager') groups.push(counts.politiek);
  const measure = melding.maatregel !== undefined && melding.maatregel !== 'geen' ? melding.maatregel : undefined;
  for (const group of groups) {
    group.ontvangen++;
    if (melding.oordeel === 'gegrond') group.gegrond++;
    if (melding.oordeel === 'ongegrond') group.ongegrond++;
    if (melding.oordeel !== 'onbekend') group.onderzocht++;
    if (melding.status === 'open') group.open++;
    if (measure) group.maatregel++;
  }
  if (measure) counts.maatregelen[measure]++;
}

export function emptyCounts(kb: KnowledgeBase): RegisterCounts {
  const zero = (): OutcomeCounts => ({ ontvangen: 0, onderzocht: 0, gegrond: 0, ongegrond: 0, open: 0, maatregel: 0 });
  return {
    perCategorie: Object.fromEntries(
      kb.typology.categorieen.map((c) => [c.id, zero()]),
    ) as RegisterCounts['perCategorie'],
    politiek: zero(),
    maatregelen: Object.fromEntries(
      kb.typology.maatregelen.filter((m) => m.id !== 'geen').map((m) => [m.id, 0]),
    ) as RegisterCounts['maatregelen'],
  };
}

function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/** Folds case, accents and spacing, so "Fraude, diefstal en  verduistering" finds its category. */
function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One row of the register, checked: the date, and for each list column an id of the typology. A
 * cell may name an entry by id or by label; case, accents and spacing do not matter.
 */
export function rowSchema(kb: KnowledgeBase) {
  const { categorieen, betreft, status, oordeel, maatregelen } = kb.typology;
  return z.object({
    datum: dateSchema,
    categorie: choice(violationCategoryIds, categorieen),
    betreft: choice(subjectIds, betreft),
    status: choice(caseStatusIds, status),
    oordeel: choice(verdictIds, oordeel),
    maatregel: mayBeEmpty(choice(sanctionIds, maatregelen)),
  });
}
type Melding = z.output<ReturnType<typeof rowSchema>>;

const dateFormats = 'schrijf JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2027-03-14 of 14-03-2027';
const dateSchema = z.string().transform((text, ctx) => {
  const date = parseDate(text);
  if (date === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: text === '' ? `de datum ontbreekt; ${dateFormats}` : `"${text}" is geen geldige datum; ${dateFormats}`,
    });
    return z.NEVER;
  }
  return date;
});

/** A list column: folds the cell to an id of `entries` (by id or label) before the enum checks it. */
function choice<const Ids extends readonly [string, ...string[]]>(
  ids: Ids,
  entries: readonly { id: string; label: string }[],
) {
  const byName = new Map<string, string>();
  for (const entry of entries) {
    byName.set(fold(entry.label), entry.id);
    byName.set(fold(entry.id), entry.id);
  }
  // In the order of the knowledge base, as the user knows them.
  const listed = entries.map((entry) => entry.id);
  return z.preprocess(
    (cell) => (typeof cell === 'string' ? (byName.get(fold(cell)) ?? cell) : cell),
    z.enum(ids, {
      error: (issue) =>
        issue.input === ''
          ? `leeg; kies uit: ${listed.join(', ')}`
          : describeUnknown('onbekende waarde', String(issue.input), listed),
    }),
  );
}

/** A column that may stay empty: an empty cell is no value rather than a wrong one. */
function mayBeEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((cell) => (cell === '' ? undefined : cell), schema.optional());
}

/** `2027-03-14` or `14-03-2027` (also `14-3-2027`, as Dutch Excel writes it); undefined when it is no date. */
export function parseDate(text: string): { year: number; month: number; day: number } | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dutch
      ? [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists && year >= 1900 ? { year, month, day } : undefined;
}

/** `;` (Dutch Excel) or `,`: whichever makes the header line name more of the contract's columns. */
function detectDelimiter(text: string): ';' | ',' {
  const known = new Set<string>([...requiredColumns, ...optionalColumns]);
  const score = (delimiter: string) => headerOf(text, delimiter).filter((name) => known.has(name)).length;
  return score(',') > score(';') ? ',' : ';';
}

function headerOf(text: string, delimiter: string): string[] {
  try {
    const [first] = parse(text, {
      bom: true,
      delimiter,
      to_line: 1,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    return (first ?? []).map(normaliseHeader);
  } catch {
    return [];
  }
}

function checkHeader(text: string, delimiter: string, file: string): void {
  const header = headerOf(text, delimiter);
  const allowed = `verplicht zijn ${requiredColumns.join(', ')}; ${optionalColumns.join(', ')} mag`;
  if (header.length === 0 || header.every((name) => name === '')) {
    throw new UserError(`Het meldingenregister ${file} is leeg.`, [
      { file, key: '', line: 1, message: `de eerste regel moet de kolomnamen bevatten: ${allowed}` },
    ]);
  }
  const problems: Problem[] = [];
  for (const column of requiredColumns) {
    if (!header.includes(column))
      problems.push({ file, key: column, line: 1, message: `deze kolom ontbreekt in de kopregel; ${allowed}` });
  }
  for (const column of [...requiredColumns, ...optionalColumns]) {
    if (header.filter((name) => name === column).length > 1) {
      problems.push({ file, key: column, line: 1, message: 'deze kolom staat er meer dan eens in' });
    }
  }
  if (problems.length > 0) {
    throw new UserError(
      `Het meldingenregister ${file} heeft niet de afgesproken kolommen (scheidingsteken "${delimiter}"; gevonden: ${header.join(', ')}).`,
      problems,
    );
  }
}

function csvMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'een aanhalingsteken (") wordt niet gesloten';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'er staat tekst direct na een sluitend aanhalingsteken (")';
    default:
      return `het bestand is niet te lezen (${error.code})`;
  }
}
