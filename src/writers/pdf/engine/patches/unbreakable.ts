import { MARKING, type Marking } from '../structure.js';
import { internalChanged, internalPrototype } from './internals.js';

/**
 * Layout hook: pdfmake 0.3.11 silently drops an unbreakable block (a kept-together table start, a row kept whole)
 * that is taller than a page: it lays the block out in a context of no height limit, then cannot place it on a
 * page, not even an empty one, and goes on without it. For this writer's content (marked with structure elements)
 * this throws an UnbreakableOverflow instead, naming what the block held, so the writer can lay the document out
 * again with that block breakable (index.ts). Nothing of a document is ever lost.
 */

/** A block that had to stay on one page did not fit on one: the markings of what it held, in order. */
export class UnbreakableOverflow extends Error {
  constructor(readonly markings: readonly Marking[]) {
    super('PDF writer: an unbreakable block is taller than a page');
    this.name = 'UnbreakableOverflow';
  }
}

/** A laid-out unbreakable block: the page of its own context. */
interface Fragment {
  items: { type: string; item: unknown }[];
}

interface PageElementWriter {
  addFragment(fragment: Fragment, ...rest: unknown[]): unknown;
}

/** The markings of the lines and vectors of a block, in order, each once. */
function markingsOf(fragment: Fragment): Marking[] {
  const found = new Set<Marking>();
  for (const { type, item } of fragment.items) {
    const drawn = type === 'line' ? ((item as { inlines?: { [MARKING]?: Marking }[] }).inlines ?? []) : [item];
    for (const part of drawn as { [MARKING]?: Marking }[]) {
      const marking = part?.[MARKING];
      if (marking !== undefined) found.add(marking);
    }
  }
  return [...found];
}

let installed = false;

/** Installs the hook once per process; blocks without markings (other pdfmake users) are left as pdfmake has them. */
export function installUnbreakableCheck(): void {
  if (installed) return;
  const proto = internalPrototype<PageElementWriter>('PageElementWriter.js', ['addFragment', 'commitUnbreakableBlock']);
  const original = proto.addFragment;
  // commitUnbreakableBlock places a block with addFragment, which moves it to the next page when it does not fit and
  // returns false when it does not fit there either.
  proto.addFragment = function (this: PageElementWriter, fragment, ...rest) {
    const placed = original.call(this, fragment, ...rest);
    if (placed !== false) return placed;
    if (!Array.isArray(fragment?.items)) throw internalChanged("pdfmake's unbreakable block (items)");
    const markings = markingsOf(fragment);
    if (markings.length > 0) throw new UnbreakableOverflow(markings);
    return placed;
  };
  installed = true;
}
