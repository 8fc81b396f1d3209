import { render } from '@inquirer/testing';
import type { Context } from '@inquirer/type';
import { yearSchema } from '../../src/answers/schema.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { createInquirerPrompter, parseWholeNumber } from '../../src/wizard/inquirer-prompter.js';
import { NavigationRequest, type Prompter } from '../../src/wizard/prompter.js';
import { stripVTControlCharacters } from 'node:util';
import { fieldRules } from '../../src/wizard/field-rules.js';
import { builtInKnowledge } from '../support/knowledge.js';

/**
 * Our Prompter over @inquirer/prompts, driven by @inquirer/testing: `render` hands the prompt its
 * fake terminal streams through the context, and the prompter passes them on. Its terminal is
 * 10,000 columns wide unless a test makes it as narrow as a real one.
 */
function asPrompt<Config, Value>(ask: (prompter: Prompter, config: Config) => Promise<Value>, columns?: number) {
  return (config: Config, context?: Context) => {
    if (columns !== undefined && context?.output) (context.output as { columns?: number }).columns = columns;
    return ask(
      createInquirerPrompter({
        ...(context?.input ? { input: context.input } : {}),
        ...(context?.output ? { output: context.output } : {}),
      }),
      config,
    );
  };
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

test('Escape and shift+tab end a question with a request to stop or to go back (navigation.ts decides)', async () => {
  const ask = () =>
    render(
      asPrompt((p, config: Parameters<Prompter['select']>[0]) => p.select(config)),
      {
        message: 'Wat voor organisatie is het?',
        choices: [{ value: 'gemeente', name: 'Gemeente' }],
      },
    );
  const stop = await ask();
  stop.events.keypress('escape');
  await expect(stop.answer).rejects.toEqual(new NavigationRequest('stop'));
  const back = await ask();
  back.events.keypress({ name: 'tab', shift: true });
  await expect(back.answer).rejects.toMatchObject({ to: 'back' });
});

/** Lines that reach the last of 80 columns: there @inquirer would cut them, inside a word too. */
const tooWide = (screen: string) => screen.split('\n').filter((line) => stripVTControlCharacters(line).length >= 80);

test('a long question, its default and its answer break at spaces, before the 80th column', async () => {
  const message = 'Datum van de documenten zoals die op de voorkant van het plan komt te staan:';
  const { answer, events, getScreen } = await render(
    asPrompt((p, config: Parameters<Prompter['input']>[0]) => p.input(config), 80),
    { message, default: '15 januari 2027', validate: fieldRules(kb).date },
  );
  expect(tooWide(getScreen())).toEqual([]);
  // Too little room left after the message to type: the default, and the typing, go under it.
  expect(getScreen()).toMatch(/\n {2}\(15 januari 2027\)/);
  events.keypress('enter');
  await expect(answer).resolves.toBe('15 januari 2027');
  expect(tooWide(getScreen())).toEqual([]);
});

test('a list of themes: long names and descriptions wrap under themselves; the hint is gone once answered, and none reads "geen"', async () => {
  const h56 = kb.themes.filter((t) => t.hoofdstuk === 'h56');
  const { answer, events, getScreen } = await render(
    asPrompt((p, config: Parameters<Prompter['checkbox']>[0]) => p.checkbox(config), 80),
    {
      message: "Welke thema's uit dit hoofdstuk scoorden zwak?",
      hint: 'geen mag ook',
      choices: h56.map((t) => ({ value: t.id, name: `${t.titel} — ${t.samenvatting}`, short: t.titel })),
    },
  );
  expect(getScreen()).toContain('(geen mag ook)');
  expect(tooWide(getScreen())).toEqual([]);
  events.keypress('enter');
  await expect(answer).resolves.toEqual([]);
  expect(getScreen()).toContain("Welke thema's uit dit hoofdstuk scoorden zwak? geen");
  expect(getScreen()).not.toContain('geen mag ook');
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
