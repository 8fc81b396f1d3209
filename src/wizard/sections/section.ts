import type { Answers } from '../../answers/schema.js';
import type { KnowledgeBase } from '../../knowledge/model.js';
import type { OrganisationTypeId } from '../../knowledge/schema.js';
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
  /**
   * Rows for the summary: a label and a value, or a list of items that the summary shortens
   * ("… en nog 3") when the terminal is too small to show the summary whole.
   */
  summary(context: FlowContext, draft: Draft): SummaryRow[];
  /** After the user changed an earlier group (before → after): must this group be asked again? */
  affectedBy?(context: FlowContext, before: Draft, after: Draft): boolean;
  /** True when the group has nothing to ask: the command line answered it, or it does not apply. */
  skipped?(context: FlowContext, mode: AskMode, draft: Draft): boolean;
}

export type SummaryRow = [label: string, value: string | readonly string[]];

/** The result of checking a meldingen register at a path (relative to where the user stands). */
export type RegisterCheck =
  | { ok: true; counted: number; outsideYear: number; badRows: number; problems: readonly string[]; summary: string }
  | { ok: false; message: string };

export interface FlowContext {
  prompter: Prompter;
  kb: KnowledgeBase;
  catalogue: DocumentCatalogue;
  rules: FieldRules;
  fixed: FixedChoices;
  /** ISO date: the default document date, as for `genereer`. */
  today: string;
  /** The earlier answers file (`--antwoorden`), if any. */
  earlier?: Answers;
  /** Reads and counts a register the way `genereer --meldingen` does (in the type's typology): the flow's only I/O. */
  checkRegister(path: string, year: number, organisationType: OrganisationTypeId): Promise<RegisterCheck>;
}

/** `first`: the first pass, where values from the command line skip their question. `change`: asked on request. */
export type AskMode = 'first' | 'change';

export function withAnswers(draft: Draft, change: Partial<Answers>): Draft {
  return { ...draft, answers: { ...draft.answers, ...change } };
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
