import type { Content } from 'pdfmake/interfaces.js';
import { theme } from '../layout.js';
import type { BlockHandlers } from '../state.js';

/** The title page: the big title, the subtitle and its lines. It is a section of its own (index.ts). */
export const titlePage: BlockHandlers['titlePage'] = (node, state) => {
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
