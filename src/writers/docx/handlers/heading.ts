import { Bookmark, HeadingLevel, Paragraph } from 'docx';
import { HEADINGS, TEXT_WIDTH } from '../layout.js';
import { startsPage } from '../page.js';
import type { BlockHandlers } from '../state.js';

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/**
 * Word's built-in heading styles: the navigation pane and the table of contents follow them. A heading the table of
 * contents lists carries the bookmark its entry links to. Headings stay with the paragraph after them.
 */
export const heading: BlockHandlers['heading'] = {
  render(node, state) {
    const children = state.inlines(node.children);
    const bookmark = state.bookmarks.get(node.id);
    return [
      new Paragraph({
        heading: HEADING_LEVELS[node.level],
        ...startsPage(node.breakBefore),
        children: bookmark === undefined ? children : [new Bookmark({ id: bookmark, children })],
      }),
    ];
  },
  measure(node, flow) {
    flow.text(node.children, HEADINGS[node.level], TEXT_WIDTH, {
      keepNext: true,
      breakBefore: node.breakBefore,
      headingId: node.id,
    });
  },
};
