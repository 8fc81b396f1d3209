import type { Block, Inline } from '../../document/tree.js';
import type { Content } from 'pdfmake/interfaces.js';
import type { TextStyle } from './theme.js';

/** What inline markup adds to a text style. */
export interface InlineStyle {
  bold?: boolean;
  italics?: boolean;
  link?: string;
  color?: string;
  decoration?: 'underline';
  background?: string;
}

/** The style an inline handler passes down: a resolved text style (or none, for headings) plus inline markup. */
export type RunStyle = Partial<TextStyle> & InlineStyle;

/** One run of inline text as pdfmake draws it. */
export type Run = RunStyle & { text: string };

/** Shared state of one conversion: what handlers need to know about the document so far. */
export interface State {
  /** Line of the block being converted, so an error can say where it happened. */
  line: number | undefined;
  /** Ids of the latest level 1 and level 2 headings, the parents of the next bookmarks. */
  outlineParents: [string | undefined, string | undefined];
  /** Set by a page break; the next block converted in the same container starts a new page. */
  pendingPageBreak: boolean;
  /** How deep the block being converted sits in lists (0 outside lists). */
  listDepth: number;
  one(block: Block): Content | undefined;
  all(blocks: readonly Block[]): Content[];
  inlines(nodes: readonly Inline[], style: RunStyle): Run[];
}

export type BlockHandler<T extends Block = Block> = (node: T, state: State) => Content | undefined;
export type InlineHandler<T extends Inline = Inline> = (node: T, state: State, style: RunStyle, out: Run[]) => void;

/** The error for a node type no handler knows: names the type and, when known, the Markdown line. */
export function unknownNode(node: unknown, state: State): Error {
  const type = typeof node === 'object' && node !== null && 'type' in node ? String(node.type) : typeof node;
  const line = positionLine(node) ?? state.line;
  const where = line === undefined ? 'at an unknown line' : `at line ${line}`;
  return new Error(`PDF writer: unknown document node type "${type}" ${where}`);
}

export function positionLine(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('position' in node)) return undefined;
  const position = node.position;
  if (typeof position !== 'object' || position === null || !('line' in position)) return undefined;
  return typeof position.line === 'number' ? position.line : undefined;
}
