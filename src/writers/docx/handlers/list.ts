import { Paragraph } from 'docx';
import type { FileChild } from 'docx';
import type { Block, List } from '../../../document/tree.js';
import { LIST_INDENT } from '../layout.js';
import { BULLET_LIST, ORDERED_LIST } from '../styles.js';
import type { BlockHandlers, State } from '../state.js';

/** Word has nine list levels; deeper lists stay on the last. */
const MAX_LEVEL = 8;

function renderList(node: List, state: State, level: number): FileChild[] {
  // Each ordered list is its own instance of the numbering definition, so it restarts at 1; bullets share one.
  const numbering = {
    reference: node.ordered ? ORDERED_LIST : BULLET_LIST,
    level: Math.min(level, MAX_LEVEL),
    instance: node.ordered ? ++state.listInstances : 0,
  };
  return node.items.flatMap((item) => renderItem(item, state, level, numbering));
}

function renderItem(
  item: readonly Block[],
  state: State,
  level: number,
  numbering: { reference: string; level: number; instance: number },
): FileChild[] {
  let numbered = false;
  const out: FileChild[] = [];
  for (const block of item) {
    if (block.type === 'list') {
      out.push(...withPosition(block, state, () => renderList(block, state, level + 1)));
    } else if (block.type === 'paragraph') {
      // The first paragraph carries the number or bullet; later ones align with its text.
      const children = withPosition(block, state, () => state.inlines(block.children));
      out.push(
        new Paragraph({
          ...state.breakBefore(),
          ...(numbered
            ? { style: 'ListParagraph', indent: { left: (numbering.level + 1) * LIST_INDENT } }
            : { numbering }),
          children,
        }),
      );
      numbered = true;
    } else {
      out.push(...state.one(block));
    }
  }
  // An item without a paragraph still shows its bullet.
  if (!numbered) out.unshift(new Paragraph({ ...state.breakBefore(), numbering }));
  return out;
}

function withPosition<T>(block: Block, state: State, render: () => T): T {
  const outer = state.position;
  state.position = block.position ?? outer;
  try {
    return render();
  } finally {
    state.position = outer;
  }
}

/** Ordered and unordered lists, nested by level; item paragraphs after the first are indented without a bullet. */
export const list: BlockHandlers['list'] = (node, state) => renderList(node, state, 0);
