import type { DocumentMeta } from '../../document/tree.js';
import type { Content, DynamicContent } from 'pdfmake/interfaces.js';
import { artifacts, MARKING } from './engine/structure.js';
import { theme } from './layout.js';

function pageNumberText(meta: DocumentMeta, page: number, total: number): string {
  return meta.pageNumber
    .map((part) => (part.type === 'text' ? part.value : String(part.type === 'pageNumber' ? page : total)))
    .join('');
}

const header = { ...theme.text.running, [MARKING]: artifacts.runningHeader };
const footer = { ...theme.text.running, [MARKING]: artifacts.runningFooter };

/** The running header: the header text on every page but the title pages. An artifact in the tagged PDF. */
export function runningHeader(meta: DocumentMeta): DynamicContent {
  return () => ({ text: [{ ...header, text: meta.header }], margin: theme.headerMargin });
}

/** The running footer: the footer text on the left, the page number on the right. An artifact in the tagged PDF. */
export function runningFooter(meta: DocumentMeta): DynamicContent {
  return (page, total): Content => ({
    columns: [
      { text: [{ ...footer, text: meta.footer }], width: '*' },
      {
        text: [{ ...footer, alignment: 'right', text: pageNumberText(meta, page, total) }],
        width: 'auto',
      },
    ],
    margin: theme.footerMargin,
  });
}
