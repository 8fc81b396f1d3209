import { fold } from '../../src/knowledge/references.js';
import { seedWords } from '../../src/knowledge/role-markup.js';
import { builtInKnowledge, seedText } from '../support/knowledge.js';

/** Everything in the seed that is not a paragraph of the knowledge base must be a label, a title or a link. */
test('the knowledge base leaves no paragraph of the seed out', async () => {
  const kb = await builtInKnowledge();
  let rest = fold(
    seedText()
      .split('\n')
      .filter((l) => !/^\s*https?:\/\//.test(l))
      .join('\n'),
  );
  const original = (themeId: string, field: string, text: string) =>
    kb.corrections
      .filter((c) => c.thema === themeId && c.veld === field)
      .reduce((t, c) => t.split(fold(c.correctie)).join(fold(c.bron)), text);
  const paragraphs = [
    ...kb.source.inleiding.split(/\n+/).map(fold),
    ...kb.themes.flatMap((theme) =>
      (['waarom', 'risico', 'oplossingsrichting'] as const).flatMap((field) =>
        seedWords(theme[field])
          .split(/\n+/)
          .map((p) => original(theme.id, field, fold(p))),
      ),
    ),
  ];
  for (const paragraph of paragraphs) rest = rest.replace(paragraph, ' ');
  for (const theme of kb.themes) rest = rest.replace(original(theme.id, 'titel', theme.titel), ' ');
  const leftovers = fold(
    rest
      .replace(/\b(Waarom|Risico|Oplossingsrichting)\b/g, ' ')
      .replace(/Handelingsperspectief Integriteitsmonitor: Hoofdstuk \d( en \d)? integriteitsbe[a-z &]+organ\w+( & volksvertegenwoordigend orgaan)?/g, ' ')
      .replace(/Handelingsperspectief Integriteitsmonitor:/g, ' '),
  );
  // The chapter's own title, and a note under one theme title that says where the monitor asked about it.
  expect(leftovers).toBe('10 HANDELINGSPERSPECTIEF : in het onderzoek uitgevraagd onder commitment en visie/aandacht voor integriteit');
});
