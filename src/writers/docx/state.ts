import type { FileChild, IRunOptions, ParagraphChild } from 'docx';
import type { Block, DocumentMeta, Inline, Position } from '../../document/tree.js';
import type { TocEntry } from './toc.js';

/** The run formatting that enclosing inlines (strong, emphasis, fill-in, link) pass down to their text. */
export type RunFormat = Pick<IRunOptions, 'bold' | 'italics' | 'highlight' | 'style' | 'size'>;

/** What every handler shares while one document is rendered, as mdast-util-to-hast's `state`. */
export interface State {
  readonly meta: DocumentMeta;
  /** The entries of the table of contents, in the order of their headings; none without a table of contents. */
  readonly toc: readonly TocEntry[];
  /** How many headings of the table of contents have been rendered. */
  tocHeadings: number;
  /** The block being rendered, so errors in its inlines can name a line. */
  position: Position | undefined;
  /** A pageBreak node was seen: the next paragraph starts a new page. */
  pageBreakPending: boolean;
  /** Whether a block has been rendered yet. */
  started: boolean;
  /** Counts ordered list instances, so each ordered list restarts its numbering. */
  listInstances: number;
  /** Whether a link is being rendered: links inside links render as their text. */
  inLink: boolean;
  /** Renders one block through the handler table. */
  one(node: Block): FileChild[];
  /** Renders blocks in order. */
  all(nodes: readonly Block[]): FileChild[];
  /** Renders inline content with the formatting of its enclosing inlines. */
  inlines(nodes: readonly Inline[], format?: RunFormat): ParagraphChild[];
  /** Returns whether the next paragraph must start a new page, and clears the request. */
  takePageBreak(): boolean;
  /**
   * Paragraph options that start a new page when a page break is pending (and clear it): Word drops the space before a
   * paragraph at the top of a page, LibreOffice keeps it after a page break, so it is left out there.
   */
  breakBefore(force?: boolean): BreakBefore;
}

export type BlockHandler<T extends Block = Block> = (node: T, state: State) => FileChild[];
export type InlineHandler<T extends Inline = Inline> = (node: T, state: State, format: RunFormat) => ParagraphChild[];

export type BreakBefore = { pageBreakBefore?: true; spacing?: { before: 0 } };

export type BlockHandlers = { readonly [K in Block['type']]: BlockHandler<Extract<Block, { type: K }>> };
export type InlineHandlers = { readonly [K in Inline['type']]: InlineHandler<Extract<Inline, { type: K }>> };
