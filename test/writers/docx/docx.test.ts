import type { Block, DocumentTree, Inline } from '../../../src/document/tree.js';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { UnknownNodeError } from '../../../src/writers/unknown-node.js';
import { sampleTree } from '../../fixtures/sample-tree.js';
import { largeTree } from '../../support/docx-large-tree.js';
import { openDocx, tocPageNumbers } from '../../support/docx-tools.js';
import type { DocxParts } from '../../support/docx-tools.js';

let docx: DocxParts;
let documentXml: string;

beforeAll(async () => {
  docx = await openDocx(await writeDocx(sampleTree()));
  documentXml = await docx.part('word/document.xml');
});

/** The paragraphs of document.xml whose text contains `text`. */
const paragraphsWith = (xml: string, text: string) =>
  xml.split('</w:p>').filter((p) => p.replaceAll(/<[^>]+>/g, '').includes(text));

describe('document.xml', () => {
  test('headings use Word’s built-in heading styles', () => {
    expect(paragraphsWith(documentXml, '1. Inleiding').some((p) => p.includes('<w:pStyle w:val="Heading1"/>'))).toBe(
      true,
    );
    expect(paragraphsWith(documentXml, '1.1 Visie en ambitie').at(-1)).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paragraphsWith(documentXml, 'Actieplan').at(-1)).toContain('<w:pStyle w:val="Heading3"/>');
    expect(paragraphsWith(documentXml, 'Bijlage A. Bronnen').at(-1)).toContain('<w:pStyle w:val="Heading1"/>');
  });

  test('has a table of contents field over headings 1–2, filled with entries and page numbers', () => {
    expect(documentXml).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(documentXml).toMatch(/<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    expect(paragraphsWith(documentXml, 'Inhoud')[0]).toContain('<w:pStyle w:val="TOCHeading"/>');
    expect(Object.fromEntries(tocPageNumbers(documentXml))).toEqual({
      '1. Inleiding': '2',
      '1.1 Visie en ambitie': '2',
      'Bijlage A. Bronnen': '4',
    });
    // Each entry links to a bookmark on its heading, with a PAGEREF field to it.
    const anchors = [...documentXml.matchAll(/w:anchor="(_Toc\d+)"/g)].map((m) => m[1]);
    expect(anchors).toEqual(['_Toc1', '_Toc2', '_Toc3']);
    for (const anchor of anchors) {
      expect(documentXml).toContain(`<w:bookmarkStart w:name="${anchor}"`);
      expect(documentXml).toContain(`<w:fldSimple w:instr="PAGEREF ${anchor} \\h">`);
    }
  });

  test('a heading finds its entry of the table of contents by id, not by order', async () => {
    const tree = sampleTree();
    const toc = tree.children.find((block) => block.type === 'tableOfContents');
    if (toc?.type !== 'tableOfContents') throw new Error('the sample has a table of contents');
    toc.entries = toc.entries.filter((entry) => entry.id === 'visie');
    const xml = await (await openDocx(await writeDocx(tree))).part('word/document.xml');
    expect(paragraphsWith(xml, '1. Inleiding').at(-1)).not.toContain('<w:bookmarkStart');
    expect(paragraphsWith(xml, '1.1 Visie en ambitie').at(-1)).toContain('<w:bookmarkStart w:name="_Toc1"');
    expect(Object.fromEntries(tocPageNumbers(xml))).toEqual({ '1.1 Visie en ambitie': '2' });
  });

  test('the title page has the title, subtitle and lines, and the next page starts with a page break', () => {
    expect(paragraphsWith(documentXml, 'Integriteitsbeleidsplan')[0]).toContain('<w:pStyle w:val="Title"/>');
    expect(paragraphsWith(documentXml, '2027–2030')[0]).toContain('<w:pStyle w:val="Subtitle"/>');
    expect(paragraphsWith(documentXml, 'Status: concept')[0]).toContain('<w:b/>');
    expect(paragraphsWith(documentXml, 'Inhoud')[0]).toContain('<w:pageBreakBefore/>');
    expect(documentXml).toContain('<w:titlePg/>');
  });

  test('a block with breakBefore starts a new page', () => {
    expect(paragraphsWith(documentXml, 'Bijlage A. Bronnen').at(-1)).toContain('<w:pageBreakBefore/>');
  });

  test('the table has a repeated header row, borders, and widths on the grid and every cell', () => {
    const table = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? '';
    expect(table).toContain('<w:tblHeader/>');
    expect(table.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(table).toContain('<w:tblBorders>');
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(3);
    expect(grid.reduce((a, b) => a + b)).toBe(9070);
    // Widths follow the content: the measure is widest, the quarter narrowest.
    expect(grid[0]).toBeGreaterThan(grid[1] ?? 0);
    expect(grid[1]).toBeGreaterThan(grid[2] ?? 0);
    const cellWidths = [...table.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cellWidths).toHaveLength(41 * 3);
    expect(cellWidths.slice(0, 3)).toEqual(grid);
    // The third column is centred, in the header and in the rows.
    expect(table.match(/<w:jc w:val="center"\/>/g)).toHaveLength(41);
    expect(table).toContain('Maatregel 40: bespreek dilemma’s');
  });

  test('no row of the table splits, and it starts a page with its header row and first two body rows (Word’s keep with next)', () => {
    const table = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? '';
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(41);
    expect(rows.every((row) => row.includes('<w:cantSplit/>'))).toBe(true);
    // Word keeps a row with the next when the first paragraph of its first cell is kept with the next.
    const keptWithNext = rows.map((row) =>
      /<w:tc>[\s\S]*?<w:p>[\s\S]*?<w:keepNext\/>/.test(row.split('</w:p>')[0] ?? ''),
    );
    expect(keptWithNext.slice(0, 3)).toEqual([true, true, false]);
    expect(keptWithNext.slice(3).some(Boolean)).toBe(false);
  });

  test('a link is a hyperlink whose relationship targets the URL', async () => {
    const link = documentXml.match(/<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/);
    expect(link?.[2]).toContain('Huis voor Klokkenluiders');
    expect(link?.[2]).toContain('<w:rStyle w:val="Hyperlink"/>');
    const rels = await docx.part('word/_rels/document.xml.rels');
    expect(rels).toMatch(
      new RegExp(
        `<Relationship Id="${link?.[1]}" Type="[^"]+/hyperlink" Target="https://www.huisvoorklokkenluiders.nl/" TargetMode="External"/>`,
      ),
    );
  });

  test('strong, emphasis and line breaks', () => {
    expect(documentXml).toMatch(/<w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">vet<\/w:t>/);
    expect(documentXml).toMatch(/<w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">nadruk<\/w:t>/);
    expect(paragraphsWith(documentXml, 'Tweede regel.')[0]).toContain('<w:br/>');
  });

  test('a fill-in is italic and highlighted', () => {
    const [fillIn] = paragraphsWith(documentXml, 'Beschrijf hier de visie van de organisatie op integriteit.');
    expect(fillIn).toContain('<w:i/>');
    expect(fillIn).toContain('<w:highlight w:val="yellow"/>');
  });

  test('lists: bullets with a nested numbered list, each list its own numbering instance', async () => {
    const numIds = (text: string) =>
      paragraphsWith(documentXml, text)
        .at(-1)
        ?.match(/<w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/)
        ?.slice(1);
    const [firstLevel, firstList] = numIds('Eerste punt') ?? [];
    const [secondLevel, secondList] = numIds('Tweede punt') ?? [];
    const [nestedLevel, nestedList] = numIds('genest') ?? [];
    expect([firstLevel, secondLevel, nestedLevel]).toEqual(['0', '0', '1']);
    expect(secondList).toBe(firstList);
    expect(nestedList).not.toBe(firstList);
    const numbering = await docx.part('word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(numbering).toContain('<w:numFmt w:val="lowerLetter"/>');
    expect(numbering).toContain(`<w:num w:numId="${nestedList}">`);
    expect(numbering).toMatch(new RegExp(`<w:num w:numId="${nestedList}">.*?<w:startOverride w:val="1"/>`));
  });

  test('Dutch characters come through intact', () => {
    for (const text of ['Naïeve ideeën, één ’apostrof’ – en een ', 'Gemeente Zuidëinde', 'dilemma’s']) {
      expect(documentXml).toContain(text);
    }
  });

  test('A4 pages', () => {
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  });
});

describe('the other parts', () => {
  test('styles.xml sets the language and the font', async () => {
    const styles = await docx.part('word/styles.xml');
    expect(styles).toContain('<w:lang w:val="nl-NL"/>');
    expect(styles).toContain('w:ascii="Arial"');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<w:outlineLvl w:val="0"\/>/);
  });

  test('core.xml has the document properties and the date of the tree', async () => {
    const core = await docx.part('docProps/core.xml');
    expect(core).toContain('<dc:title>Integriteitsbeleidsplan 2027–2030</dc:title>');
    expect(core).toContain('<dc:subject>Integriteitsbeleid van Gemeente Zuidëinde</dc:subject>');
    expect(core).toContain('<dc:creator>A. de Vries, integriteitsfunctionaris</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>A. de Vries, integriteitsfunctionaris</cp:lastModifiedBy>');
    expect(core).toContain('<cp:keywords>integriteit, beleidsplan</cp:keywords>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2027-01-15T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2027-01-15T00:00:00Z</dcterms:modified>');
  });

  test('the footer has the footer text and the page number pattern with PAGE and NUMPAGES fields', async () => {
    const footers = await Promise.all(
      docx.names.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => docx.part(n)),
    );
    const footer = footers.find((xml) => xml.includes('PAGE'));
    expect(footer).toContain('Concept — 15 januari 2027');
    const text = footer?.replaceAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g, '[$1]').replaceAll(/<[^>]+>/g, '');
    expect(text).toMatch(/Pagina \[PAGE\]\d* van \[NUMPAGES\]\d*$/);
    // The title page has an empty footer of its own.
    expect(footers.some((xml) => !xml.includes('PAGE'))).toBe(true);
  });

  test('the header has the header text', async () => {
    const headers = await Promise.all(
      docx.names.filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => docx.part(n)),
    );
    expect(headers.some((xml) => xml.includes('Gemeente Zuidëinde'))).toBe(true);
  });

  test('the zip has sorted entries without folders, [Content_Types].xml first', () => {
    expect(docx.names[0]).toBe('[Content_Types].xml');
    expect([...docx.names].sort()).toEqual(docx.names);
    expect(docx.names.some((n) => n.endsWith('/'))).toBe(false);
  });
});

describe('reproducibility', () => {
  test('the same tree gives the same bytes, also after other documents advanced docx’s counters', async () => {
    const first = await writeDocx(sampleTree());
    await writeDocx(largeTree(2));
    const second = await writeDocx(sampleTree());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  test('a different date changes the bytes', async () => {
    const tree = sampleTree();
    const other = { ...tree, meta: { ...tree.meta, date: new Date('2028-02-01T00:00:00Z') } };
    const core = await (await openDocx(await writeDocx(other))).part('docProps/core.xml');
    expect(core).toContain('2028-02-01T00:00:00Z');
  });
});

describe('errors', () => {
  test('an unknown block type names the type and its line', async () => {
    const tree = sampleTree();
    const bad = { type: 'blockquote', children: [], position: { line: 42 } } as unknown as Block;
    await expect(writeDocx({ ...tree, children: [...tree.children, bad] })).rejects.toThrow(
      'DOCX writer: unknown block node type "blockquote" at line 42',
    );
  });

  test('an unknown inline type names the type and the line of its block', async () => {
    const tree = sampleTree();
    const bad = { type: 'footnote', children: [] } as unknown as Inline;
    const paragraph: Block = { type: 'paragraph', children: [bad], position: { line: 7 } };
    const error = await writeDocx({ ...tree, children: [paragraph] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect((error as Error).message).toBe('DOCX writer: unknown inline node type "footnote" in the block at line 7');
  });
});

describe('edge cases', () => {
  const meta = sampleTree().meta;
  const t = (value: string): Inline => ({ type: 'text', value });

  test('an empty document is still a valid document', async () => {
    const parts = await openDocx(await writeDocx({ meta, children: [] }));
    expect(await parts.part('word/document.xml')).toContain('<w:body><w:p/>');
  });

  test('characters XML does not allow are left out', async () => {
    const tree: DocumentTree = { meta, children: [{ type: 'paragraph', children: [t('a\u0001b\u000bc\uffff')] }] };
    expect(await (await openDocx(await writeDocx(tree))).part('word/document.xml')).toContain('>abc<');
  });

  test('only absolute links become hyperlinks; relative ones stay text', async () => {
    const tree: DocumentTree = {
      meta,
      children: [{ type: 'paragraph', children: [{ type: 'link', url: '#elders', children: [t('elders')] }] }],
    };
    const xml = await (await openDocx(await writeDocx(tree))).part('word/document.xml');
    expect(xml).toContain('elders');
    expect(xml).not.toContain('<w:hyperlink');
  });

  test('a page number pattern without placeholders is written as text', async () => {
    const tree: DocumentTree = { meta: { ...meta, pageNumber: [{ type: 'text', value: 'Pagina' }] }, children: [] };
    const parts = await openDocx(await writeDocx(tree));
    const footer = await parts.part('word/footer1.xml');
    expect(footer).toContain('Pagina');
    expect(footer).not.toContain('NUMPAGES');
  });
});

describe('fields', () => {
  const settingsOf = async (tree: DocumentTree) => (await openDocx(await writeDocx(tree))).part('word/settings.xml');

  test('Word is not asked to update fields when the page numbers are all estimated', async () => {
    expect(await settingsOf(sampleTree())).not.toContain('updateFields');
  });

  test('the table of contents is written clean, so Word does not ask to update it', () => {
    expect(documentXml).toContain('<w:fldChar w:fldCharType="begin" w:dirty="false"/>');
    expect(documentXml).not.toContain('w:dirty="true"');
  });

  test('nor in a document without a table of contents', async () => {
    const tree = sampleTree();
    expect(
      await settingsOf({ ...tree, children: tree.children.filter((b) => b.type !== 'tableOfContents') }),
    ).not.toContain('updateFields');
  });
});
