import { answersSchema, isoDateSchema, organisationNameSchema, periodSchema, yearSchema } from '../answers/schema.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import type { ChapterId } from '../knowledge/schema.js';
import type { Validate } from './prompter.js';

/**
 * Validators for the questions, made from the answers file's own schemas: a value the wizard
 * accepts is a value `genereer` accepts, with the same Dutch message when it is not.
 */
export interface FieldRules {
  organisationName: Validate<string>;
  year: Validate<number>;
  /** The end of the plan period, given its start: a year, not before the start, at most ten years. */
  periodEnd(from: number): Validate<number>;
  /** A date as the answers file accepts it (15-01-2027, 15 januari 2027, 2027-01-15, …). */
  date: Validate<string>;
  /** A date that `date` accepted, in the one form the answers keep (JJJJ-MM-DD). */
  isoDate(text: string): string;
  /** Empty means "no author"; otherwise the answers file's rule for a person's name. */
  optionalPersonName: Validate<string>;
  /** Empty means "leave out"; otherwise the answers file's rule for a function. */
  optionalFunction: Validate<string>;
  chapters: Validate<readonly ChapterId[]>;
  /** Not part of the answers file: the wizard's own choices. */
  atLeastOne(what: string): Validate<readonly unknown[]>;
  folder: Validate<string>;
}

interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { message: string }[] } };
}

/** A schema as a prompt validator: `true`, or the message of its first issue. */
export function validateWith<T>(schema: SafeParser): Validate<T> {
  return (value) => {
    const result = schema.safeParse(value);
    return result.success ? true : (result.error.issues[0]?.message ?? 'deze waarde is niet geldig');
  };
}

export function fieldRules(kb: KnowledgeBase): FieldRules {
  const shape = answersSchema(kb).shape;
  const contact = shape.auteur.unwrap().shape;
  const personName = validateWith<string>(contact.naam);
  const functionText = validateWith<string>(contact.functie);
  return {
    organisationName: validateWith(organisationNameSchema),
    year: validateWith(yearSchema),
    periodEnd: (from) => (to) => validateWith<{ van: number; tot: number }>(periodSchema)({ van: from, tot: to }),
    date: validateWith(isoDateSchema),
    isoDate: (text) => isoDateSchema.parse(text),
    optionalPersonName: (value) => (value.trim() === '' ? true : personName(value)),
    optionalFunction: (value) => (value.trim() === '' ? true : functionText(value)),
    chapters: validateWith(shape.hoofdstukken.unwrap()),
    atLeastOne: (what) => (values) => (values.length > 0 ? true : `kies minstens één ${what}`),
    folder: (value) => (value.trim() === '' ? 'vul de naam van een map in, bijvoorbeeld output' : true),
  };
}
