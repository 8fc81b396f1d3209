/**
 * The questions the wizard can ask, independent of any terminal library. The flow only talks to
 * this interface: @inquirer/prompts implements it for people (inquirer-prompter.ts), and tests use
 * a scripted fake.
 */

/** `true` when the value is fine, otherwise the Dutch message to show under the question. */
export type Validate<T> = (value: T) => true | string;

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
  /** Pick any number; `checked` choices start ticked. */
  checkbox<T>(question: {
    message: string;
    choices: readonly CheckboxChoice<T>[];
    validate?: Validate<readonly T[]>;
  }): Promise<T[]>;
  /** A line of text; an empty answer takes the default. */
  input(question: { message: string; default?: string; validate?: Validate<string> }): Promise<string>;
  /** A whole number; text that is no number reaches `validate` as NaN, so one rule says what is wrong. */
  number(question: { message: string; default?: number; validate?: Validate<number> }): Promise<number>;
  confirm(question: { message: string; default: boolean }): Promise<boolean>;
  /** Text between questions: section titles, help lines, the summary, progress. */
  print(text: string): void;
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
