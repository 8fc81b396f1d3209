import type { KnowledgeBase } from '../knowledge/model.js';
import type { SanctionId, ViolationCategoryId } from '../knowledge/schema.js';
import { emptyCounts, outcomeKeys, type OutcomeCounts, type RegisterCounts } from './counts.js';
import { suppress, type CountProblem, type Mark, type Relation } from './suppress.js';

/*
 * The report's tables of counts, after small-number suppression over all of them at once: they
 * share totals (the politieke ambtsdragers are part of all meldingen; the sanctions add up to the
 * "maatregel" column), so they are one suppression problem. Each cell says what it is; how it
 * reads ("< 5", "×", a place to fill in) is up to the template.
 */

/** One count of a table. */
export type CountCell =
  /** Shown as it is. */
  | { soort: 'aantal'; waarde: number }
  /** From 1 up to below `drempel`: the template prints e.g. "< 5". */
  | { soort: 'klein'; drempel: number }
  /** Hidden so that no small count can be computed from the others: the template prints e.g. "×". */
  | { soort: 'verborgen' }
  /** No register given: the organisation fills it in. */
  | { soort: 'invullen' };

export interface CountRow {
  id: string;
  label: string;
  /** One per column of `outcomeKeys`. */
  cellen: CountCell[];
}

export interface RegisterTables {
  /** Per category of the typology, in its order. */
  categorieen: CountRow[];
  totaal: CountCell[];
  /** Meldingen about politieke ambtsdragers (a subset of all): one row. */
  politiek: CountCell[];
  /** Per measure other than "geen". */
  maatregelen: { id: string; label: string; aantal: CountCell }[];
  maatregelenTotaal: CountCell;
  /** Some count is small. */
  klein: boolean;
  /** Some count is hidden. */
  verborgen: boolean;
  /** The total number received, for running text. */
  ontvangen: CountCell;
}

/** Where each count of the report's tables sits in the suppression problem. */
export interface RegisterLayout {
  problem: CountProblem;
  /** Row r (a category, then the total row, then the politiek row), column c (of `outcomeKeys`). */
  outcome: (row: number, column: number) => number;
  totalRow: number;
  politiekRow: number;
  /** Measure i (other than "geen"). */
  measure: (index: number) => number;
  measuresTotal: number;
}

/**
 * Pure: the counts as one suppression problem, with everything a reader knows about them. With
 * `withPolitiek` the report shows the row about politieke ambtsdragers, and only then does it take
 * part in the relations.
 */
export function registerLayout(counts: RegisterCounts, kb: KnowledgeBase, withPolitiek: boolean): RegisterLayout {
  const categories = kb.typology.categorieen;
  const measures = kb.typology.maatregelen.filter((m) => m.id !== 'geen');
  const width = outcomeKeys.length;

  // Cell layout: categories × outcomes, then the total row, the politiek row, the measures and their total.
  const outcome = (row: number, column: number) => row * width + column;
  const totalRow = categories.length;
  const politiekRow = categories.length + 1;
  const firstMeasure = (categories.length + 2) * width;
  const measure = (index: number) => firstMeasure + index;
  const measuresTotal = firstMeasure + measures.length;

  const values: number[] = [];
  const pushRow = (row: OutcomeCounts) => values.push(...outcomeKeys.map((key) => row[key]));
  const perCategory = categories.map((c) => counts.perCategorie[c.id as ViolationCategoryId]);
  perCategory.forEach(pushRow);
  pushRow(
    Object.fromEntries(
      outcomeKeys.map((key) => [key, perCategory.reduce((sum, row) => sum + row[key], 0)]),
    ) as unknown as OutcomeCounts,
  );
  pushRow(counts.politiek);
  const measureCounts = measures.map((m) => counts.maatregelen[m.id as Exclude<SanctionId, 'geen'>]);
  values.push(
    ...measureCounts,
    measureCounts.reduce((a, b) => a + b, 0),
  );

  const column = (key: (typeof outcomeKeys)[number]) => outcomeKeys.indexOf(key);
  const relations: Relation[] = [];
  for (let c = 0; c < width; c++) {
    relations.push({ type: 'sum', total: outcome(totalRow, c), parts: categories.map((_, r) => outcome(r, c)) });
    if (withPolitiek) relations.push({ type: 'subset', whole: outcome(totalRow, c), part: outcome(politiekRow, c) });
  }
  for (let r = 0; r <= (withPolitiek ? politiekRow : totalRow); r++) {
    const cell = (key: (typeof outcomeKeys)[number]) => outcome(r, column(key));
    relations.push({ type: 'sum', total: cell('onderzocht'), parts: [cell('gegrond'), cell('ongegrond')] });
    for (const part of ['onderzocht', 'open', 'maatregel'] as const)
      relations.push({ type: 'subset', whole: cell('ontvangen'), part: cell(part) });
  }
  relations.push({ type: 'sum', total: measuresTotal, parts: measures.map((_, i) => measure(i)) });
  relations.push({ type: 'sum', total: measuresTotal, parts: [outcome(totalRow, column('maatregel'))] });

  return { problem: { values, relations }, outcome, totalRow, politiekRow, measure, measuresTotal };
}

/**
 * Pure: counts (or none) → the tables the templates print. `withPolitiek`: the report shows the row
 * about politieke ambtsdragers.
 */
export function registerTables(
  counts: RegisterCounts | undefined,
  kb: KnowledgeBase,
  options: { threshold: number; withPolitiek: boolean },
): RegisterTables {
  const { threshold, withPolitiek } = options;
  const categories = kb.typology.categorieen;
  const measures = kb.typology.maatregelen.filter((m) => m.id !== 'geen');
  const layout = registerLayout(counts ?? emptyCounts(kb), kb, withPolitiek);
  const { values } = layout.problem;
  const marks: Mark[] | undefined = counts ? suppress(layout.problem, threshold) : undefined;

  const cellAt = (cell: number): CountCell => {
    switch (marks?.[cell]) {
      case undefined:
        return { soort: 'invullen' };
      case 'shown':
        return { soort: 'aantal', waarde: values[cell]! };
      case 'small':
        return { soort: 'klein', drempel: threshold };
      case 'hidden':
        return { soort: 'verborgen' };
    }
  };
  const row = (r: number) => outcomeKeys.map((_, c) => cellAt(layout.outcome(r, c)));
  const tables = {
    categorieen: categories.map((c, r) => ({ id: c.id, label: c.label, cellen: row(r) })),
    totaal: row(layout.totalRow),
    politiek: withPolitiek ? row(layout.politiekRow) : [],
    maatregelen: measures.map((m, i) => ({ id: m.id, label: m.label, aantal: cellAt(layout.measure(i)) })),
    maatregelenTotaal: cellAt(layout.measuresTotal),
  };
  const printed = [
    ...tables.categorieen.flatMap((r) => r.cellen),
    ...tables.totaal,
    ...tables.politiek,
    ...tables.maatregelen.map((m) => m.aantal),
    tables.maatregelenTotaal,
  ];
  return {
    ...tables,
    klein: printed.some((cell) => cell.soort === 'klein'),
    verborgen: printed.some((cell) => cell.soort === 'verborgen'),
    ontvangen: cellAt(layout.outcome(layout.totalRow, outcomeKeys.indexOf('ontvangen'))),
  };
}
