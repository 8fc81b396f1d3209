import type { FileChild, IRunOptions, ParagraphChild } from 'docx';
import type { Block, DocumentMeta, Inline, Position } from '../../document/tree.js';
import { handlerFor } from '../unknown-node.js';
import type { Flow } from './pagination.js';

/** The run formatting that enclosing inlines (strong, emphasis, fill-in, link) pass down to their text. */
export type RunFormat = Pick<IRunOptions, 'bold' | 'italics' | 'highlight' | 'style' | 'size'>;

/** What every handler shares while one document is rendered, as mdast-util-to-hast's `state`. */
export interface State {
  readonly meta: DocumentMeta;
  /** The bookmark of each heading the table of contents lists, by heading id. */
  readonly bookmarks: ReadonlyMap<string, string>;
  /** The page each heading starts on, by heading id, as estimated before rendering (pagination.ts). */
  readonly headingPages: ReadonlyMap<string, number>;
  /** The block being rendered, so errors in its inlines can name a line. */
  position: Position | undefined;
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
}

/**
 * A block type's handler: how it renders and how much room it takes on the page. Both are required, so a node type
 * without its page estimate does not compile.
 */
export interface BlockHandler<T extends Block = Block> {
  render(node: T, state: State): FileChild[];
  /** Adds the node's lines and table rows to the flow of the page estimate, as `render` lays them out. */
  measure(node: T, flow: Flow): void;
}
export type InlineHandler<T extends Inline = Inline> = (node: T, state: State, format: RunFormat) => ParagraphChild[];

export type BlockHandlers = { readonly [K in Block['type']]: BlockHandler<Extract<Block, { type: K }>> };
export type InlineHandlers = { readonly [K in Inline['type']]: InlineHandler<Extract<Inline, { type: K }>> };

/** The state for one document, dispatching through the given handler tables. */
export function createState(
  shared: Pick<State, 'meta' | 'bookmarks' | 'headingPages'>,
  blocks: BlockHandlers,
  inlines: InlineHandlers,
): State {
  const state: State = {
    ...shared,
    position: undefined,
    listInstances: 0,
    inLink: false,
    one(node) {
      const handler = handlerFor<BlockHandler>(blocks, node, 'DOCX', 'block', node.position?.line);
      const outer = state.position;
      state.position = node.position ?? outer;
      const result = handler.render(node, state);
      state.position = outer;
      return result;
    },
    all(nodes) {
      return nodes.flatMap((node) => state.one(node));
    },
    inlines(nodes, format = {}) {
      return nodes.flatMap((node) =>
        handlerFor<InlineHandler>(inlines, node, 'DOCX', 'inline', state.position?.line)(node, state, format),
      );
    },
  };
  return state;
}
