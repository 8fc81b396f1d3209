import { markdownToDocument } from '../../src/markdown/to-document.js';

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
  const tree = markdownToDocument(
    `${frontMatter}
:::titelpagina
# Titel

## Ondertitel

Regel **een**
:::

::inhoudsopgave[Inhoud]

::paginaeinde

Vul :invullen[hier *iets*] in.
`,
    'test.md.hbs',
  );
  expect(tree.children.map((b) => b.type)).toEqual(['titlePage', 'tableOfContents', 'pageBreak', 'paragraph']);
  expect(tree.children[0]).toMatchObject({
    title: 'Titel',
    subtitle: 'Ondertitel',
    lines: [[{ type: 'text', value: 'Regel ' }, { type: 'strong' }]],
  });
  expect(tree.children[3]).toMatchObject({
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
