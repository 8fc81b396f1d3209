/**
 * The DOCX writer, in the manner of mdast-util-to-hast: a handler per node type (handlers/) renders the tree into docx
 * objects through a shared state (state.ts), and measures what it renders for the page estimate (pagination.ts, with
 * the Arial widths of measure.ts), which the table of contents shows before its headings. Around it: layout.ts and
 * styles.ts (page, typography, styles, numbering), page.ts (header, footer, page numbers, page breaks), columns.ts
 * (table column widths), and engine/ (packing the file, the same bytes for the same tree).
 */
import { Document, Paragraph } from 'docx';
import type { DocumentTree } from '../../document/tree.js';
import { handlerFor } from '../unknown-node.js';
import { cleanText } from './clean-text.js';
import { pack } from './engine/pack.js';
import { blockHandlers, inlineHandlers } from './handlers/index.js';
import { tocBookmarks } from './handlers/table-of-contents.js';
import { sectionFrame } from './page.js';
import { Flow, paginate, type PageEstimate } from './pagination.js';
import { createState, type BlockHandler } from './state.js';
import { documentNumbering, documentStyles } from './styles.js';

/** Estimates the pages of a document as the handlers render it, in Arial's widths, without laying out every run. */
export function estimatePages(doc: DocumentTree): PageEstimate {
  const flow = new Flow();
  for (const block of doc.children) {
    handlerFor<BlockHandler>(blockHandlers, block, 'DOCX', 'block', block.position?.line).measure(block, flow);
  }
  return paginate(flow);
}

/**
 * Renders the document tree as a DOCX file: Word's heading styles, a filled table of contents, A4 pages with header,
 * footer and page numbers. The same tree gives the same bytes, in any process.
 */
export async function writeDocx(doc: DocumentTree): Promise<Uint8Array> {
  const { meta } = doc;
  const { headingPages } = estimatePages(doc);
  const state = createState({ meta, bookmarks: tocBookmarks(doc), headingPages }, blockHandlers, inlineHandlers);
  const children = state.all(doc.children);
  const document = new Document({
    title: cleanText(meta.title),
    subject: cleanText(meta.subject),
    creator: cleanText(meta.author),
    lastModifiedBy: cleanText(meta.author),
    description: cleanText(meta.subject),
    keywords: cleanText(meta.keywords.join(', ')),
    revision: 1,
    styles: documentStyles(meta.language),
    numbering: documentNumbering(),
    sections: [
      {
        ...sectionFrame(meta, doc.children[0]?.type === 'titlePage'),
        children: children.length > 0 ? children : [new Paragraph({})],
      },
    ],
  });
  return pack(document, meta.date);
}
