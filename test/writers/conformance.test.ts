import { normalizeDocument } from '../../src/document/normalize.js';
import type { SourceBlock } from '../../src/document/source.js';
import { plainText, type Block, type DocumentTree, type Inline } from '../../src/document/tree.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { sampleMeta } from '../fixtures/sample-tree.js';
import { openDocx, tocPageNumbers } from '../support/docx-tools.js';
import { firstText, pageStarts } from '../support/pdf-layout.js';
import { checkedPdf, pdfFile, type PdfFile } from '../support/pdf-tools.js';
import { requireTools } from '../support/tools.js';

/**
 * One tree, both writers: they must agree on where hard page breaks fall, what the table of contents lists and the
 * outline (Word's heading levels, the PDF's bookmarks). The tree has a title page, a table of contents, headings at
 * every level, page breaks before a heading, a table, a list and inside a list item, nested lists and tables.
 */
const t = (value: string): Inline[] => [{ type: 'text', value }];
const paragraph = (text: string) => ({ type: 'paragraph', children: t(text) }) as const;
const heading = (level: 1 | 2 | 3, id: string, text: string) =>
  ({ type: 'heading', level, id, children: t(text) }) as const;
const pageBreak = { type: 'pageBreak' } as const;
const PROSE = 'Integriteit vraagt om aandacht van iedereen in de organisatie, elke dag opnieuw. ';

const source: SourceBlock[] = [
  { type: 'titlePage', title: 'Conformiteit', subtitle: '2027–2030', lines: [t('Gemeente Zuidëinde')] },
  { type: 'tableOfContents', title: 'Inhoud' },
  pageBreak,
  heading(1, 'een', '1 Eerste hoofdstuk'),
  paragraph(PROSE.repeat(6)),
  heading(2, 'een-een', '1.1 Een paragraaf'),
  paragraph(PROSE.repeat(3)),
  heading(3, 'onderdeel', 'Een onderdeel'),
  {
    type: 'list',
    ordered: false,
    items: [
      [paragraph('Eerste punt')],
      [
        paragraph('Tweede punt'),
        { type: 'list', ordered: true, items: [[paragraph('Genest punt')], [paragraph('Nog een genest punt')]] },
      ],
      [pageBreak, paragraph('Punt na een paginaeinde')],
    ],
  },
  pageBreak,
  {
    type: 'table',
    align: [null, 'right'],
    header: [t('Maatregel'), t('Kwartaal')],
    rows: Array.from({ length: 8 }, (_, i) => [t(`Maatregel ${i + 1}`), t(`K${(i % 4) + 1}`)]),
  },
  heading(2, 'een-twee', '1.2 Tweede paragraaf'),
  paragraph(PROSE),
  pageBreak,
  { type: 'list', ordered: true, items: [[paragraph('Lijst op een nieuwe pagina')], [paragraph('Tweede')]] },
  heading(1, 'twee', '2 Tweede hoofdstuk'),
  paragraph(PROSE.repeat(40)),
  heading(3, 'diep', 'Nog een onderdeel'),
  paragraph(PROSE),
  pageBreak,
  heading(1, 'bijlage', 'Bijlage A. Bronnen'),
  paragraph('Handelingsperspectief, Integriteitsmonitor 2012 (BIOS).'),
];
const tree: DocumentTree = normalizeDocument({ meta: sampleMeta(), children: source }, 'conformance');

/** The blocks the tree starts a new page with, by their first text, in order. */
function hardBreaks(blocks: readonly Block[]): string[] {
  return pageStarts(blocks).map(firstText);
}
const headings = tree.children.flatMap((block) =>
  block.type === 'heading' ? [{ level: block.level, title: plainText(block.children) }] : [],
);

/** Headings as an outline nests them: under the latest heading of a higher level (a level 3 under a 1 is at 2). */
function nested(items: readonly { level: number; title: string }[]): { level: number; title: string }[] {
  const open: number[] = [];
  return items.map(({ level, title }) => {
    while ((open.at(-1) ?? 0) >= level) open.pop();
    open.push(level);
    return { level: open.length, title };
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const text = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');

let documentXml: string;
let pdf: PdfFile | undefined;
const withTools = requireTools('pdftotext', 'pdfinfo', 'qpdf') ? describe : describe.skip;

beforeAll(async () => {
  documentXml = await (await openDocx(await writeDocx(tree))).part('word/document.xml');
});
afterAll(() => pdf?.remove());

test('the tree asks for the page breaks this test expects', () => {
  expect(hardBreaks(tree.children)).toEqual([
    'Inhoud',
    '1 Eerste hoofdstuk',
    'Punt na een paginaeinde',
    'Maatregel',
    'Lijst op een nieuwe pagina',
    'Bijlage A. Bronnen',
  ]);
});

withTools('DOCX and PDF agree', () => {
  beforeAll(async () => {
    pdf = await pdfFile(await checkedPdf(tree));
  });

  /** The text of every page of the PDF, without the running header and footer. */
  async function pdfPages(): Promise<string[][]> {
    const pages = (await pdf!.text({ layout: true })).split('\f').slice(0, -1);
    const { header, footer } = tree.meta;
    return pages.map((page) =>
      page
        .split('\n')
        .map((line) => line.trim().replace(/\s+/g, ' '))
        .filter((line) => line !== '' && line !== header && !line.startsWith(footer)),
    );
  }

  test('on the hard page breaks: the same blocks start a new page', async () => {
    // DOCX: the text after each page break before a paragraph (for a table, the paragraph that carries it).
    const expected = hardBreaks(tree.children);
    const docxBreaks = documentXml
      .split('<w:pageBreakBefore/>')
      .slice(1)
      .map((after, i) => text(after).slice(0, expected[i]?.length ?? 40));
    expect(docxBreaks).toEqual(expected);
    // PDF: each of those blocks begins a page, and no page is empty.
    const pages = await pdfPages();
    // A list item's line starts with its number (pdftotext leaves bullets out).
    const pageStarts = pages.map((lines) => (lines[0] ?? '').replace(/^\d+\. /, ''));
    expect(pageStarts).not.toContain('');
    for (const start of expected)
      expect({ start, found: pageStarts.some((line) => line.startsWith(start)) }).toEqual({ start, found: true });
  });

  test('on the table of contents: the same entries, the headings up to its depth', async () => {
    const docxEntries = [...tocPageNumbers(documentXml).keys()];
    const expected = headings.filter((h) => h.level <= 2).map((h) => h.title);
    expect(docxEntries).toEqual(expected);
    const pages = await pdfPages();
    const tocPage = pages.find((lines) => lines[0] === 'Inhoud') ?? [];
    const pdfEntries = tocPage.slice(1).flatMap((line) => /^(.*?) (\d+)$/.exec(line)?.[1] ?? []);
    expect(pdfEntries).toEqual(expected);
  });

  test('on the outline: every heading, in order, nested under the heading above it', async () => {
    const docxOutline = [
      ...documentXml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading(\d)"\/>((?:(?!<\/w:p>).)*)<\/w:p>/gs),
    ].map(([, level, rest]) => ({ level: Number(level), title: text(rest ?? '') }));
    expect(docxOutline).toEqual(headings);
    expect(await pdf!.outline()).toEqual(nested(docxOutline));
    // The tree has a level 3 heading right under a level 1 heading.
    expect(nested(headings)).not.toEqual(headings);
  });
});

withTools('a page break right after the title page', () => {
  // The PDF writer used to start its body section with a page break of its own: an empty page (DOCX had none).
  test('makes no empty page in either format: the title page is a page of its own anyway', async () => {
    const short = normalizeDocument(
      {
        meta: sampleMeta(),
        children: [{ type: 'titlePage', title: 'Titel', lines: [] }, pageBreak, paragraph('Tekst na de titelpagina.')],
      },
      'conformance',
    );
    const xml = await (await openDocx(await writeDocx(short))).part('word/document.xml');
    expect(xml.split('<w:pageBreakBefore/>')).toHaveLength(2);
    const file = await pdfFile(await checkedPdf(short));
    try {
      const pages = (await file.text()).split('\f').slice(0, -1);
      expect(pages.map((page) => page.includes('Tekst na de titelpagina.'))).toEqual([false, true]);
    } finally {
      await file.remove();
    }
  });
});
