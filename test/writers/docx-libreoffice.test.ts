import { writeDocx } from '../../src/writers/docx/index.js';
import { sampleTree } from '../fixtures/sample-tree.js';
import { largeTree } from '../support/docx-large-tree.js';
import { allThemesPlanTree } from '../support/docx-real-plan.js';
import {
  convertWithLibreOffice,
  hasArialMetrics,
  hasCommand,
  openDocx,
  tocPageNumbers,
} from '../support/docx-tools.js';

/**
 * LibreOffice as a second reader of the DOCX files: it converts them to PDF, pdftotext reads that back. Skipped where
 * the tools are missing, but on CI, where a missing tool fails the test.
 */
const missing = ['soffice', 'pdftotext'].filter((tool) => !hasCommand(tool));
const interop = missing.length === 0 || process.env.CI ? test : test.skip;
const TIMEOUT = 180_000;

/** The page (1-based) with a line that is `text`, or its first part when it wraps; 0 when there is none. */
const pageWithLine = (pages: readonly string[], text: string) =>
  pages.findIndex((page) =>
    page.split('\n').some((raw) => {
      const line = raw.trim().replace(/\s+/g, ' ');
      return line === text || (line.length >= text.length * 0.6 && text.startsWith(line));
    }),
  ) + 1;

/**
 * The estimated page numbers of the table of contents are where LibreOffice puts the headings: exactly, or, for
 * long documents where small estimation errors add up, within `tolerance` pages.
 */
async function expectTocToMatchPages(bytes: Uint8Array, pages: readonly string[], tolerance = 0) {
  const toc = tocPageNumbers(await (await openDocx(bytes)).part('word/document.xml'));
  expect(toc.size).toBeGreaterThan(0);
  const off = [...toc]
    .map(([title, page]) => ({ title, estimated: Number(page), actual: pageWithLine(pages, title) }))
    .filter(({ estimated, actual }) => actual === 0 || Math.abs(actual - estimated) > tolerance);
  expect(off).toEqual([]);
}

interop(
  'LibreOffice reads the sample: title page, table of contents, text, table, header and footer',
  async () => {
    expect(missing).toEqual([]);
    const bytes = await writeDocx(sampleTree());
    const { pages, raw } = convertWithLibreOffice(bytes, 'sample');
    expect(pages).toHaveLength(4);
    const [title = '', second = ''] = pages;

    // The title page: no running header or footer.
    expect(title).toMatch(
      /Integriteitsbeleidsplan\s+2027–2030\s+Gemeente Zuidëinde\s+Status: concept\s+15 januari 2027/,
    );
    expect(title).not.toContain('Pagina');

    // The table of contents, filled in with page numbers.
    expect(second).toContain('Inhoud');
    expect(second).toMatch(/1\. Inleiding\.{5,}\s*2/);
    expect(second).toMatch(/Bijlage A\. Bronnen\.{5,}\s*4/);

    // Running header and footer with the page numbers from meta.pageNumber.
    expect(second).toContain('Gemeente Zuidëinde');
    expect(second).toMatch(/Concept — 15 januari 2027\s+Pagina 2 van 4/);
    expect(pages[3]).toMatch(/Pagina 4 van 4/);

    // Text with Dutch characters, the link text and the fill-in.
    expect(second).toContain('Naïeve ideeën, één ’apostrof’ – en een nadruk en vet. Zie Huis');
    expect(second).toContain('Beschrijf hier de visie van de organisatie op integriteit.');
    expect(second).toMatch(/•\s+Eerste punt/);
    expect(second).toMatch(/a\.\s+genest/);

    // The link goes to its URL, the entries of the table of contents to their headings.
    expect(raw).toMatch(/\/URI ?\(https:\/\/www\.huisvoorklokkenluiders\.nl\/\)/);
    expect(raw.match(/\/Dest ?\[/g)?.length).toBeGreaterThanOrEqual(3);

    // The table's header row is repeated on the next page.
    const headerRows = pages.filter((page) => /Maatregel\s+Eigenaar\s+Kwartaal/.test(page));
    expect(headerRows).toHaveLength(2);
    expect(pages.join('\n')).toMatch(/Maatregel 40: bespreek dilemma’s\s+integriteitsfunctionaris\s+2027-K4/);

    if (hasArialMetrics()) await expectTocToMatchPages(bytes, pages);
  },
  TIMEOUT,
);

interop(
  'LibreOffice puts the headings of a longer plan on the pages its table of contents gives',
  async () => {
    expect(missing).toEqual([]);
    const bytes = await writeDocx(largeTree(6));
    const { pages } = convertWithLibreOffice(bytes, 'plan');
    expect(pages.at(-1)).toContain(`Pagina ${pages.length} van ${pages.length}`);
    if (!hasArialMetrics()) {
      console.warn('No Arial or Liberation Sans: the page numbers are not compared');
      return;
    }
    await expectTocToMatchPages(bytes, pages);
  },
  TIMEOUT,
);

interop(
  'LibreOffice puts the headings of the largest real plan (about 50 pages) on the pages its table of contents gives',
  async () => {
    expect(missing).toEqual([]);
    const bytes = await writeDocx(await allThemesPlanTree());
    const { pages } = convertWithLibreOffice(bytes, 'alle-themas');
    expect(pages.length).toBeGreaterThan(40);
    expect(pages.at(-1)).toContain(`van ${pages.length}`);
    if (!hasArialMetrics()) {
      console.warn('No Arial or Liberation Sans: the page numbers are not compared');
      return;
    }
    await expectTocToMatchPages(bytes, pages, 1);
  },
  TIMEOUT,
);
