import { addOutcomes, outcomeKeys, type OutcomeCounts, type RegisterCounts } from './counts.js';
import { suppress, type CountProblem, type Mark, type Relation } from './suppress.js';

/*
 * The report's tables of counts, after small-number suppression over all of them at once: they
 * share totals (the trend's verslagjaar is the verslagjaar's table, the politieke ambtsdragers are
 * part of the categories, the sanctions add up to the "maatregel" column), so they are one
 * suppression problem, together with the counts of people and cases from the answers file. Each cell
 * says what it is; how it reads ("< 5", "×", a place to fill in) is up to the template.
 */

/** One count of a table. */
export type CountCell =
  /** Shown as it is. */
  | { soort: 'aantal'; waarde: number }
  /** From 1 up to below `drempel`: the template prints e.g. "< 5". */
  | { soort: 'klein'; drempel: number }
  /** Hidden so that no small count can be computed from the others: the template prints e.g. "×". */
  | { soort: 'verborgen' }
  /** No register (or no figure in the answers): the organisation fills it in. */
  | { soort: 'invullen' }
  /** A year the register does not reach back to: there is no count. */
  | { soort: 'niet-beschikbaar' };

export interface CountRow {
  id: string;
  label: string;
  cellen: CountCell[];
}

type Named = { id: string; label: string };

export interface TablesInput {
  /** The trend's years, oldest first; the last is the verslagjaar. */
  years: readonly number[];
  /** The categories of the organisation's typology, in its order. */
  categories: readonly Named[];
  /** The measures other than "geen", in the order of the typology. */
  measures: readonly Named[];
  /**
   * The register's counts per year of `years`; undefined for a year the register does not reach
   * back to. The verslagjaar always has counts. Without a register every count is to fill in.
   */
  register?: readonly (RegisterCounts | undefined)[];
  /** Counts of people or cases from the answers file, by key, and which of them is part of which. */
  figures?: { values: Readonly<Record<string, number>>; subsets: readonly (readonly [whole: string, part: string])[] };
  /** Counts from 1 up to below this are suppressed as small; 0 or 1 turns suppression off. */
  threshold: number;
  /** The report shows the meldingen about politieke ambtsdragers. */
  withPolitiek: boolean;
}

export interface RegisterTables {
  /** The trend's years, oldest first. */
  jaren: number[];
  /** Per category, the meldingen received in each year of `jaren`. */
  trend: CountRow[];
  trendTotaal: CountCell[];
  /** The verslagjaar: per category, one cell per column of `outcomeKeys`. */
  categorieen: CountRow[];
  totaal: CountCell[];
  /** Meldingen about politieke ambtsdragers (a part of all): one row; empty when not shown. */
  politiek: CountCell[];
  /** Meldingen of a vermoeden van een misstand, counted apart: one row. */
  misstanden: CountCell[];
  /** Per measure other than "geen". */
  maatregelen: { id: string; label: string; aantal: CountCell }[];
  maatregelenTotaal: CountCell;
  /** The figures of the answers file that count people or cases, by key. */
  cijfers: Record<string, CountCell>;
  /** Some printed count is small. */
  klein: boolean;
  /** Some printed count is hidden. */
  verborgen: boolean;
}

/** Where each printed count sits in the suppression problem. */
export interface RegisterLayout {
  problem: CountProblem;
  /** The verslagjaar's row (a category's index, or the total, politiek or misstanden row) and column (of `outcomeKeys`). */
  outcome: (row: number | 'totaal' | 'politiek' | 'misstanden', column: number) => number | undefined;
  /** The trend's row (a category's index, or the total) in year `year` (an index of `years`). */
  trend: (row: number | 'totaal', year: number) => number | undefined;
  /** Measure i (other than "geen"). */
  measure: (index: number) => number | undefined;
  measuresTotal: number | undefined;
  figure: (key: string) => number | undefined;
  /** Every printed cell, with the year it counts (none for a figure of the answers). */
  printed: { cell: number; year?: number }[];
}

/**
 * Pure: the counts as one suppression problem, with everything a reader knows about them. Only what
 * the report prints takes part: the politiek row only `withPolitiek`, a year of the trend only when
 * the register reaches back to it, a figure only when the answers give it.
 */
export function registerLayout(input: TablesInput): RegisterLayout {
  const values: number[] = [];
  const relations: Relation[] = [];
  const unpublished: number[] = [];
  const printed: RegisterLayout['printed'] = [];
  const add = (value: number, year: number | undefined, published = true) => {
    const cell = values.push(value) - 1;
    if (published) printed.push({ cell, ...(year !== undefined ? { year } : {}) });
    else unpublished.push(cell);
    return cell;
  };
  const sum = (total: number, parts: readonly number[]) => relations.push({ type: 'sum', total, parts });
  const subset = (whole: number, part: number) => relations.push({ type: 'subset', whole, part });
  const column = (key: (typeof outcomeKeys)[number]) => outcomeKeys.indexOf(key);
  /** A row of outcomes, with what holds within any row: onderzocht = gegrond + ongegrond, parts of ontvangen. */
  const outcomeRow = (counts: OutcomeCounts, year: number, published = true) => {
    const cells = outcomeKeys.map((key) => add(counts[key], year, published));
    sum(cells[column('onderzocht')]!, [cells[column('gegrond')]!, cells[column('ongegrond')]!]);
    for (const part of ['onderzocht', 'open', 'maatregel'] as const)
      subset(cells[column('ontvangen')]!, cells[column(part)]!);
    return cells;
  };
  const columnSums = (total: readonly number[], rows: readonly (readonly number[])[]) =>
    total.forEach((cell, c) =>
      sum(
        cell,
        rows.map((row) => row[c]!),
      ),
    );

  const { years, categories, measures, register } = input;
  const verslagjaar = years.at(-1)!;
  let rows: { categories: number[][]; totaal: number[]; politiek?: number[]; misstanden: number[] } | undefined;
  let measureCells: number[] | undefined;
  let measuresTotal: number | undefined;
  const trend = new Map<string, number>();
  if (register) {
    const current = register.at(-1)!;
    const perCategory = categories.map((c) => current.perCategorie[c.id]!);
    const categoryRows = perCategory.map((counts) => outcomeRow(counts, verslagjaar));
    const totaal = outcomeRow(addOutcomes(perCategory), verslagjaar);
    columnSums(totaal, categoryRows);
    rows = { categories: categoryRows, totaal, misstanden: outcomeRow(current.misstanden, verslagjaar) };
    if (input.withPolitiek) {
      // The politiek meldingen sit in the categories: per category an unprinted part about
      // politieke ambtsdragers and one about the others, each a row of its own. Without them a
      // reader would know less in this model than in truth.
      const politiekParts = categories.map((c, r) => {
        const ofPolitiek = current.politiekPerCategorie[c.id]!;
        const others = Object.fromEntries(
          outcomeKeys.map((key) => [key, perCategory[r]![key] - ofPolitiek[key]]),
        ) as unknown as OutcomeCounts;
        const politiekCells = outcomeRow(ofPolitiek, verslagjaar, false);
        const otherCells = outcomeRow(others, verslagjaar, false);
        categoryRows[r]!.forEach((cell, k) => sum(cell, [politiekCells[k]!, otherCells[k]!]));
        return politiekCells;
      });
      const politiek = outcomeRow(addOutcomes(categories.map((c) => current.politiekPerCategorie[c.id]!)), verslagjaar);
      columnSums(politiek, politiekParts);
      rows.politiek = politiek;
    }
    measureCells = measures.map((m) => add(current.maatregelen[m.id]!, verslagjaar));
    measuresTotal = add(
      measureCells.reduce((total, cell) => total + values[cell]!, 0),
      verslagjaar,
    );
    sum(measuresTotal, measureCells);
    sum(measuresTotal, [totaal[column('maatregel')]!]);

    // The trend: the years before the verslagjaar print only what was received, per category and in total.
    years.forEach((year, y) => {
      if (y === years.length - 1) {
        categoryRows.forEach((row, r) => trend.set(`${r}/${y}`, row[column('ontvangen')]!));
        trend.set(`totaal/${y}`, totaal[column('ontvangen')]!);
        return;
      }
      const counts = register[y];
      if (counts === undefined) return;
      const received = categories.map((c) => add(counts.perCategorie[c.id]!.ontvangen, year));
      received.forEach((cell, r) => trend.set(`${r}/${y}`, cell));
      const total = add(
        received.reduce((sum, cell) => sum + values[cell]!, 0),
        year,
      );
      sum(total, received);
      trend.set(`totaal/${y}`, total);
    });
  }

  const figures = new Map<string, number>();
  for (const [key, value] of Object.entries(input.figures?.values ?? {})) figures.set(key, add(value, undefined));
  for (const [whole, part] of input.figures?.subsets ?? []) {
    const wholeCell = figures.get(whole);
    const partCell = figures.get(part);
    if (wholeCell !== undefined && partCell !== undefined) subset(wholeCell, partCell);
  }

  return {
    problem: { values, relations, unpublished },
    outcome: (row, c) => {
      if (!rows) return undefined;
      const cells =
        row === 'totaal'
          ? rows.totaal
          : row === 'politiek'
            ? rows.politiek
            : row === 'misstanden'
              ? rows.misstanden
              : rows.categories[row];
      return cells?.[c];
    },
    trend: (row, year) => trend.get(`${row}/${year}`),
    measure: (index) => measureCells?.[index],
    measuresTotal,
    figure: (key) => figures.get(key),
    printed,
  };
}

/** Pure: counts (or none) and the answers' figures → the tables the templates print. */
export function registerTables(input: TablesInput): RegisterTables {
  const { years, categories, measures, threshold } = input;
  const layout = registerLayout(input);
  const { values } = layout.problem;
  const marks: Mark[] = suppress(layout.problem, threshold);

  const cellAt = (cell: number | undefined, missing: CountCell = { soort: 'invullen' }): CountCell => {
    if (cell === undefined) return missing;
    switch (marks[cell]) {
      case 'small':
        return { soort: 'klein', drempel: threshold };
      case 'hidden':
      case 'unpublished':
        return { soort: 'verborgen' };
      default:
        return { soort: 'aantal', waarde: values[cell]! };
    }
  };
  const outcomes = (row: Parameters<RegisterLayout['outcome']>[0]) =>
    outcomeKeys.map((_, c) => cellAt(layout.outcome(row, c)));
  // Without a register every count is to fill in; with one, a year it does not reach has none.
  const trendCell = (row: number | 'totaal', y: number) =>
    cellAt(
      layout.trend(row, y),
      input.register && input.register[y] === undefined ? { soort: 'niet-beschikbaar' } : { soort: 'invullen' },
    );
  const printedMarks = layout.printed.map(({ cell }) => marks[cell]);
  return {
    jaren: [...years],
    trend: categories.map((c, r) => ({ id: c.id, label: c.label, cellen: years.map((_, y) => trendCell(r, y)) })),
    trendTotaal: years.map((_, y) => trendCell('totaal', y)),
    categorieen: categories.map((c, r) => ({ id: c.id, label: c.label, cellen: outcomes(r) })),
    totaal: outcomes('totaal'),
    politiek: input.withPolitiek ? outcomes('politiek') : [],
    misstanden: outcomes('misstanden'),
    maatregelen: measures.map((m, i) => ({ id: m.id, label: m.label, aantal: cellAt(layout.measure(i)) })),
    maatregelenTotaal: cellAt(layout.measuresTotal),
    cijfers: Object.fromEntries(
      Object.keys(input.figures?.values ?? {}).map((key) => [key, cellAt(layout.figure(key))]),
    ),
    klein: printedMarks.includes('small'),
    verborgen: printedMarks.includes('hidden'),
  };
}
