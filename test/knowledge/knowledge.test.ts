import { fold } from '../../src/knowledge/references.js';
import { seedWords } from '../../src/knowledge/role-markup.js';
import { builtInKnowledge, seedText } from '../support/knowledge.js';

const expectedIds = {
  h2: [
    'h2-gedragsregels',
    'h2-procedures-meldingen',
    'h2-voorbeeldfunctie-management',
    'h2-waarden-en-normen',
    'h2-samenwerking',
    'h2-eerlijke-behandeling',
    'h2-integriteitsbeleid',
    'h2-naleven-regels',
    'h2-moreel-bewustzijn',
    'h2-integere-werkhouding',
  ],
  h3: ['h3-moreel-bewustzijn', 'h3-naleven-regels', 'h3-integere-werkhouding'],
  h4: [
    'h4-organisatie-en-borgen',
    'h4-commitment-en-visie',
    'h4-waarden-en-normen',
    'h4-regels-en-procedures',
    'h4-personeelsbeleid-en-cultuur',
    'h4-handhaving',
    'h4-audit-en-rapportage',
  ],
  h56: [
    'h56-rol-secretaris',
    'h56-rol-griffier',
    'h56-commitment-en-visie',
    'h56-waarden-en-normen',
    'h56-regels-en-procedures',
    'h56-personeelsbeleid-en-cultuur',
    'h56-handhaving',
    'h56-audit-en-rapportage',
  ],
};

test('the knowledge base has the 28 themes with their public ids, in source order per chapter', async () => {
  const kb = await builtInKnowledge();
  expect(kb.themes).toHaveLength(28);
  for (const [chapter, ids] of Object.entries(expectedIds)) {
    expect(kb.themes.filter((t) => t.hoofdstuk === chapter).map((t) => t.id)).toEqual(ids);
  }
});

test('every theme has a title, three non-empty paragraphs and at least two measures in the catalogue', async () => {
  const kb = await builtInKnowledge();
  for (const theme of kb.themes) {
    for (const field of ['titel', 'waarom', 'risico', 'oplossingsrichting'] as const) {
      expect(theme[field].trim().length).toBeGreaterThan(field === 'titel' ? 3 : 80);
    }
    expect(kb.measures.filter((m) => m.themas.includes(theme.id)).length).toBeGreaterThanOrEqual(2);
  }
});

test('every instrument id used by a theme or measure resolves to the catalogue, with a 2012 URL where the seed has one', async () => {
  const kb = await builtInKnowledge();
  const catalogue = new Set(kb.instruments.map((i) => i.id));
  const used = [...kb.themes.flatMap((t) => t.instrumenten), ...kb.measures.flatMap((m) => m.instrumenten)];
  expect(used.length).toBeGreaterThan(28);
  for (const id of used) expect(catalogue).toContain(id);
  const seedUrls = new Set(seedText().match(/https?:\/\/\S+/g));
  expect(new Set(kb.instruments.flatMap((i) => (i.url_2012 ? [i.url_2012] : [])))).toEqual(seedUrls);
});

test('each organisation type has its chapters and its own titles', async () => {
  const kb = await builtInKnowledge();
  const chapters = Object.fromEntries(kb.organisationTypes.map((t) => [t.id, t.hoofdstukken]));
  expect(chapters).toEqual({
    gemeente: ['h2', 'h3', 'h4', 'h56'],
    provincie: ['h2', 'h3', 'h4', 'h56'],
    waterschap: ['h2', 'h3', 'h4', 'h56'],
    rijk: ['h2', 'h4'],
  });
  const roles = (id: string) => kb.organisationTypes.find((t) => t.id === id)!.rollen;
  expect(roles('provincie').voorzitter).toBe('Commissaris van de Koning');
  expect(roles('gemeente').griffier).toBe('griffier');
  expect(roles('waterschap').secretaris).toBe('secretaris-directeur');
  expect(roles('rijk').volksvertegenwoordiging).toBeNull();
});

test('the source metadata attributes BIOS and the 2012 monitor', async () => {
  const kb = await builtInKnowledge();
  expect(kb.source).toMatchObject({ jaar: 2012, uitgever_afkorting: 'BIOS', publicatie: 'Integriteitsmonitor 2012' });
  expect(kb.source.sindsdien).toMatch(/2016/);
});

describe('faithfulness to the seed', () => {
  // Page headers and URL lists were placed inside paragraphs by the PDF conversion.
  const seed = fold(
    seedText()
      .split('\n')
      .filter((l) => !/^\s*https?:\/\//.test(l) && !/^\s*Handelingsperspectief Integriteitsmonitor:/.test(l) && !/^\s*Hoofdstuk \d/.test(l))
      .join('\n'),
  );

  test('every paragraph is word for word in the seed once the recorded corrections are undone', async () => {
    const kb = await builtInKnowledge();
    const notFound: string[] = [];
    for (const theme of kb.themes) {
      for (const field of ['titel', 'waarom', 'risico', 'oplossingsrichting'] as const) {
        // Role references put back the seed's own words: "[[CdK/burgemeester|voorzitter]]" → "CdK/burgemeester".
        let paragraphs = seedWords(theme[field]).split(/\n+/).map(fold);
        for (const c of kb.corrections.filter((c) => c.thema === theme.id && c.veld === field)) {
          paragraphs = paragraphs.map((p) => p.split(fold(c.correctie)).join(fold(c.bron)));
        }
        for (const p of paragraphs) if (!seed.includes(p)) notFound.push(`${theme.id}.${field}: ${p.slice(0, 80)}`);
      }
    }
    expect(notFound).toEqual([]);
  });

  test('every recorded correction quotes text that really is in the seed', async () => {
    const kb = await builtInKnowledge();
    expect(kb.corrections.length).toBeGreaterThan(0);
    for (const c of kb.corrections) expect(seed).toContain(fold(c.bron));
  });

  test('the introduction is word for word in the seed', async () => {
    const kb = await builtInKnowledge();
    for (const p of kb.source.inleiding.split(/\n+/).map(fold)) expect(seed).toContain(p);
  });
});
