import { z } from 'zod';
import { getOrganisationType, typologyOf, type KnowledgeBase } from '../knowledge/model.js';
import {
  caseStatusIds,
  foldName,
  reportKindIds,
  sanctionIds,
  subjectIds,
  verdictIds,
  type Classification,
  type OrganisationTypeId,
} from '../knowledge/schema.js';
import { joinList } from '../text/list.js';
import { UserError, type Problem } from '../validation/problem.js';
import { describeUnknown } from '../validation/suggest.js';
import { parseDate as parseAnyDate, type CalendarDate } from '../validation/dates.js';
import { visible } from '../validation/visible.js';
import { splitLine, type Delimiter } from './csv.js';

/*
 * What a register must hold. The columns are a public contract (see the README): datum, categorie,
 * betreft, status, oordeel and optionally maatregel and soort; other columns are ignored and header
 * names are case-insensitive. Each row is checked by a zod schema (rowSchema); a cell may name an
 * entry of the typology by id or by label. The categories are those of the organisation type's own
 * typology (the Rijk has its own types).
 */

const requiredColumns = ['datum', 'categorie', 'betreft', 'status', 'oordeel'] as const;
const optionalColumns = ['maatregel', 'soort'] as const;
const contractColumns = [...requiredColumns, ...optionalColumns] as const;
type Column = (typeof contractColumns)[number];
export type Cells = Record<Column, string>;

function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/** `;` (Dutch Excel) or `,`: whichever makes the header line name more of the contract's columns. */
export function chooseDelimiter(headerLine: string): Delimiter {
  const known = new Set<string>(contractColumns);
  const score = (delimiter: Delimiter) =>
    splitLine(headerLine, delimiter).filter((name) => known.has(normaliseHeader(name))).length;
  return score(',') > score(';') ? ',' : ';';
}

const allowedColumns = `verplicht zijn ${requiredColumns.join(', ')}; ${joinList(optionalColumns, ', ', ' en ')} mogen`;

/** A file without a header: nothing, only a BOM, only blank lines. */
export function emptyRegister(file: string, line: number): UserError {
  return new UserError(`Het meldingenregister ${file} is leeg.`, [
    { file, key: '', line, message: `de eerste regel moet de kolomnamen bevatten: ${allowedColumns}` },
  ]);
}

/**
 * Checks the header record and returns where each contract column sits, so each record can be read
 * as cells. Throws a UserError naming what is missing, doubled or empty.
 */
export function readHeader(
  record: readonly string[],
  line: number,
  file: string,
  delimiter: Delimiter,
): (record: readonly string[]) => Cells {
  const header = record.map(normaliseHeader);
  if (header.every((name) => name === '')) throw emptyRegister(file, line);
  const problems: Problem[] = [];
  for (const column of requiredColumns) {
    if (!header.includes(column))
      problems.push({ file, key: column, line, message: `deze kolom ontbreekt in de kopregel; ${allowedColumns}` });
  }
  for (const column of contractColumns) {
    if (header.filter((name) => name === column).length > 1) {
      problems.push({ file, key: column, line, message: 'deze kolom staat er meer dan eens in' });
    }
  }
  if (problems.length > 0) {
    throw new UserError(
      `Het meldingenregister ${file} heeft niet de afgesproken kolommen (scheidingsteken "${delimiter}"; gevonden: ${listed(header)}).`,
      problems,
    );
  }
  const index = Object.fromEntries(contractColumns.map((column) => [column, header.indexOf(column)])) as Record<
    Column,
    number
  >;
  const cell = (record: readonly string[], column: Column) => (record[index[column]] ?? '').trim();
  // Spelled out rather than built with Object.fromEntries: this runs for every row.
  return (record) => ({
    datum: cell(record, 'datum'),
    categorie: cell(record, 'categorie'),
    betreft: cell(record, 'betreft'),
    status: cell(record, 'status'),
    oordeel: cell(record, 'oordeel'),
    maatregel: cell(record, 'maatregel'),
    soort: cell(record, 'soort'),
  });
}

/** The header's names as the message quotes them: visible, and no more than twenty. */
function listed(header: readonly string[]): string {
  const shown = header.slice(0, 20).map(visible).join(', ');
  return header.length > 20 ? `${shown} en nog ${header.length - 20}` : shown;
}

/**
 * One row of the register, checked: the date, and for each list column an id of the typology. The
 * categories are those of the organisation type's typology; `categorie` may stay empty only for a
 * melding of a misstand, which the report counts apart.
 */
export function rowSchema(kb: KnowledgeBase, organisationType: OrganisationTypeId) {
  const { betreft, status, oordeel, maatregelen, soort } = kb.typology;
  const typology = typologyOf(kb, organisationType);
  const categoryIds = typology.categorieen.map((c) => c.id) as [string, ...string[]];
  return z
    .object({
      datum: dateSchema,
      categorie: mayBeEmpty(choice(categoryIds, typology.categorieen, elsewhere(kb, organisationType, typology))),
      betreft: choice(subjectIds, betreft),
      status: choice(caseStatusIds, status),
      oordeel: choice(verdictIds, oordeel),
      maatregel: mayBeEmpty(choice(sanctionIds, maatregelen)),
      soort: mayBeEmpty(choice(reportKindIds, soort)),
    })
    .refine((row) => row.categorie !== undefined || row.soort === 'misstand', {
      path: ['categorie'],
      message: emptyCategoryMessage(typology),
      // Also when another column is wrong, so that one run names every mistake of the row.
      when: ({ issues }) => issues.every((issue) => issue.path?.[0] !== 'categorie' && issue.path?.[0] !== 'soort'),
    });
}
export type Melding = z.output<ReturnType<typeof rowSchema>>;

/** The rule across columns: `categorie` may stay empty only for a melding of a misstand. */
function emptyCategoryMessage(typology: Classification): string {
  return `leeg; kies uit: ${typology.categorieen.map((c) => c.id).join(', ')} (leeg mag alleen bij soort misstand)`;
}

/**
 * The message for a cell that names a category of another typology than the organisation type's:
 * a Rijk register with a category of the decentral typology, or the other way round.
 */
function elsewhere(
  kb: KnowledgeBase,
  organisationType: OrganisationTypeId,
  own: Classification,
): (folded: string) => string | undefined {
  const ownNames = new Set(own.categorieen.flatMap(names).map(foldName));
  const foreign = new Map<string, Classification>();
  for (const typology of kb.typology.typologieen) {
    if (typology.id === own.id) continue;
    for (const category of typology.categorieen)
      for (const name of names(category)) if (!ownNames.has(foldName(name))) foreign.set(foldName(name), typology);
  }
  const typeInText = getOrganisationType(kb, organisationType).in_zin;
  return (folded) => {
    const other = foreign.get(folded);
    if (other === undefined) return undefined;
    const types = other.typen.map((id) => getOrganisationType(kb, id).in_zin);
    return (
      `is een categorie van ${other.naam}, voor ${joinList(types, ', ', ' en ')}; ` +
      `${typeInText} meldt in ${own.naam}, kies uit: ${own.categorieen.map((c) => c.id).join(', ')}`
    );
  };
}

/** The names a register cell may use for an entry: its id, its label and the labels it had before. */
function names(entry: { id: string; label: string; eerdere_labels?: readonly string[] }): string[] {
  return [entry.id, entry.label, ...(entry.eerdere_labels ?? [])];
}

const dateFormats = 'schrijf JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2027-03-14 of 14-03-2027';
const dateSchema = z.string().transform((text, ctx) => {
  const date = parseDate(text);
  if (date === undefined) {
    ctx.addIssue({
      code: 'custom',
      message:
        text === '' ? `de datum ontbreekt; ${dateFormats}` : `"${visible(text)}" is geen geldige datum; ${dateFormats}`,
    });
    return z.NEVER;
  }
  return date;
});

/**
 * A list column: folds the cell to an id of `entries` (by id, label or an earlier label) before the
 * enum checks it. `elsewhere` may explain a value that belongs to another list.
 */
function choice<const Ids extends readonly [string, ...string[]]>(
  ids: Ids,
  entries: readonly { id: string; label: string; eerdere_labels?: readonly string[] }[],
  elsewhere: (folded: string) => string | undefined = () => undefined,
) {
  const byName = new Map<string, string>();
  for (const entry of entries) for (const name of names(entry)) byName.set(foldName(name), entry.id);
  // In the order of the knowledge base, as the user knows them.
  const listed = entries.map((entry) => entry.id);
  return z.preprocess(
    (cell) => (typeof cell === 'string' ? (byName.get(foldName(cell)) ?? cell) : cell),
    z.enum(ids, {
      error: (issue) => {
        const cell = String(issue.input);
        if (cell === '') return `leeg; kies uit: ${listed.join(', ')}`;
        const foreign = elsewhere(foldName(cell));
        return foreign !== undefined
          ? `"${visible(cell)}" ${foreign}`
          : describeUnknown('onbekende waarde', visible(cell), listed);
      },
    }),
  );
}

/** A column that may stay empty: an empty cell is no value rather than a wrong one. */
function mayBeEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((cell) => (cell === '' ? undefined : cell), schema.optional());
}

/**
 * `2027-03-14` or `14-03-2027` (also `14-3-2027`, as Dutch Excel writes it), from 1900 on; undefined
 * when it is no date. The shared parser without month names: a register is an export, not typing.
 */
export function parseDate(text: string): CalendarDate | undefined {
  const parsed = parseAnyDate(text, { monthNames: false });
  return parsed.ok && parsed.date.year >= 1900 ? parsed.date : undefined;
}

/** A row checked against rowSchema: the melding, or a message per wrong cell. */
export type CheckedRow = { ok: true; melding: Melding } | { ok: false; issues: { key: Column; message: string }[] };

/**
 * The row rules of rowSchema, column by column, remembering each distinct cell: a register repeats a
 * few values in every row, so each is checked once. Gives the same issues, in the same order, as
 * `rowSchema(kb).safeParse(cells)`.
 */
export function rowChecker(
  kb: KnowledgeBase,
  organisationType: OrganisationTypeId,
): {
  /** The year of a valid date; undefined when the cell is no date. */
  yearOf: (datum: string) => number | undefined;
  check: (cells: Cells) => CheckedRow;
} {
  const schema = rowSchema(kb, organisationType);
  const { shape } = schema;
  const checkers = contractColumns.map((column) => [column, remembered(shape[column])] as const);
  const date = remembered(shape.datum);
  const emptyCategory = emptyCategoryMessage(typologyOf(kb, organisationType));
  return {
    yearOf: (datum) => {
      const result = date(datum);
      return result.success ? result.data.year : undefined;
    },
    check: (cells) => {
      const melding: Record<string, unknown> = {};
      const issues: { key: Column; message: string }[] = [];
      for (const [column, checker] of checkers) {
        const result = checker(cells[column]);
        if (result.success) {
          if (result.data !== undefined) melding[column] = result.data;
        } else for (const issue of result.error.issues) issues.push({ key: column, message: issue.message });
      }
      const crossChecked = !issues.some((issue) => issue.key === 'categorie' || issue.key === 'soort');
      if (crossChecked && melding.categorie === undefined && melding.soort !== 'misstand') {
        issues.push({ key: 'categorie', message: emptyCategory });
      }
      return issues.length === 0 ? { ok: true, melding: melding as Melding } : { ok: false, issues };
    },
  };
}

/** A register repeats short values; long or countless distinct ones are checked each time instead. */
const rememberedValues = 10_000;
const rememberedLength = 100;

function remembered<T extends z.ZodType>(schema: T): (cell: string) => z.ZodSafeParseResult<z.output<T>> {
  const seen = new Map<string, z.ZodSafeParseResult<z.output<T>>>();
  return (cell) => {
    let result = seen.get(cell);
    if (result === undefined) {
      result = schema.safeParse(cell);
      if (seen.size < rememberedValues && cell.length <= rememberedLength) seen.set(cell, result);
    }
    return result;
  };
}
