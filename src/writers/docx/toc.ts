import { plainText } from '../../document/tree.js';
import type { Block, DocumentTree, Heading } from '../../document/tree.js';
import { cleanText } from './clean-text.js';

/** Headings up to this level are in the table of contents. */
export const TOC_LEVELS = 2;

/** An entry of the table of contents: its heading's text, the bookmark on the heading, and the page it starts on. */
export interface TocEntry {
  readonly level: number;
  readonly text: string;
  readonly bookmark: string;
  readonly page: number;
}

/** The headings the table of contents lists, in document order, those in list items too. */
export function tocHeadings(blocks: readonly Block[], out: Heading[] = []): Heading[] {
  for (const block of blocks) {
    if (block.type === 'heading' && block.level <= TOC_LEVELS) out.push(block);
    else if (block.type === 'list') for (const item of block.items) tocHeadings(item, out);
  }
  return out;
}

/**
 * The entries of the document's table of contents, with the pages estimated for their headings; none when it has no
 * table of contents. The bookmarks are named as Word names its own (`_Toc…`), in order, so the same tree gives the same
 * names.
 */
export function tocEntries(doc: DocumentTree, headingPages: readonly number[]): TocEntry[] {
  if (!doc.children.some((block) => block.type === 'tableOfContents')) return [];
  return tocHeadings(doc.children).map((heading, i) => ({
    level: heading.level,
    text: cleanText(plainText(heading.children)),
    bookmark: `_Toc${i + 1}`,
    page: headingPages[i] ?? 0,
  }));
}
