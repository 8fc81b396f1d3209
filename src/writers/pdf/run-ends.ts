import type { Paragraph } from '../../document/tree.js';
import { BODY_HEIGHT } from './layout.js';
import { mostParagraphHeight, typicalParagraphLines } from './measure.js';
import type { Converted } from './state.js';

/** The last page of a run of pages (up to a page break of the tree, or the end) holds at least this many lines. */
const TAIL_LINES = 3;
/** Up to this many lines of paragraphs are kept together for that, by estimate. */
const MAX_KEPT_LINES = 10;
/** And at most this much, certainly: an unbreakable block taller than a page would be lost. */
const MAX_KEPT_HEIGHT = BODY_HEIGHT / 3;

const isParagraph = (item: Converted | undefined): item is Converted & { block: Paragraph } =>
  item?.block.type === 'paragraph';

/**
 * Keeps the last lines of every run of pages together, so that no page holds only the last line of a chapter and a
 * place to fill in before the next page break: the paragraphs at the end of a run, from the last one back until
 * they hold at least three lines by estimate, become one unbreakable stack, which moves to the next page as a whole
 * when it does not fit. Only paragraphs, and only up to ten lines and a third of a page for certain (longer ones
 * break as they fall).
 */
export function keepRunEndsTogether(converted: readonly Converted[]): Converted[] {
  const out = [...converted];
  for (let end = out.length; end > 0;) {
    // The run ends before `end`: it starts at the last block with a page break before it.
    let start = end - 1;
    while (start > 0 && out[start]?.content.pageBreak === undefined) start--;
    let first = end;
    let lines = 0;
    let height = 0;
    while (first > start && lines < TAIL_LINES) {
      const item = out[first - 1];
      if (!isParagraph(item)) break;
      lines += typicalParagraphLines(item.block);
      height += mostParagraphHeight(item.block);
      first--;
    }
    const kept = out.slice(first, end);
    if (kept.length > 0 && lines >= TAIL_LINES && lines <= MAX_KEPT_LINES && height <= MAX_KEPT_HEIGHT) {
      const [head] = kept;
      const content: Converted['content'] = { stack: kept.map((item) => item.content), unbreakable: true };
      if (head?.content.pageBreak !== undefined) {
        content.pageBreak = head.content.pageBreak;
        delete head.content.pageBreak;
      }
      out.splice(first, kept.length, { block: head!.block, content });
    }
    end = start;
  }
  return out;
}
