/**
 * The document tree as the Markdown stage reads it, before normalize.ts: a page break is still a marker where the
 * template wrote it, the table of contents does not yet know what it lists and tables have no column widths yet. Everything else is the tree the
 * writers read (tree.ts).
 */
import type { DocumentMeta, Heading, List, Paragraph, Position, Table, TableOfContents, TitlePage } from './tree.js';

export interface SourceTree {
  meta: DocumentMeta;
  children: SourceBlock[];
}

/** `::paginaeinde`: the next block in the same container starts a new page. */
export interface PageBreak {
  type: 'pageBreak';
  position?: Position;
}

export type SourceBlock =
  TitlePage | SourceTableOfContents | Heading | Paragraph | SourceList | SourceTable | PageBreak;

export type SourceListItemBlock = Paragraph | SourceList | PageBreak;

export interface SourceList extends Omit<List, 'items'> {
  items: SourceListItemBlock[][];
}

export type SourceTableOfContents = Omit<TableOfContents, 'depth' | 'entries'>;

/** A table before its column widths are decided. */
export type SourceTable = Omit<Table, 'widths'>;
