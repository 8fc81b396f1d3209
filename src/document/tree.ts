/**
 * The one document tree that every writer renders. Templates produce Markdown; the Markdown
 * stage turns it into this tree; the DOCX and PDF writers read only this. If a writer needs
 * something the tree cannot say, extend the tree here, never a template or a single writer.
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
  /** Page number pattern with the placeholders {pagina} and {totaal}, e.g. "Pagina {pagina} van {totaal}". */
  pageNumber: string;
}

export interface DocumentTree {
  meta: DocumentMeta;
  children: Block[];
}

export type Block = TitlePage | TableOfContents | Heading | Paragraph | List | Table | PageBreak;

/** The first page: a big title, a subtitle, then short lines (organisation, period, status…). */
export interface TitlePage {
  type: 'titlePage';
  title: string;
  subtitle?: string;
  lines: Inline[][];
  position?: Position;
}

/** Lists the headings of level 1 and 2 with their page numbers. */
export interface TableOfContents {
  type: 'tableOfContents';
  title: string;
  position?: Position;
}

export interface Heading {
  type: 'heading';
  level: 1 | 2 | 3;
  /** Unique in the document; usable as bookmark or anchor name (ASCII letters, digits, '-'). */
  id: string;
  children: Inline[];
  position?: Position;
}

export interface Paragraph {
  type: 'paragraph';
  children: Inline[];
  position?: Position;
}

export interface List {
  type: 'list';
  ordered: boolean;
  /** Each item holds paragraphs and nested lists. */
  items: Block[][];
  position?: Position;
}

export interface Table {
  type: 'table';
  /** One entry per column; `null` means the writer's default (left). */
  align: ('left' | 'center' | 'right' | null)[];
  /** The header row: repeated on every page the table spans. */
  header: Inline[][];
  rows: Inline[][][];
  position?: Position;
}

export interface PageBreak {
  type: 'pageBreak';
  position?: Position;
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
