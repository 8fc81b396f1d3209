import type { Table } from '../../document/tree.js';
import { BODY_WIDTH, theme } from './layout.js';

/**
 * The tree's column widths (fractions of the table) as pdfmake takes them: the width of each cell's text in points.
 * pdfmake adds each cell's padding and the vertical borders, so the table spans the body width.
 */
export function cellWidths(node: Table): number[] {
  const { padding, border } = theme.tableCell;
  const width = BODY_WIDTH - (node.widths.length + 1) * border;
  return node.widths.map((fraction) => Math.max(1, fraction * width - 2 * padding.x));
}
