import type { FileChild, ParagraphChild } from 'docx';
import type { Block, DocumentMeta, Inline } from '../../document/tree.js';
import type {
  BlockHandler,
  BlockHandlers,
  BreakBefore,
  InlineHandler,
  InlineHandlers,
  RunFormat,
  State,
} from './state.js';
import type { TocEntry } from './toc.js';

/** A node whose type no handler knows: names the type and the line it came from. */
export class UnknownNodeError extends Error {
  constructor(
    readonly kind: 'block' | 'inline',
    readonly nodeType: string,
    readonly line: number | undefined,
  ) {
    const where = line === undefined ? 'at an unknown line' : `at line ${line}`;
    const owner = kind === 'inline' ? ` in the block ${where}` : ` ${where}`;
    super(`DOCX writer: unknown ${kind} node type "${nodeType}"${owner}`);
    this.name = 'UnknownNodeError';
  }
}

function lookup<H>(table: object, type: unknown): H | undefined {
  return typeof type === 'string' && Object.hasOwn(table, type) ? (table as Record<string, H>)[type] : undefined;
}

/** Creates the state for one document, dispatching through the given handler tables. */
export function createState(
  meta: DocumentMeta,
  toc: readonly TocEntry[],
  blocks: BlockHandlers,
  inlines: InlineHandlers,
): State {
  const state: State = {
    meta,
    toc,
    tocHeadings: 0,
    position: undefined,
    pageBreakPending: false,
    started: false,
    listInstances: 0,
    inLink: false,
    one(node: Block): FileChild[] {
      const handler = lookup<BlockHandler>(blocks, node.type);
      if (!handler) throw new UnknownNodeError('block', String(node.type), node.position?.line);
      const outer = state.position;
      state.position = node.position ?? outer;
      const result = handler(node, state);
      state.position = outer;
      state.started = true;
      return result;
    },
    all(nodes: readonly Block[]): FileChild[] {
      return nodes.flatMap((node) => state.one(node));
    },
    inlines(nodes: readonly Inline[], format: RunFormat = {}): ParagraphChild[] {
      return nodes.flatMap((node) => {
        const handler = lookup<InlineHandler>(inlines, node.type);
        if (!handler) throw new UnknownNodeError('inline', String(node.type), state.position?.line);
        return handler(node, state, format);
      });
    },
    takePageBreak(): boolean {
      const pending = state.pageBreakPending;
      state.pageBreakPending = false;
      return pending;
    },
    breakBefore(force = false): BreakBefore {
      return state.takePageBreak() || force ? { pageBreakBefore: true, spacing: { before: 0 } } : {};
    },
  };
  return state;
}
