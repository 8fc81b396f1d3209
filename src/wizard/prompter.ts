import type { TerminalSize } from './terminal-text.js';

/**
 * The questions the wizard can ask, independent of any terminal library. The flow only talks to
 * this interface: @inquirer/prompts implements it for people (inquirer-prompter.ts), and tests use
 * a scripted fake.
 */

/** `true` when the value is fine, otherwise the Dutch message to show under the question. */
export type Validate<T> = (value: T) => true | string;
/** A check that may need to read a file first (the meldingen register). */
export type AsyncValidate<T> = (value: T) => true | string | Promise<true | string>;

export interface Choice<T> {
  value: T;
  name: string;
  /** One line shown under the list while the choice is highlighted. */
  description?: string;
  /** Shown after answering instead of `name`. */
  short?: string;
}

export interface CheckboxChoice<T> extends Choice<T> {
  checked?: boolean;
}

export interface Prompter {
  /** Pick one. */
  select<T>(question: { message: string; choices: readonly Choice<T>[]; default?: T }): Promise<T>;
  /**
   * Pick any number; `checked` choices start ticked. `hint` is shown while the question is asked,
   * not in the answered line; an empty answer reads "geen" there.
   */
  checkbox<T>(question: {
    message: string;
    hint?: string;
    choices: readonly CheckboxChoice<T>[];
    validate?: Validate<readonly T[]>;
  }): Promise<T[]>;
  /** A line of text; an empty answer takes the default. */
  input(question: { message: string; default?: string; validate?: AsyncValidate<string> }): Promise<string>;
  /** A whole number; text that is no number reaches `validate` as NaN, so one rule says what is wrong. */
  number(question: { message: string; default?: number; validate?: Validate<number> }): Promise<number>;
  confirm(question: { message: string; default: boolean }): Promise<boolean>;
  /** Text between questions: section titles, help lines, the summary, progress. Wrapped to the terminal. */
  print(text: string): void;
  /** The terminal's size now, for text laid out to fit it (the summary). */
  readonly size: TerminalSize;
}

/**
 * Thrown by a question when the user asks to go back one question (shift+tab) or to stop (Escape).
 * navigation.ts handles both, for every question alike.
 */
export class NavigationRequest extends Error {
  constructor(readonly to: 'back' | 'stop') {
    super(`The user asked to ${to === 'back' ? 'go back one question' : 'stop'}.`);
  }
}

/**
 * Thrown when the user chooses to stop. It carries the name of @inquirer's own error for Escape,
 * so every way of stopping (Ctrl-C, Escape, "stoppen") ends in one place: the CLI's goodbye, exit 130.
 */
export class WizardStopped extends Error {
  override name = 'AbortPromptError';
  constructor() {
    super('De gebruiker heeft de wizard gestopt.');
  }
}
