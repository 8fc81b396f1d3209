import type { Block, DocumentTree } from '../../document/tree.js';
import type { Content, ContentSection, ContentStack } from 'pdfmake/interfaces.js';
import { blockHandlers } from './blocks.js';
import { convertInlines } from './inlines.js';
import { positionLine, unknownNode, type BlockHandler, type State } from './state.js';

/** Content objects that can start a new page: handlers never return bare strings or arrays. */
type ContentObject = Extract<Content, { pageBreak?: unknown }>;

interface Converted {
  type: Block['type'];
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
        out.push({ type: block.type, content });
      }
      state.pendingPageBreak = saved;
      return keepHeadingsWithNext(out);
    },
    inlines: (nodes, style) => convertInlines(nodes, state, style),
  };
  return state;
}

/**
 * Keeps headings on the page of what follows them: a run of headings plus the paragraph after it becomes
 * one unbreakable stack. Cheaper than pdfmake's `pageBreakBefore` callback, which lays the document out again.
 */
function keepHeadingsWithNext(converted: Converted[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < converted.length;) {
    const joins = (index: number, type: Block['type']): boolean =>
      converted[index]?.type === type && converted[index]?.content.pageBreak === undefined;
    let end = i;
    if (converted[i]?.type === 'heading') end++;
    while (end > i && joins(end, 'heading')) end++;
    if (end > i && joins(end, 'paragraph')) end++;
    const group = converted.slice(i, Math.max(end, i + 1)).map((item) => item.content);
    const [first] = group;
    if (group.length === 1 && first !== undefined) out.push(first);
    else {
      const stack: ContentStack = { stack: group, unbreakable: true };
      if (first?.pageBreak !== undefined) {
        stack.pageBreak = first.pageBreak;
        delete first.pageBreak;
      }
      out.push(stack);
    }
    i += group.length;
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
