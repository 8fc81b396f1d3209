import { normalizeDocument, TOC_DEPTH } from '../../src/document/normalize.js';
import type { PageBreak, SourceBlock, SourceTree } from '../../src/document/source.js';
import type { Inline, Paragraph } from '../../src/document/tree.js';
import { sampleMeta } from '../fixtures/sample-tree.js';

const t = (value: string): Inline[] => [{ type: 'text', value }];
const source = (children: SourceBlock[]): SourceTree => ({ meta: sampleMeta(), children });
const paragraph = (text: string, line?: number): Paragraph => ({
  type: 'paragraph',
  children: t(text),
  ...(line === undefined ? {} : { position: { line } }),
});
const pageBreak = (line: number): PageBreak => ({ type: 'pageBreak', position: { line } });
const normalize = (children: SourceBlock[]) => normalizeDocument(source(children), 'templates/x.md.hbs').children;

describe('page breaks', () => {
  test('become breakBefore on the next block of their container; two in a row are one', () => {
    expect(normalize([paragraph('a'), pageBreak(2), pageBreak(3), paragraph('b')])).toEqual([
      { type: 'paragraph', children: t('a') },
      { type: 'paragraph', children: t('b'), breakBefore: true },
    ]);
  });

  test('in a list item they go to the next block of the item, before a list to the list', () => {
    const [list] = normalize([
      {
        type: 'list',
        ordered: false,
        items: [
          [paragraph('a'), pageBreak(2), paragraph('b')],
          [pageBreak(4), { type: 'list', ordered: true, items: [] }],
        ],
      },
    ]);
    expect(list).toEqual({
      type: 'list',
      ordered: false,
      items: [
        [
          { type: 'paragraph', children: t('a') },
          { type: 'paragraph', children: t('b'), breakBefore: true },
        ],
        [{ type: 'list', ordered: true, items: [], breakBefore: true }],
      ],
    });
  });

  test.each([
    [
      'at the end of the document',
      [paragraph('a'), pageBreak(7)],
      'regel 7 van de gegenereerde Markdown: na ::paginaeinde volgt niets meer',
    ],
    [
      'at the end of a list item',
      [{ type: 'list', ordered: false, items: [[paragraph('a'), pageBreak(5)], [paragraph('b')]] } as SourceBlock],
      'regel 5 van de gegenereerde Markdown: na ::paginaeinde volgt niets meer in dit punt van de lijst',
    ],
    [
      'at the very start',
      [pageBreak(1), paragraph('a')],
      'regel 1 van de gegenereerde Markdown: ::paginaeinde staat aan het begin van het document',
    ],
  ])('are a template error %s', (_name, children, message) => {
    expect(() => normalize(children)).toThrow(`templates/x.md.hbs, ${message}`);
  });
});

test('a title page is a page of its own: it starts a page and so does the block after it', () => {
  const titlePage = (title: string): SourceBlock => ({ type: 'titlePage', title, lines: [] });
  const types = normalize([titlePage('Eerste'), paragraph('a'), paragraph('b'), titlePage('Tweede'), paragraph('c')]);
  expect(types.map((block) => block.breakBefore)).toEqual([undefined, true, undefined, true, true]);
});

test('the table of contents knows its depth and lists the headings up to it, by id, in order', () => {
  const heading = (level: 1 | 2 | 3, id: string): SourceBlock => ({ type: 'heading', level, id, children: t(id) });
  const [toc] = normalize([
    { type: 'tableOfContents', title: 'Inhoud' },
    heading(1, 'een'),
    heading(3, 'drie'),
    heading(2, 'twee'),
  ]);
  expect(TOC_DEPTH).toBe(2);
  expect(toc).toEqual({
    type: 'tableOfContents',
    title: 'Inhoud',
    depth: 2,
    entries: [
      { id: 'een', level: 1, children: t('een') },
      { id: 'twee', level: 2, children: t('twee') },
    ],
  });
});

test('leaves the source tree as it was', () => {
  const tree = source([paragraph('a'), pageBreak(2), paragraph('b')]);
  const copy = structuredClone(tree);
  normalizeDocument(tree, 'x');
  expect(tree).toEqual(copy);
});
