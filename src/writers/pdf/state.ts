import type { Block, Inline, Table } from '../../document/tree.js';
import type { Content } from 'pdfmake/interfaces.js';
import { handlerFor } from '../unknown-node.js';
import { MARKING, type Marking, type StructureElement, type StructureRoot } from './engine/structure.js';
import type { TextStyle } from './layout.js';

/** What inline markup adds to a text style. */
export interface InlineStyle {
  bold?: boolean;
  italics?: boolean;
  link?: string;
  color?: string;
  decoration?: 'underline';
  background?: string;
  /** The structure element (or artifact) the text belongs to in the tagged PDF. */
  [MARKING]?: Marking;
}

/** The style an inline handler passes down: a resolved text style (or none, for headings) plus inline markup. */
export type RunStyle = Partial<TextStyle> & InlineStyle;

/** One run of inline text as pdfmake draws it. */
export type Run = RunStyle & { text: string };

/** Content objects, which can start a new page: handlers never return bare strings or arrays. */
export type ContentObject = Extract<Content, { pageBreak?: unknown }>;

/** A block converted: the node and its pdfmake content. */
export interface Converted {
  block: Block;
  content: ContentObject;
}

/**
 * How a table is laid out. By default its header row and first two body rows start a page together and no row
 * splits; a table whose start, or one of whose rows, is taller than a page gives that up (index.ts).
 */
export interface TableLayout {
  keepStart: boolean;
  wholeRows: boolean;
}

/** What every handler shares while one document is converted, as mdast-util-to-hast's `state`. */
export interface State {
  /** The ids of the headings the table of contents lists. */
  readonly tocIds: ReadonlySet<string>;
  /** Line of the block being converted, so an error can say where it happened. */
  line: number | undefined;
  /** Ids of the latest level 1 and level 2 headings, the parents of the next bookmarks. */
  outlineParents: [string | undefined, string | undefined];
  /** How deep the block being converted sits in lists (0 outside lists). */
  listDepth: number;
  /** The document's structure element (engine/structure.ts). */
  readonly root: StructureRoot;
  /** The structure element the blocks being converted belong to: the document, or a list item's body. */
  parent: StructureElement;
  /** The table each Table element was made for, to find a table pdfmake could not keep together. */
  readonly tables: Map<StructureElement, Table>;
  /** How a table is laid out. */
  tableLayout(node: Table): TableLayout;
  /** Converts one block through the handler table. */
  one(block: Block): ContentObject;
  /** Converts the blocks of one container in order: a block with `breakBefore` starts a new page. */
  all(blocks: readonly Block[]): Converted[];
  /** Converts inline content into flat, merged runs for a pdfmake `text` array, appended to `out`. */
  inlines(nodes: readonly Inline[], style: RunStyle, out?: Run[]): Run[];
}

export type BlockHandler<T extends Block = Block> = (node: T, state: State) => ContentObject;
export type InlineHandler<T extends Inline = Inline> = (node: T, state: State, style: RunStyle, out: Run[]) => void;

export type BlockHandlers = { readonly [K in Block['type']]: BlockHandler<Extract<Block, { type: K }>> };
export type InlineHandlers = { readonly [K in Inline['type']]: InlineHandler<Extract<Inline, { type: K }>> };

export interface StateOptions {
  tocIds: ReadonlySet<string>;
  root: StructureRoot;
  /** Tables laid out otherwise than by default. */
  tableLayouts: ReadonlyMap<Table, TableLayout>;
}

const DEFAULT_TABLE_LAYOUT: TableLayout = { keepStart: true, wholeRows: true };

/** The state for one document, dispatching through the given handler tables. */
export function createState(options: StateOptions, blocks: BlockHandlers, inlines: InlineHandlers): State {
  const state: State = {
    tocIds: options.tocIds,
    line: undefined,
    outlineParents: [undefined, undefined],
    listDepth: 0,
    root: options.root,
    parent: options.root,
    tables: new Map(),
    tableLayout: (node) => options.tableLayouts.get(node) ?? DEFAULT_TABLE_LAYOUT,
    one(block) {
      const handler = handlerFor<BlockHandler>(blocks, block, 'PDF', 'block', block.position?.line ?? state.line);
      const outer = state.line;
      state.line = block.position?.line ?? outer;
      const content = handler(block, state);
      state.line = outer;
      return content;
    },
    all(blocks) {
      return blocks.map((block) => {
        const content = state.one(block);
        if (block.breakBefore) content.pageBreak = 'before';
        return { block, content };
      });
    },
    inlines(nodes, style, out = []) {
      for (const node of nodes) {
        handlerFor<InlineHandler>(inlines, node, 'PDF', 'inline', state.line)(node, state, style, out);
      }
      return out;
    },
  };
  return state;
}
