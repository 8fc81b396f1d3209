import { CsvError, parse } from 'csv-parse/sync';
import type { KnowledgeBase } from '../knowledge/model.js';
import type { CaseStatusId, SanctionId, SubjectId, VerdictId, ViolationCategoryId } from '../knowledge/schema.js';
import { UserError, type Problem } from '../validation/problem.js';
import { describeUnknown } from '../validation/suggest.js';

/*
 * The meldingen register (`genereer --meldingen FILE.csv`): an export of the organisation's own
 * register, one row per melding. The columns are a public contract (see the README): datum,
 * categorie, betreft, status, oordeel and optionally maatregel; other columns are ignored and
 * header names are case-insensitive. Separator `;` or `,`; UTF-8 with or without BOM.
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

interface Melding {
  categorie: ViolationCategoryId;
  betreft: SubjectId;
  status: CaseStatusId;
  oordeel: VerdictId;
  maatregel?: SanctionId;
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

  const lookups = {
    categorie: lookup(kb.typology.categorieen),
    betreft: lookup(kb.typology.betreft),
    status: lookup(kb.typology.status),
    oordeel: lookup(kb.typology.oordeel),
    maatregel: lookup(kb.typology.maatregelen),
  };
  const counts = emptyCounts(kb);
  const problems: Problem[] = [];
  let counted = 0;
  let outsideYear = 0;
  let badRows = 0;

  for (const { record, raw, info } of records) {
    const cells = Object.fromEntries(
      [...requiredColumns, ...optionalColumns].map((column) => [column, (record[column] ?? '').trim()]),
    ) as Record<Column, string>;
    if (Object.values(record).every((value) => (value ?? '').trim() === '')) continue; // a row of separators only
    const line = info.lines - (raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g)?.length ?? 0);
    const rowProblems: Problem[] = [];
    const problem = (key: Column, message: string) => rowProblems.push({ file, key, line, message });

    const date = parseDate(cells.datum);
    if (date === undefined) {
      problem(
        'datum',
        cells.datum === ''
          ? 'de datum ontbreekt; schrijf JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2027-03-14 of 14-03-2027'
          : `"${cells.datum}" is geen geldige datum; schrijf JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2027-03-14 of 14-03-2027`,
      );
    } else if (date.year !== year) {
      outsideYear++;
      continue;
    }
    const value = <K extends keyof typeof lookups>(column: K, optional = false) => {
      const { find, ids } = lookups[column];
      if (cells[column] === '') {
        if (!optional) problem(column, `leeg; kies uit: ${ids.join(', ')}`);
        return undefined;
      }
      const found = find(cells[column]);
      if (found === undefined) problem(column, describeUnknown(`onbekende waarde`, cells[column], ids));
      return found;
    };
    const melding = {
      categorie: value('categorie') as ViolationCategoryId | undefined,
      betreft: value('betreft') as SubjectId | undefined,
      status: value('status') as CaseStatusId | undefined,
      oordeel: value('oordeel') as VerdictId | undefined,
      maatregel: value('maatregel', true) as SanctionId | undefined,
    };
    if (rowProblems.length > 0) {
      badRows++;
      problems.push(...rowProblems);
      continue;
    }
    count(counts, melding as Melding);
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

/** Matches a cell to an id of the list, by id or by label. */
function lookup<Id extends string>(entries: readonly { id: Id; label: string }[]) {
  const byName = new Map<string, Id>();
  for (const entry of entries) {
    byName.set(fold(entry.label), entry.id);
    byName.set(fold(entry.id), entry.id);
  }
  return { ids: entries.map((e) => e.id), find: (cell: string) => byName.get(fold(cell)) };
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
