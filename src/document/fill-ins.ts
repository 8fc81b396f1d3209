import type { Block, DocumentTree, Inline, ListItemBlock } from './tree.js';

/** How many places the organisation still has to fill in (`:invullen[…]`) anywhere in the document. */
export function countFillIns(tree: DocumentTree): number {
  return tree.children.reduce((sum, block) => sum + inBlock(block), 0);
}

function inBlock(block: Block | ListItemBlock): number {
  switch (block.type) {
    case 'titlePage':
      return block.lines.reduce((sum, line) => sum + inInlines(line), 0);
    case 'heading':
    case 'paragraph':
      return inInlines(block.children);
    case 'list':
      return block.items.reduce((sum, item) => sum + item.reduce((n, child) => n + inBlock(child), 0), 0);
    case 'table':
      return [block.header, ...block.rows].reduce(
        (sum, row) => sum + row.reduce((n, cell) => n + inInlines(cell), 0),
        0,
      );
    case 'tableOfContents':
      return 0;
  }
}

function inInlines(inlines: readonly Inline[]): number {
  return inlines.reduce((sum, node) => {
    if (node.type === 'fillIn') return sum + 1;
    if (node.type === 'text' || node.type === 'lineBreak') return sum;
    return sum + inInlines(node.children);
  }, 0);
}
