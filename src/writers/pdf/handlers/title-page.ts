import type { Content } from 'pdfmake/interfaces.js';
import { blockElement, MARKING } from '../engine/structure.js';
import { theme } from '../layout.js';
import type { BlockHandlers } from '../state.js';

/**
 * The title page: the big title (an H1, the first heading of the document), the subtitle and its lines (each a P).
 * It is a section of its own (index.ts).
 */
export const titlePage: BlockHandlers['titlePage'] = (node, state) => {
  const { text, margin } = theme;
  const marked = (type: 'H1' | 'P') => ({ [MARKING]: blockElement(type, state.parent) });
  const stack: Content[] = [
    { text: [{ ...text.titlePageTitle, ...marked('H1'), text: node.title }], margin: margin.titlePageTitle },
  ];
  if (node.subtitle !== undefined) {
    stack.push({
      text: [{ ...text.titlePageSubtitle, ...marked('P'), text: node.subtitle }],
      margin: margin.titlePageSubtitle,
    });
  }
  for (const line of node.lines) {
    stack.push({ text: state.inlines(line, { ...text.titlePageLine, ...marked('P') }), margin: margin.titlePageLine });
  }
  return { stack };
};
