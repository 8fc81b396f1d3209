import type {
  Block,
  Heading,
  List,
  PageBreak,
  Paragraph,
  Table,
  TableOfContents,
  TitlePage,
} from '../../document/tree.js';
import { plainText } from '../../document/tree.js';
import type { Content, ContentTable, ContentText, ContentTocItem, TableCell, TableLayout } from 'pdfmake/interfaces.js';
import { columnCount, columnWidths, keepRowsWhole } from './measure.js';
import { theme, type TextStyle } from './theme.js';
import type { BlockHandler, Run } from './state.js';

type BlockHandlers = { [K in Block['type']]: BlockHandler<Extract<Block, { type: K }>> };

/**
 * A heading: a table of contents entry that is also a bookmark. pdfmake accepts styled runs as the text of a
 * table of contents entry; its typings only allow plain strings there.
 */
type HeadingContent = Omit<ContentTocItem, 'text'> &
  Pick<ContentText, 'text' | 'outline' | 'outlineText' | 'outlineParentId'> & { id: string };

/** pdfmake's `text` value for unstyled runs: a plain string when no run carries markup. */
function textOf(runs: Run[]): string | Run[] {
  if (runs.length === 0) return '';
  const [first] = runs;
  return runs.length === 1 && first !== undefined && Object.keys(first).length === 1 ? first.text : runs;
}

const titlePage: BlockHandler<TitlePage> = (node, state) => {
  const { text, margin } = theme;
  const stack: Content[] = [{ text: [{ ...text.titlePageTitle, text: node.title }], margin: margin.titlePageTitle }];
  if (node.subtitle !== undefined) {
    stack.push({ text: [{ ...text.titlePageSubtitle, text: node.subtitle }], margin: margin.titlePageSubtitle });
  }
  for (const line of node.lines) {
    stack.push({ text: state.inlines(line, text.titlePageLine), margin: margin.titlePageLine });
  }
  return { stack };
};

const tableOfContents: BlockHandler<TableOfContents> = (node) => ({
  toc: { title: { text: node.title, style: 'tocTitle' } },
});

const heading: BlockHandler<Heading> = (node, state) => {
  const content: HeadingContent = {
    text: textOf(state.inlines(node.children, {})),
    style: `h${node.level}`,
    id: node.id,
    tocItem: node.level <= 2,
    tocStyle: `tocLevel${node.level}`,
    tocMargin: [theme.tocIndent * (node.level - 1), node.level === 1 ? 5 : 1, 0, 1],
  };
  const [parent1, parent2] = state.outlineParents;
  const outlineText = plainText(node.children).trim();
  if (outlineText !== '') {
    content.outline = true;
    content.outlineText = outlineText;
    const parentId = node.level === 1 ? undefined : node.level === 2 ? parent1 : (parent2 ?? parent1);
    if (parentId !== undefined) content.outlineParentId = parentId;
  }
  if (node.level === 1) state.outlineParents = [node.id, undefined];
  else if (node.level === 2) state.outlineParents = [parent1, node.id];
  return content as ContentTocItem;
};

const paragraph: BlockHandler<Paragraph> = (node, state) => ({
  text: state.inlines(node.children, theme.text.body),
  margin: state.listDepth > 0 ? theme.margin.listItem : theme.margin.paragraph,
});

const list: BlockHandler<List> = (node, state) => {
  state.listDepth++;
  const items = node.items.map((blocks): Content => {
    const content = state.all(blocks);
    return content.length === 1 && content[0] !== undefined ? content[0] : { stack: content };
  });
  state.listDepth--;
  const margin = state.listDepth > 0 ? theme.margin.nestedList : theme.margin.list;
  return node.ordered ? { ol: items, margin } : { ul: items, margin };
};

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

const table: BlockHandler<Table> = (node, state) => {
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

const pageBreak: BlockHandler<PageBreak> = (_node, state) => {
  state.pendingPageBreak = true;
  return undefined;
};

export const blockHandlers: BlockHandlers = {
  titlePage,
  tableOfContents,
  heading,
  paragraph,
  list,
  table,
  pageBreak,
};
