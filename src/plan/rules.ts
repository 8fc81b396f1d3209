import { getOrganisationType, type KnowledgeBase } from '../knowledge/model.js';
import type { ChapterId, OrganisationTypeId, Theme } from '../knowledge/schema.js';
import type { DocumentKind, Format } from '../vocabulary.js';
import type { DocumentWarning } from './warnings.js';

/*
 * The document rules: what a set of answers puts in force. The plan model, the answers schema's
 * checks across fields, the wizard and the pipeline all ask these functions, so each rule is
 * decided here once. The parameters are the parts of the answers a rule reads (an answers object
 * fits them), so the answers schema can use the rules without a circle of imports.
 */

export interface ChapterChoice {
  organisatie: { type: OrganisationTypeId };
  hoofdstukken?: readonly ChapterId[] | undefined;
}

export interface ThemeChoice extends ChapterChoice {
  zwakke_themas: readonly string[];
}

export interface DateChoice {
  datum?: string | undefined;
  verslagjaar?: number | undefined;
}

export interface ReportChoice extends DateChoice {
  planperiode: { van: number; tot: number };
}

/** The chapters the answers name: their own list, or by default every chapter of the type. */
export function chosenChapters(kb: KnowledgeBase, answers: ChapterChoice): readonly ChapterId[] {
  return answers.hoofdstukken ?? getOrganisationType(kb, answers.organisatie.type).hoofdstukken;
}

/**
 * The chapters the documents cover, in the order of the knowledge base: the chosen ones that
 * apply to the type. When none of them does (the wizard's answers right after a change of type),
 * every chapter of the type. Valid answers choose only chapters of their type.
 */
export function chaptersInForce(kb: KnowledgeBase, answers: ChapterChoice): ChapterId[] {
  const ofType = getOrganisationType(kb, answers.organisatie.type).hoofdstukken;
  const chosen = chosenChapters(kb, answers).filter((id) => ofType.includes(id));
  const inForce = chosen.length > 0 ? chosen : ofType;
  return kb.chapters.map((chapter) => chapter.id).filter((id) => inForce.includes(id));
}

/** The weak themes the documents work out: known, in a chapter in force, in the order of the knowledge base. */
export function weakThemesInForce(kb: KnowledgeBase, answers: ThemeChoice): Theme[] {
  const chapters = chaptersInForce(kb, answers);
  return kb.themes.filter((theme) => answers.zwakke_themas.includes(theme.id) && chapters.includes(theme.hoofdstuk));
}

/** The priority a weak theme gets when the answers give it none. */
export const defaultPriority = 'midden';

/** A weak theme's priority: the answers' own, else the default. */
export function themePriority<P extends string>(
  answers: { prioriteiten: Readonly<Record<string, P>> },
  themeId: string,
): P | typeof defaultPriority {
  return answers.prioriteiten[themeId] ?? defaultPriority;
}

/** The documents cover bestuur and volksvertegenwoordiging (h3 or h56 in force): the rapportage's chapter 4. */
export function coversGovernance(kb: KnowledgeBase, answers: ChapterChoice): boolean {
  const chapters = chaptersInForce(kb, answers);
  return kb.chapters.some(
    (chapter) => chapters.includes(chapter.id) && chapter.doelgroep === 'bestuur en volksvertegenwoordiging',
  );
}

/** The ISO date the documents carry: the answers' own, else `today`. */
export function documentDate(answers: DateChoice, today: string): string {
  return answers.datum ?? today;
}

/** The year the rapportage reports on: the answers' verslagjaar (which --jaar sets), else the year before the date. */
export function reportYear(answers: DateChoice, date: string): number {
  return answers.verslagjaar ?? Number(date.slice(0, 4)) - 1;
}

/** The documents a cover letter can offer. */
export type OfferedDocument = Exclude<DocumentKind, 'brief'>;

/** A run is about a report year when the answers name one (or --jaar does) or a register is given. */
export function reportRequested(answers: DateChoice, registerGiven: boolean): boolean {
  return answers.verslagjaar !== undefined || registerGiven;
}

/**
 * What the cover letter offers: the other documents made in the same run; when it is made on its
 * own, the rapportage if the run is about a report year, else the plan.
 */
export function offeredDocuments(documents: readonly DocumentKind[], aboutReportYear: boolean): OfferedDocument[] {
  const others = documents.filter((kind): kind is OfferedDocument => kind !== 'brief');
  if (others.length > 0) return others;
  return [aboutReportYear ? 'rapportage' : 'beleidsplan'];
}

/** The run shows the rapportage's data (its year, the measures' stand, the register's counts): made or offered. */
export function showsReport(documents: readonly DocumentKind[], aboutReportYear: boolean): boolean {
  return offeredDocuments(documents, aboutReportYear).includes('rapportage');
}

/** The format the cover letter lists its attachments in: PDF if made, else DOCX, else Markdown. */
export function attachmentFormat(formats: readonly Format[]): Format {
  return (['pdf', 'docx', 'md'] as const).find((format) => formats.includes(format)) ?? 'pdf';
}

/** The report year lies before the plan period: no measure of the plan is due yet. */
export function reportYearBeforePlan(year: number, planPeriod: { van: number }): boolean {
  return year < planPeriod.van;
}

/** What a run makes, besides the answers. */
export interface RunChoice {
  documents: readonly DocumentKind[];
  /** A meldingen register is given (`genereer --meldingen`). */
  registerGiven: boolean;
  /** ISO date for answers without `datum`. */
  today: string;
}

/** What is odd about the documents of a run, as data: a report dated within its own year, or before the plan. */
export function documentWarnings(answers: ReportChoice, run: RunChoice): DocumentWarning[] {
  if (!showsReport(run.documents, reportRequested(answers, run.registerGiven))) return [];
  const date = documentDate(answers, run.today);
  const year = reportYear(answers, date);
  const warnings: DocumentWarning[] = [];
  if (date <= `${year}-12-31`) warnings.push({ kind: 'dateNotAfterReportYear', date, reportYear: year });
  if (reportYearBeforePlan(year, answers.planperiode)) {
    const { van, tot } = answers.planperiode;
    warnings.push({ kind: 'reportYearBeforePlanPeriod', reportYear: year, planPeriod: { van, tot } });
  }
  return warnings;
}

/**
 * A plan adopted ("vastgesteld") that still holds places to fill in is not finished: say how many.
 * `countFillIns` counts them in the rendered document, so only when the rule applies.
 */
export function adoptedPlanWarnings(
  kind: DocumentKind,
  adopted: boolean,
  countFillIns: () => number,
): DocumentWarning[] {
  if (kind !== 'beleidsplan' || !adopted) return [];
  const count = countFillIns();
  return count > 0 ? [{ kind: 'fillInsInAdoptedPlan', count }] : [];
}
