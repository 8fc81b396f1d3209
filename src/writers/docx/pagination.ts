import type { Block, DocumentTree, Inline, List, Table } from '../../document/tree.js';
import { tableColumns } from './columns.js';
import { countLines, segments } from './measure.js';
import { TOC_LEVELS, tocHeadings } from './toc.js';
import {
  BODY,
  BREAK_CARRIER,
  CELL_MARGIN_X,
  CELL_MARGIN_Y,
  HEADINGS,
  LIST_INDENT,
  LIST_ITEM,
  MARGIN,
  PAGE_HEIGHT,
  SUBTITLE,
  TABLE_CELL,
  TABLE_SPACER,
  TEXT_WIDTH,
  TITLE,
  TITLE_LINE,
  TOC_ENTRIES,
  TOC_HEADING,
} from './layout.js';
import type { TextMetrics } from './layout.js';

/** Where the headings listed in the table of contents land, and how many pages there are. */
export interface PageEstimate {
  /** The page of each heading of level 1 or 2, in document order. */
  readonly headingPages: readonly number[];
  readonly pageCount: number;
}

const CONTENT_HEIGHT = PAGE_HEIGHT - 2 * MARGIN;
/** Room a TOC entry leaves for its dot leader and page number. */
const TOC_NUMBER_ROOM = 600;
/** The width of a table border (half a point). */
const BORDER = 10;

const text = (value: string): Inline[] => [{ type: 'text', value }];

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
      heading: boolean;
    }
  | { kind: 'rows'; header: number; rows: number[] };

type Lines = Extract<Item, { kind: 'lines' }>;

function lines(m: TextMetrics, count: number, extra: Partial<Lines> = {}): Lines {
  return {
    kind: 'lines',
    count,
    height: m.line,
    before: m.before,
    after: m.after,
    keepNext: false,
    breakBefore: false,
    heading: false,
    ...extra,
  };
}

/** Turns the blocks into items, in order, as the handlers render them. */
class Collector {
  readonly items: Item[] = [];
  constructor(private readonly doc: DocumentTree) {}

  private pendingBreak = false;
  private started = false;

  private take(): boolean {
    const pending = this.pendingBreak;
    this.pendingBreak = false;
    return pending;
  }

  private paragraph(inlines: readonly Inline[], m: TextMetrics, width: number, extra: Partial<Lines> = {}) {
    const count = countLines(segments(inlines, m.bold), width, m.size);
    this.items.push(lines(m, count, { breakBefore: this.take(), ...extra }));
  }

  block(node: Block, level = 0): void {
    switch (node.type) {
      case 'titlePage': {
        const force = this.started;
        this.paragraph(text(node.title), TITLE, TEXT_WIDTH);
        if (force) (this.items.at(-1) as Lines).breakBefore = true;
        if (node.subtitle !== undefined) this.paragraph(text(node.subtitle), SUBTITLE, TEXT_WIDTH);
        for (const line of node.lines) this.paragraph(line, TITLE_LINE, TEXT_WIDTH);
        this.pendingBreak = true;
        break;
      }
      case 'tableOfContents':
        this.paragraph(text(node.title), TOC_HEADING, TEXT_WIDTH, { keepNext: true });
        this.items.push(...tocItems(this.doc));
        break;
      case 'heading':
        this.paragraph(node.children, HEADINGS[node.level], TEXT_WIDTH, {
          keepNext: true,
          heading: node.level <= TOC_LEVELS,
        });
        break;
      case 'paragraph':
        this.paragraph(node.children, level > 0 ? LIST_ITEM : BODY, TEXT_WIDTH - level * LIST_INDENT);
        break;
      case 'list':
        this.list(node, level);
        break;
      case 'table':
        this.table(node);
        break;
      case 'pageBreak':
        this.pendingBreak = true;
        break;
    }
    this.started = true;
  }

  private list(node: List, level: number): void {
    for (const item of node.items) {
      // An item without a paragraph still has one for its bullet.
      if (!item.some((block) => block.type === 'paragraph')) this.paragraph([], LIST_ITEM, TEXT_WIDTH);
      for (const block of item) this.block(block, level + 1);
    }
  }

  private table(node: Table): void {
    const widths = tableColumns(node);
    if (widths.length === 0) return;
    const rowHeight = (cells: readonly (readonly Inline[])[], bold: boolean) =>
      Math.max(
        ...widths.map((w, c) => countLines(segments(cells[c] ?? [], bold), w - 2 * CELL_MARGIN_X, TABLE_CELL.size)),
      ) *
        TABLE_CELL.line +
      2 * CELL_MARGIN_Y +
      BORDER;
    const breakBefore = this.take();
    if (breakBefore) this.items.push(lines(BREAK_CARRIER, 1, { breakBefore }));
    this.items.push({
      kind: 'rows',
      header: node.header.length > 0 ? rowHeight(node.header, true) : 0,
      rows: node.rows.map((cells) => rowHeight(cells, false)),
    });
    this.items.push(lines(TABLE_SPACER, 1, { before: 0, after: 0 }));
  }
}

/**
 * The table of contents after its title: the paragraph that begins the field (empty), an entry for each heading, and
 * the paragraph that ends the field (empty).
 */
function tocItems(doc: DocumentTree): Item[] {
  const entries = tocHeadings(doc.children).map((heading) => {
    const m = TOC_ENTRIES[heading.level as 1 | 2];
    const width = TEXT_WIDTH - (heading.level - 1) * LIST_INDENT - TOC_NUMBER_ROOM;
    return lines(m, countLines(segments(heading.children, m.bold), width, m.size));
  });
  return [lines(BODY, 1), ...entries, lines(BODY, 1)];
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
 * docx's own layout (`docx/layout`) and LibreOffice agree with it on every page of the plans in the tests.
 */
function paginate(items: readonly Item[]): PageEstimate {
  const headingPages: number[] = [];
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
    if (item.kind === 'rows') return previousAfter + item.header + (item.rows[0] ?? 0);
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
      y += BORDER;
      after = 0;
      return;
    }
    if (item.breakBefore && y > 0) newPage();
    if (item.keepNext && y > 0 && y + kept(index, after) > CONTENT_HEIGHT) newPage();
    y += gap(item.before, index);
    if (item.heading) headingPages.push(page);
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

/** Estimates the pages of a document as the handlers render it, in Arial's widths, without laying out every run. */
export function estimatePages(doc: DocumentTree): PageEstimate {
  const collector = new Collector(doc);
  for (const block of doc.children) collector.block(block);
  return paginate(collector.items);
}
