/**
 * The PDF writer, in the manner of mdast-util-to-hast: a handler per node type (handlers/) converts the tree into a
 * pdfmake document definition through a shared state (state.ts), and says for every piece of content which element
 * of the tagged PDF's structure it is (engine/structure.ts). Around it: layout.ts (page, typography, styles), page.ts
 * (running header and footer, page numbers), columns.ts (the tree's column widths in points), keep-with-next.ts and
 * run-ends.ts with the height estimates of measure.ts (headings stay with what follows, the last lines before a page
 * break together), and engine/ (pdfmake, its fonts, the patches
 * that tag the PDF and speed it up, and its XMP metadata).
 */
import type { ContentSection, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, DocumentTree, Table } from '../../document/tree.js';
import { render, UnbreakableOverflow } from './engine/pdfmake.js';
import { documentElement, type StructureElement } from './engine/structure.js';
import { blockHandlers, inlineHandlers } from './handlers/index.js';
import { keepHeadingsWithNext } from './keep-with-next.js';
import { keepRunEndsTogether } from './run-ends.js';
import { theme } from './layout.js';
import { runningFooter, runningHeader } from './page.js';
import { createState, type State, type TableLayout } from './state.js';

/** Fixed, version-free producer strings keep the bytes of the file independent of the installed versions. */
const CREATOR = 'integriteitsplan';
const PRODUCER = 'integriteitsplan (pdfmake)';

export interface PdfOptions {
  /** PDF/A-2a (for the archive) as well as PDF/UA-1. */
  pdfa?: boolean;
}

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
    const content = keepHeadingsWithNext(keepRunEndsTogether(converted));
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

/** The complete pdfmake document definition for a tree, and the tables of its Table elements. */
function documentDefinition(
  doc: DocumentTree,
  options: PdfOptions,
  tableLayouts: ReadonlyMap<Table, TableLayout>,
): { definition: TDocumentDefinitions; tables: ReadonlyMap<StructureElement, Table> } {
  const { meta } = doc;
  const tocIds = new Set(
    doc.children.flatMap((block) => (block.type === 'tableOfContents' ? block.entries : [])).map((entry) => entry.id),
  );
  const state = createState({ tocIds, root: documentElement(), tableLayouts }, blockHandlers, inlineHandlers);
  const keywords = meta.keywords.join(', ');
  const definition: TDocumentDefinitions = {
    pageSize: theme.pageSize,
    pageMargins: theme.pageMargins,
    info: {
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      ...(keywords === '' ? {} : { keywords }),
      creator: CREATOR,
      producer: PRODUCER,
      creationDate: meta.date,
      modDate: meta.date,
    },
    // PDF 1.7, so that pdfkit writes XMP metadata; tagged (PDF/UA-1), and PDF/A-2a when asked.
    version: '1.7',
    tagged: true,
    ...(options.pdfa ? { subset: 'PDF/A-2a' as const } : {}),
    language: meta.language,
    displayTitle: true,
    header: runningHeader(meta),
    footer: runningFooter(meta),
    content: sections(doc, state),
    styles: theme.styles,
    defaultStyle: theme.defaultStyle,
  };
  return { definition, tables: state.tables };
}

/**
 * What a table gives up when pdfmake cannot keep a part of it on one page: first that its start (the header row and
 * two body rows) stays together, then, when the start was not what overflowed or the table gave that up already,
 * that its rows stay whole. A row taller than a page then continues on the next.
 */
function relaxed(layout: TableLayout, startOverflowed: boolean): TableLayout | undefined {
  if (layout.keepStart && startOverflowed) return { ...layout, keepStart: false };
  if (layout.wholeRows) return { keepStart: false, wholeRows: false };
  return undefined;
}

/** The table of an overflowing block and whether its header row was part of it, from the block's markings. */
function overflowingTable(
  overflow: UnbreakableOverflow,
  tables: ReadonlyMap<StructureElement, Table>,
): { table: Table; start: boolean } | undefined {
  for (const marking of overflow.markings) {
    for (let element = marking.kind === 'element' ? marking : undefined; element; element = element.parent) {
      const table = tables.get(element);
      if (table === undefined) continue;
      const start = overflow.markings.some((m) => m.kind === 'element' && m.parent?.repeats === true);
      return { table, start };
    }
  }
  return undefined;
}

/**
 * Renders the document tree as an A4 PDF/UA-1 (and, with `pdfa`, PDF/A-2a) with embedded fonts, a title page, a table
 * of contents with page numbers, bookmarks, running header and footer, and document metadata. When pdfmake cannot
 * keep part of a table on one page, that table is laid out again with less kept together. The same tree gives the
 * same bytes.
 */
export async function writePdf(doc: DocumentTree, options: PdfOptions = {}): Promise<Uint8Array> {
  const tableLayouts = new Map<Table, TableLayout>();
  for (;;) {
    const { definition, tables } = documentDefinition(doc, options, tableLayouts);
    try {
      return await render(definition);
    } catch (error) {
      if (!(error instanceof UnbreakableOverflow)) throw error;
      const found = overflowingTable(error, tables);
      const layout =
        found && relaxed(tableLayouts.get(found.table) ?? { keepStart: true, wholeRows: true }, found.start);
      if (found === undefined || layout === undefined) throw error;
      tableLayouts.set(found.table, layout);
    }
  }
}
