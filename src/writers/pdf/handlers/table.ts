import type { ContentTable, TableCell, TableLayout } from 'pdfmake/interfaces.js';
import type { Inline } from '../../../document/tree.js';
import { blockElement, MARKING, type StructureElement } from '../engine/structure.js';
import { theme, type TextStyle } from '../layout.js';
import { cellWidths } from '../columns.js';
import { KEEP_ROWS } from '../measure.js';
import type { BlockHandlers } from '../state.js';

const { padding, border } = theme.tableCell;

/** Thin grey borders, a filled header row and roomy cells. */
const tableLayout: TableLayout = {
  hLineWidth: () => border,
  vLineWidth: () => border,
  hLineColor: () => theme.tableBorder,
  vLineColor: () => theme.tableBorder,
  paddingLeft: () => padding.x,
  paddingRight: () => padding.x,
  paddingTop: () => padding.y,
  paddingBottom: () => padding.y,
  fillColor: (rowIndex) => (rowIndex === 0 ? theme.tableHeaderFill : null),
};

/**
 * A table (Table, a TR per row, TH with their scope in the header row, TD in the others) in the column widths of the
 * tree, whose header row pdfmake repeats on every page it spans (an artifact there). The header row and the first
 * two body rows start a page together, and no row splits, unless the table's layout gives that up (state.ts).
 */
export const table: BlockHandlers['table'] = (node, state) => {
  const element = blockElement('Table', state.parent);
  state.tables.set(element, node);
  // Each column's text style, of the header row and of the other rows: the same for every row.
  const styles = (base: TextStyle): TextStyle[] =>
    node.widths.map((_, i) => ({ ...base, alignment: node.align[i] ?? 'left' }));
  const headerStyles = styles(theme.text.tableHeader);
  const cellStyles = styles(theme.text.tableCell);
  const row = (cells: readonly Inline[][], header: boolean): TableCell[] => {
    const tr = blockElement('TR', element, header ? { repeats: true } : {});
    return (header ? headerStyles : cellStyles).map((style, i): TableCell => {
      const cell: StructureElement = blockElement(
        header ? 'TH' : 'TD',
        tr,
        header ? { options: { scope: 'Column' } } : {},
      );
      const inlines = cells[i];
      return {
        text: inlines === undefined ? '' : state.inlines(inlines, { ...style, [MARKING]: cell }),
        alignment: style.alignment,
      };
    });
  };
  const layout = state.tableLayout(node);
  const content: ContentTable = {
    table: {
      headerRows: 1,
      widths: cellWidths(node),
      body: [row(node.header, true), ...node.rows.map((cells) => row(cells, false))],
      dontBreakRows: layout.wholeRows,
    },
    layout: tableLayout,
    margin: theme.margin.table,
  };
  if (layout.keepStart && node.rows.length > 0)
    content.table.keepWithHeaderRows = Math.min(KEEP_ROWS, node.rows.length);
  return content;
};
