import type { ContentTable, TableCell, TableLayout } from 'pdfmake/interfaces.js';
import type { Table } from '../../../document/tree.js';
import { theme, type TextStyle } from '../layout.js';
import { columnCount, columnWidths } from '../columns.js';
import { keepRowsWhole } from '../measure.js';
import type { BlockHandlers } from '../state.js';

/** Thin grey borders, a filled header row and roomy cells. */
const tableLayout: TableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => theme.tableBorder,
  vLineColor: () => theme.tableBorder,
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
  fillColor: (rowIndex) => (rowIndex === 0 ? theme.tableHeaderFill : null),
};

/** A table whose header row pdfmake repeats on every page it spans. */
export const table: BlockHandlers['table'] = (node, state) => {
  const columns = columnCount(node);
  const styles = (base: TextStyle): TextStyle[] =>
    Array.from({ length: columns }, (_, i) => ({ ...base, alignment: node.align[i] ?? 'left' }));
  const header = styles(theme.text.tableHeader);
  const body = styles(theme.text.tableCell);
  const row = (cells: Table['header'], columnStyles: TextStyle[]): TableCell[] =>
    columnStyles.map((style, i): TableCell => {
      const cell = cells[i];
      return { text: cell === undefined ? '' : state.inlines(cell, style), alignment: style.alignment };
    });
  const content: ContentTable = {
    table: {
      headerRows: 1,
      widths: columnWidths(node),
      body: [row(node.header, header), ...node.rows.map((cells) => row(cells, body))],
    },
    layout: tableLayout,
    margin: theme.margin.table,
  };
  // Rows kept whole are unbreakable blocks, so only where every row is far shorter than a page (keepRowsWhole).
  // The first row then also stays with the header row, so a header row never ends a page on its own.
  if (keepRowsWhole(node)) {
    content.table.dontBreakRows = true;
    if (node.rows.length > 0) content.table.keepWithHeaderRows = 1;
  }
  return content;
};
