import type { Answers, AnswersInput } from '../answers/schema.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import { chaptersInForce, weakThemesInForce } from '../plan/rules.js';
import type { DocumentKind, Format } from '../vocabulary.js';

/**
 * What the wizard knows so far: the answers object itself (the same type the answers file parses
 * to) plus the three things that are not part of that file. Every question reads its default from
 * here and writes its answer back.
 */
export interface Draft {
  answers: Answers;
  documents: DocumentKind[];
  formats: Format[];
  outputDir: string;
}

/** Values given on the command line: their questions are skipped on the first pass. */
export interface FixedChoices {
  documents?: DocumentKind[];
  formats?: Format[];
  outputDir?: string;
}

export interface DraftStart {
  /** An earlier answers file (`--antwoorden`): every question starts from its value. */
  prefill?: Answers;
  fixed?: FixedChoices;
  /**
   * ISO date: the default document date (also with an earlier answers file: it is a new document),
   * and from it the first year of a new plan period.
   */
  today: string;
}

export const defaultDocuments: DocumentKind[] = ['beleidsplan'];
export const defaultFormats: Format[] = ['docx', 'pdf'];
export const defaultOutputDir = 'output';
/** A new plan runs four years, like the examples. */
const defaultPlanYears = 4;

/** A plan is written for the coming year: from October on, a new plan starts next year. */
export function defaultFirstYear(today: string): number {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month >= 10 ? year + 1 : year;
}

export function initialDraft(kb: KnowledgeBase, start: DraftStart): Draft {
  const year = defaultFirstYear(start.today);
  const answers: Answers = start.prefill ?? {
    organisatie: { naam: '', type: kb.organisationTypes[0]!.id },
    zwakke_themas: [],
    prioriteiten: {},
    toelichting: {},
    planperiode: { van: year, tot: year + defaultPlanYears - 1 },
    datum: start.today,
    status: 'concept',
    maatregel_status: {},
  };
  return {
    // Everything else comes from the earlier file; the date is today's, as for any new document.
    answers: { ...answers, datum: start.today },
    documents: start.fixed?.documents ?? defaultDocuments,
    formats: start.fixed?.formats ?? defaultFormats,
    outputDir: start.fixed?.outputDir ?? defaultOutputDir,
  };
}

/**
 * The answers as they go into the file: only what is in force (priorities and remarks of themes
 * that are no longer weak are dropped), empty parts left out, keys in the order of the examples.
 */
export function toAnswersInput(kb: KnowledgeBase, answers: Answers): AnswersInput {
  const weak = weakThemesInForce(kb, answers).map((theme) => theme.id);
  const onlyWeak = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(weak.filter((id) => record[id] !== undefined).map((id) => [id, record[id]!]));
  const prioriteiten = onlyWeak(answers.prioriteiten);
  const toelichting = onlyWeak(answers.toelichting);
  return {
    organisatie: { naam: answers.organisatie.naam.trim(), type: answers.organisatie.type },
    hoofdstukken: chaptersInForce(kb, answers),
    zwakke_themas: weak,
    ...(Object.keys(prioriteiten).length > 0 ? { prioriteiten } : {}),
    ...(Object.keys(toelichting).length > 0 ? { toelichting } : {}),
    ...(answers.onderbouwing ? { onderbouwing: answers.onderbouwing } : {}),
    planperiode: { van: answers.planperiode.van, tot: answers.planperiode.tot },
    ...(answers.datum ? { datum: answers.datum } : {}),
    status: answers.status,
    ...(answers.versie ? { versie: answers.versie } : {}),
    ...(answers.verslagjaar !== undefined ? { verslagjaar: answers.verslagjaar } : {}),
    ...(answers.auteur ? { auteur: answers.auteur } : {}),
    ...(answers.vertrouwenspersoon ? { vertrouwenspersoon: answers.vertrouwenspersoon } : {}),
    ...(answers.contactpersoon ? { contactpersoon: answers.contactpersoon } : {}),
    ...(Object.keys(answers.maatregel_status).length > 0 ? { maatregel_status: answers.maatregel_status } : {}),
    ...(answers.pdfa !== undefined ? { pdfa: answers.pdfa } : {}),
  };
}
