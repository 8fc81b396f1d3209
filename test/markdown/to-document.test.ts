import { markdownToDocument, readMarkdown } from '../../src/markdown/to-document.js';

const frontMatter = `---
titel: |-
  Plan voor B\\&W \\*Noord\\*
onderwerp: Onderwerp
auteur: A. Auteur
datum: "2027-01-15"
koptekst: Kop
voettekst: Voet
paginanummer: Pagina {pagina} van {totaal}
---
`;

test('front matter becomes the document properties, with escapes undone', () => {
  const tree = markdownToDocument(`${frontMatter}\nTekst.\n`, 'test.md.hbs');
  expect(tree.meta).toMatchObject({
    title: 'Plan voor B&W *Noord*',
    author: 'A. Auteur',
    language: 'nl-NL',
    header: 'Kop',
  });
  expect(tree.meta.date.toISOString()).toBe('2027-01-15T00:00:00.000Z');
});

test('directives become title page, table of contents, page break and fill-in', () => {
  const markdown = `${frontMatter}
:::titelpagina
# Titel

## Ondertitel

Regel **een**
:::

::inhoudsopgave[Inhoud]

::paginaeinde

Vul :invullen[hier *iets*] in.
`;
  const tree = markdownToDocument(markdown, 'test.md.hbs');
  // The page break marker is read where it stands, and normalised into the next block's breakBefore.
  expect(readMarkdown(markdown, 'test.md.hbs').children.map((b) => b.type)).toEqual([
    'titlePage',
    'tableOfContents',
    'pageBreak',
    'paragraph',
  ]);
  expect(tree.children.map((b) => [b.type, b.breakBefore])).toEqual([
    ['titlePage', undefined],
    ['tableOfContents', true],
    ['paragraph', true],
  ]);
  expect(tree.children[0]).toMatchObject({
    title: 'Titel',
    subtitle: 'Ondertitel',
    lines: [[{ type: 'text', value: 'Regel ' }, { type: 'strong' }]],
  });
  expect(tree.children[2]).toMatchObject({
    children: [
      { type: 'text', value: 'Vul ' },
      { type: 'fillIn', children: [{ type: 'text', value: 'hier ' }, { type: 'emphasis' }] },
      { type: 'text', value: ' in.' },
    ],
  });
});

test('tables keep header, rows and alignment; lists nest; headings get unique ids', () => {
  const tree = markdownToDocument(
    `${frontMatter}
# Één

# Één

| A | B |
|:--|--:|
| 1 \\| x | [link](https://example.org/a_b) |

- een
  1. genest
`,
    'test.md.hbs',
  );
  const [h1, h2, table, list] = tree.children;
  expect([h1, h2].map((h) => h?.type === 'heading' && h.id)).toEqual(['een', 'een-2']);
  expect(table).toMatchObject({
    type: 'table',
    align: ['left', 'right'],
    header: [[{ value: 'A' }], [{ value: 'B' }]],
  });
  expect(table).toMatchObject({ rows: [[[{ value: '1 | x' }], [{ type: 'link', url: 'https://example.org/a_b' }]]] });
  expect(list).toMatchObject({
    type: 'list',
    ordered: false,
    items: [[{ type: 'paragraph' }, { type: 'list', ordered: true }]],
  });
});

test('unsupported Markdown is one clear error naming the template and line', () => {
  expect(() => markdownToDocument(`${frontMatter}\nA\n\n#### Te diep\n`, 'templates/x.md.hbs')).toThrow(
    /templates\/x\.md\.hbs, regel 14 van de gegenereerde Markdown: koppen gaan tot niveau 3/,
  );
  expect(() => markdownToDocument(`${frontMatter}\n::onbekend\n`, 'x')).toThrow(/onbekende opdracht ::onbekend/);
  expect(() => markdownToDocument('Geen front matter', 'x')).toThrow(/front matter/);
});

test('raw HTML and escaped Markdown stay text', () => {
  const tree = markdownToDocument(`${frontMatter}\n<b>vet</b> \\*niet\\* \\# \\[x\\](y)\n`, 'x');
  expect(tree.children[0]).toEqual({
    type: 'paragraph',
    children: [{ type: 'text', value: '<b>vet</b> *niet* # [x](y)' }],
    position: { line: 12 },
  });
});

test('the page number pattern becomes text and the page number and page count', () => {
  expect(markdownToDocument(`${frontMatter}\nTekst.\n`, 'x').meta.pageNumber).toEqual([
    { type: 'text', value: 'Pagina ' },
    { type: 'pageNumber' },
    { type: 'text', value: ' van ' },
    { type: 'pageCount' },
  ]);
  const plain = frontMatter.replace('Pagina {pagina} van {totaal}', '"{totaal} {pagina}{pagina}"');
  expect(markdownToDocument(`${plain}\nTekst.\n`, 'x').meta.pageNumber).toEqual([
    { type: 'pageCount' },
    { type: 'text', value: ' ' },
    { type: 'pageNumber' },
    { type: 'pageNumber' },
  ]);
});

describe('a list item holds text and lists only: anything else is an error naming the line', () => {
  test.each([
    ['a heading', '- een\n- # Kop', 'geen kop; zet de kop na de lijst', 15],
    ['a table', '- een\n\n  | A |\n  |---|\n  | 1 |', 'geen tabel', 16],
    ['a table of contents', '- ::inhoudsopgave[Inhoud]', 'geen inhoudsopgave', 14],
  ])('%s', (_name, list, message, line) => {
    expect(() => markdownToDocument(`${frontMatter}\nTekst.\n\n${list}\n`, 'templates/x.md.hbs')).toThrow(
      `templates/x.md.hbs, regel ${line} van de gegenereerde Markdown: in een lijst staan alleen tekst en lijsten, ${message}`,
    );
  });

  test('a page break in a list item goes to the next block of the item', () => {
    const tree = markdownToDocument(`${frontMatter}\n- een\n\n  ::paginaeinde\n\n  twee\n`, 'x');
    expect(tree.children[0]).toMatchObject({
      type: 'list',
      items: [[{ type: 'paragraph' }, { type: 'paragraph', breakBefore: true }]],
    });
  });
});

test('a thematic break (---, ***) is a template error, not silently dropped', () => {
  for (const rule of ['***', '---', '___']) {
    expect(() => markdownToDocument(`${frontMatter}\nTekst.\n\n${rule}\n\nMeer.\n`, 'templates/x.md.hbs')).toThrow(
      /templates\/x\.md\.hbs, regel 14 van de gegenereerde Markdown: een scheidingslijn \(---, \*\*\* of ___\) wordt niet ondersteund/,
    );
  }
  // Without a blank line, --- under text is a thematic break too (there are no underlined headings).
  expect(() => markdownToDocument(`${frontMatter}\nTekst\n---\n`, 'x')).toThrow(/scheidingslijn/);
});
