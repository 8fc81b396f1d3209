import type { DocumentMeta, DocumentTree } from '../../document/tree.js';
import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { convertDocument } from './convert.js';
import { theme } from './theme.js';

/** Fixed, version-free producer strings keep the bytes of the file independent of the installed versions. */
const CREATOR = 'integriteitsplan';
const PRODUCER = 'integriteitsplan (pdfmake)';

function pageNumberText(pattern: string, page: number, total: number): string {
  return pattern.replaceAll('{pagina}', String(page)).replaceAll('{totaal}', String(total));
}

function runningHeader(meta: DocumentMeta): DynamicContent {
  return () => ({ text: [{ ...theme.text.running, text: meta.header }], margin: theme.headerMargin });
}

function runningFooter(meta: DocumentMeta): DynamicContent {
  return (page, total): Content => ({
    columns: [
      { text: [{ ...theme.text.running, text: meta.footer }], width: '*' },
      {
        text: [{ ...theme.text.running, alignment: 'right', text: pageNumberText(meta.pageNumber, page, total) }],
        width: 'auto',
      },
    ],
    margin: theme.footerMargin,
  });
}

/** The complete pdfmake document definition for a tree. */
export function documentDefinition(doc: DocumentTree): TDocumentDefinitions {
  const { meta } = doc;
  return {
    pageSize: theme.pageSize,
    pageMargins: theme.pageMargins,
    info: {
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      keywords: meta.keywords.join(', '),
      creator: CREATOR,
      producer: PRODUCER,
      creationDate: meta.date,
      modDate: meta.date,
    },
    language: meta.language,
    displayTitle: true,
    header: runningHeader(meta),
    footer: runningFooter(meta),
    content: convertDocument(doc),
    styles: theme.styles,
    defaultStyle: theme.defaultStyle,
  };
}
