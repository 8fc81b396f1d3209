import {
  HeadingLevel,
  InternalHyperlink,
  LeaderType,
  Paragraph,
  SimpleField,
  Tab,
  TableOfContents,
  TabStopType,
  TextRun,
} from 'docx';
import { cleanText } from '../clean-text.js';
import { SUBTITLE, TEXT_WIDTH, TITLE_LINE } from '../layout.js';
import { SUBTITLE_STYLE, TOC_HEADING_STYLE, spacing } from '../styles.js';
import type { BlockHandlers } from '../state.js';
import { TOC_LEVELS } from '../toc.js';
import type { TocEntry } from '../toc.js';

/**
 * The title page: the big title, the subtitle and its lines. The section has a distinct first page without header and
 * footer, and the block after the title page starts a new page.
 */
export const titlePage: BlockHandlers['titlePage'] = (node, state) => {
  const first = !state.started;
  const title = new Paragraph({
    heading: HeadingLevel.TITLE,
    ...state.breakBefore(!first),
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
  state.pageBreakPending = true;
  return [title, ...subtitle, ...lines];
};

/** An entry of the table of contents: its heading's text, linked to the heading, a dot leader and its page. */
function entry({ level, text, bookmark, page }: TocEntry): Paragraph {
  return new Paragraph({
    style: `TOC${level}`,
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
    children: [
      new InternalHyperlink({
        anchor: bookmark,
        children: [
          new TextRun(text),
          new TextRun({ children: [new Tab()] }),
          new SimpleField(`PAGEREF ${bookmark} \\h`, String(page)),
        ],
      }),
    ],
  });
}

/**
 * The table of contents: the title as Word's "TOC Heading" (outside the outline), then a TOC field over headings 1–2,
 * written filled in with an entry for each heading and the page estimated for it (pagination.ts), so readers that do
 * not update fields, such as LibreOffice, show it complete, and Word does not ask to update it. Word's "Update table"
 * makes it anew from the headings.
 */
export const tableOfContents: BlockHandlers['tableOfContents'] = (node, state) => [
  new Paragraph({
    style: TOC_HEADING_STYLE,
    ...state.breakBefore(),
    children: [new TextRun(cleanText(node.title))],
  }),
  new TableOfContents(cleanText(node.title), {
    hyperlink: true,
    headingStyleRange: `1-${TOC_LEVELS}`,
    beginDirty: false,
    contentChildren: state.toc.map(entry),
  }),
];
