import type { BlockHandlers } from '../state.js';
import { tableOfContents, titlePage } from './front-matter.js';
import { list } from './list.js';
import { table } from './table.js';
import { heading, pageBreak, paragraph } from './blocks.js';

export { inlineHandlers } from './inline.js';

/** One handler per block type of the document tree. */
export const blockHandlers: BlockHandlers = {
  titlePage,
  tableOfContents,
  heading,
  paragraph,
  list,
  table,
  pageBreak,
};
