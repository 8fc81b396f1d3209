import { BorderStyle, Footer, Header, PageNumber, Paragraph, Tab, TextRun } from 'docx';
import type { ISectionOptions, ISectionPropertiesOptions } from 'docx';
import type { DocumentMeta, PageNumberPart } from '../../document/tree.js';
import { cleanText } from './clean-text.js';
import { BORDER_COLOR, FOOTER_DISTANCE, HEADER_DISTANCE, MARGIN, PAGE_HEIGHT, PAGE_WIDTH } from './layout.js';
import { FOOTER_STYLE, HEADER_STYLE } from './styles.js';

/** The page number fields the parts of `meta.pageNumber` become. */
const PAGE_FIELDS = { pageNumber: PageNumber.CURRENT, pageCount: PageNumber.TOTAL_PAGES } as const;

type RunChild = string | (typeof PageNumber)[keyof typeof PageNumber];

/** The page number as text and page number fields. */
function pageNumberRun(parts: readonly PageNumberPart[]): RunChild[] {
  return parts
    .map((part) => (part.type === 'text' ? cleanText(part.value) : PAGE_FIELDS[part.type]))
    .filter((child) => child !== '');
}

/**
 * Paragraph options that start a new page, or none: Word drops the space before a paragraph at the top of a page,
 * LibreOffice keeps it after a page break, so it is left out there.
 */
export function startsPage(breakBefore: boolean | undefined): { pageBreakBefore?: true; spacing?: { before: 0 } } {
  return breakBefore ? { pageBreakBefore: true, spacing: { before: 0 } } : {};
}

function header(meta: DocumentMeta): Header {
  return new Header({
    children: [
      new Paragraph({
        style: HEADER_STYLE,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR, space: 4 } },
        children: [new TextRun(cleanText(meta.header))],
      }),
    ],
  });
}

/** The footer text on the left, the page number on the right tab stop. */
function footer(meta: DocumentMeta): Footer {
  const pageNumber = pageNumberRun(meta.pageNumber);
  const children = [
    ...(meta.footer === '' ? [] : [new TextRun(cleanText(meta.footer))]),
    ...(pageNumber.length === 0 ? [] : [new TextRun({ children: [new Tab(), ...pageNumber] })]),
  ];
  return new Footer({ children: [new Paragraph({ style: FOOTER_STYLE, children })] });
}

const empty = () => ({
  header: new Header({ children: [new Paragraph({ style: HEADER_STYLE })] }),
  footer: new Footer({ children: [new Paragraph({ style: FOOTER_STYLE })] }),
});

/** A4 with 2.5 cm margins; with a title page, the first page has neither header nor footer. */
export function sectionFrame(meta: DocumentMeta, hasTitlePage: boolean): Omit<ISectionOptions, 'children'> {
  const properties: ISectionPropertiesOptions = {
    page: {
      size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
      margin: {
        top: MARGIN,
        right: MARGIN,
        bottom: MARGIN,
        left: MARGIN,
        header: HEADER_DISTANCE,
        footer: FOOTER_DISTANCE,
        gutter: 0,
      },
    },
    titlePage: hasTitlePage,
  };
  const first = hasTitlePage ? empty() : undefined;
  return {
    properties,
    headers: { default: header(meta), ...(first ? { first: first.header } : {}) },
    footers: { default: footer(meta), ...(first ? { first: first.footer } : {}) },
  };
}
