import type { BlockHandlers } from '../state.js';
import { heading } from './heading.js';
import { list } from './list.js';
import { paragraph } from './paragraph.js';
import { table } from './table.js';
import { tableOfContents } from './table-of-contents.js';
import { titlePage } from './title-page.js';

export { inlineHandlers } from './inline.js';

/** One handler per block type of the document tree, each with its page estimate. */
export const blockHandlers: BlockHandlers = {
  titlePage,
  tableOfContents,
  heading,
  paragraph,
  list,
  table,
};
