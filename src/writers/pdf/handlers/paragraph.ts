import { blockElement, MARKING } from '../engine/structure.js';
import { theme } from '../layout.js';
import type { BlockHandlers } from '../state.js';

/** A paragraph (P): body text, with less space below inside list items. */
export const paragraph: BlockHandlers['paragraph'] = (node, state) => ({
  text: state.inlines(node.children, { ...theme.text.body, [MARKING]: blockElement('P', state.parent) }),
  margin: state.listDepth > 0 ? theme.margin.listItem : theme.margin.paragraph,
});
