/*
 * The column widths as src/document/columns.ts worked them out before it measured each cell in one pass and kept
 * the widths of tables it had seen (main at b94eb64), kept as the reference the faster one must agree with exactly.
 */
import { charWidth, robotoWidth } from '../../src/document/font-widths.js';
import type { Inline } from '../../src/document/tree.js';

/**
 * Table column widths, decided once for every format (normalize.ts puts them on the tree; the writers only convert
 * them to their units). They are worked out in the DOCX's table: a text column of 453.5 pt, cells in Arial 9 pt with
 * 5 pt padding on either side. The PDF's table is 467 pt wide with cells in Roboto 9.5 pt: a word there takes the
 * share of its table that a word PDF_SCALE times its width in Roboto takes here. A column is as wide as the wider of
 * its longest word in the two.
 */
const TABLE = { width: 453.5, fontSize: 9, padding: 5 } as const;
/** 9.5 pt Roboto in a table of 467.28 pt less its borders (at most about 4 pt), in points of TABLE. */
const PDF_SCALE = (9.5 * TABLE.width) / 463.5;

/** Room to spare beside the longest word, for rounding. */
const WORD_SLACK = 1.02;
/** The width beyond the columns' minimums is handed out in this many steps. */
const STEPS = 100;

type Row = readonly (readonly Inline[])[];

/** The text of a cell as runs that are bold or not, as the writers set them (the header row is bold). */
function runs(inlines: readonly Inline[], bold: boolean, out: { text: string; bold: boolean }[] = []) {
  for (const node of inlines) {
    if (node.type === 'text') out.push({ text: node.value, bold });
    else if (node.type === 'lineBreak') out.push({ text: '\n', bold });
    else runs(node.children, bold || node.type === 'strong', out);
  }
  return out;
}

/** The widths in points of TABLE of a cell's lines (split at line breaks) when nothing wraps, in Arial. */
function lineWidths(cell: readonly Inline[], bold: boolean): number[] {
  const widths = [0];
  for (const run of runs(cell, bold)) {
    for (const char of run.text) {
      if (char === '\n') widths.push(0);
      else widths[widths.length - 1]! += (charWidth(char, run.bold) * TABLE.fontSize) / 1000;
    }
  }
  return widths;
}

/** About how many lines text of these line widths takes in a column `width` wide (at least one per line). */
function lines(widths: readonly number[], width: number): number {
  const room = width - 2 * TABLE.padding;
  let sum = 0;
  for (const w of widths) sum += Math.max(1, w / room);
  return sum;
}

/** Where a line may break besides spaces: after a slash, a hyphen or an en dash, as Word, LibreOffice and pdfmake do. */
const BREAK_AFTER = /(?<=[/\-\u2013])/;

/**
 * The width of words measured before, regular and bold: tables repeat the knowledge base's words, in every plan of a
 * run. Bounded, for a long run over many plans.
 */
const measuredWords = [new Map<string, number>(), new Map<string, number>()] as const;
const MAX_MEASURED_WORDS = 50_000;

/** The width in points of TABLE that a word needs in both writers' fonts. */
function wordWidth(word: string, bold: boolean): number {
  const measured = measuredWords[bold ? 1 : 0];
  let width = measured.get(word);
  if (width === undefined) {
    let arial = 0;
    let roboto = 0;
    for (const char of word) {
      arial += charWidth(char, bold);
      roboto += robotoWidth(char, bold);
    }
    width = Math.max((arial * TABLE.fontSize) / 1000, (roboto * PDF_SCALE) / 1000);
    if (measured.size >= MAX_MEASURED_WORDS) measured.clear();
    measured.set(word, width);
  }
  return width;
}

/** The width in points of TABLE that the widest word of a cell (or part of a word, see BREAK_AFTER) needs in both writers' fonts. */
function longestWord(cell: readonly Inline[], bold: boolean): number {
  let widest = 0;
  for (const run of runs(cell, bold)) {
    for (const word of run.text.split(/\s+/).flatMap((part) => part.split(BREAK_AFTER))) {
      widest = Math.max(widest, wordWidth(word, run.bold));
    }
  }
  return widest;
}

/**
 * When the longest words of all columns together are wider than the table, the columns with short words keep their
 * minimum and those with the longest words share the rest alike (and break their longest words).
 */
function fitMinimums(minimums: readonly number[]): number[] {
  let rest = TABLE.width;
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
 * The widths of a table's columns as fractions of the table's width, summing to 1, from their content: every column
 * at least as wide as its longest word, and the rest of the width where it makes the table least tall: step by step
 * to the column that saves the most lines, summed over the rows, each as tall as its tallest cell. What saves no
 * lines (when everything fits) goes to the columns in proportion to their longest lines. `rows` starts with the
 * (bold) header row. A table without columns has no widths.
 */
export function referenceColumnWidths(rows: readonly Row[], columns: number): number[] {
  if (columns === 0) return [];
  const cells = rows.map((row, r) => Array.from({ length: columns }, (_, c) => lineWidths(row[c] ?? [], r === 0)));
  const minimums = Array.from({ length: columns }, (_, c) => {
    const word = Math.max(0, ...rows.map((row, r) => longestWord(row[c] ?? [], r === 0)));
    return Math.min(word * WORD_SLACK, TABLE.width / 2) + 2 * TABLE.padding;
  });
  const widths = fitMinimums(minimums);
  const rest = TABLE.width - widths.reduce((sum, w) => sum + w, 0);
  const step = rest / STEPS;
  const cellLines = (r: number, c: number, width: number) => lines(cells[r]![c]!, width);
  // The lines of every cell at the current width and one step wider: only the column that grows changes, so a step
  // recounts one column.
  const current = rows.map((_, r) => widths.map((w, c) => cellLines(r, c, w)));
  const wider = rows.map((_, r) => widths.map((w, c) => cellLines(r, c, w + step)));
  for (let i = 0; i < STEPS && step > 0; i++) {
    let best = -1;
    let saved = 1e-9;
    // Per row, its tallest cell and the tallest of the others: what the row's other cells need besides column c.
    const tallest = current.map((row) => {
      let first = 0;
      let at = -1;
      let second = 0;
      for (let c = 0; c < columns; c++) {
        if (row[c]! > first) [second, first, at] = [first, row[c]!, c];
        else second = Math.max(second, row[c]!);
      }
      return { first, at, second };
    });
    for (let c = 0; c < columns; c++) {
      let gain = 0;
      for (let r = 0; r < rows.length; r++) {
        const row = current[r]!;
        const { first, at, second } = tallest[r]!;
        const others = at === c ? second : first;
        const now = Math.max(others, row[c]!);
        gain += now - Math.max(others, wider[r]![c]!);
      }
      if (gain > saved) [best, saved] = [c, gain];
    }
    if (best < 0) {
      // Nothing wraps any more: the rest in proportion to the columns' longest lines.
      const natural = widths.map((_, c) => Math.max(1, ...cells.flatMap((row) => row[c] ?? [])));
      const total = natural.reduce((sum, n) => sum + n, 0);
      const left = step * (STEPS - i);
      return widths.map((w, c) => (w + (left * natural[c]!) / total) / TABLE.width);
    }
    widths[best]! += step;
    for (let r = 0; r < rows.length; r++) {
      current[r]![best] = cellLines(r, best, widths[best]!);
      wider[r]![best] = cellLines(r, best, widths[best]! + step);
    }
  }
  return widths.map((w) => w / TABLE.width);
}
