import type { ContentText, ContentTocItem } from 'pdfmake/interfaces.js';
import { plainText, type Heading } from '../../../document/tree.js';
import { blockElement, MARKING, type StructureType } from '../engine/structure.js';
import { theme } from '../layout.js';
import type { BlockHandlers, State } from '../state.js';

/**
 * A heading: a table of contents entry that is also a bookmark. pdfmake accepts styled runs as the text of a
 * table of contents entry; its typings only allow plain strings there.
 */
type HeadingContent = Omit<ContentTocItem, 'text'> &
  Pick<ContentText, 'text' | 'outline' | 'outlineText' | 'outlineParentId'> & { id: string };

/**
 * The heading's level in the tagged PDF: its depth in the outline, so no level is skipped (a level 3 heading right
 * under a level 1 one is an H2). The title page's title and the table of contents' title are H1s too.
 */
function structureType(node: Heading, state: State): StructureType {
  const [parent1, parent2] = state.outlineParents;
  const depth =
    1 + (node.level >= 2 && parent1 !== undefined ? 1 : 0) + (node.level >= 3 && parent2 !== undefined ? 1 : 0);
  return `H${depth}` as StructureType;
}

/**
 * A heading in its named style, listed in the table of contents when the tree's contents list it, and a bookmark
 * under the latest heading of the level above. Keeping it with what follows is keep-with-next.ts's.
 */
export const heading: BlockHandlers['heading'] = (node, state) => {
  const element = blockElement(structureType(node, state), state.parent);
  const content: HeadingContent = {
    text: state.inlines(node.children, { [MARKING]: element }),
    style: `h${node.level}`,
    id: node.id,
    tocItem: state.tocIds.has(node.id),
    tocStyle: `tocLevel${node.level}`,
    tocMargin: [theme.tocIndent * (node.level - 1), node.level === 1 ? theme.tocChapterSpace : 0, 0, 0],
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
