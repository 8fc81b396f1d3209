import { HeadingLevel, Paragraph, TextRun } from 'docx';
import type { Inline } from '../../../document/tree.js';
import { cleanText } from '../clean-text.js';
import { SUBTITLE, TEXT_WIDTH, TITLE, TITLE_LINE } from '../layout.js';
import { startsPage } from '../page.js';
import type { BlockHandlers } from '../state.js';
import { SUBTITLE_STYLE, spacing } from '../styles.js';

const text = (value: string): Inline[] => [{ type: 'text', value }];

/**
 * The title page: the big title, the subtitle and its lines. The section has a distinct first page without header and
 * footer (page.ts); the tree starts the block after the title page on a new page.
 */
export const titlePage: BlockHandlers['titlePage'] = {
  render(node, state) {
    const title = new Paragraph({
      heading: HeadingLevel.TITLE,
      ...startsPage(node.breakBefore),
      children: [new TextRun(cleanText(node.title))],
    });
    const subtitle =
      node.subtitle === undefined
        ? []
        : [new Paragraph({ style: SUBTITLE_STYLE, children: [new TextRun(cleanText(node.subtitle))] })];
    const lines = node.lines.map(
      (line, index) =>
        new Paragraph({
          spacing: { ...spacing(TITLE_LINE), before: index === 0 && subtitle.length === 0 ? SUBTITLE.after : 0 },
          children: state.inlines(line, { size: TITLE_LINE.size }),
        }),
    );
    return [title, ...subtitle, ...lines];
  },
  measure(node, flow) {
    flow.text(text(node.title), TITLE, TEXT_WIDTH, { breakBefore: node.breakBefore });
    if (node.subtitle !== undefined) flow.text(text(node.subtitle), SUBTITLE, TEXT_WIDTH);
    for (const line of node.lines) flow.text(line, TITLE_LINE, TEXT_WIDTH);
  },
};
