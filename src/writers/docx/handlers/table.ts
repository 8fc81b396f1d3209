import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Inline, Table as TableNode } from '../../../document/tree.js';
import { splitWhole } from '../../../document/columns.js';
import {
  BORDER_COLOR,
  BREAK_CARRIER,
  CELL_MARGIN_X,
  CELL_MARGIN_Y,
  HEADER_FILL,
  TABLE_BORDER,
  TABLE_CELL,
  TABLE_SPACER,
  TEXT_WIDTH,
} from '../layout.js';
import { countLines, segments } from '../measure.js';
import type { BlockHandlers, State } from '../state.js';
import { spacing } from '../styles.js';

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];
type Cells = readonly (readonly Inline[])[];

/** Left is the default: only centre and right are written. */
const ALIGNMENT = { left: undefined, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const BORDER_LINE = { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR } as const;
const BORDERS = {
  top: BORDER_LINE,
  bottom: BORDER_LINE,
  left: BORDER_LINE,
  right: BORDER_LINE,
  insideHorizontal: BORDER_LINE,
  insideVertical: BORDER_LINE,
} as const;
const CELL_SPACING = spacing(TABLE_CELL);
const HEADER_SHADING = { fill: HEADER_FILL, type: 'clear', color: 'auto' } as const;
const CELL_RUN = { size: TABLE_CELL.size };
/** Body rows a table starts a page with (all, when it has fewer). */
const KEPT_ROWS = 2;
const HEADER_RUN = { size: TABLE_CELL.size, bold: true };

function cell(
  content: readonly Inline[],
  width: number,
  alignment: Alignment | undefined,
  state: State,
  header: boolean,
  keepNext: boolean,
) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? HEADER_SHADING : undefined,
    children: [
      new Paragraph({
        alignment,
        keepNext: keepNext || undefined,
        spacing: CELL_SPACING,
        children: state.inlines(content, header ? HEADER_RUN : CELL_RUN),
      }),
    ],
  });
}

/** The tree's column widths in twips, adding up to the text width (none for a table without cells). */
function columnTwips(node: TableNode): number[] {
  return node.widths.length === 0 ? [] : splitWhole(TEXT_WIDTH, node.widths);
}

/** A row's height in twips: its tallest cell, the cell margins and a border. */
function rowHeight(cells: Cells, widths: readonly number[], bold: boolean): number {
  const lines = Math.max(
    ...widths.map((w, c) => countLines(segments(cells[c] ?? [], bold), w - 2 * CELL_MARGIN_X, TABLE_CELL.size)),
  );
  return lines * TABLE_CELL.line + 2 * CELL_MARGIN_Y + TABLE_BORDER;
}

/**
 * A real table: fixed column widths, given both in the grid and on every cell (LibreOffice ignores them otherwise),
 * borders, and a header row that Word and LibreOffice repeat on every page the table spans. No row splits, and the
 * header row and the first two body rows start a page together. A table cannot start a
 * page by itself: an empty one-point paragraph before it carries the page break. The paragraph after it keeps the
 * next block (or another table) apart, and the body from ending in a table.
 */
export const table: BlockHandlers['table'] = {
  render(node, state) {
    const widths = columnTwips(node);
    if (widths.length === 0) return [];
    // The header row keeps with the first body row, and that with the second (keep with next, as Word keeps rows
    // together): a table starts on a page with two body rows, or one when it has only one.
    const row = (cells: Cells, header: boolean, index: number) =>
      new TableRow({
        tableHeader: header || undefined,
        cantSplit: true,
        children: widths.map((width, c) =>
          cell(cells[c] ?? [], width, ALIGNMENT[node.align[c] ?? 'left'], state, header, index < KEPT_ROWS - 1),
        ),
      });
    const breakCarrier = node.breakBefore
      ? [new Paragraph({ pageBreakBefore: true, spacing: spacing(BREAK_CARRIER), run: { size: BREAK_CARRIER.size } })]
      : [];
    return [
      ...breakCarrier,
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders: BORDERS,
        margins: { top: CELL_MARGIN_Y, bottom: CELL_MARGIN_Y, left: CELL_MARGIN_X, right: CELL_MARGIN_X },
        rows: [
          ...(node.header.length > 0 ? [row(node.header, true, -1)] : []),
          ...node.rows.map((cells, i) => row(cells, false, i)),
        ],
      }),
      new Paragraph({ spacing: spacing(TABLE_SPACER), run: { size: TABLE_SPACER.size } }),
    ];
  },
  measure(node, flow) {
    const widths = columnTwips(node);
    if (widths.length === 0) return;
    if (node.breakBefore) flow.lines(BREAK_CARRIER, 1, { breakBefore: true });
    flow.rows(
      node.header.length > 0 ? rowHeight(node.header, widths, true) : 0,
      node.rows.map((cells) => rowHeight(cells, widths, false)),
    );
    flow.lines(TABLE_SPACER, 1);
  },
};
