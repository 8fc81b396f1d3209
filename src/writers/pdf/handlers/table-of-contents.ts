import type { BlockHandlers } from '../state.js';

/** pdfmake's table of contents: it lists the headings marked as its items (heading.ts), with their pages. */
export const tableOfContents: BlockHandlers['tableOfContents'] = (node) => ({
  toc: { title: { text: node.title, style: 'tocTitle' } },
});
