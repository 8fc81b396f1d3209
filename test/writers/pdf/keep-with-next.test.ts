import { columnWidths } from '../../../src/document/columns.js';
import type { Block, DocumentTree, Heading, Inline, Paragraph, Table } from '../../../src/document/tree.js';
import { sampleMeta } from '../../fixtures/sample-tree.js';
import { checkedPdf, pdfFile, popplerAvailable, type PdfFile } from '../../support/pdf-tools.js';

/** Page breaks around headings: nothing may get lost, and a heading stays with the start of what follows it. */

const t = (value: string): Inline => ({ type: 'text', value });
const heading = (id: string, text: string): Heading => ({ type: 'heading', level: 3, id, children: [t(text)] });
const paragraph = (text: string): Paragraph => ({ type: 'paragraph', children: [t(text)] });
const table = (header: string[], rows: string[][]): Table => {
  const cells = [header, ...rows].map((row) => row.map((cell) => [t(cell)]));
  return {
    type: 'table',
    align: header.map(() => null),
    header: cells[0] ?? [],
    rows: cells.slice(1),
    widths: columnWidths(cells, header.length),
  };
};
const tree = (children: Block[]): DocumentTree => ({ meta: sampleMeta(), children });

/** Numbered words, so that a test can tell that every part of a long text is there. */
const numbered = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

/** Whether a word (all of it, not the start of a longer one) occurs in a text. */
const hasWord = (text: string, word: string): boolean => ` ${text.replace(/\s+/g, ' ')} `.includes(` ${word} `);

/** Writes the tree and hands over the text of every page (pdftotext ends each page with a form feed). */
async function withPdf(doc: DocumentTree, use: (pages: string[], file: PdfFile) => Promise<void>): Promise<void> {
  const file = await pdfFile(await checkedPdf(doc));
  try {
    await use((await file.text()).split('\f').slice(0, -1), file);
  } finally {
    await file.remove();
  }
}

const withPoppler = popplerAvailable() ? describe : describe.skip;

withPoppler('writePdf page breaks around headings', () => {
  it('loses nothing of a heading followed by a block taller than a page', async () => {
    const words = numbered('toelichting', 800);
    const text = `${words.join(' ')} `.padEnd(8000, 'x');
    const rows = numbered('Maatregel', 60);
    const longCell = numbered('celwoord', 700);
    const doc = tree([
      heading('toelichting', 'Toelichting van de organisatie'),
      paragraph(text),
      heading('maatregelen', 'Maatregelen'),
      table(
        ['Maatregel', 'Eigenaar'],
        rows.map((row) => [`${row}: bespreek dilemma’s in het team en leg afspraken vast`, 'leidinggevende']),
      ),
      heading('lange-cel', 'Een rij langer dan een pagina'),
      table(
        ['Onderwerp', 'Toelichting'],
        [
          ['Lange cel', longCell.join(' ')],
          ['Volgende rij', 'kort'],
        ],
      ),
    ]);
    expect(text.length).toBeGreaterThanOrEqual(8000);
    await withPdf(doc, async (pages) => {
      const all = pages.join('\n');
      for (const title of ['Toelichting van de organisatie', 'Maatregelen', 'Een rij langer dan een pagina']) {
        expect(all.split('\n')).toContain(title);
      }
      const missing = [...words, ...rows.map((row) => `${row}:`), ...longCell, 'Volgende'].filter(
        (word) => !hasWord(all, word),
      );
      expect(missing).toEqual([]);
    });
  });

  /** Blocks that follow a heading, each with a word that marks where it starts. */
  const kinds: Record<string, { block: (n: number) => Block; start: (n: number) => string }> = {
    paragraph: {
      block: (n) => paragraph(`Alineastart${n} ${'en zo verder met de tekst van de alinea '.repeat(40)}`),
      start: (n) => `Alineastart${n}`,
    },
    list: {
      block: (n) => ({ type: 'list', ordered: false, items: [[paragraph(`Lijststart${n}`)], [paragraph('twee')]] }),
      start: (n) => `Lijststart${n}`,
    },
    table: {
      block: (n) =>
        table(
          ['Maatregel', 'Eigenaar'],
          [1, 2, 3, 4].map((i) => [`Tabelrij${n}.${i} bespreek dilemma’s in het team`, 'leidinggevende']),
        ),
      start: (n) => `Tabelrij${n}.1`,
    },
  };
  /** Filler lines before the heading: over the cases the heading moves down to the bottom of a page. */
  const FILLER = Array.from({ length: 12 }, (_, i) => 36 + i);

  it.each(Object.keys(kinds))('keeps a heading on the page where the %s after it starts', async (kind) => {
    const { block, start } = kinds[kind] as (typeof kinds)[string];
    const children: Block[] = [];
    for (const lines of FILLER) {
      const filler = numbered(`Vulregel${lines}.`, lines).flatMap((line): Inline[] => [t(line), { type: 'lineBreak' }]);
      const breakBefore = children.length > 0 ? { breakBefore: true as const } : {};
      children.push(
        { type: 'paragraph', children: filler, ...breakBefore },
        heading(`kop-${lines}`, `Kop${lines}`),
        block(lines),
      );
    }
    await withPdf(tree(children), async (pages, file) => {
      const pageOf = (word: string): number => pages.findIndex((page) => hasWord(page, word));
      let moved = 0;
      for (const lines of FILLER) {
        const headingPage = pageOf(`Kop${lines}`);
        expect({ lines, page: pageOf(start(lines)) }).toEqual({ lines, page: headingPage });
        if (headingPage !== pageOf(`Vulregel${lines}.${lines}`)) moved++;
      }
      // Some headings had to go to the next page, or this test tested nothing.
      expect(moved).toBeGreaterThan(0);
      // Where the heading need not move, the block starts right under it (less than two lines lower): the room
      // kept free for it is given back.
      const words = await file.words(1);
      const at = words.findIndex((word) => word.text === `Kop${FILLER[0]}`);
      expect(at).toBeGreaterThan(-1);
      expect((words[at + 1]?.yMin ?? NaN) - (words[at]?.yMin ?? NaN)).toBeLessThan(30);
    });
  });
});
