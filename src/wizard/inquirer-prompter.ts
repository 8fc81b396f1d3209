import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { stripVTControlCharacters, styleText } from 'node:util';
import { NavigationRequest, type Prompter, type Validate } from './prompter.js';
import { continueLine, lastLineWidth, textWidth, usableWidth, wrapText, type TerminalSize } from './terminal-text.js';

/** Where the prompts read keys and draw; by default the process's terminal. Tests pass their own streams. */
export interface PromptStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** @inquirer's key help, in Dutch; keyed by "key action" because "select" means two things. */
const dutchKeys: Record<string, [string, string]> = {
  '↑↓ navigate': ['↑↓', 'kiezen'],
  '⏎ select': ['⏎', 'bevestigen'],
  'space select': ['spatie', 'aan/uit'],
  'a all': ['a', 'alles'],
  'i invert': ['i', 'omdraaien'],
  '⏎ submit': ['⏎', 'verder'],
};

/** The keys of navigation.ts, which every question has; the lists show them with their own keys. */
export const navigationKeys: [string, string][] = [
  ['esc', 'stoppen'],
  ['shift+tab', 'vorige vraag'],
];

/** Printed once before the first question: text questions have no key line of their own. */
export const navigationHelp =
  'Met shift+tab gaat u terug naar de vorige vraag; Esc stopt (eerst vraagt de wizard of u zeker bent).';

/** Enough rows for our longest list (the ten themes of hoofdstuk 2) on a 24-line terminal. */
const maxPageSize = 10;

/** "? " and "✔ ": the prompt's status sign and a space before the message. */
const prefixWidth = 2;
/** Columns left after a text question's message for what the user types, at the least. */
const minimumTypingRoom = 30;
/** A list item's cursor and space ("❯ "); a checkbox adds its box ("❯◉ "). */
const selectIndent = 2;
const checkboxIndent = 3;

/**
 * A whole number from what was typed; NaN for anything else, so the schema's own message
 * ("vul een jaartal in") explains it. A decimal comma counts, so "2027,5" gets "een heel getal".
 */
export function parseWholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^[+-]?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
}

const wholeNumber: Validate<number> = (value) => (Number.isInteger(value) ? true : 'vul een heel getal in');

type Style = Parameters<typeof styleText>[0];
const styled = (style: Style, lines: readonly string[]) => lines.map((line) => styleText(style, line)).join('\n');

/**
 * @inquirer draws a question as "? message (default) answer" and cuts every line at the terminal's
 * width, inside words too. So each part is wrapped here at spaces before @inquirer sees it: the
 * message after its "? ", the default and the answer after the message's last line, descriptions,
 * errors and key help on lines of their own. `hint` is shown while asking only.
 */
function questionTheme(message: string, hint: string | undefined, columns: number, typed = false) {
  const layout = (text: string) => {
    const lines = continueLine(text, prefixWidth, columns);
    const lastLine = lastLineWidth(lines) + (lines.length === 1 ? prefixWidth : 0);
    // Typing needs room: otherwise the answer starts on a line of its own, under the message.
    if (typed && usableWidth(columns) - lastLine < minimumTypingRoom)
      return { text: `${lines.join('\n')}\n `, after: prefixWidth + 1 };
    return { text: lines.join('\n'), after: lastLine + 1 };
  };
  const asking = layout(hint ? `${message} (${hint})` : message);
  const answered = layout(message);
  const after = (column: number, text: string, style: Style, whole = false) => {
    const plain = stripVTControlCharacters(text);
    // Short enough: as @inquirer styled it (the j/N hint keeps its underlined default).
    if (column + textWidth(plain) <= usableWidth(columns)) return text === plain ? styleText(style, text) : text;
    // A default such as "(1 december 2026)" moves to the next line whole (a non-breaking space holds it).
    const glued = whole ? plain.replace(/ /g, '\u00a0') : plain;
    return styled(
      style,
      continueLine(glued, column, columns).map((line) => line.replace(/\u00a0/g, ' ')),
    );
  };
  const keyHelp = (keys: [string, string][]) =>
    [
      ...keys.map(([key, action]): [string, string] => dutchKeys[`${key} ${action}`] ?? [key, action]),
      ...navigationKeys,
    ]
      // A non-breaking space keeps each key with its action when the line wraps.
      .map(([key, action]) => `${key}\u00a0${action}`.replace(/ /g, '\u00a0'))
      .join(' • ');
  return {
    style: {
      message: (_text: string, status: string) => styleText('bold', status === 'done' ? answered.text : asking.text),
      answer: (text: string) => after(answered.after, text, 'cyan'),
      defaultAnswer: (text: string) => after(asking.after, `(${text})`, 'dim', true),
      description: (text: string) => styled('cyan', continueLine(text, 0, columns, 0)),
      error: (text: string) => styled('red', continueLine(`> ${text}`, 0, columns)),
      // Plain text, so wrap-ansi sees the spaces; the separators and actions dimmed after.
      keysHelpTip: (keys: [string, string][]) =>
        styled(
          'dim',
          wrapText(keyHelp(keys), columns)
            .split('\n')
            .map((line) => line.replace(/\u00a0/g, ' ')),
        ),
    },
  };
}

/** A list item's name, wrapped under its own first letter. */
function itemName(name: string, indent: number, columns: number): string {
  return continueLine(name, indent, columns, indent).join('\n');
}

const confirmWords = {
  yes: 'ja',
  no: 'nee',
  error: ({ yes, no }: { yes: string; no: string }) => `antwoord met "${yes}" of "${no}"`,
};

/**
 * The Prompter over @inquirer/prompts, with Dutch key help and yes/no words, every line wrapped at
 * word boundaries. Escape and shift+tab end the question with a NavigationRequest: each prompt gets
 * an AbortSignal that a keypress listener fires. Ctrl-C makes @inquirer reject with ExitPromptError.
 */
export function createInquirerPrompter(streams: PromptStreams = {}): Prompter {
  const keys = streams.input ?? process.stdin;
  const output = streams.output ?? process.stdout;
  const size = (): TerminalSize => {
    const terminal = output as { columns?: number; rows?: number };
    return { columns: terminal.columns || 80, rows: terminal.rows || 24 };
  };

  async function ask<T>(prompt: (context: { signal: AbortSignal } & PromptStreams) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const onKeypress = (_text: unknown, key: { name?: string; shift?: boolean } | undefined) => {
      if (key?.name === 'escape') controller.abort('stop');
      else if (key?.name === 'tab' && key.shift) controller.abort('back');
    };
    keys.on('keypress', onKeypress);
    try {
      return await prompt({ ...streams, signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted && error instanceof Error && error.name === 'AbortPromptError')
        throw new NavigationRequest(controller.signal.reason as 'back' | 'stop');
      throw error;
    } finally {
      keys.removeListener('keypress', onKeypress);
    }
  }

  return {
    get size() {
      return size();
    },
    select: (question) => {
      const { columns } = size();
      const choices = question.choices.map((choice) => ({
        ...choice,
        name: itemName(choice.name, selectIndent, columns),
        short: choice.short ?? choice.name,
      }));
      return ask((context) =>
        select(
          {
            message: question.message,
            choices,
            ...(question.default !== undefined ? { default: question.default } : {}),
            pageSize: pageSize(choices),
            theme: questionTheme(question.message, undefined, columns),
          },
          context,
        ),
      );
    },
    checkbox: (question) => {
      const { columns } = size();
      const choices = question.choices.map((choice) => ({
        ...choice,
        name: itemName(choice.name, checkboxIndent, columns),
        short: choice.short ?? choice.name,
      }));
      const theme = questionTheme(question.message, question.hint, columns);
      return ask((context) =>
        checkbox(
          {
            message: question.message,
            choices,
            pageSize: pageSize(choices),
            ...(question.validate
              ? {
                  validate: (chosen: readonly { value: unknown }[]) =>
                    question.validate!(chosen.map((c) => c.value) as never),
                }
              : {}),
            theme: {
              ...theme,
              style: {
                ...theme.style,
                renderSelectedChoices: (chosen: readonly { short: string }[]) =>
                  chosen.length === 0 ? 'geen' : chosen.map((c) => c.short).join(', '),
              },
            },
          },
          context,
        ),
      );
    },
    input: (question) =>
      ask((context) =>
        input(
          {
            message: question.message,
            ...(question.default ? { default: question.default } : {}),
            ...(question.validate ? { validate: question.validate } : {}),
            theme: questionTheme(question.message, undefined, size().columns, true),
          },
          context,
        ),
      ),
    number: async (question) => {
      const validate = question.validate ?? wholeNumber;
      const text = await ask((context) =>
        input(
          {
            message: question.message,
            ...(question.default !== undefined ? { default: String(question.default) } : {}),
            validate: (value) => validate(parseWholeNumber(value)),
            theme: questionTheme(question.message, undefined, size().columns, true),
          },
          context,
        ),
      );
      return parseWholeNumber(text);
    },
    confirm: (question) => {
      const theme = questionTheme(question.message, undefined, size().columns);
      return ask((context) =>
        confirm(
          { message: question.message, default: question.default, theme: { ...theme, keywords: confirmWords } },
          context,
        ),
      );
    },
    print: (text) => output.write(`${wrapText(text, size().columns)}\n`),
  };
}

/** @inquirer's page size counts lines: a wrapped name takes more than one. */
function pageSize(choices: readonly { name: string }[]): number {
  const lines = choices.reduce((sum, choice) => sum + choice.name.split('\n').length, 0);
  return Math.min(lines, maxPageSize);
}
