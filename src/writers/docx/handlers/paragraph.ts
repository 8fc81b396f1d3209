import { Paragraph } from 'docx';
import { BODY, TEXT_WIDTH } from '../layout.js';
import { startsPage } from '../page.js';
import type { BlockHandlers } from '../state.js';

/** A paragraph of the body (those of list items are the list's, list.ts). */
export const paragraph: BlockHandlers['paragraph'] = {
  render: (node, state) => [new Paragraph({ ...startsPage(node.breakBefore), children: state.inlines(node.children) })],
  measure: (node, flow) => flow.text(node.children, BODY, TEXT_WIDTH, { breakBefore: node.breakBefore }),
};
