import type { Block, Heading, Inline, Table } from '../../document/tree.js';
import { columnWidths } from './columns.js';
import { theme } from './layout.js';

/**
 * Height estimates for layout decisions taken before pdfmake lays out the pages. pdfmake keeps only the first
 * page of an unbreakable block that is taller than a page and silently drops the rest, so whatever goes into
 * one must be small enough. Two kinds:
 * - `most…`: a certain upper bound, from the widest glyph of the font;
 * - `typical…`: a fair, slightly generous guess, from the average width of a character.
 */

/** A4 (theme.pageSize) in points. */
const A4 = { width: 595.28, height: 841.89 };
const [marginLeft, marginTop, marginRight, marginBottom] = theme.pageMargins;
/** Width of the text column of a page. */
export const BODY_WIDTH = A4.width - marginLeft - marginRight;
/** Height of a page's body: the most an unbreakable block can hold. */
export const BODY_HEIGHT = A4.height - marginTop - marginBottom;

/** Roboto's (ascent − descent) / units per em; pdfmake's line height is this × font size × `lineHeight`. */
const ROBOTO_LINE = (1900 + 500) / 2048;
/** Roboto's widest glyph in any of the four styles (U+0478, 1.18 em), rounded up. */
const WIDEST_EM = 1.2;
/** Dutch text in Roboto averages about 0.45 em per character; rounded up. */
const TYPICAL_EM = 0.5;
/** Lines of a paragraph that a heading before it keeps on its page (all of a shorter paragraph). */
const KEEP_LINES = 3;
/** Room a list marker takes from the text width, generously. */
const LIST_INDENT = 30;
/** Horizontal cell padding (5 + 5) and borders of a table column, rounded up. */
const CELL_SIDES = 12;
/** Vertical cell padding (3 + 3) and the border of a table row. */
const CELL_ENDS = 6.5;

const lineHeight = (fontSize: number, factor: number): number => ROBOTO_LINE * fontSize * factor;

/** The text of inline content as pdfmake breaks it into lines: a line break is a new line. */
function textOf(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type === 'lineBreak') return '\n';
      return textOf(node.children);
    })
    .join('');
}

/**
 * The most lines text can take in a column `width` wide. pdfmake moves a word to the next line only when it
 * does not fit, and cuts a word longer than the line where the line is full, so any two neighbouring lines
 * together hold more than the width less one character: n lines hold more than (n − 1) / 2 such widths.
 * Every explicit line break starts over.
 */
function mostLines(text: string, fontSize: number, width: number): number {
  const usable = width - WIDEST_EM * fontSize;
  if (usable <= 0) return Infinity;
  return text
    .split('\n')
    .reduce((sum, part) => sum + Math.floor((2 * part.length * WIDEST_EM * fontSize) / usable) + 1, 0);
}

function typicalLines(text: string, fontSize: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (TYPICAL_EM * fontSize)));
  return text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/** The most a heading can take, margins included, in the body column (its named style sets size and margins). */
export function mostHeadingHeight(node: Heading): number {
  const { fontSize, margin } = theme.styles[`h${node.level}`];
  const lines = mostLines(textOf(node.children), fontSize, BODY_WIDTH);
  return (margin[1] ?? 0) + (margin[3] ?? 0) + lines * lineHeight(fontSize, theme.defaultStyle.lineHeight);
}

/**
 * About how much height the start of a block needs: a few lines of a paragraph, the first item of a list, the
 * header and first row of a table. What a heading before it must find room for on its page.
 */
export function typicalStartHeight(block: Block, width = BODY_WIDTH): number {
  switch (block.type) {
    case 'paragraph': {
      const { fontSize, lineHeight: factor } = theme.text.body;
      const lines = Math.min(typicalLines(textOf(block.children), fontSize, width), KEEP_LINES);
      return lines * lineHeight(fontSize, factor);
    }
    case 'list': {
      const first = block.items[0]?.[0];
      return first === undefined ? 0 : theme.margin.list[1] + typicalStartHeight(first, width - LIST_INDENT);
    }
    case 'table': {
      const heights = typicalRowHeights(block);
      return theme.margin.table[1] + (heights[0] ?? 0) + (heights[1] ?? 0);
    }
    default:
      return 0;
  }
}

/**
 * About how tall the header row and the body rows are: 'auto' columns take their natural width (their cells
 * fit on one line), '*' columns share the rest.
 */
function typicalRowHeights(node: Table): number[] {
  const sizes = columnWidths(node);
  const { fontSize, lineHeight: factor } = theme.text.tableCell;
  const texts = [node.header, ...node.rows].map((row) => sizes.map((_, i) => textOf(row[i] ?? [])));
  const natural = sizes.map((_, i) => Math.max(...texts.map((row) => (row[i] ?? '').length)) * TYPICAL_EM * fontSize);
  const autoWidth = sizes.reduce<number>((sum, size, i) => sum + (size === 'auto' ? (natural[i] ?? 0) : 0), 0);
  const starWidth = (BODY_WIDTH - sizes.length * CELL_SIDES - autoWidth) / sizes.filter((s) => s === '*').length;
  const lines = (text: string, i: number): number =>
    sizes[i] === '*' ? typicalLines(text, fontSize, starWidth) : text.split('\n').length;
  return texts.map((row) => Math.max(1, ...row.map(lines)) * lineHeight(fontSize, factor) + CELL_ENDS);
}

/**
 * Whether rows may be kept whole (pdfmake's `dontBreakRows`, which makes every row an unbreakable block and
 * drops what of a row does not fit on one page). Column widths depend on font metrics, so no row height is
 * certain here: only tables whose header plus tallest row take, by estimate, at most a third of a page keep
 * rows whole (text made of nothing but Roboto's widest glyph would be 2.4 times as wide as estimated). In
 * other tables a long row continues on the next page.
 */
export function keepRowsWhole(node: Table): boolean {
  const [header = 0, ...rows] = typicalRowHeights(node);
  return header + Math.max(0, ...rows) <= BODY_HEIGHT / 3;
}
