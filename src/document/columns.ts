import { charWidth, robotoWidth } from './font-widths.js';
import type { Inline } from './tree.js';

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
/** Text that is bold or not, as the writers set it. */
interface Run {
  text: string;
  bold: boolean;
}

/** The text of a cell as runs that are bold or not, as the writers set them (the header row is bold). */
function runs(inlines: readonly Inline[], bold: boolean, out: Run[] = []): Run[] {
  for (const node of inlines) {
    if (node.type === 'text') out.push({ text: node.value, bold });
    else if (node.type === 'lineBreak') out.push({ text: '\n', bold });
    else runs(node.children, bold || node.type === 'strong', out);
  }
  return out;
}

/** A cell measured in points of TABLE: its lines (split at line breaks) when nothing wraps, in Arial, and its widest word. */
interface CellMeasure {
  lines: number[];
  /** The widest word (or part of a word, see endsWord) in both writers' fonts. */
  longestWord: number;
}

/** Whitespace, as the regular expression `\s` has it: where words end. */
const SPACE = /\s/;

/** Where a line may break besides spaces: after a slash, a hyphen or an en dash, as Word, LibreOffice and pdfmake do. */
const endsWord = (char: string) => char === '/' || char === '-' || char === '\u2013';

/**
 * Measures a cell's runs in one pass over their characters (code points). Line widths add up character by
 * character; a word's width adds the fonts' whole thousandths of an em and is scaled once.
 */
function measureCell(cell: readonly Run[]): CellMeasure {
  const lineWidths = [0];
  let longestWord = 0;
  for (const { text, bold } of cell) {
    // The word so far, in thousandths of an em of Arial and of Roboto.
    let arial = 0;
    let roboto = 0;
    const endWord = () => {
      longestWord = Math.max(longestWord, (arial * TABLE.fontSize) / 1000, (roboto * PDF_SCALE) / 1000);
      arial = 0;
      roboto = 0;
    };
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const pair = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1));
      const char = pair ? text.slice(i, i + 2) : text[i]!;
      if (pair) i++;
      if (char === '\n') {
        lineWidths.push(0);
        endWord();
        continue;
      }
      const width = charWidth(char, bold);
      lineWidths[lineWidths.length - 1]! += (width * TABLE.fontSize) / 1000;
      if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && SPACE.test(char))) {
        endWord();
        continue;
      }
      arial += width;
      roboto += robotoWidth(char, bold);
      if (endsWord(char)) endWord();
    }
    endWord();
  }
  return { lines: lineWidths, longestWord };
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** About how many lines text of these line widths takes in a column `width` wide (at least one per line). */
function lines(widths: readonly number[], width: number): number {
  const room = width - 2 * TABLE.padding;
  let sum = 0;
  for (const w of widths) sum += Math.max(1, w / room);
  return sum;
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
export function columnWidths(rows: readonly Row[], columns: number): number[] {
  if (columns === 0) return [];
  const cellRuns = rows.map((row, r) => Array.from({ length: columns }, (_, c) => runs(row[c] ?? [], r === 0)));
  const key = JSON.stringify(cellRuns);
  let widths = decidedWidths.get(key);
  if (widths === undefined) {
    widths = decideWidths(cellRuns, columns);
    if (decidedWidths.size >= MAX_DECIDED_TABLES) decidedWidths.clear();
    decidedWidths.set(key, widths);
  }
  return [...widths];
}

/**
 * The widths decided before, by the runs of a table's cells: the knowledge base's tables come back in every plan of a
 * run. Bounded, for a long run over many plans.
 */
const decidedWidths = new Map<string, readonly number[]>();
const MAX_DECIDED_TABLES = 5_000;

/** columnWidths, from the runs of each cell (rows × columns). */
function decideWidths(cellRuns: readonly (readonly Run[])[][], columns: number): number[] {
  const rowCount = cellRuns.length;
  const measured = cellRuns.map((row) => row.map(measureCell));
  const cells = measured.map((row) => row.map((cell) => cell.lines));
  const minimums = Array.from({ length: columns }, (_, c) => {
    const word = Math.max(0, ...measured.map((row) => row[c]!.longestWord));
    return Math.min(word * WORD_SLACK, TABLE.width / 2) + 2 * TABLE.padding;
  });
  const widths = fitMinimums(minimums);
  const rest = TABLE.width - widths.reduce((sum, w) => sum + w, 0);
  const step = rest / STEPS;
  // The lines of every cell (row by row) at the current width and one step wider: only the column that grows
  // changes, so a step recounts one column.
  const current = new Float64Array(rowCount * columns);
  const wider = new Float64Array(rowCount * columns);
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < columns; c++) {
      current[r * columns + c] = lines(cells[r]![c]!, widths[c]!);
      wider[r * columns + c] = lines(cells[r]![c]!, widths[c]! + step);
    }
  }
  // Per row, its tallest cell (and its column) and the tallest of the others: what the row's other cells need
  // besides column c.
  const tallest = new Float64Array(rowCount);
  const tallestAt = new Int32Array(rowCount);
  const secondTallest = new Float64Array(rowCount);
  for (let i = 0; i < STEPS && step > 0; i++) {
    let best = -1;
    let saved = 1e-9;
    for (let r = 0; r < rowCount; r++) {
      let first = 0;
      let at = -1;
      let second = 0;
      for (let c = 0; c < columns; c++) {
        const height = current[r * columns + c]!;
        if (height > first) {
          second = first;
          first = height;
          at = c;
        } else second = Math.max(second, height);
      }
      tallest[r] = first;
      tallestAt[r] = at;
      secondTallest[r] = second;
    }
    for (let c = 0; c < columns; c++) {
      let gain = 0;
      for (let r = 0; r < rowCount; r++) {
        const others = tallestAt[r] === c ? secondTallest[r]! : tallest[r]!;
        const now = Math.max(others, current[r * columns + c]!);
        gain += now - Math.max(others, wider[r * columns + c]!);
      }
      if (gain > saved) {
        best = c;
        saved = gain;
      }
    }
    if (best < 0) {
      // Nothing wraps any more: the rest in proportion to the columns' longest lines.
      const natural = widths.map((_, c) => Math.max(1, ...cells.flatMap((row) => row[c] ?? [])));
      const total = natural.reduce((sum, n) => sum + n, 0);
      const left = step * (STEPS - i);
      return widths.map((w, c) => (w + (left * natural[c]!) / total) / TABLE.width);
    }
    widths[best]! += step;
    for (let r = 0; r < rowCount; r++) {
      current[r * columns + best] = lines(cells[r]![best]!, widths[best]!);
      wider[r * columns + best] = lines(cells[r]![best]!, widths[best]! + step);
    }
  }
  return widths.map((w) => w / TABLE.width);
}

/** A length split by fractions into whole units (twips, say) that add up to it exactly: the widest takes the rest. */
export function splitWhole(total: number, fractions: readonly number[]): number[] {
  const parts = fractions.map((f) => Math.floor(f * total));
  const widest = parts.indexOf(Math.max(...parts));
  if (widest >= 0) parts[widest] = (parts[widest] ?? 0) + total - parts.reduce((sum, n) => sum + n, 0);
  return parts;
}
