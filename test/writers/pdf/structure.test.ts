import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainText, type Block, type DocumentTree } from '../../../src/document/tree.js';
import { markdownToDocument } from '../../../src/markdown/to-document.js';
import { packageRoot } from '../../../src/paths.js';
import { runInProcess } from '../../support/cli.js';
import { flatten, readStructure, type StructureNode } from '../../support/pdf-structure.js';
import { requireTools, withTempDir } from '../../support/tools.js';

/**
 * The structure of the tagged PDF of the example plan, read back with poppler (pdfinfo -struct-text) and qpdf: its
 * headings and tables in the order of the document, at levels that skip none, and the parts of lists, tables, links
 * and the table of contents where PDF/UA wants them.
 */

/** An element of `pdfinfo -struct-text`: its type, its own text (the quoted lines) and what it holds. */
interface TextNode {
  type: string;
  text: string;
  children: TextNode[];
}

function parseStructText(output: string): TextNode[] {
  const root: TextNode = { type: 'root', text: '', children: [] };
  const open: { depth: number; node: TextNode }[] = [{ depth: -1, node: root }];
  for (const line of output.split('\n')) {
    const depth = (line.length - line.trimStart().length) / 2;
    const content = line.trim();
    if (content === '' || content.startsWith('/')) continue;
    while ((open.at(-1)?.depth ?? -1) >= depth) open.pop();
    const parent = open.at(-1)!.node;
    const quoted = /^"(.*)"$/.exec(content);
    if (quoted) {
      parent.text += quoted[1];
      continue;
    }
    const node: TextNode = { type: content.replace(/ \((block|inline)\)|:$/g, ''), text: '', children: [] };
    parent.children.push(node);
    open.push({ depth, node });
  }
  return root.children;
}

const allText = (node: TextNode): string => node.text + node.children.map(allText).join('');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const all = (nodes: TextNode[]): TextNode[] => nodes.flatMap((node) => [node, ...all(node.children)]);

/** What the tree says the reading order of headings and tables is: heading texts, and "Table: <first header>". */
function expectedOrder(tree: DocumentTree): string[] {
  const of = (block: Block): string[] => {
    switch (block.type) {
      case 'titlePage':
        return [block.title];
      case 'tableOfContents':
        return [block.title];
      case 'heading':
        return [plainText(block.children)];
      case 'table':
        return [`Table: ${plainText(block.header[0] ?? [])}`];
      default:
        return [];
    }
  };
  return tree.children.flatMap(of).map(squash);
}

const withTools = requireTools('pdfinfo', 'qpdf') ? describe : describe.skip;

withTools('the structure of the example plan', () => {
  let tree: DocumentTree;
  let structText: TextNode[];
  let structure: StructureNode[];
  beforeAll(async () => {
    await withTempDir(async (dir) => {
      const args = ['genereer', '--antwoorden', 'examples/gemeente.yaml', '--uitvoer', dir, '--formaten', 'pdf,md'];
      expect((await runInProcess(args, packageRoot)).code).toBe(0);
      const pdf = join(
        dir,
        readdirSync(dir).find((f) => f.endsWith('.pdf'))!,
      );
      tree = markdownToDocument(readFileSync(pdf.replace(/\.pdf$/, '.md'), 'utf8'), 'plan');
      structText = parseStructText(execFileSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8' }));
      structure = await readStructure(pdf);
    });
  });

  test('pdfinfo -struct-text shows the headings and tables in the order of the document', () => {
    const [document] = structText;
    expect(document?.type).toBe('Document');
    const found = all(document?.children ?? [])
      .filter((node) => /^H\d$/.test(node.type) || node.type === 'Table')
      .map((node) =>
        node.type === 'Table'
          ? `Table: ${squash(allText(node.children[0]?.children[0] ?? node))}`
          : squash(allText(node)),
      );
    expect(found).toEqual(expectedOrder(tree));
  });

  test('heading levels start at H1 and skip none; the chapters are H1, their sections H2', () => {
    const levels = flatten(structure)
      .filter((node) => /^H\d$/.test(node.type))
      .map((node) => Number(node.type.slice(1)));
    expect(levels[0]).toBe(1);
    expect(levels.filter((level, i) => i > 0 && level > (levels[i - 1] ?? 0) + 1)).toEqual([]);
    const headings = all(structText).filter((node) => /^H\d$/.test(node.type));
    expect(headings.find((node) => squash(allText(node)) === '1 Inleiding')?.type).toBe('H1');
    expect(headings.find((node) => squash(allText(node)) === '1.1 Aanleiding')?.type).toBe('H2');
  });

  test('tables: a TR per row, the header row of TH with /Scope /Column, the others of TD', () => {
    const tables = flatten(structure).filter((node) => node.type === 'Table');
    expect(tables).toHaveLength(tree.children.filter((block) => block.type === 'table').length);
    for (const table of tables) {
      const [header, ...rows] = table.children;
      expect(table.children.every((row) => row.type === 'TR')).toBe(true);
      expect(header?.children.map((cell) => cell.type)).toEqual(header?.children.map(() => 'TH'));
      expect(header?.children.every((cell) => JSON.stringify(cell.attributes.A).includes('/Column'))).toBe(true);
      expect(rows.every((row) => row.children.every((cell) => cell.type === 'TD'))).toBe(true);
    }
  });

  test('lists: L of LI, each a label (the bullet, as "•") and a body', () => {
    const lists = flatten(structure).filter((node) => node.type === 'L');
    expect(lists.length).toBeGreaterThan(0);
    for (const item of lists.flatMap((list) => list.children)) {
      expect(item.type).toBe('LI');
      expect(item.children.map((child) => child.type)).toEqual(['Lbl', 'LBody']);
      expect(item.children[0]?.contentPages.length).toBe(1);
    }
    expect(flatten(lists).find((node) => node.type === 'Lbl')?.attributes.ActualText).toBe('u:•');
  });

  test('the table of contents: a TOCI per entry, whose Link holds its text and page number', () => {
    const toc = all(structText).find((node) => node.type === 'TOC');
    const entries = tree.children.flatMap((block) => (block.type === 'tableOfContents' ? block.entries : []));
    expect(toc?.children.map((item) => item.type)).toEqual(entries.map(() => 'TOCI'));
    const texts = toc?.children.map((item) => squash(allText(item.children[0]!))) ?? [];
    expect(texts).toEqual(
      entries.map((entry) => expect.stringMatching(new RegExp(`^${escape(plainText(entry.children))}\\d+$`))),
    );
  });

  test('running header, footer and page numbers are artifacts: not in the structure', () => {
    const text = all(structText)
      .map((node) => node.text)
      .join('\n');
    expect(text).not.toContain(tree.meta.header);
    expect(text).not.toMatch(/Pagina \d+ van \d+/);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
