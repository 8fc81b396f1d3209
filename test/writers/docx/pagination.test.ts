import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { patchDocument } from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { estimatePages, writeDocx } from '../../../src/writers/docx/index.js';
import { sampleTree } from '../../fixtures/sample-tree.js';
import { largeTree } from '../../support/docx-large-tree.js';
import {
  convertAllWithLibreOffice,
  hasArialMetrics,
  openDocx,
  tocEntriesOff,
  tocPageNumbers,
  type ConvertedPdf,
} from '../../support/docx-tools.js';
import { exampleRuns, generateExample, type ExampleDocument } from '../../support/examples.js';
import { requireTools } from '../../support/tools.js';

/**
 * The page estimate (pagination.ts, with each handler's measure) gives the page numbers of the table of contents
 * before anything is laid out. It is checked against two layouts: docx's own (`docx/layout`, which lays out every line
 * as Word does, about a second per plan) on made-up trees, and LibreOffice on every document of the examples.
 */

describe('estimatePages', () => {
  test('counts the pages and finds the page of every heading by its id', () => {
    const { headingPages, pageCount } = estimatePages(sampleTree());
    expect(pageCount).toBe(4);
    expect(Object.fromEntries(headingPages)).toEqual({ inleiding: 2, visie: 2, actieplan: 2, bijlage: 4 });
  });

  test('a larger plan of about 25 pages', () => {
    const estimate = estimatePages(largeTree(21));
    expect(estimate.pageCount).toBe(25);
    expect(estimate.headingPages.size).toBe(4 + 3 * 21);
  });
});

describe('estimated page numbers agree with docx’s layout of the pages (Word’s)', () => {
  test.each([
    ['the sample', () => sampleTree()],
    ['a plan of 9 pages', () => largeTree(6)],
  ])('%s', async (_name, makeTree) => {
    const tree = makeTree();
    const ours = await writeDocx(tree);
    // patchDocument writes docx's own page numbers into the same file again.
    const theirs = await patchDocument({
      outputType: 'uint8array',
      data: ours,
      patches: {},
      pageNumbers: estimatePageNumbers,
    });
    const toc = async (bytes: Uint8Array) => tocPageNumbers(await (await openDocx(bytes)).part('word/document.xml'));
    const [mine, word] = await Promise.all([toc(ours), toc(theirs)]);
    expect(mine.size).toBeGreaterThan(0);
    expect(mine).toEqual(word);
    // docx writes the number of pages it laid out into the footer's NUMPAGES field.
    const footer = await (await openDocx(theirs)).part('word/footer1.xml');
    const pages = footer.match(/NUMPAGES<\/w:instrText>.*?<w:t[^>]*>(\d+)</)?.[1];
    expect(String(estimatePages(tree).pageCount)).toBe(pages);
  });
});

/** Long documents may be a page off, where small estimation errors add up. */
const LONG = 40;
const withLibreOffice = requireTools('soffice', 'pdftotext') ? describe : describe.skip;

withLibreOffice('estimated page numbers agree with LibreOffice’s layout of every example document', () => {
  const runs = exampleRuns();
  let dir = '';
  const documents = new Map<string, ExampleDocument[]>();
  /** Runs may make documents of the same name (the rapportage with and without register). */
  const key = (run: string, doc: ExampleDocument) => `${runs.findIndex((r) => r.name === run)}-${doc.name}`;
  let converted = new Map<string, ConvertedPdf>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'docx-pagination-'));
    for (const [index, run] of runs.entries()) {
      documents.set(run.name, await generateExample(run, join(dir, String(index))));
    }
    // One LibreOffice run for all documents: starting it takes most of the time.
    const files = [...documents].flatMap(([run, made]) => made.map((doc) => [key(run, doc), doc.docx] as const));
    converted = convertAllWithLibreOffice(new Map(files));
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(runs.map((run) => run.name))('%s', async (name) => {
    if (!hasArialMetrics()) {
      console.warn('No Arial or Liberation Sans: the page numbers are not compared');
      return;
    }
    const made = documents.get(name) ?? [];
    expect(made.length).toBeGreaterThan(0);
    for (const doc of made) {
      const pages = converted.get(key(name, doc))?.pages ?? [];
      const { pageCount } = estimatePages(doc.tree);
      const tolerance = pageCount > LONG ? 1 : 0;
      expect({ doc: doc.name, off: await tocEntriesOff(doc.docx, pages, tolerance) }).toEqual({
        doc: doc.name,
        off: [],
      });
      expect({ doc: doc.name, pages: Math.abs(pages.length - pageCount) <= tolerance }).toEqual({
        doc: doc.name,
        pages: true,
      });
    }
  });
});
