/**
 * The DOCX writer, in the manner of mdast-util-to-hast: a handler per node type (handlers/) renders the tree into docx
 * objects through a shared state (state.ts, render.ts). Around it: layout.ts and styles.ts (page, typography, styles,
 * numbering), page.ts (header, footer, page numbers), columns.ts (table column widths), pagination.ts with measure.ts
 * and arial-widths.ts (the page each heading lands on, for the table of contents, toc.ts), and reproducible.ts (the
 * same bytes for the same tree).
 */
import { Document, Packer, Paragraph } from 'docx';
import type { DocumentTree } from '../../document/tree.js';
import { cleanText } from './clean-text.js';
import { blockHandlers, inlineHandlers } from './handlers/index.js';
import { sectionFrame } from './page.js';
import { estimatePages } from './pagination.js';
import { createState } from './render.js';
import { makeReproducible } from './reproducible.js';
import { documentNumbering, documentStyles } from './styles.js';
import { tocEntries } from './toc.js';

export { UnknownNodeError } from './render.js';

/**
 * Renders the document tree as a DOCX file: Word's heading styles, a filled table of contents, A4 pages with header,
 * footer and page numbers. The same tree gives the same bytes, in any process.
 */
export async function writeDocx(doc: DocumentTree): Promise<Uint8Array> {
  const { meta } = doc;
  // The pages are estimated first: the table of contents, which comes before its headings, shows them.
  const estimate = estimatePages(doc);
  const state = createState(meta, tocEntries(doc, estimate.headingPages), blockHandlers, inlineHandlers);
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
  const packed = await Packer.pack(document, 'uint8array');
  return makeReproducible(packed, meta.date);
}
