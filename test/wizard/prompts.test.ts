import { render } from '@inquirer/testing';
import type { Context } from '@inquirer/type';
import { yearSchema } from '../../src/answers/schema.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { createInquirerPrompter, parseWholeNumber } from '../../src/wizard/inquirer-prompter.js';
import type { Prompter } from '../../src/wizard/prompter.js';
import { fieldRules } from '../../src/wizard/field-rules.js';
import { builtInKnowledge } from '../support/knowledge.js';

/**
 * Our Prompter over @inquirer/prompts, driven by @inquirer/testing: `render` hands the prompt its
 * fake terminal streams through the context, and the prompter passes them on.
 */
function asPrompt<Config, Value>(ask: (prompter: Prompter, config: Config) => Promise<Value>) {
  return (config: Config, context?: Context) =>
    ask(
      createInquirerPrompter({
        ...(context?.input ? { input: context.input } : {}),
        ...(context?.output ? { output: context.output } : {}),
      }),
      config,
    );
}

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await builtInKnowledge();
});

test('a year is checked while typing, with the answers file’s message, and comes back as a number', async () => {
  const { answer, events, getScreen, nextRender } = await render(
    asPrompt((p, config: Parameters<Prompter['number']>[0]) => p.number(config)),
    { message: 'Planperiode – van (eerste jaar):', default: 2027, validate: fieldRules(kb).year },
  );
  expect(getScreen()).toContain('Planperiode – van (eerste jaar): (2027)');

  events.type('1999');
  events.keypress('enter');
  await nextRender();
  expect(getScreen()).toContain(yearSchema.safeParse(1999).error!.issues[0]!.message);

  for (let i = 0; i < 4; i++) events.keypress('backspace');
  events.type('2028');
  events.keypress('enter');
  await expect(answer).resolves.toBe(2028);
});

test('Enter takes the default', async () => {
  const { answer, events } = await render(
    asPrompt((p, config: Parameters<Prompter['input']>[0]) => p.input(config)),
    { message: 'Datum van de documenten (JJJJ-MM-DD):', default: '2027-01-15', validate: fieldRules(kb).date },
  );
  events.keypress('enter');
  await expect(answer).resolves.toBe('2027-01-15');
});

test('a theme list shows the highlighted theme’s samenvatting and Dutch key help', async () => {
  const themes = kb.themes.filter((t) => t.hoofdstuk === 'h3');
  const { answer, events, getScreen } = await render(
    asPrompt((p, config: Parameters<Prompter['checkbox']>[0]) => p.checkbox(config)),
    {
      message: "Welke thema's uit dit hoofdstuk scoorden zwak?",
      choices: themes.map((t) => ({ value: t.id, name: t.titel, description: t.samenvatting })),
    },
  );
  expect(getScreen()).toContain(themes[0]!.samenvatting);
  expect(getScreen()).toContain('spatie aan/uit');
  expect(getScreen()).toContain('esc stoppen');
  expect(getScreen()).not.toMatch(/navigate|submit/);

  events.keypress('down');
  expect(getScreen()).toContain(themes[1]!.samenvatting);
  events.keypress('space');
  events.keypress('enter');
  await expect(answer).resolves.toEqual([themes[1]!.id]);
});

test('a list that needs a choice says so in Dutch', async () => {
  const { answer, events, getScreen } = await render(
    asPrompt((p, config: Parameters<Prompter['checkbox']>[0]) => p.checkbox(config)),
    {
      message: 'In welke formaten?',
      choices: [
        { value: 'docx', name: 'Word (DOCX)' },
        { value: 'pdf', name: 'PDF' },
      ],
      validate: fieldRules(kb).atLeastOne('formaat'),
    },
  );
  events.keypress('enter');
  await new Promise((resolve) => setImmediate(resolve));
  expect(getScreen()).toContain('kies minstens één formaat');
  events.keypress('space');
  events.keypress('enter');
  await expect(answer).resolves.toEqual(['docx']);
});

test('yes/no questions speak Dutch: the hint is j/N and "ja" is understood', async () => {
  const { answer, events, getScreen } = await render(
    asPrompt((p, config: Parameters<Prompter['confirm']>[0]) => p.confirm(config)),
    { message: 'Wilt u ze overschrijven?', default: false },
  );
  expect(getScreen()).toContain('(j/N)');
  events.type('ja');
  events.keypress('enter');
  await expect(answer).resolves.toBe(true);
});

test('Escape stops a question with AbortPromptError, which the CLI turns into goodbye and 130', async () => {
  const { answer, events } = await render(
    asPrompt((p, config: Parameters<Prompter['select']>[0]) => p.select(config)),
    { message: 'Wat voor organisatie is het?', choices: [{ value: 'gemeente', name: 'Gemeente' }] },
  );
  events.keypress('escape');
  await expect(answer).rejects.toMatchObject({ name: 'AbortPromptError' });
});

test('Ctrl-C stops a question with ExitPromptError', async () => {
  const { answer, events } = await render(
    asPrompt((p, config: Parameters<Prompter['input']>[0]) => p.input(config)),
    { message: 'Naam van de organisatie:' },
  );
  events.keypress({ name: 'c', ctrl: true });
  await expect(answer).rejects.toMatchObject({ name: 'ExitPromptError' });
});

test('typed numbers: whole numbers, a decimal comma, and NaN for anything else', () => {
  expect(parseWholeNumber(' 2027 ')).toBe(2027);
  expect(parseWholeNumber('2027,5')).toBe(2027.5);
  expect(parseWholeNumber('twintig')).toBeNaN();
  expect(parseWholeNumber('')).toBeNaN();
  expect(parseWholeNumber('0x7E3')).toBeNaN();
});
