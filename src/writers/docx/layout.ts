/** Page geometry and typography shared by the DOCX handlers. Lengths are twips (1/20 pt) unless said otherwise. */

/** A4 portrait. */
export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;

/** 2.5 cm on every side; header and footer 1.25 cm from the page edge. */
export const MARGIN = 1418;
export const HEADER_DISTANCE = 709;
export const FOOTER_DISTANCE = 709;

/** The width of the text column: tables span it and the footer's right tab stop sits at its end. */
export const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

/** Arial is in every Word and is metrically identical to Liberation Sans, which LibreOffice ships. */
export const FONT = 'Arial';

/** Font sizes in half-points: body text and the running header and footer. */
export const BODY_SIZE = 20;
export const SMALL_SIZE = 16;

export const ACCENT_COLOR = '1F3864';
export const SECOND_COLOR = '2E74B5';
export const MUTED_COLOR = '595959';
export const BORDER_COLOR = 'A6A6A6';
export const HEADER_FILL = 'DCE6F2';

/** The indentation step of list levels. */
export const LIST_INDENT = 360;

/**
 * What a paragraph style sets that decides its height: the size in half-points, the spacing before and after and the
 * exact line height in twips. Exact line heights make Word and LibreOffice (whose Liberation Sans has Arial's widths
 * but rounds line heights differently) break pages at the same lines, so the estimated page numbers fit both.
 */
export interface TextMetrics {
  readonly size: number;
  readonly bold: boolean;
  readonly before: number;
  readonly after: number;
  readonly line: number;
}

const text = (size: number, bold: boolean, before: number, after: number, line: number): TextMetrics => ({
  size,
  bold,
  before,
  after,
  line,
});

/** The paragraph styles, shared by the styles part and the page estimate. */
export const BODY = text(BODY_SIZE, false, 0, 120, 276);
export const HEADINGS = {
  1: text(32, true, 360, 120, 400),
  2: text(26, true, 240, 80, 320),
  3: text(22, true, 200, 60, 280),
} as const;
/** About 6 cm of space above the title on the title page. */
export const TITLE = text(64, true, 3400, 240, 760);
export const SUBTITLE = text(40, false, 0, 480, 480);
export const TITLE_LINE = text(24, false, 0, 120, 330);
/** No space below: the empty paragraph that begins the TOC field follows it. */
export const TOC_HEADING = text(32, true, 0, 0, 400);
export const TOC_ENTRIES = {
  1: text(BODY_SIZE, true, 120, 40, 276),
  2: text(BODY_SIZE, false, 0, 40, 276),
  3: text(BODY_SIZE, false, 0, 40, 276),
} as const;
export const LIST_ITEM = text(BODY_SIZE, false, 0, 60, 276);
/** Tables are set a point smaller, so more columns keep their longest words whole. */
export const TABLE_CELL = text(18, false, 0, 0, 220);
/** The paragraph after each table, which keeps tables apart: 6 pt. */
export const TABLE_SPACER = text(12, false, 0, 0, 120);
/** The paragraph that carries a page break before a table: 1 pt. */
export const BREAK_CARRIER = text(2, false, 0, 0, 20);

/** The width of a table's borders: half a point (size 4 in eighths of a point). */
export const TABLE_BORDER = 10;

/** Cell margins of tables: top and bottom, left and right. */
export const CELL_MARGIN_Y = 40;
export const CELL_MARGIN_X = 100;
