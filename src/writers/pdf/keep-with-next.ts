import type { Heading } from '../../document/tree.js';
import type { Content, ContentStack } from 'pdfmake/interfaces.js';
import { BODY_HEIGHT } from './layout.js';
import { mostHeadingHeight, typicalShortParagraphHeight, typicalStartHeight } from './measure.js';
import type { Converted } from './state.js';

/** Headings together with the start of what follows take at most this much: half a page. */
const MAX_KEPT_HEIGHT = BODY_HEIGHT / 2;
/** The most room kept free for the start of the block after a heading: a third of a page, room for a table's header and first two rows. */
const MAX_RESERVE = BODY_HEIGHT / 3;

const isHeading = (item: Converted | undefined): item is Converted & { block: Heading } =>
  item?.block.type === 'heading';

/** The end of the run of headings that starts at `start` (a heading that starts a new page ends it). */
function headingRunEnd(converted: readonly Converted[], start: number): number {
  let end = start;
  while (isHeading(converted[end]) && (end === start || converted[end]?.content.pageBreak === undefined)) end++;
  return end;
}

/**
 * About how much room the blocks from `index` on need on the page of the headings before them: the start of the next
 * block; when that is a short paragraph (an introduction such as "Monitorhoofdstuk 2: …"), all of it and the start
 * of what it introduces, be that another run of headings and what follows them. Nothing after a page break.
 */
function reserveAfter(converted: readonly Converted[], index: number, introduced = false): number {
  const next = converted[index];
  if (next === undefined || next.content.pageBreak !== undefined) return 0;
  if (isHeading(next)) {
    if (!introduced) return 0;
    const end = headingRunEnd(converted, index);
    const headings = converted.slice(index, end).filter(isHeading);
    return headings.reduce((sum, item) => sum + mostHeadingHeight(item.block), reserveAfter(converted, end));
  }
  const intro = introduced ? undefined : typicalShortParagraphHeight(next.block);
  if (intro !== undefined && converted[index + 1] !== undefined)
    return intro + reserveAfter(converted, index + 1, true);
  return typicalStartHeight(next.block);
}

/**
 * Keeps headings on the page of what follows them (pdfmake has no keep-with-next). A run of headings becomes an
 * unbreakable stack that ends in empty space as tall as the start of the next block (a few lines of a paragraph, a
 * list's first item, a table's header and first two rows; after a short introduction, that and the start of what it
 * introduces: reserveAfter); a negative bottom margin on the stack gives that space back,
 * so the next block starts right under the headings, but the stack moves to the next page when that start (by
 * estimate) would not fit.
 *
 * The next block itself stays outside the stack and breakable: pdfmake keeps only the first page of an
 * unbreakable block and silently drops the rest, so the stack holds nothing but headings, whose height has a
 * certain upper bound, and capped space; headings that might need more than half a page are not grouped.
 * Cheaper than pdfmake's `pageBreakBefore` callback, which lays the document out again. For the blocks of the
 * body: the tree puts no headings in lists, whose narrower column the estimates do not know.
 */
export function keepHeadingsWithNext(converted: readonly Converted[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < converted.length;) {
    const end = headingRunEnd(converted, i);
    const headings = converted.slice(i, end).filter(isHeading);
    const reserve = Math.min(reserveAfter(converted, end), MAX_RESERVE);
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
