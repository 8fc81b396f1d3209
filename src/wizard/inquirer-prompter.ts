import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { styleText } from 'node:util';
import type { Prompter, Validate } from './prompter.js';

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

function keysHelpTip(keys: [string, string][]): string {
  const dutch: [string, string][] = [
    ...keys.map(([key, action]): [string, string] => dutchKeys[`${key} ${action}`] ?? [key, action]),
    ['esc', 'stoppen'],
  ];
  return dutch
    .map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', action)}`)
    .join(styleText('dim', ' • '));
}

const listTheme = { style: { keysHelpTip } };
const confirmTheme = {
  keywords: {
    yes: 'ja',
    no: 'nee',
    error: ({ yes, no }: { yes: string; no: string }) => `antwoord met "${yes}" of "${no}"`,
  },
};

/** Enough rows for our longest list (the ten themes of hoofdstuk 2) on a 24-line terminal. */
const maxPageSize = 10;

/**
 * A whole number from what was typed; NaN for anything else, so the schema's own message
 * ("vul een jaartal in") explains it. A decimal comma counts, so "2027,5" gets "een heel getal".
 */
export function parseWholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^[+-]?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
}

const wholeNumber: Validate<number> = (value) => (Number.isInteger(value) ? true : 'vul een heel getal in');

/**
 * The Prompter over @inquirer/prompts, with Dutch key help and yes/no words. Escape stops the
 * wizard: each prompt gets an AbortSignal that a keypress listener fires, and @inquirer then
 * rejects with AbortPromptError; Ctrl-C makes @inquirer reject with ExitPromptError.
 */
export function createInquirerPrompter(streams: PromptStreams = {}): Prompter {
  const keys = streams.input ?? process.stdin;
  const write = (text: string) => (streams.output ?? process.stdout).write(`${text}\n`);

  async function ask<T>(prompt: (context: { signal: AbortSignal } & PromptStreams) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const onKeypress = (_text: unknown, key: { name?: string } | undefined) => {
      if (key?.name === 'escape') controller.abort();
    };
    keys.on('keypress', onKeypress);
    try {
      return await prompt({ ...streams, signal: controller.signal });
    } finally {
      keys.removeListener('keypress', onKeypress);
    }
  }

  return {
    select: (question) =>
      ask((context) =>
        select(
          {
            message: question.message,
            choices: question.choices.map((choice) => ({ ...choice })),
            ...(question.default !== undefined ? { default: question.default } : {}),
            pageSize: Math.min(question.choices.length, maxPageSize),
            theme: listTheme,
          },
          context,
        ),
      ),
    checkbox: (question) =>
      ask((context) =>
        checkbox(
          {
            message: question.message,
            choices: question.choices.map((choice) => ({ ...choice })),
            pageSize: Math.min(question.choices.length, maxPageSize),
            ...(question.validate
              ? {
                  validate: (chosen: readonly { value: unknown }[]) =>
                    question.validate!(chosen.map((c) => c.value) as never),
                }
              : {}),
            theme: listTheme,
          },
          context,
        ),
      ),
    input: (question) =>
      ask((context) =>
        input(
          {
            message: question.message,
            ...(question.default ? { default: question.default } : {}),
            ...(question.validate ? { validate: question.validate } : {}),
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
          },
          context,
        ),
      );
      return parseWholeNumber(text);
    },
    confirm: (question) =>
      ask((context) => confirm({ message: question.message, default: question.default, theme: confirmTheme }, context)),
    print: write,
  };
}
