/**
 * The one document tree that every writer renders. Templates produce Markdown; the Markdown stage reads it into a
 * source tree (source.ts); normalize.ts decides once what every format needs and gives this tree; the DOCX and PDF
 * writers read only this. If a writer needs something the tree cannot say, extend the tree here, never a template
 * or a single writer. The types say what each parent may hold: the document holds every block, a list item only
 * paragraphs and lists.
 */

/** Where a node came from in the Markdown the templates produced (1-based). */
export interface Position {
  line: number;
}

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** BCP 47, e.g. "nl-NL". */
  language: string;
  /** Fixes every date inside the files, so the same answers give the same bytes. */
  date: Date;
  /** Running header text (the organisation's name). */
  header: string;
  /** Running footer text (status and date). */
  footer: string;
  /** The page number in the footer: text, the number of the page and the number of pages, in order. */
  pageNumber: PageNumberPart[];
}

export type PageNumberPart = { type: 'text'; value: string } | { type: 'pageNumber' } | { type: 'pageCount' };

export interface DocumentTree {
  meta: DocumentMeta;
  children: Block[];
}

/** What the document holds. */
export type Block = TitlePage | TableOfContents | Heading | Paragraph | List | Table;

/** What a list item holds. */
export type ListItemBlock = Paragraph | List;

interface BlockBase {
  /** The block starts a new page (a page break in the template, or the page after a title page). */
  breakBefore?: true;
  position?: Position;
}

/** The first page: a big title, a subtitle, then short lines (organisation, period, status…). A page of its own. */
export interface TitlePage extends BlockBase {
  type: 'titlePage';
  title: string;
  subtitle?: string;
  lines: Inline[][];
}

/** Lists the document's headings up to `depth` with their page numbers. */
export interface TableOfContents extends BlockBase {
  type: 'tableOfContents';
  title: string;
  depth: HeadingLevel;
  /** The headings it lists, in document order. */
  entries: TocEntry[];
}

/** A heading the table of contents lists: writers find the heading by its id. */
export interface TocEntry {
  id: string;
  level: HeadingLevel;
  children: Inline[];
}

export type HeadingLevel = 1 | 2 | 3;

export interface Heading extends BlockBase {
  type: 'heading';
  level: HeadingLevel;
  /** Unique in the document; usable as bookmark or anchor name (ASCII letters, digits, '-'). */
  id: string;
  children: Inline[];
}

export interface Paragraph extends BlockBase {
  type: 'paragraph';
  children: Inline[];
}

export interface List extends BlockBase {
  type: 'list';
  ordered: boolean;
  items: ListItemBlock[][];
}

export interface Table extends BlockBase {
  type: 'table';
  /** One entry per column; `null` means the writer's default (left). */
  align: ('left' | 'center' | 'right' | null)[];
  /** The header row: repeated on every page the table spans. */
  header: Inline[][];
  rows: Inline[][][];
  /** The width of each column as a fraction of the table's width (summing to 1), from its content (columns.ts). */
  widths: number[];
}

export type Inline = Text | Strong | Emphasis | Link | FillIn | LineBreak;

export interface Text {
  type: 'text';
  value: string;
}

export interface Strong {
  type: 'strong';
  children: Inline[];
}

export interface Emphasis {
  type: 'emphasis';
  children: Inline[];
}

export interface Link {
  type: 'link';
  url: string;
  children: Inline[];
}

/** A place the organisation must fill in itself; writers make it stand out (highlight, box). */
export interface FillIn {
  type: 'fillIn';
  children: Inline[];
}

export interface LineBreak {
  type: 'lineBreak';
}

/** The plain text of inline content, e.g. for bookmarks and document outlines. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'lineBreak':
          return ' ';
        default:
          return plainText(node.children);
      }
    })
    .join('');
}
