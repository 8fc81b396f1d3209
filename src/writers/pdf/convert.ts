import type { Block, DocumentTree, Heading } from '../../document/tree.js';
import type { Content, ContentSection, ContentStack } from 'pdfmake/interfaces.js';
import { blockHandlers } from './blocks.js';
import { convertInlines } from './inlines.js';
import { BODY_HEIGHT, mostHeadingHeight, typicalStartHeight } from './measure.js';
import { positionLine, unknownNode, type BlockHandler, type State } from './state.js';

/** Content objects that can start a new page: handlers never return bare strings or arrays. */
type ContentObject = Extract<Content, { pageBreak?: unknown }>;

interface Converted {
  block: Block;
  content: ContentObject;
}

function createState(): State {
  const state: State = {
    line: undefined,
    outlineParents: [undefined, undefined],
    pendingPageBreak: false,
    listDepth: 0,
    one(block) {
      if (!Object.hasOwn(blockHandlers, block.type)) throw unknownNode(block, state);
      const handler = blockHandlers[block.type] as BlockHandler;
      const outer = state.line;
      state.line = positionLine(block) ?? outer;
      const content = handler(block, state);
      state.line = outer;
      return content;
    },
    all(blocks) {
      const saved = state.pendingPageBreak;
      state.pendingPageBreak = false;
      const out: Converted[] = [];
      for (const block of blocks) {
        const content = state.one(block) as ContentObject | undefined;
        if (content === undefined) continue;
        if (state.pendingPageBreak) {
          content.pageBreak = 'before';
          state.pendingPageBreak = false;
        }
        out.push({ block, content });
      }
      state.pendingPageBreak = saved;
      // Inside list items the text column is narrower than the page's, which the estimates do not know; the
      // Markdown stage puts no headings there anyway.
      return state.listDepth > 0 ? out.map((item) => item.content) : keepHeadingsWithNext(out);
    },
    inlines: (nodes, style) => convertInlines(nodes, state, style),
  };
  return state;
}

/** Headings together with the start of what follows take at most this much: half a page. */
const MAX_KEPT_HEIGHT = BODY_HEIGHT / 2;
/** The most room kept free for the start of the block after a heading: a quarter of a page. */
const MAX_RESERVE = BODY_HEIGHT / 4;

const isHeading = (item: Converted | undefined): item is Converted & { block: Heading } =>
  item?.block.type === 'heading';

/**
 * Keeps headings on the page of what follows them. A run of headings becomes an unbreakable stack that ends
 * in empty space as tall as the start of the next block (a few lines of a paragraph, a list's first item, a
 * table's header and first row); a negative bottom margin on the stack gives that space back, so the next
 * block starts right under the headings, but the stack moves to the next page when that start (by estimate)
 * would not fit.
 *
 * The next block itself stays outside the stack and breakable: pdfmake keeps only the first page of an
 * unbreakable block and silently drops the rest, so the stack holds nothing but headings, whose height has a
 * certain upper bound, and capped space; headings that might need more than half a page are not grouped.
 * Cheaper than pdfmake's `pageBreakBefore` callback, which lays the document out again.
 */
function keepHeadingsWithNext(converted: Converted[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < converted.length;) {
    let end = i;
    while (isHeading(converted[end]) && (end === i || converted[end]?.content.pageBreak === undefined)) end++;
    const headings = converted.slice(i, end).filter(isHeading);
    const next = converted[end];
    const reserve =
      next === undefined || next.content.pageBreak !== undefined
        ? 0
        : Math.min(typicalStartHeight(next.block), MAX_RESERVE);
    const height = headings.reduce((sum, item) => sum + mostHeadingHeight(item.block), reserve);
    const [first] = headings;
    if (first === undefined || (headings.length === 1 && reserve === 0) || height > MAX_KEPT_HEIGHT) {
      for (const item of converted.slice(i, Math.max(end, i + 1))) out.push(item.content);
      i = Math.max(end, i + 1);
      continue;
    }
    const stack: ContentStack = { stack: headings.map((item) => item.content), unbreakable: true };
    if (reserve > 0) {
      stack.stack.push({ stack: [], margin: [0, reserve, 0, 0] });
      stack.margin = [0, 0, 0, -reserve];
    }
    if (first.content.pageBreak !== undefined) {
      stack.pageBreak = first.content.pageBreak;
      delete first.content.pageBreak;
    }
    out.push(stack);
    i = end;
  }
  return out;
}

/**
 * The document body as pdfmake sections: a title page is a section of its own without running header
 * and footer; everything else sits in sections that use the document's header and footer.
 */
export function convertDocument(doc: DocumentTree): ContentSection[] {
  const state = createState();
  const sections: ContentSection[] = [];
  let body: Block[] = [];
  const flush = (): void => {
    const content = state.all(body);
    if (content.length > 0) sections.push({ section: content });
    body = [];
  };
  for (const block of doc.children) {
    if (block.type !== 'titlePage') {
      body.push(block);
      continue;
    }
    flush();
    sections.push({ section: state.one(block) ?? [], header: null, footer: null });
  }
  flush();
  return sections;
}
