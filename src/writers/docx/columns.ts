import { plainText } from '../../document/tree.js';
import type { Inline, Table } from '../../document/tree.js';
import { CELL_MARGIN_X, TABLE_CELL, TEXT_WIDTH } from './layout.js';
import { segments, textWidth } from './measure.js';

/** Past this many characters a cell wraps anyway: longer text does not claim more width. */
const LENGTH_CAP = 60;
/** Room to spare beside the longest word, for rounding. */
const WORD_SLACK = 1.02;

type Rows = readonly (readonly (readonly Inline[])[])[];

/** The width of the widest word of a cell, bold where the text is. */
function longestWord(cell: readonly Inline[], bold: boolean): number {
  let widest = 0;
  for (const part of segments(cell, bold)) {
    for (const word of part.text.split(/\s+/)) widest = Math.max(widest, textWidth(word, part.bold, TABLE_CELL.size));
  }
  return widest;
}

/**
 * When the longest words of all columns together are wider than the text, the columns with short words keep their
 * minimum and those with the longest words share the rest alike (and break their longest words).
 */
function fitMinimums(minimums: readonly number[]): number[] {
  let rest = TEXT_WIDTH;
  let open = minimums.length;
  for (const minimum of [...minimums].sort((a, b) => a - b)) {
    if (minimum * open > rest) break;
    rest -= minimum;
    open--;
  }
  const cap = open > 0 ? rest / open : Infinity;
  return minimums.map((minimum) => Math.min(minimum, cap));
}

/**
 * Column widths in twips that fill the text width: proportional to the content's length (the mean of the longest and
 * the average cell), but never narrower than the column's longest word in Arial. The first row is the (bold) header.
 */
export function columnWidths(rows: Rows, columns: number): number[] {
  const weights: number[] = [];
  const minimums: number[] = [];
  for (let c = 0; c < columns; c++) {
    const texts = rows.map((row) => plainText(row[c] ?? []));
    const lengths = texts.map((text) => Math.min(text.length, LENGTH_CAP));
    const longest = Math.max(1, ...lengths);
    const average = lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, lengths.length);
    weights.push(Math.max(1, (longest + average) / 2));
    const word = Math.max(0, ...rows.map((row, r) => longestWord(row[c] ?? [], r === 0)));
    minimums.push(Math.min(word * WORD_SLACK, TEXT_WIDTH / 2) + 2 * CELL_MARGIN_X);
  }
  const floor = fitMinimums(minimums);

  // Columns that would fall below their minimum get it; the rest share what is left by weight.
  const pinned = new Set<number>();
  let widths: number[];
  for (;;) {
    const free = TEXT_WIDTH - [...pinned].reduce((sum, c) => sum + (floor[c] ?? 0), 0);
    const freeWeight = weights.reduce((sum, w, c) => (pinned.has(c) ? sum : sum + w), 0);
    widths = weights.map((w, c) => (pinned.has(c) ? (floor[c] ?? 0) : (free * w) / freeWeight));
    const short = widths.findIndex((w, c) => !pinned.has(c) && w < (floor[c] ?? 0));
    if (short < 0) break;
    pinned.add(short);
  }
  const rounded = widths.map((w) => Math.floor(w));
  const widest = rounded.indexOf(Math.max(...rounded));
  rounded[widest] = (rounded[widest] ?? 0) + TEXT_WIDTH - rounded.reduce((sum, n) => sum + n, 0);
  return rounded;
}

const cache = new WeakMap<Table, number[]>();

/** A table's column widths (none when it has no cells), worked out once for the handler and the page estimate. */
export function tableColumns(table: Table): number[] {
  let widths = cache.get(table);
  if (widths === undefined) {
    const rows = [table.header, ...table.rows];
    const columns = Math.max(0, ...rows.map((row) => row.length));
    widths = columns === 0 ? [] : columnWidths(rows, columns);
    cache.set(table, widths);
  }
  return widths;
}
