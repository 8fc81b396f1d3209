/**
 * The PDF writer, in the manner of mdast-util-to-hast: a handler per node type (handlers/) converts the tree into a
 * pdfmake document definition through a shared state (state.ts). Around it: layout.ts (page, typography, styles),
 * page.ts (running header and footer, page numbers), columns.ts (table column widths), keep-with-next.ts with the
 * height estimates of measure.ts (headings stay with what follows), and engine/ (pdfmake, its fonts, and the patches
 * that speed it up).
 */
import type { ContentSection, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, DocumentTree } from '../../document/tree.js';
import { render } from './engine/pdfmake.js';
import { blockHandlers, inlineHandlers } from './handlers/index.js';
import { keepHeadingsWithNext } from './keep-with-next.js';
import { theme } from './layout.js';
import { runningFooter, runningHeader } from './page.js';
import { createState, type State } from './state.js';

/** Fixed, version-free producer strings keep the bytes of the file independent of the installed versions. */
const CREATOR = 'integriteitsplan';
const PRODUCER = 'integriteitsplan (pdfmake)';

/**
 * The document body as pdfmake sections: a title page is a section of its own without running header and footer;
 * everything else sits in sections that use the document's header and footer. A section starts a new page, so
 * the page break the tree asks before its first block is there already.
 */
function sections(doc: DocumentTree, state: State): ContentSection[] {
  const out: ContentSection[] = [];
  let body: Block[] = [];
  const flush = (): void => {
    const converted = state.all(body);
    if (converted[0] !== undefined) delete converted[0].content.pageBreak;
    const content = keepHeadingsWithNext(converted);
    if (content.length > 0) out.push({ section: content });
    body = [];
  };
  for (const block of doc.children) {
    if (block.type !== 'titlePage') {
      body.push(block);
      continue;
    }
    flush();
    out.push({ section: state.one(block), header: null, footer: null });
  }
  flush();
  return out;
}

/** The complete pdfmake document definition for a tree. */
function documentDefinition(doc: DocumentTree): TDocumentDefinitions {
  const { meta } = doc;
  const tocIds = new Set(
    doc.children.flatMap((block) => (block.type === 'tableOfContents' ? block.entries : [])).map((entry) => entry.id),
  );
  const state = createState(tocIds, blockHandlers, inlineHandlers);
  return {
    pageSize: theme.pageSize,
    pageMargins: theme.pageMargins,
    info: {
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      keywords: meta.keywords.join(', '),
      creator: CREATOR,
      producer: PRODUCER,
      creationDate: meta.date,
      modDate: meta.date,
    },
    language: meta.language,
    displayTitle: true,
    header: runningHeader(meta),
    footer: runningFooter(meta),
    content: sections(doc, state),
    styles: theme.styles,
    defaultStyle: theme.defaultStyle,
  };
}

/**
 * Renders the document tree as an A4 PDF with embedded fonts, a title page, a table of contents with page
 * numbers, bookmarks, running header and footer, and document metadata. The same tree gives the same bytes.
 */
export async function writePdf(doc: DocumentTree): Promise<Uint8Array> {
  return render(documentDefinition(doc));
}
