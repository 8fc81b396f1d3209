import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { plainText, type Block, type DocumentTree } from '../../src/document/tree.js';
import { flatten, pagesOf, readStructure, type StructureNode } from './pdf-structure.js';

const run = promisify(execFile);

/** The PDF writer's body area (layout.ts): A4 less 72 pt at the top and 64 pt at the bottom. */
const BODY = { top: 72, bottom: 841.89 - 64 };
/** A page needs at least this many lines of body text, but a title page and a page its own between page breaks. */
const MIN_LINES = 3;
/** A table starts with at least this many body rows on its first page. */
const MIN_ROWS = 2;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Per page: the text of its body lines (words at the same height are one line), top to bottom. */
async function bodyLines(path: string): Promise<string[][]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 2 ** 20 });
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) => {
      const lines = new Map<number, string[]>();
      for (const [, y, words] of page.matchAll(/<line xMin="[^"]*" yMin="([^"]*)"[^>]*>([\s\S]*?)<\/line>/g)) {
        const top = Number(y);
        if (top < BODY.top - 1 || top > BODY.bottom) continue;
        const key = Math.round(top);
        const text = [...(words ?? '').matchAll(/>([^<]*)<\/word>/g)].map((m) => m[1] ?? '').join(' ');
        lines.set(key, [...(lines.get(key) ?? []), text]);
      }
      return [...lines.entries()].sort(([a], [b]) => a - b).map(([, parts]) => parts.join(' '));
    });
}

/** The first text of a block, which the page it starts begins with. */
export function firstText(block: Block): string {
  switch (block.type) {
    case 'titlePage':
    case 'tableOfContents':
      return block.title;
    case 'list':
      return block.items[0]?.[0] === undefined ? '' : firstText(block.items[0][0]);
    case 'table':
      return plainText(block.header[0] ?? []);
    default:
      return plainText(block.children);
  }
}

/** The blocks the tree starts a new page with (also inside lists). */
export function pageStarts(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) => [
    ...(block.breakBefore ? [block] : []),
    ...(block.type === 'list' ? block.items.flatMap(pageStarts) : []),
  ]);
}

/**
 * What is wrong with the pages of a PDF the writer made from `tree`, as a typesetter would see it, in words (an empty
 * list when nothing is): a page with fewer than three lines of body text (but the title page, and a page that holds
 * all there is between two page breaks of the tree); a table whose first page holds fewer than two of its body rows;
 * a body row split over pages; a page that ends with a heading. Reads the pages with pdftotext and the structure
 * tree with qpdf.
 */
export async function layoutFaults(path: string, tree: DocumentTree): Promise<string[]> {
  const pages = await bodyLines(path);
  const structure = await readStructure(path);
  const faults: string[] = [];

  const starts = pageStarts(tree.children).map((block) => squash(firstText(block)).slice(0, 30));
  const startsRun = (page: number): boolean => {
    if (page === 1) return true;
    const first = squash(pages[page - 1]?.[0] ?? '').replace(/^\d+\. /, '');
    return starts.some(
      (start) => start !== '' && first.startsWith(start.slice(0, Math.min(start.length, first.length))),
    );
  };
  const titlePage = tree.children[0]?.type === 'titlePage';
  pages.forEach((lines, i) => {
    const page = i + 1;
    if (lines.length >= MIN_LINES || (page === 1 && titlePage)) return;
    if (startsRun(page) && (page === pages.length || startsRun(page + 1))) return;
    faults.push(`page ${page}: ${lines.length} line(s) of body text: ${JSON.stringify(lines)}`);
  });

  const elements = flatten(structure);
  elements
    .filter((node) => node.type === 'Table')
    .forEach((table, t) => {
      const [header, ...rows] = table.children.filter((row) => row.type === 'TR');
      const first = pagesOf(header ?? table)[0];
      const onFirst = rows.filter((row) => pagesOf(row).every((page) => page === first)).length;
      if (onFirst < Math.min(MIN_ROWS, rows.length)) {
        faults.push(`table ${t + 1} (page ${first}): ${onFirst} of its ${rows.length} body row(s) on its first page`);
      }
      rows.forEach((row, r) => {
        const on = pagesOf(row);
        if (on.length > 1) faults.push(`table ${t + 1}, row ${r + 1}: split over pages ${on.join(', ')}`);
      });
    });

  const lastOnPage = new Map<number, StructureNode>();
  for (const node of elements) for (const page of node.contentPages) lastOnPage.set(page, node);
  for (const [page, node] of lastOnPage) {
    if (/^H\d$/.test(node.type) && page < pages.length) faults.push(`page ${page}: ends with a heading (${node.type})`);
  }
  return faults;
}
