import { theme } from '../layout.js';
import type { BlockHandlers } from '../state.js';

/** A paragraph: body text, with less space below inside list items. */
export const paragraph: BlockHandlers['paragraph'] = (node, state) => ({
  text: state.inlines(node.children, theme.text.body),
  margin: state.listDepth > 0 ? theme.margin.listItem : theme.margin.paragraph,
});
