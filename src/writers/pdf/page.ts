import type { DocumentMeta } from '../../document/tree.js';
import type { Content, DynamicContent } from 'pdfmake/interfaces.js';
import { theme } from './layout.js';

function pageNumberText(meta: DocumentMeta, page: number, total: number): string {
  return meta.pageNumber
    .map((part) => (part.type === 'text' ? part.value : String(part.type === 'pageNumber' ? page : total)))
    .join('');
}

/** The running header: the header text on every page but the title pages. */
export function runningHeader(meta: DocumentMeta): DynamicContent {
  return () => ({ text: [{ ...theme.text.running, text: meta.header }], margin: theme.headerMargin });
}

/** The running footer: the footer text on the left, the page number on the right. */
export function runningFooter(meta: DocumentMeta): DynamicContent {
  return (page, total): Content => ({
    columns: [
      { text: [{ ...theme.text.running, text: meta.footer }], width: '*' },
      {
        text: [{ ...theme.text.running, alignment: 'right', text: pageNumberText(meta, page, total) }],
        width: 'auto',
      },
    ],
    margin: theme.footerMargin,
  });
}
