import type { ContentText, ContentTocItem } from 'pdfmake/interfaces.js';
import { plainText } from '../../../document/tree.js';
import { theme } from '../layout.js';
import type { BlockHandlers, Run } from '../state.js';

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

/**
 * A heading in its named style, listed in the table of contents when the tree's contents list it, and a bookmark
 * under the latest heading of the level above. Keeping it with what follows is keep-with-next.ts's.
 */
export const heading: BlockHandlers['heading'] = (node, state) => {
  const content: HeadingContent = {
    text: textOf(state.inlines(node.children, {})),
    style: `h${node.level}`,
    id: node.id,
    tocItem: state.tocIds.has(node.id),
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
