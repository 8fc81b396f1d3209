import {
  InternalHyperlink,
  LeaderType,
  Paragraph,
  SimpleField,
  Tab,
  TableOfContents,
  TabStopType,
  TextRun,
} from 'docx';
import { plainText } from '../../../document/tree.js';
import type { DocumentTree, Inline, TocEntry } from '../../../document/tree.js';
import { cleanText } from '../clean-text.js';
import { BODY, LIST_INDENT, TEXT_WIDTH, TOC_ENTRIES, TOC_HEADING } from '../layout.js';
import { startsPage } from '../page.js';
import type { BlockHandlers, State } from '../state.js';
import { TOC_HEADING_STYLE } from '../styles.js';

/** Room a TOC entry leaves for its dot leader and page number. */
const TOC_NUMBER_ROOM = 600;

/**
 * The bookmarks the entries of the table of contents link to, by heading id; none without a table of contents. They
 * are named as Word names its own (`_Toc…`), in order, so the same tree gives the same names.
 */
export function tocBookmarks(doc: DocumentTree): Map<string, string> {
  const bookmarks = new Map<string, string>();
  for (const block of doc.children) {
    if (block.type !== 'tableOfContents') continue;
    for (const { id } of block.entries) if (!bookmarks.has(id)) bookmarks.set(id, `_Toc${bookmarks.size + 1}`);
  }
  return bookmarks;
}

/** An entry of the table of contents: its heading's text, linked to the heading, a dot leader and its page. */
function entry({ id, level, children }: TocEntry, state: State): Paragraph {
  const bookmark = state.bookmarks.get(id) ?? '';
  return new Paragraph({
    style: `TOC${level}`,
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
    children: [
      new InternalHyperlink({
        anchor: bookmark,
        children: [
          new TextRun(cleanText(plainText(children))),
          new TextRun({ children: [new Tab()] }),
          new SimpleField(`PAGEREF ${bookmark} \\h`, String(state.headingPages.get(id) ?? 0)),
        ],
      }),
    ],
  });
}

const text = (value: string): Inline[] => [{ type: 'text', value }];

/**
 * The table of contents: the title as Word's "TOC Heading" (outside the outline), then a TOC field over the headings
 * up to the tree's depth, written filled in with an entry for each heading and the page estimated for it
 * (pagination.ts), so readers that do not update fields, such as LibreOffice, show it complete, and Word does not ask
 * to update it. Word's "Update table" makes it anew from the headings.
 */
export const tableOfContents: BlockHandlers['tableOfContents'] = {
  render(node, state) {
    return [
      new Paragraph({
        style: TOC_HEADING_STYLE,
        ...startsPage(node.breakBefore),
        children: [new TextRun(cleanText(node.title))],
      }),
      new TableOfContents(cleanText(node.title), {
        hyperlink: true,
        headingStyleRange: `1-${node.depth}`,
        beginDirty: false,
        contentChildren: node.entries.map((heading) => entry(heading, state)),
      }),
    ];
  },
  /** The title, the paragraph that begins the field (empty), an entry per heading, the paragraph that ends it. */
  measure(node, flow) {
    flow.text(text(node.title), TOC_HEADING, TEXT_WIDTH, { keepNext: true, breakBefore: node.breakBefore });
    flow.lines(BODY, 1);
    for (const { level, children } of node.entries) {
      const m = TOC_ENTRIES[level];
      flow.text(children, m, TEXT_WIDTH - (level - 1) * LIST_INDENT - TOC_NUMBER_ROOM);
    }
    flow.lines(BODY, 1);
  },
};
