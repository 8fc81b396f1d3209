import { Bookmark, HeadingLevel, Paragraph } from 'docx';
import type { FileChild } from 'docx';
import type { BlockHandlers } from '../state.js';
import { TOC_LEVELS } from '../toc.js';

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export const paragraph: BlockHandlers['paragraph'] = (node, state) => [
  new Paragraph({ ...state.breakBefore(), children: state.inlines(node.children) }),
];

/**
 * Word's built-in heading styles: the navigation pane and the table of contents follow them. A heading the table of
 * contents lists carries the bookmark its entry links to.
 */
export const heading: BlockHandlers['heading'] = (node, state) => {
  const children = state.inlines(node.children);
  const entry = node.level <= TOC_LEVELS ? state.toc[state.tocHeadings++] : undefined;
  return [
    new Paragraph({
      heading: HEADING_LEVELS[node.level],
      ...state.breakBefore(),
      children: entry ? [new Bookmark({ id: entry.bookmark, children })] : children,
    }),
  ];
};

/** Asks the next block to start a new page, so no empty paragraph is left at the top of it. */
export const pageBreak: BlockHandlers['pageBreak'] = (_node, state): FileChild[] => {
  state.pageBreakPending = true;
  return [];
};
