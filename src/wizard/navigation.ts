import {
  NavigationRequest,
  WizardStopped,
  type CheckboxChoice,
  type Choice,
  type Prompter,
  type Validate,
} from './prompter.js';

/*
 * "Vorige vraag" and "Stoppen zonder op te slaan?" for every question alike. The questions are
 * plain code that asks one question after another (sections, the summary's menu, the overwrite
 * question); each question follows from the answers before it. So going back one question means:
 * run that code again from the start, answer each earlier question silently from the log, and ask
 * the one before the current question anew. Every question asked anew starts from what the user
 * answered there before (when the same question comes at the same place). No question needs to
 * know about it, and it works across sections, "wijzigen" and the menu alike.
 */

interface Answered {
  message: string;
  answer: unknown;
}

/** Thrown inside a run when the user asked for the previous question; the run starts again. */
class GoBack extends Error {
  constructor(readonly position: number) {
    super('back');
  }
}

export const stopQuestion = 'Stoppen zonder op te slaan?';

/** Runs `questions` with back and stop handled for each of its questions; returns what the questions return. */
export async function withNavigation<T>(prompter: Prompter, questions: (prompter: Prompter) => Promise<T>): Promise<T> {
  const log: Answered[] = [];
  let replayed = 0;
  for (;;) {
    try {
      return await questions(new ReplayingPrompter(prompter, log, replayed));
    } catch (error) {
      if (!(error instanceof GoBack)) throw error;
      if (error.position === 0) prompter.print('Dit is de eerste vraag.');
      replayed = Math.max(0, error.position - 1);
    }
  }
}

/**
 * Answers the first `replayed` questions from the log, silently (what is printed among them is held
 * back), and asks the ones after it, each starting from its answer in the log. The first question
 * asked anew shows what was printed just before it, such as its section's title.
 */
class ReplayingPrompter implements Prompter {
  private position = 0;
  private held: string[] = [];

  constructor(
    private readonly prompter: Prompter,
    private readonly log: Answered[],
    private replayed: number,
  ) {}

  get size() {
    return this.prompter.size;
  }

  print(text: string): void {
    if (this.replaying) this.held.push(text);
    else this.prompter.print(text);
  }

  select<T>(question: { message: string; choices: readonly Choice<T>[]; default?: T }): Promise<T> {
    return this.ask(question.message, (previous) =>
      this.prompter.select(previous === undefined ? question : { ...question, default: previous as T }),
    );
  }

  checkbox<T>(question: {
    message: string;
    hint?: string;
    choices: readonly CheckboxChoice<T>[];
    validate?: Validate<readonly T[]>;
  }): Promise<T[]> {
    return this.ask(question.message, (previous) =>
      this.prompter.checkbox<T>(
        previous === undefined
          ? question
          : {
              ...question,
              choices: question.choices.map((choice) => ({
                ...choice,
                checked: (previous as T[]).includes(choice.value),
              })),
            },
      ),
    );
  }

  input(question: Parameters<Prompter['input']>[0]): Promise<string> {
    return this.ask(question.message, (previous) =>
      this.prompter.input(previous === undefined ? question : { ...question, default: previous as string }),
    );
  }

  number(question: Parameters<Prompter['number']>[0]): Promise<number> {
    return this.ask(question.message, (previous) =>
      this.prompter.number(previous === undefined ? question : { ...question, default: previous as number }),
    );
  }

  confirm(question: Parameters<Prompter['confirm']>[0]): Promise<boolean> {
    return this.ask(question.message, (previous) =>
      this.prompter.confirm(previous === undefined ? question : { ...question, default: previous as boolean }),
    );
  }

  private get replaying(): boolean {
    return this.position < this.replayed;
  }

  /** `live` asks the question; it gets the earlier answer when this question was answered before. */
  private async ask<T>(message: string, live: (previous: unknown) => Promise<T>): Promise<T> {
    const logged = this.log[this.position];
    if (this.replaying) {
      if (logged?.message === message) {
        this.position++;
        this.held = [];
        return logged.answer as T;
      }
      // The questions went another way than last time: ask from here on.
      this.replayed = this.position;
    }
    this.held.forEach((text) => this.prompter.print(text));
    this.held = [];
    const previous = logged?.message === message ? logged.answer : undefined;
    for (;;) {
      try {
        const answer = await live(previous);
        this.log[this.position] = { message, answer };
        this.position++;
        return answer;
      } catch (error) {
        if (!(error instanceof NavigationRequest)) throw error;
        if (error.to === 'back') throw new GoBack(this.position);
        if (await this.confirmStop()) throw new WizardStopped();
      }
    }
  }

  /** Asked once before answers are thrown away; with none given yet, Escape just stops. */
  private async confirmStop(): Promise<boolean> {
    if (this.position === 0) return true;
    try {
      return await this.prompter.confirm({ message: stopQuestion, default: false });
    } catch (error) {
      // Escape or shift+tab here means: not stopping, back to the question.
      if (error instanceof NavigationRequest) return false;
      throw error;
    }
  }
}
