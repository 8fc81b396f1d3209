import type { Answers } from '../../answers/schema.js';
import type { KnowledgeBase } from '../../knowledge/model.js';
import type { DocumentCatalogue } from '../../vocabulary.js';
import type { Draft, FixedChoices } from '../draft.js';
import type { FieldRules } from '../field-rules.js';
import type { Prompter } from '../prompter.js';

/**
 * A group of the wizard's questions. A group is asked as a whole on the first pass and again when
 * the user picks "wijzigen" in the summary. Every choice comes from data (the knowledge base,
 * templates/documenten.yaml) and every rule about what is in force from plan/rules.ts.
 */
export interface Section {
  /** Also the menu's `wijzig:<id>`. */
  id: string;
  title: string;
  /** One short line printed above the group's questions. */
  help: string;
  ask(context: FlowContext, draft: Draft, mode: AskMode): Promise<Draft>;
  /** Label and value lines for the summary. */
  summary(context: FlowContext, draft: Draft): [label: string, value: string][];
  /** After the user changed an earlier group (before → after): must this group be asked again? */
  affectedBy?(context: FlowContext, before: Draft, after: Draft): boolean;
  /** True when the command line already answered every question of the group. */
  skipped?(context: FlowContext, mode: AskMode): boolean;
}

export interface FlowContext {
  prompter: Prompter;
  kb: KnowledgeBase;
  catalogue: DocumentCatalogue;
  rules: FieldRules;
  fixed: FixedChoices;
  /** ISO date: the default document date, as for `genereer`. */
  today: string;
}

/** `first`: the first pass, where values from the command line skip their question. `change`: asked on request. */
export type AskMode = 'first' | 'change';

export function withAnswers(draft: Draft, change: Partial<Answers>): Draft {
  return { ...draft, answers: { ...draft.answers, ...change } };
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
