import type { Block, Heading, Inline, Paragraph, Table } from '../../document/tree.js';
import { cellWidths } from './columns.js';
import { BODY_WIDTH, theme } from './layout.js';

/**
 * Height estimates for layout decisions taken before pdfmake lays out the pages (keep-with-next.ts). Two kinds:
 * - `most…`: a certain upper bound, from the widest glyph of the font;
 * - `typical…`: a fair, slightly generous guess, from the average width of a character.
 */

/** Roboto's (ascent − descent) / units per em; pdfmake's line height is this × font size × `lineHeight`. */
const ROBOTO_LINE = (1900 + 500) / 2048;
/** Roboto's widest glyph in any of the four styles (U+0478, 1.18 em), rounded up. */
const WIDEST_EM = 1.2;
/** Dutch text in Roboto averages about 0.45 em per character; rounded up. */
const TYPICAL_EM = 0.5;
/** Lines of a paragraph that a heading before it keeps on its page (all of a shorter paragraph). */
const KEEP_LINES = 3;
/** Body rows of a table that a heading before it keeps on its page: a table starts with at least two. */
export const KEEP_ROWS = 2;
/** Room a list marker takes from the text width, generously. */
const LIST_INDENT = 30;

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
 * header and first two rows of a table (which start a page together, handlers/table.ts). What a heading before it
 * must find room for on its page.
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
      const [header = 0, ...rows] = typicalRowHeights(block);
      return theme.margin.table[1] + header + rows.slice(0, KEEP_ROWS).reduce((sum, row) => sum + row, 0);
    }
    default:
      return 0;
  }
}

/** About how many lines a paragraph of the body takes. */
export function typicalParagraphLines(node: Paragraph): number {
  return typicalLines(textOf(node.children), theme.text.body.fontSize, BODY_WIDTH);
}

/** The most a paragraph of the body can take, its margins included. */
export function mostParagraphHeight(node: Paragraph): number {
  const { fontSize, lineHeight: factor } = theme.text.body;
  const [, top, , bottom] = theme.margin.paragraph;
  return top + bottom + mostLines(textOf(node.children), fontSize, BODY_WIDTH) * lineHeight(fontSize, factor);
}

/**
 * About how tall a paragraph of at most a few lines is, with the space below it (a line that introduces what follows
 * it, which a heading before it keeps with that too); undefined for a longer paragraph.
 */
export function typicalShortParagraphHeight(block: Block): number | undefined {
  if (block.type !== 'paragraph') return undefined;
  const { fontSize, lineHeight: factor } = theme.text.body;
  const lines = typicalLines(textOf(block.children), fontSize, BODY_WIDTH);
  return lines > KEEP_LINES ? undefined : lines * lineHeight(fontSize, factor) + theme.margin.paragraph[3];
}

/** About how tall the header row and the body rows are, in the columns the table gets (columns.ts). */
function typicalRowHeights(node: Table): number[] {
  const widths = cellWidths(node);
  const { fontSize, lineHeight: factor } = theme.text.tableCell;
  const { padding, border } = theme.tableCell;
  return [node.header, ...node.rows].map((row) => {
    const lines = Math.max(1, ...widths.map((width, i) => typicalLines(textOf(row[i] ?? []), fontSize, width)));
    return lines * lineHeight(fontSize, factor) + 2 * padding.y + border;
  });
}
