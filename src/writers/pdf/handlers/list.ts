import type { Content } from 'pdfmake/interfaces.js';
import { theme } from '../layout.js';
import type { BlockHandlers } from '../state.js';

/** Ordered and unordered lists; an item of more than one block is a stack. */
export const list: BlockHandlers['list'] = (node, state) => {
  state.listDepth++;
  const items = node.items.map((blocks): Content => {
    const content = state.all(blocks).map((item) => item.content);
    return content.length === 1 && content[0] !== undefined ? content[0] : { stack: content };
  });
  state.listDepth--;
  const margin = state.listDepth > 0 ? theme.margin.nestedList : theme.margin.list;
  return node.ordered ? { ol: items, margin } : { ul: items, margin };
};
