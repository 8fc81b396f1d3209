import type { KnowledgeBase } from '../knowledge/model.js';
import type { SanctionId, ViolationCategoryId } from '../knowledge/schema.js';
import { outcomeKeys, type OutcomeCounts, type RegisterCounts } from './parse.js';
import { displayCount, suppress, type Mark, type Relation } from './suppress.js';

/*
 * The report's tables of counts as display strings, after small-number suppression over all of
 * them at once: they share totals (the politieke ambtsdragers are part of all meldingen; the
 * sanctions add up to the "maatregel" column), so they are one suppression problem.
 */

export interface DisplayRow {
  id: string;
  label: string;
  /** One per column of `outcomeKeys`: "12", "0", "< 5", "×", or "" when there is no register. */
  cellen: string[];
}

export interface RegisterTables {
  /** Per category of the typology, in its order. */
  categorieen: DisplayRow[];
  totaal: string[];
  /** Meldingen about politieke ambtsdragers (a subset of all): one row. */
  politiek: string[];
  /** Per measure other than "geen". */
  maatregelen: { id: string; label: string; aantal: string }[];
  maatregelenTotaal: string;
  /** Some count is shown as "< N". */
  klein: boolean;
  /** Some count is hidden as "×". */
  verborgen: boolean;
  /** The total number received, for running text. */
  ontvangen: { getoond: boolean; aantal?: number; klein: boolean };
}

/**
 * Pure: counts (or none) → the tables the templates print. `withPolitiek`: the report shows the row
 * about politieke ambtsdragers (only then does it take part in the suppression).
 */
export function registerTables(
  counts: RegisterCounts | undefined,
  kb: KnowledgeBase,
  options: { threshold: number; withPolitiek: boolean },
): RegisterTables {
  const { threshold, withPolitiek } = options;
  const categories = kb.typology.categorieen;
  const measures = kb.typology.maatregelen.filter((m) => m.id !== 'geen');
  const width = outcomeKeys.length;

  // Cell layout: categories × outcomes, then the total row, the politiek row, the measures and their total.
  const categoryCell = (row: number, column: number) => row * width + column;
  const totalRow = categories.length;
  const politiekRow = categories.length + 1;
  const firstMeasure = (categories.length + 2) * width;
  const measuresTotal = firstMeasure + measures.length;

  const values: number[] = [];
  const pushRow = (row: OutcomeCounts) => values.push(...outcomeKeys.map((key) => row[key]));
  const zero = Object.fromEntries(outcomeKeys.map((key) => [key, 0])) as unknown as OutcomeCounts;
  const perCategory = categories.map((c) => counts?.perCategorie[c.id as ViolationCategoryId] ?? zero);
  perCategory.forEach(pushRow);
  pushRow(
    Object.fromEntries(
      outcomeKeys.map((key) => [key, perCategory.reduce((sum, row) => sum + row[key], 0)]),
    ) as unknown as OutcomeCounts,
  );
  pushRow(counts?.politiek ?? zero);
  const measureCounts = measures.map((m) => counts?.maatregelen[m.id as Exclude<SanctionId, 'geen'>] ?? 0);
  values.push(
    ...measureCounts,
    measureCounts.reduce((a, b) => a + b, 0),
  );

  const column = (key: (typeof outcomeKeys)[number]) => outcomeKeys.indexOf(key);
  const relations: Relation[] = [];
  for (let c = 0; c < width; c++) {
    relations.push({
      type: 'sum',
      total: categoryCell(totalRow, c),
      parts: categories.map((_, r) => categoryCell(r, c)),
    });
    if (withPolitiek)
      relations.push({ type: 'subset', whole: categoryCell(totalRow, c), part: categoryCell(politiekRow, c) });
  }
  for (let r = 0; r <= (withPolitiek ? politiekRow : totalRow); r++) {
    const cell = (key: (typeof outcomeKeys)[number]) => categoryCell(r, column(key));
    relations.push({ type: 'sum', total: cell('onderzocht'), parts: [cell('gegrond'), cell('ongegrond')] });
    for (const part of ['onderzocht', 'open', 'maatregel'] as const)
      relations.push({ type: 'subset', whole: cell('ontvangen'), part: cell(part) });
  }
  relations.push({ type: 'sum', total: measuresTotal, parts: measures.map((_, i) => firstMeasure + i) });
  relations.push({ type: 'sum', total: measuresTotal, parts: [categoryCell(totalRow, column('maatregel'))] });

  const marks: Mark[] = counts ? suppress({ values, relations }, threshold) : values.map(() => 'shown');
  const show = (cell: number) => (counts ? displayCount(values[cell]!, marks[cell]!, threshold) : '');
  const row = (r: number) => outcomeKeys.map((_, c) => show(categoryCell(r, c)));
  const received = categoryCell(totalRow, column('ontvangen'));
  return {
    categorieen: categories.map((c, r) => ({ id: c.id, label: c.label, cellen: row(r) })),
    totaal: row(totalRow),
    politiek: withPolitiek ? row(politiekRow) : [],
    maatregelen: measures.map((m, i) => ({ id: m.id, label: m.label, aantal: show(firstMeasure + i) })),
    maatregelenTotaal: show(measuresTotal),
    klein: Boolean(counts) && marks.includes('small'),
    verborgen: Boolean(counts) && marks.includes('hidden'),
    ontvangen: {
      getoond: Boolean(counts) && marks[received] === 'shown',
      ...(counts && marks[received] === 'shown' ? { aantal: values[received]! } : {}),
      klein: Boolean(counts) && marks[received] === 'small',
    },
  };
}
