import type { Content } from 'pdfmake/interfaces.js';
import { blockElement, LIST_LABEL } from '../engine/structure.js';
import { theme } from '../layout.js';
import type { BlockHandlers } from '../state.js';

/**
 * Ordered and unordered lists (L), an item (LI) its marker (Lbl: pdfmake draws a bullet or a number, which the
 * list-markers patch gives the label of LIST_LABEL) and its body (LBody); an item of more than one block is a stack.
 */
export const list: BlockHandlers['list'] = (node, state) => {
  const outer = state.parent;
  const element = blockElement('L', outer);
  state.listDepth++;
  const items = node.items.map((blocks): Content => {
    const item = blockElement('LI', element);
    const label = blockElement('Lbl', item, node.ordered ? {} : { options: { actual: '•' } });
    state.parent = blockElement('LBody', item);
    const content = state.all(blocks).map((converted) => converted.content);
    const only = content.length === 1 ? content[0] : undefined;
    const itemContent = (only !== undefined && typeof only === 'object' ? only : { stack: content }) as Content &
      Record<typeof LIST_LABEL, unknown>;
    itemContent[LIST_LABEL] = label;
    return itemContent;
  });
  state.parent = outer;
  state.listDepth--;
  const margin = state.listDepth > 0 ? theme.margin.nestedList : theme.margin.list;
  return node.ordered ? { ol: items, margin } : { ul: items, margin };
};
