import { parseWholeNumber } from '../../../src/wizard/inquirer-prompter.js';
import {
  NavigationRequest,
  type AsyncValidate,
  type CheckboxChoice,
  type Choice,
  type Prompter,
  type Validate,
} from '../../../src/wizard/prompter.js';
import type { TerminalSize } from '../../../src/wizard/terminal-text.js';

/** Press Enter: take the default, or the pre-ticked boxes. */
export const ENTER = Symbol('enter');
/** Press shift+tab: back to the previous question. */
export const BACK = Symbol('back');
/** Press Escape. */
export const ESCAPE = Symbol('escape');

/** One scripted answer: a fragment the question must contain, and what the "user" answers. */
export type Step = [question: string, answer: unknown];

export interface AskedQuestion {
  kind: 'select' | 'checkbox' | 'input' | 'number' | 'confirm';
  message: string;
  hint?: string;
  default?: unknown;
  choices?: readonly (Choice<unknown> & { checked?: boolean })[];
  /** Validation messages shown for earlier, rejected answers. */
  errors: string[];
}

/**
 * A prompter that answers from a script, in order. Each step names a fragment of the question it
 * expects, so a test fails at the first question that differs. Answers go through the question's
 * own validator: a rejected answer is logged and the next step answers the same question again,
 * as a person would retype it.
 */
export class FakePrompter implements Prompter {
  readonly asked: AskedQuestion[] = [];
  readonly printed: string[] = [];
  private readonly steps: Step[];

  /** `thenEnter`: once the script is used up, press Enter at every further question. */
  constructor(
    steps: readonly Step[],
    private readonly options: { thenEnter?: boolean; size?: TerminalSize } = {},
  ) {
    this.steps = [...steps];
  }

  get size(): TerminalSize {
    return this.options.size ?? { columns: 80, rows: 24 };
  }

  /** Steps not used: a test usually expects none. */
  get remaining(): readonly Step[] {
    return this.steps;
  }

  get output(): string {
    return this.printed.join('\n');
  }

  async select<T>(question: { message: string; choices: readonly Choice<T>[]; default?: T }): Promise<T> {
    const asked = this.log('select', question.message, question.default, question.choices);
    const answer = this.next<T>(asked);
    const value = answer === ENTER ? (question.default ?? question.choices[0]!.value) : answer;
    this.mustBeChoice(asked, question.choices, value);
    return value;
  }

  async checkbox<T>(question: {
    message: string;
    hint?: string;
    choices: readonly CheckboxChoice<T>[];
    validate?: Validate<readonly T[]>;
  }): Promise<T[]> {
    const asked = this.log('checkbox', question.message, undefined, question.choices);
    if (question.hint !== undefined) asked.hint = question.hint;
    for (;;) {
      const answer = this.next<T[]>(asked);
      const values = answer === ENTER ? question.choices.filter((c) => c.checked).map((c) => c.value) : answer;
      values.forEach((value) => this.mustBeChoice(asked, question.choices, value));
      const verdict = question.validate?.(values) ?? true;
      if (verdict === true) return values;
      this.reject(asked, verdict);
    }
  }

  async input(question: { message: string; default?: string; validate?: AsyncValidate<string> }): Promise<string> {
    return this.typed('input', question, (answer) => (answer === ENTER ? (question.default ?? '') : String(answer)));
  }

  async number(question: { message: string; default?: number; validate?: Validate<number> }): Promise<number> {
    return this.typed('number', question, (answer) =>
      answer === ENTER
        ? (question.default ?? Number.NaN)
        : typeof answer === 'number'
          ? answer
          : parseWholeNumber(String(answer)),
    );
  }

  async confirm(question: { message: string; default: boolean }): Promise<boolean> {
    const asked = this.log('confirm', question.message, question.default);
    const answer = this.next<boolean>(asked);
    return answer === ENTER ? question.default : answer;
  }

  print(text: string): void {
    this.printed.push(text);
  }

  private async typed<T>(
    kind: 'input' | 'number',
    question: { message: string; default?: T; validate?: AsyncValidate<T> },
    value: (answer: unknown) => T,
  ): Promise<T> {
    const asked = this.log(kind, question.message, question.default);
    for (;;) {
      const answer = value(this.next(asked));
      const verdict = (await question.validate?.(answer)) ?? true;
      if (verdict === true) return answer;
      this.reject(asked, verdict);
    }
  }

  /** A script that keeps giving rejected answers (Enter on an empty required field) must fail, not loop. */
  private reject(asked: AskedQuestion, message: string): void {
    asked.errors.push(message);
    if (asked.errors.length > 5) throw new Error(`"${asked.message}" keeps rejecting the scripted answers: ${message}`);
  }

  private log(kind: AskedQuestion['kind'], message: string, def?: unknown, choices?: AskedQuestion['choices']) {
    const asked: AskedQuestion = { kind, message, errors: [], ...(def !== undefined ? { default: def } : {}) };
    if (choices) asked.choices = choices;
    this.asked.push(asked);
    return asked;
  }

  /** The scripted answer; BACK and ESCAPE end the question as those keys do in the terminal. */
  private next<T>(asked: AskedQuestion): T | typeof ENTER {
    const step = this.steps.shift() ?? (this.options.thenEnter ? ['', ENTER] : undefined);
    if (!step) throw new Error(`No scripted answer left for ${asked.kind} "${asked.message}"`);
    const [fragment, answer] = step;
    if (!asked.message.includes(fragment)) {
      throw new Error(`Script expected a question containing "${fragment}", but the wizard asked "${asked.message}"`);
    }
    if (answer === BACK) throw new NavigationRequest('back');
    if (answer === ESCAPE) throw new NavigationRequest('stop');
    return answer as T | typeof ENTER;
  }

  private mustBeChoice<T>(asked: AskedQuestion, choices: readonly Choice<T>[], value: T): void {
    if (!choices.some((choice) => choice.value === value)) {
      throw new Error(`"${String(value)}" is no choice of "${asked.message}"`);
    }
  }
}
