import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { packageRoot } from '../../src/paths.js';
import { loadDocumentCatalogue, type DocumentCatalogue } from '../../src/vocabulary.js';
import { runWizardFlow } from '../../src/wizard/flow.js';
import { stopQuestion, withNavigation } from '../../src/wizard/navigation.js';
import { registerChecker } from '../../src/wizard/session.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { BACK, ENTER, ESCAPE, FakePrompter, type Step } from './support/fake-prompter.js';

let kb: KnowledgeBase;
let catalogue: DocumentCatalogue;
beforeAll(async () => {
  kb = await builtInKnowledge();
  catalogue = await loadDocumentCatalogue();
});

/** Every question of a plan with a rapportage, each answered once: every kind of question, in every section. */
const script: Step[] = [
  ['Wat voor organisatie', 'provincie'],
  ['Naam van de organisatie', 'Provincie Test'],
  ['Welke documenten', ['beleidsplan', 'rapportage']],
  ['Planperiode – van', 2027],
  ['Planperiode – tot', 2030],
  ['Datum', '15 februari 2028'],
  ['Over welk jaar', 2027],
  ['Naam van de auteur', 'P. de Wit'],
  ['Functie van P. de Wit', 'adviseur'],
  ['Meldingenregister', 'examples/meldingen-2027.csv'],
  ['Welke hoofdstukken', ENTER],
  ["Welke thema's", ['h2-gedragsregels']],
  ["Welke thema's", []],
  ["Welke thema's", ['h4-handhaving']],
  ["Welke thema's", []],
  ['prioriteit kiezen', true],
  ['Prioriteit van "Gedragsregels"', 'hoog'],
  ['Prioriteit van "Handhaving"', 'laag'],
  ['per basisnorm', false],
  ['In welke formaten', ['pdf']],
  ['In welke map', 'plannen'],
  ['Wat wilt u doen', 'maken'],
];

async function wizard(steps: readonly Step[]) {
  const prompter = new FakePrompter(steps);
  const result = await withNavigation(prompter, (asked) =>
    runWizardFlow(asked, kb, catalogue, { today: '2028-02-15', checkRegister: registerChecker(packageRoot, kb) }),
  );
  expect(prompter.remaining).toEqual([]);
  return { result, prompter };
}

test.each(script.slice(1).map(([question], index) => [question, script[index]![0], index + 1] as const))(
  '"vorige vraag" at %j goes back to %j, which starts from its answer; Enter there gives the same result',
  async (question, previous, at) => {
    const { result: straight } = await wizard(script);
    const { result, prompter } = await wizard([
      ...script.slice(0, at),
      [question, BACK],
      [previous, ENTER],
      ...script.slice(at),
    ]);
    expect(result).toEqual(straight);
    // Asked anew: the question before, with the earlier answer as its default (or its boxes ticked).
    // Questions 0 … at-1 were answered, `at` went back: the next one asked is the question before.
    const again = prompter.asked[at + 1]!;
    expect(again.message).toContain(previous);
    const earlier = script[at - 1]![1];
    if (again.kind === 'checkbox') {
      if (earlier !== ENTER) expect(again.choices!.filter((c) => c.checked).map((c) => c.value)).toEqual(earlier);
    } else if (earlier !== ENTER) {
      expect(again.default).toEqual(earlier);
    }
  },
);

test('going back across a section shows that section’s title again, and later answers stay as defaults', async () => {
  const { prompter, result } = await wizard([
    ...script.slice(0, 3),
    ['Planperiode – van', BACK],
    ['Welke documenten', BACK],
    ['Naam van de organisatie', 'Provincie Anders'],
    ['Welke documenten', ENTER],
    ['Planperiode – van', 2027],
    ...script.slice(4),
  ]);
  expect(result.answers.organisatie.naam).toBe('Provincie Anders');
  expect(result.documents).toEqual(['beleidsplan', 'rapportage']);
  expect(prompter.printed.filter((text) => text.startsWith('\nDocumenten'))).toHaveLength(3);
});

test('"vorige vraag" at the first question says so and asks it again', async () => {
  const { prompter } = await wizard([['Wat voor organisatie', BACK], ...script]);
  expect(prompter.output).toContain('Dit is de eerste vraag.');
});

test('Escape asks once before throwing answers away; "nee" goes on with the same question', async () => {
  const { result, prompter } = await wizard([
    ...script.slice(0, 4),
    ['Planperiode – tot', ESCAPE],
    [stopQuestion, false],
    ...script.slice(4),
  ]);
  expect(result.answers.planperiode).toEqual({ van: 2027, tot: 2030 });
  expect(prompter.asked.find((q) => q.message === stopQuestion)).toMatchObject({ kind: 'confirm', default: false });

  const stopped = new FakePrompter([...script.slice(0, 4), ['Planperiode – tot', ESCAPE], [stopQuestion, true]]);
  await expect(
    withNavigation(stopped, (asked) =>
      runWizardFlow(asked, kb, catalogue, { today: '2028-02-15', checkRegister: registerChecker(packageRoot, kb) }),
    ),
  ).rejects.toMatchObject({ name: 'AbortPromptError' });
});

test('Escape at the first question, with nothing to lose yet, stops at once', async () => {
  const prompter = new FakePrompter([['Wat voor organisatie', ESCAPE]]);
  await expect(
    withNavigation(prompter, (asked) =>
      runWizardFlow(asked, kb, catalogue, { today: '2028-02-15', checkRegister: registerChecker(packageRoot, kb) }),
    ),
  ).rejects.toMatchObject({ name: 'AbortPromptError' });
  expect(prompter.asked.map((q) => q.message)).not.toContain(stopQuestion);
});
