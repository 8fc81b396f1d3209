import { plainText, type Block } from '../../src/document/tree.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { answersFrom, exampleAnswers, model, renderMarkdown, renderTree } from '../support/plan.js';

const headings = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'heading' ? [plainText(b.children)] : []));

test('the gemeente example becomes a plan tree with title page, TOC, the chapters and appendices', async () => {
  const kb = await builtInKnowledge();
  const tree = await renderTree('beleidsplan', model(kb, exampleAnswers(kb, 'gemeente')));
  expect(tree.meta).toMatchObject({
    title: 'Integriteitsbeleidsplan Gemeente Voorbeeld 2027–2030',
    language: 'nl-NL',
    author: 'J. Jansen',
  });
  expect(tree.meta.pageNumber).toEqual([
    { type: 'text', value: 'Pagina ' },
    { type: 'pageNumber' },
    { type: 'text', value: ' van ' },
    { type: 'pageCount' },
  ]);
  expect(tree.children[0]).toMatchObject({
    type: 'titlePage',
    title: 'Integriteitsbeleidsplan',
    subtitle: '2027–2030',
  });
  expect(tree.children[1]).toMatchObject({ type: 'tableOfContents', title: 'Inhoud' });
  const h = headings(tree.children);
  for (const expected of [
    '1 Inleiding',
    '2 Visie en ambitie',
    '3 Wettelijk kader',
    '4 Rollen en verantwoordelijkheden',
    '5 Stand van de basisnormen',
    "6 Beoordeling van de thema's",
    "7 Verbeterthema's",
    '8 Actieplan 2027–2030',
    '9 Monitoring en verantwoording',
    "Bijlage A. Thema's zonder zwakke score",
    'Bijlage B. Bronnen en instrumenten',
    'Colofon',
  ]) {
    expect(h).toContain(expected);
  }
  expect(h).toContain('7.1 Gedragsregels');
  expect(h.filter((x) => x === 'Waarom')).toHaveLength(5);
});

test('hostile names are shown literally and cannot change the Markdown structure', async () => {
  const kb = await builtInKnowledge();
  const hostile = '# Gemeente *B&W* | <b>vet</b> _x_ [link](http://x) :invullen[y] \\ `code`';
  const answers = answersFrom(kb, {
    organisatie: { naam: hostile, type: 'gemeente' },
    zwakke_themas: ['h2-gedragsregels'],
    toelichting: { 'h2-gedragsregels': '1. geen lijst\n\n| a | b |\n- ook geen lijst' },
    planperiode: { van: 2027, tot: 2028 },
  });
  const markdown = await renderMarkdown('beleidsplan', model(kb, answers));
  const tree = await renderTree('beleidsplan', model(kb, answers));
  expect(tree.meta.header).toContain(hostile);
  expect(tree.meta.title).toBe(`Integriteitsbeleidsplan ${hostile} 2027–2028`);
  const all = JSON.stringify(tree);
  expect(all).not.toContain('"type":"link","url":"http://x"');
  expect(
    tree.children.filter((b) => b.type === 'heading' && plainText(b.children).startsWith('Gemeente')),
  ).toHaveLength(0);
  // The remark keeps its two paragraphs; neither becomes a list or a table.
  const texts = tree.children.flatMap((b) => (b.type === 'paragraph' ? [plainText(b.children)] : []));
  expect(texts).toContain('1. geen lijst');
  expect(texts).toContain('| a | b | - ook geen lijst');
  const structural = tree.children.filter(
    (b) => (b.type === 'list' || b.type === 'table') && JSON.stringify(b).includes('geen lijst'),
  );
  expect(structural).toEqual([]);
  expect(markdown).not.toContain('<b>vet</b>');
});

test('the rijk plan has no bestuur wording and a rijk legal framework', async () => {
  const kb = await builtInKnowledge();
  const tree = await renderTree('beleidsplan', model(kb, exampleAnswers(kb, 'rijk')));
  const text = JSON.stringify(tree);
  expect(text).toContain('secretaris-generaal');
  expect(text).toContain('Gedragscode Integriteit Rijk');
  expect(text).not.toContain('burgemeester');
  expect(text).not.toContain('griffier');
});

test('a template mistake names the template file and line', async () => {
  const { compileTemplates } = await import('../../src/templates/compile.js');
  const { renderTemplates } = await import('../../src/templates/render.js');
  const render = (source: string, file: string, model: object) => () =>
    renderTemplates(compileTemplates({ main: { file, source }, partials: new Map() }), model);
  expect(render('---\n\n{{organisatie.bestaatniet}}\n', 'templates/eigen.md.hbs', { organisatie: {} })).toThrow(
    /templates\/eigen\.md\.hbs op regel 3/,
  );
  expect(render('a\n{{#each x}}\n', 'templates/kapot.md.hbs', {})).toThrow(/templates\/kapot\.md\.hbs/);
});

test('the plan promises only what it has: election measures it plans, current instruments it lists', async () => {
  const kb = await builtInKnowledge();
  for (const type of ['gemeente', 'provincie', 'waterschap'] as const) {
    const plan = model(kb, exampleAnswers(kb, type));
    const markdown = await renderMarkdown('beleidsplan', plan);
    const kinds = new Set(plan.actieplan.map((m) => m.soort));
    expect({ type, promised: markdown.includes('Maatregelen voor het nieuwe bestuur staan') }).toEqual({
      type,
      promised: kinds.has('na-installatie') && plan.verkiezingen?.inPeriode !== undefined,
    });
    expect({ type, promised: markdown.includes('de instrumenten voor nu (hieronder)') }).toEqual({
      type,
      promised: plan.instrumenten.actueel.length > 0,
    });
  }
});
