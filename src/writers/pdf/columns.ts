import type { Size } from 'pdfmake/interfaces.js';
import { plainText, type Table } from '../../document/tree.js';
import { theme } from './layout.js';

/** Table column widths as pdfmake takes them, for the table handler and the height estimates of measure.ts. */

/** The number of columns: the widest of the alignment, the header row and the body rows. */
export function columnCount(node: Table): number {
  return Math.max(node.align.length, node.header.length, ...node.rows.map((row) => row.length));
}

/** Narrow columns (codes, dates, quarters) take their natural width; wider ones share the rest of the page. */
export function columnWidths(node: Table): Size[] {
  const longest = Array.from({ length: columnCount(node) }, () => 0);
  for (const row of [node.header, ...node.rows]) {
    row.forEach((cell, i) => {
      longest[i] = Math.max(longest[i] ?? 0, plainText(cell).length);
    });
  }
  const widths: Size[] = longest.map((chars) => (chars <= theme.autoColumnMaxChars ? 'auto' : '*'));
  if (widths.length > 0 && !widths.includes('*')) widths[longest.indexOf(Math.max(...longest))] = '*';
  return widths;
}
