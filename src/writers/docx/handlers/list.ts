import { Paragraph } from 'docx';
import type { FileChild } from 'docx';
import type { List, Paragraph as ParagraphNode } from '../../../document/tree.js';
import { LIST_INDENT, LIST_ITEM, TEXT_WIDTH } from '../layout.js';
import { startsPage } from '../page.js';
import type { BlockHandlers, State } from '../state.js';
import { BULLET_LIST, ORDERED_LIST } from '../styles.js';

/** Word has nine list levels; deeper lists stay on the last. */
const MAX_LEVEL = 8;

/** What the walk over a list meets, in document order. */
interface ListVisitor {
  /** A list (or nested list) begins, at `level` (0 for the outer list). */
  list(node: List, level: number): void;
  /**
   * A paragraph of an item: `first` carries the item's bullet or number. `node` is undefined for the empty paragraph
   * that shows the bullet of an item that starts with a nested list.
   */
  paragraph(node: ParagraphNode | undefined, level: number, first: boolean, breakBefore: boolean): void;
}

/**
 * Walks a list as it is rendered, for render and measure alike: a page break before a list (or nested list) goes to
 * its first paragraph.
 */
function walk(node: List, visitor: ListVisitor, level = 0, pending = { breakBefore: node.breakBefore === true }): void {
  const take = (own: boolean | undefined): boolean => {
    const breakBefore = pending.breakBefore || own === true;
    pending.breakBefore = false;
    return breakBefore;
  };
  visitor.list(node, level);
  for (const item of node.items) {
    let numbered = false;
    if (item[0]?.type !== 'paragraph') {
      visitor.paragraph(undefined, level, true, take(false));
      numbered = true;
    }
    for (const block of item) {
      if (block.type === 'list') {
        pending.breakBefore ||= block.breakBefore === true;
        walk(block, visitor, level + 1, pending);
      } else {
        visitor.paragraph(block, level, !numbered, take(block.breakBefore));
        numbered = true;
      }
    }
  }
}

function render(node: List, state: State): FileChild[] {
  const out: FileChild[] = [];
  const numberings = new Map<number, { reference: string; level: number; instance: number }>();
  const numbering = (list: List, level: number) => ({
    reference: list.ordered ? ORDERED_LIST : BULLET_LIST,
    level: Math.min(level, MAX_LEVEL),
    // Each ordered list is its own instance of the numbering definition, so it restarts at 1; bullets share one.
    instance: list.ordered ? ++state.listInstances : 0,
  });
  walk(node, {
    list(list, level) {
      numberings.set(level, numbering(list, level));
    },
    paragraph(block, level, first, breakBefore) {
      const current = numberings.get(level)!;
      const outer = state.position;
      state.position = block?.position ?? outer;
      const children = block === undefined ? [] : state.inlines(block.children);
      state.position = outer;
      out.push(
        new Paragraph({
          ...startsPage(breakBefore),
          // The first paragraph carries the number or bullet; later ones align with its text.
          ...(first
            ? { numbering: current }
            : { style: 'ListParagraph', indent: { left: (current.level + 1) * LIST_INDENT } }),
          children,
        }),
      );
    },
  });
  return out;
}

/** Ordered and unordered lists, nested by level; item paragraphs after the first are indented without a bullet. */
export const list: BlockHandlers['list'] = {
  render,
  measure(node, flow) {
    walk(node, {
      list() {},
      paragraph(block, level, _first, breakBefore) {
        flow.text(block?.children ?? [], LIST_ITEM, TEXT_WIDTH - (level + 1) * LIST_INDENT, { breakBefore });
      },
    });
  },
};
