import { plainText } from '../../../document/tree.js';
import { blockElement, MARKING } from '../engine/structure.js';
import type { BlockHandlers } from '../state.js';

/**
 * pdfmake's table of contents: it lists the headings marked as its items (heading.ts), with their pages. Its title is
 * an H1; the contents a TOC with a TOCI per entry, whose Link holds the entry's text and page number, both of which
 * link to the heading (pdfmake draws them from the heading's own runs, root.linkTargets says where they belong).
 */
export const tableOfContents: BlockHandlers['tableOfContents'] = (node, state) => {
  const title = blockElement('H1', state.parent);
  const toc = blockElement('TOC', state.parent);
  for (const entry of node.entries) {
    if (!state.tocIds.has(entry.id)) continue;
    const item = blockElement('TOCI', toc);
    state.root.linkTargets.set(
      entry.id,
      blockElement('Link', item, { annotationText: plainText(entry.children).trim() }),
    );
  }
  return { toc: { title: { text: [{ text: node.title, [MARKING]: title }], style: 'tocTitle' } } };
};
