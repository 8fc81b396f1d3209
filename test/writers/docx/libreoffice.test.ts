import { writeDocx } from '../../../src/writers/docx/index.js';
import { sampleTree } from '../../fixtures/sample-tree.js';
import { convertWithLibreOffice, hasArialMetrics, hasCommand, tocEntriesOff } from '../../support/docx-tools.js';

/**
 * LibreOffice as a second reader of the DOCX files: it converts them to PDF, pdftotext reads that back. Skipped where
 * the tools are missing, but on CI, where a missing tool fails the test.
 */
const missing = ['soffice', 'pdftotext'].filter((tool) => !hasCommand(tool));
const interop = missing.length === 0 || process.env.CI ? test : test.skip;
const TIMEOUT = 180_000;

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

    // The page estimate itself is checked in pagination.test.ts.
    if (hasArialMetrics()) expect(await tocEntriesOff(bytes, pages)).toEqual([]);
  },
  TIMEOUT,
);
