import { readFile } from 'node:fs/promises';
import type { Block, DocumentTree, Inline } from '../../../src/document/tree.js';
import { writePdf } from '../../../src/writers/pdf/index.js';
import { clearFontReuse } from '../../../src/writers/pdf/engine/patches/font-reuse.js';
import { sampleMeta, sampleTree } from '../../fixtures/sample-tree.js';
import { largeTree } from '../../support/pdf-large-tree.js';
import { flatten, readStructure } from '../../support/pdf-structure.js';
import { checkedPdf, pdfFile, popplerAvailable, type PdfFile } from '../../support/pdf-tools.js';
import { requireTools } from '../../support/tools.js';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const squash = (text: string): string => text.replace(/\s+/g, ' ');

describe('writePdf', () => {
  it('starts with a PDF 1.7 header and ends with an end-of-file marker', async () => {
    const text = latin1(await checkedPdf(sampleTree()));
    expect(text.startsWith('%PDF-1.7')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('gives the same bytes for the same tree: twice in a row, after another document, and from a cold start', async () => {
    const first = await checkedPdf(sampleTree());
    const second = await checkedPdf(sampleTree());
    await checkedPdf(largeTree());
    const afterOther = await checkedPdf(sampleTree());
    clearFontReuse();
    const cold = await checkedPdf(sampleTree());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(afterOther).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(cold).equals(Buffer.from(first))).toBe(true);
  });

  it('gives the same bytes for the same tree as PDF/A, too', async () => {
    const first = await checkedPdf(sampleTree(), { pdfa: true });
    expect(Buffer.from(await checkedPdf(sampleTree(), { pdfa: true })).equals(Buffer.from(first))).toBe(true);
  });

  it('gives the same bytes after a document whose font subsets made glyphs without code points', async () => {
    // Subsetting ':' makes its component '.' without code points; '.' must still get its ToUnicode entry later.
    const paragraph = (text: string): DocumentTree => ({
      meta: sampleMeta(),
      children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }],
    });
    clearFontReuse();
    await checkedPdf(paragraph('Noot: zie bijlage'));
    const warm = await checkedPdf(paragraph('Zie 1.2 en 3.4'));
    clearFontReuse();
    const cold = await checkedPdf(paragraph('Zie 1.2 en 3.4'));
    expect(Buffer.from(warm).equals(Buffer.from(cold))).toBe(true);
  });

  it('has no random or clock-dependent parts: dates come from meta.date', async () => {
    const text = latin1(await checkedPdf(sampleTree()));
    const dates = [...text.matchAll(/\(D:(\d{14})Z\)/g)].map((match) => match[1]);
    expect(dates).toEqual(['20270115000000', '20270115000000']);
  });

  it('writes external links as URI link annotations', async () => {
    const text = latin1(await checkedPdf(sampleTree()));
    expect(text).toMatch(/\/Subtype \/Link/);
    expect(text).toContain('/URI (https://www.huisvoorklokkenluiders.nl/)');
  });

  it('writes nested bookmarks: a level 2 heading sits under its level 1 heading', async () => {
    const text = latin1(await checkedPdf(sampleTree()));
    expect(text).toContain('/Outlines');
    const objects = new Map<string, string>();
    for (const match of text.matchAll(/(\d+) 0 obj\n([\s\S]*?)endobj/g)) objects.set(match[1] ?? '', match[2] ?? '');
    const parentTitle = (title: string): string | undefined => {
      const body = [...objects.values()].find((object) => object.includes(`/Title (${title})\n`));
      const parent = /\/Parent (\d+) 0 R/.exec(body ?? '')?.[1];
      return /\/Title \(([^)]*)\)/.exec(objects.get(parent ?? '') ?? '')?.[1];
    };
    expect(parentTitle('1.1 Visie en ambitie')).toBe('1. Inleiding');
    expect(parentTitle('Actieplan')).toBe('1.1 Visie en ambitie');
    expect(parentTitle('1. Inleiding')).toBeUndefined();
  });

  it('sets the document language and asks viewers to show the title', async () => {
    const text = latin1(await checkedPdf(sampleTree()));
    expect(text).toContain('/Lang (nl-NL)');
    expect(text).toMatch(/\/DisplayDocTitle true/);
  });

  it('is a tagged PDF that claims PDF/UA-1 and not PDF/A, unless asked', async () => {
    const text = latin1(await checkedPdf(sampleTree()));
    expect(text).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(text).toContain('/Marked true');
    expect(text).toContain('/StructTreeRoot');
    expect(text).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(text).not.toContain('pdfaid:part');
    expect(text).not.toContain('/OutputIntents');
    const pdfa = latin1(await checkedPdf(sampleTree(), { pdfa: true }));
    expect(pdfa).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(pdfa).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(pdfa).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');
    expect(pdfa).toContain('/OutputIntents');
  });

  it('writes without pdfmake warnings (URL and local access policies are set)', async () => {
    const original = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      await checkedPdf(sampleTree());
    } finally {
      console.warn = original;
    }
    expect(warnings).toEqual([]);
  });

  it('names the node type and line of an unknown block', async () => {
    const doc = sampleTree();
    doc.children.push({ type: 'video', position: { line: 42 } } as unknown as Block);
    await expect(writePdf(doc)).rejects.toThrow('PDF writer: unknown block node type "video" at line 42');
  });

  it('names the node type and the line of the enclosing block for an unknown inline', async () => {
    const doc = sampleTree();
    doc.children.push({
      type: 'paragraph',
      position: { line: 7 },
      children: [{ type: 'text', value: 'a ' }, { type: 'footnote' }],
    } as unknown as Block);
    await expect(writePdf(doc)).rejects.toThrow(
      'PDF writer: unknown inline node type "footnote" in the block at line 7',
    );
  });
});

const withPoppler = popplerAvailable() ? describe : describe.skip;

withPoppler('writePdf read back with poppler', () => {
  const QUOTES = '“Integriteit” en ‘samen’ – ĳverig … €';
  let sample: PdfFile;
  beforeAll(async () => {
    const doc = sampleTree();
    doc.children.push({ type: 'paragraph', children: [{ type: 'text', value: QUOTES }] });
    sample = await pdfFile(await checkedPdf(doc));
  });
  afterAll(async () => {
    await sample.remove();
  });

  it('has the metadata, A4 pages, several pages and is tagged', async () => {
    const info = await sample.info();
    expect(info.Title).toBe('Integriteitsbeleidsplan 2027–2030');
    expect(info.Author).toBe('A. de Vries, integriteitsfunctionaris');
    expect(info.Subject).toBe('Integriteitsbeleid van Gemeente Zuidëinde');
    expect(info.Keywords).toBe('integriteit, beleidsplan');
    expect(info['Page size']).toMatch(/^595\.28 x 841\.89 pts/);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(2);
    expect(info.Tagged).toBe('yes');
  });

  it('embeds its fonts', async () => {
    const rows = (await sample.fonts())
      .split('\n')
      .slice(2)
      .filter((row) => row.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/Roboto/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  it('keeps headings, table cells, fill-ins and Dutch characters intact', async () => {
    const text = squash(await sample.text());
    for (const expected of [
      '1. Inleiding',
      '1.1 Visie en ambitie',
      'Actieplan',
      'Bijlage A. Bronnen',
      'Maatregel',
      'Eigenaar',
      'Kwartaal',
      'Maatregel 40: bespreek dilemma’s',
      'integriteitsfunctionaris',
      '2027-K4',
      'Beschrijf hier de visie van de organisatie op integriteit.',
      'Naïeve ideeën, één ’apostrof’ – en een nadruk en vet.',
      'Huis voor Klokkenluiders',
      'Tweede regel.',
      'Gemeente Zuidëinde',
      'Eerste punt',
      'genest',
      QUOTES,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('gives the title page its own page without running header or footer', async () => {
    const first = squash(await sample.text({ first: 1, last: 1 }));
    expect(first).toContain('Integriteitsbeleidsplan');
    expect(first).toContain('2027–2030');
    expect(first).toContain('Status: concept');
    expect(first).not.toContain('Pagina');
    expect(first).not.toContain('Concept — 15 januari 2027');
    expect(first).not.toContain('Inhoud');
  });

  it('puts the running header and the page number footer on the other pages', async () => {
    const pages = Number((await sample.info()).Pages);
    for (let page = 2; page <= pages; page++) {
      const text = squash(await sample.text({ first: page, last: page }));
      expect(text).toContain('Gemeente Zuidëinde');
      expect(text).toContain('Concept — 15 januari 2027');
      expect(text).toContain(`Pagina ${page} van ${pages}`);
    }
  });

  it('lists level 1 and 2 headings in the table of contents with the pages they are on', async () => {
    const pages = Number((await sample.info()).Pages);
    const pageOf = async (heading: string): Promise<number> => {
      for (let page = 3; page <= pages; page++) {
        const lines = (await sample.text({ first: page, last: page })).split('\n');
        if (lines.some((line) => line.trim() === heading)) return page;
      }
      return -1;
    };
    const toc = await sample.text({ first: 2, last: 2, layout: true });
    expect(toc).toContain('Inhoud');
    for (const heading of ['1. Inleiding', '1.1 Visie en ambitie', 'Bijlage A. Bronnen']) {
      const line = toc.split('\n').find((candidate) => candidate.trim().startsWith(heading));
      expect(line).toBeDefined();
      const listed = Number(/(\d+)\s*$/.exec(line ?? '')?.[1]);
      const actual = heading === 'Bijlage A. Bronnen' ? await pageOf(heading) : 2;
      expect(listed).toBe(actual);
    }
    expect(toc).not.toMatch(/^\s*Actieplan\s+\d+\s*$/m);
  });

  it('repeats the table header row on the next page of a long table', async () => {
    const pageWith = async (cell: string): Promise<number> => {
      for (let page = 2; ; page++) {
        if (squash(await sample.text({ first: page, last: page })).includes(cell)) return page;
      }
    };
    const firstPage = await pageWith('Maatregel 1: bespreek');
    const lastPage = await pageWith('Maatregel 40: bespreek');
    expect(lastPage).toBeGreaterThan(firstPage);
    const continued = (await sample.text({ first: lastPage, last: lastPage })).split('\n').map((line) => line.trim());
    expect(continued).toEqual(expect.arrayContaining(['Maatregel', 'Eigenaar', 'Kwartaal']));
  });

  it('survives a title with characters that need escaping', async () => {
    const doc: DocumentTree = sampleTree();
    doc.meta.title = 'College van B&W <test> (concept) \\ “citaat”';
    const file = await pdfFile(await checkedPdf(doc));
    try {
      const info = await file.info();
      expect(info.Title).toBe('College van B&W <test> (concept) \\ “citaat”');
      expect(info['Metadata Stream']).toBe('yes');
      const xmp = /<x:xmpmeta[\s\S]*<\/x:xmpmeta>/.exec(Buffer.from(await readFile(file.path)).toString('utf8'))?.[0];
      expect(xmp).toContain(
        '<rdf:li xml:lang="x-default">College van B&amp;W &lt;test&gt; (concept) \\ “citaat”</rdf:li>',
      );
    } finally {
      await file.remove();
    }
  });

  it('lays out a long plan over many pages with every page numbered', async () => {
    const file = await pdfFile(await checkedPdf(largeTree()));
    try {
      const pages = Number((await file.info()).Pages);
      expect(pages).toBeGreaterThanOrEqual(20);
      const last = squash(await file.text({ first: pages, last: pages }));
      expect(last).toContain(`Pagina ${pages} van ${pages}`);
      expect(squash(await file.text())).toContain('Maatregel 60: bespreek dilemma’s in het team en leg afspraken vast');
    } finally {
      await file.remove();
    }
  });
});

const withQpdf = requireTools('qpdf') ? describe : describe.skip;

withQpdf('writePdf links in the tagged PDF', () => {
  it('keeps a link that wraps over lines, and over a page break, one Link element, each annotation with its page and text', async () => {
    const words = 'het Handboek integriteit voor politieke ambtsdragers bij gemeenten, provincies en waterschappen';
    const link = (n: number): Inline => ({
      type: 'link',
      url: `https://www.integriteitoverheid.nl/handboek-${n}`,
      children: [{ type: 'text', value: `${words} (${n}) ${words}` }],
    });
    const filler = (lines: number): Inline[] =>
      Array.from({ length: lines }, (_, i): Inline[] => [
        { type: 'text', value: `Vulregel ${i + 1}` },
        { type: 'lineBreak' },
      ]).flat();
    const children: Block[] = [44, 45, 46, 47, 48].map((lines, i) => ({
      type: 'paragraph',
      ...(i > 0 ? { breakBefore: true as const } : {}),
      children: [...filler(lines), { type: 'text', value: 'Zie ' }, link(lines), { type: 'text', value: '.' }],
    }));
    const file = await pdfFile(await checkedPdf({ meta: sampleMeta(), children }));
    try {
      const links = flatten(await readStructure(file.path)).filter((node) => node.type === 'Link');
      expect(links).toHaveLength(5);
      for (const element of links) {
        expect(element.contentPages.length).toBeGreaterThanOrEqual(2);
        expect(element.annotations.length).toBe(element.contentPages.length);
        expect(element.annotations.every(({ pg, on }) => pg !== undefined && pg === on)).toBe(true);
        expect(element.annotations.every(({ contents }) => contents?.startsWith('het Handboek integriteit'))).toBe(
          true,
        );
      }
      // One of them goes on over the page break, or this test tested nothing.
      expect(links.some((element) => new Set(element.contentPages).size === 2)).toBe(true);
    } finally {
      await file.remove();
    }
  });
});
