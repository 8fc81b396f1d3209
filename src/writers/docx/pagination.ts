import type { Inline } from '../../document/tree.js';
import { MARGIN, PAGE_HEIGHT, TABLE_BORDER } from './layout.js';
import type { TextMetrics } from './layout.js';
import { countLines, segments } from './measure.js';

/**
 * The page estimate: each block handler's `measure` adds the lines and table rows it renders to a Flow, and
 * paginate() places them on pages as Word and LibreOffice do. The table of contents, which comes before its headings,
 * shows the pages found for them.
 */

/** Where the headings land, and how many pages there are. */
export interface PageEstimate {
  /** The page each heading starts on, by heading id. */
  readonly headingPages: ReadonlyMap<string, number>;
  readonly pageCount: number;
}

const CONTENT_HEIGHT = PAGE_HEIGHT - 2 * MARGIN;

/** How a paragraph's lines are placed. */
export interface LineOptions {
  /** The paragraph starts a new page. */
  readonly breakBefore?: boolean;
  /** The paragraph stays on the page of the next one, with all its lines (headings). */
  readonly keepNext?: boolean;
  /** The id of the heading this paragraph is: its page is recorded. */
  readonly headingId?: string;
}

/** What the paginator places: a paragraph's lines, or a table's rows. */
type Item =
  | {
      kind: 'lines';
      count: number;
      height: number;
      before: number;
      after: number;
      keepNext: boolean;
      breakBefore: boolean;
      headingId: string | undefined;
    }
  | { kind: 'rows'; header: number; rows: readonly number[] };

/** The lines and rows of a document in order, as its handlers render them. */
export class Flow {
  readonly items: Item[] = [];

  /** `count` lines of a paragraph in the style `m`. */
  lines(m: TextMetrics, count: number, options: LineOptions = {}): void {
    this.items.push({
      kind: 'lines',
      count,
      height: m.line,
      before: m.before,
      after: m.after,
      keepNext: options.keepNext ?? false,
      breakBefore: options.breakBefore ?? false,
      headingId: options.headingId,
    });
  }

  /** A paragraph of inline content in the style `m`, wrapped in `width` (twips). */
  text(inlines: readonly Inline[], m: TextMetrics, width: number, options: LineOptions = {}): void {
    this.lines(m, countLines(segments(inlines, m.bold), width, m.size), options);
  }

  /** A table: the height of its header row (0 without one) and of each body row, in twips. */
  rows(header: number, rows: readonly number[]): void {
    this.items.push({ kind: 'rows', header, rows });
  }
}

/** The lines of a paragraph that must share a page with a heading kept with it (widow control): all, or two. */
const firstLines = (count: number) => (count <= 3 ? count : 2);

/** How many of a paragraph's `rest` lines go on a page where `fit` fit: none alone at either end (widow control). */
function linesKept(rest: number, fit: number, first: boolean): number {
  if (fit >= rest || rest < 2) return Math.min(fit, rest);
  const withoutWidow = rest - fit === 1 ? fit - 1 : fit;
  return first && withoutWidow === 1 ? 0 : Math.max(0, withoutWidow);
}

/**
 * Places the items on pages as Word and LibreOffice do: exact line heights; between two paragraphs the larger of the
 * space after the one and before the other, and none at the top of a page; widow and orphan control (on unless a
 * paragraph turns it off); headings kept with what follows; table rows whole, the header row repeated on every page.
 * docx's own layout (`docx/layout`) and LibreOffice agree with it on the pages of the plans in the tests.
 */
export function paginate({ items }: Flow): PageEstimate {
  const headingPages = new Map<string, number>();
  let page = 1;
  let y = 0;
  let after = 0;
  const newPage = () => {
    page++;
    y = 0;
    after = 0;
  };
  // At the top of a page the space before is left out, but on the first page's first paragraph.
  const gap = (before: number, index: number) => (y > 0 ? Math.max(after, before) : index === 0 ? before : 0);
  /** The room the items from `index` on need on this page: a keep-with-next chain and the first lines after it. */
  const kept = (index: number, previousAfter: number): number => {
    const item = items[index];
    if (item === undefined) return 0;
    // The header row and the first two body rows stay together (handlers/table.ts).
    if (item.kind === 'rows') return previousAfter + item.header + (item.rows[0] ?? 0) + (item.rows[1] ?? 0);
    const space = Math.max(previousAfter, item.before);
    if (!item.keepNext) return space + firstLines(item.count) * item.height;
    return space + item.count * item.height + kept(index + 1, item.after);
  };
  items.forEach((item, index) => {
    if (item.kind === 'rows') {
      if (y > 0 && y + kept(index, after) > CONTENT_HEIGHT) newPage();
      // The space after the paragraph before the table stays above it.
      y += gap(0, index);
      y += item.header;
      for (const row of item.rows) {
        if (y + row > CONTENT_HEIGHT && y > item.header) {
          newPage();
          y = item.header;
        }
        y += row;
      }
      // The bottom border of the last row.
      y += TABLE_BORDER;
      after = 0;
      return;
    }
    if (item.breakBefore && y > 0) newPage();
    if (item.keepNext && y > 0 && y + kept(index, after) > CONTENT_HEIGHT) newPage();
    y += gap(item.before, index);
    if (item.headingId !== undefined) headingPages.set(item.headingId, page);
    // Headings keep their lines together (kept() made room for them); other paragraphs break with widow control.
    let rest = item.count;
    for (let first = true; rest > 0; first = false) {
      const fit = Math.max(0, Math.floor((CONTENT_HEIGHT - y) / item.height + 1e-9));
      const here = item.keepNext || y === 0 ? Math.min(rest, Math.max(fit, 1)) : linesKept(rest, fit, first);
      y += here * item.height;
      rest -= here;
      if (rest > 0) newPage();
    }
    after = item.after;
  });
  return { headingPages, pageCount: page };
}
