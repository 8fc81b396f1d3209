import { columnWidths } from './columns.js';
import type { PageBreak, SourceBlock, SourceList, SourceListItemBlock, SourceTable, SourceTree } from './source.js';
import { templateError } from './template-error.js';
import type { Block, DocumentTree, Heading, HeadingLevel, List, ListItemBlock, Table, TocEntry } from './tree.js';

/** The table of contents lists headings up to this level. */
export const TOC_DEPTH: HeadingLevel = 2;

/**
 * Pure: the source tree of the Markdown stage → the tree the writers draw, with what every format needs decided
 * once: a page break becomes `breakBefore` on the next block of its container (an error at the very start, or where
 * no block follows it); a title page is a page of its own; the table of contents knows its depth and its entries;
 * a table knows the widths of its columns.
 * `source` names the template in errors.
 */
export function normalizeDocument(tree: SourceTree, source: string): DocumentTree {
  const fail = (node: PageBreak, message: string): never => {
    throw templateError(source, node.position?.line, message);
  };
  const first = tree.children[0];
  if (first?.type === 'pageBreak')
    fail(first, '::paginaeinde staat aan het begin van het document, waar al een pagina begint');

  const list = (node: SourceList): List => ({ ...node, items: node.items.map(listItem) });
  const listItem = (blocks: readonly SourceListItemBlock[]): ListItemBlock[] =>
    breaksBefore(
      blocks,
      (block) => (block.type === 'list' ? list(block) : block),
      (last) =>
        fail(last, 'na ::paginaeinde volgt niets meer in dit punt van de lijst; zet het paginaeinde na de lijst'),
    );

  const entries = tocEntries(tree.children);
  const block = (node: Exclude<SourceBlock, PageBreak>): Block => {
    if (node.type === 'list') return list(node);
    if (node.type === 'tableOfContents') return { ...node, depth: TOC_DEPTH, entries };
    if (node.type === 'table') return table(node);
    return node;
  };
  const children = breaksBefore(tree.children, block, (last) =>
    fail(last, 'na ::paginaeinde volgt niets meer; haal het paginaeinde aan het eind van het document weg'),
  );
  return { meta: tree.meta, children: titlePagesApart(children) };
}

/** The blocks of one container without page break markers: the block after a marker gets `breakBefore`. */
function breaksBefore<S extends { type: string }, T extends Block>(
  blocks: readonly (S | PageBreak)[],
  convert: (block: S) => T,
  onTrailingBreak: (pageBreak: PageBreak) => void,
): T[] {
  const out: T[] = [];
  let pending: PageBreak | undefined;
  for (const block of blocks) {
    if (isPageBreak(block)) {
      pending ??= block;
      continue;
    }
    const converted = convert(block);
    out.push(pending === undefined ? converted : { ...converted, breakBefore: true });
    pending = undefined;
  }
  if (pending !== undefined) onTrailingBreak(pending);
  return out;
}

/** A table with the widths of its columns: as many as its widest row (or its alignment) has cells. */
function table(node: SourceTable): Table {
  const rows = [node.header, ...node.rows];
  const columns = Math.max(node.align.length, ...rows.map((row) => row.length));
  return { ...node, widths: columnWidths(rows, columns) };
}

const isPageBreak = (block: { type: string }): block is PageBreak => block.type === 'pageBreak';

/** A title page starts a page (unless it opens the document), and the block after it starts the next one. */
function titlePagesApart(blocks: readonly Block[]): Block[] {
  return blocks.map((block, index) => {
    const startsPage = index > 0 && (block.type === 'titlePage' || blocks[index - 1]?.type === 'titlePage');
    return startsPage && block.breakBefore === undefined ? { ...block, breakBefore: true } : block;
  });
}

/** The headings of the document up to TOC_DEPTH, in order. */
function tocEntries(blocks: readonly SourceBlock[]): TocEntry[] {
  return blocks
    .filter((block): block is Heading => block.type === 'heading' && block.level <= TOC_DEPTH)
    .map(({ id, level, children }) => ({ id, level, children }));
}
