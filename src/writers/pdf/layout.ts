import type { Style } from 'pdfmake/interfaces.js';

/**
 * A text style with every property pdfmake looks up for each word already decided. pdfmake measures text word
 * by word and, for each word, looks up some twenty style properties; a property missing on the word makes it
 * walk the whole style stack (and named styles allocate on every look-up). Resolving styles here, the way
 * CSS computes styles, removes most of that work.
 */
export interface TextStyle {
  font: string;
  fontSize: number;
  lineHeight: number;
  color: string;
  bold: boolean;
  italics: boolean;
  alignment: 'left' | 'center' | 'right';
  characterSpacing: number;
  opacity: number;
  sup: boolean;
  sub: boolean;
  noWrap: boolean;
  wordBreak: 'normal';
  preserveLeadingSpaces: boolean;
  preserveTrailingSpaces: boolean;
}

/** Margins as pdfmake takes them, always all four: the layout estimates (measure.ts) read them. */
type Margins = [left: number, top: number, right: number, bottom: number];

/** A4 (theme.pageSize) in points. */
const A4 = { width: 595.28, height: 841.89 };
const PAGE_MARGINS: Margins = [64, 72, 64, 64];
/** Width of the text column of a page. */
export const BODY_WIDTH = A4.width - PAGE_MARGINS[0] - PAGE_MARGINS[2];
/** Height of a page's body. */
export const BODY_HEIGHT = A4.height - PAGE_MARGINS[1] - PAGE_MARGINS[3];

const TEXT_COLOR = '#1a1a1a';
const ACCENT = '#1b3a5c';

const body: TextStyle = {
  font: 'Roboto',
  fontSize: 10.5,
  lineHeight: 1.2,
  color: TEXT_COLOR,
  bold: false,
  italics: false,
  alignment: 'left',
  characterSpacing: 0,
  opacity: 1,
  sup: false,
  sub: false,
  noWrap: false,
  wordBreak: 'normal',
  preserveLeadingSpaces: false,
  preserveTrailingSpaces: false,
};

/** Page geometry, colours and styles of the PDF. Visible text never lives here: it comes from the tree. */
export const theme = {
  pageSize: 'A4' as const,
  /** left, top, right, bottom in points; the header and footer sit in the top and bottom margin. */
  pageMargins: PAGE_MARGINS,
  headerMargin: [64, 34, 64, 0] as Margins,
  footerMargin: [64, 26, 64, 0] as Margins,
  /** Indent of a table of contents entry per heading level below 1. */
  tocIndent: 16,
  /**
   * Space above a chapter's entry in the table of contents; entries below it follow without space, so that the
   * contents of a plan fit one page, not a page plus one line.
   */
  tocChapterSpace: 3,
  link: { color: '#1f4e8c', decoration: 'underline' as const },
  fillIn: { background: '#fff3b0' },
  tableHeaderFill: '#e8edf3',
  tableBorder: '#9aa5b1',
  /** Table cells: padding on either side and above and below the text, and the width of the borders, in points. */
  tableCell: { padding: { x: 5, y: 3 }, border: 0.5 },
  text: {
    body,
    tableCell: { ...body, fontSize: 9.5, lineHeight: 1.15 },
    tableHeader: { ...body, fontSize: 9.5, lineHeight: 1.15, bold: true },
    running: { ...body, fontSize: 8.5, color: '#555555' },
    titlePageTitle: { ...body, fontSize: 30, lineHeight: 1.1, bold: true, color: ACCENT },
    titlePageSubtitle: { ...body, fontSize: 18, color: ACCENT },
    titlePageLine: { ...body, fontSize: 12 },
  } satisfies Record<string, TextStyle>,
  margin: {
    paragraph: [0, 0, 0, 7] as Margins,
    listItem: [0, 0, 0, 2] as Margins,
    list: [0, 0, 0, 7] as Margins,
    nestedList: [0, 1, 0, 0] as Margins,
    table: [0, 2, 0, 10] as Margins,
    titlePageTitle: [0, 200, 0, 12] as Margins,
    titlePageSubtitle: [0, 0, 0, 40] as Margins,
    titlePageLine: [0, 0, 0, 6] as Margins,
  },
  /**
   * Named styles, only for headings and the table of contents: a heading's text also appears in the table of
   * contents, where it must take the style of the contents, so it cannot carry resolved styles itself.
   */
  styles: {
    h1: { fontSize: 17, bold: true, color: ACCENT, margin: [0, 16, 0, 8] },
    h2: { fontSize: 13.5, bold: true, color: ACCENT, margin: [0, 12, 0, 6] },
    h3: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
    tocTitle: { fontSize: 17, bold: true, color: ACCENT, margin: [0, 0, 0, 12] },
    tocLevel1: { bold: true },
    tocLevel2: {},
  } satisfies Record<string, Style>,
  defaultStyle: {
    font: body.font,
    fontSize: body.fontSize,
    lineHeight: body.lineHeight,
    color: TEXT_COLOR,
  } satisfies Style,
};
