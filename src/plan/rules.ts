import {
  findMeasure,
  getChapter,
  getOrganisationType,
  measureAudiences,
  roleName,
  type KnowledgeBase,
} from '../knowledge/model.js';
import {
  standsNeedingMeasures,
  type ChapterId,
  type measureStatusIds,
  type NormStand,
  type OrganisationTypeId,
} from '../knowledge/ids.js';
import type { Audience, Basisnorm, LegalBasis, LegalDuty, Measure, Theme } from '../knowledge/schema.js';
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
  rapportage?: { cijfers?: { jaar: number } | undefined } | undefined;
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

/** An own measure's id starts with this, so it can never be taken for one of the catalogue. */
export const ownMeasurePrefix = 'eigen-';

/** At most this many new measures start in one quarter, unless `actieplan.max_per_kwartaal` says otherwise. */
export const defaultMaxPerQuarter = 3;

export function maxPerQuarter(answers: { actieplan?: { max_per_kwartaal?: number | undefined } | undefined }): number {
  return answers.actieplan?.max_per_kwartaal ?? defaultMaxPerQuarter;
}

export interface NormChoice extends ChapterChoice {
  basisnormen?: Readonly<Record<string, { stand: NormStand }>> | undefined;
}

export interface MeasureChoice extends ThemeChoice, NormChoice {
  actieplan?: { maatregelen?: Readonly<Record<string, { weglaten?: boolean | undefined }>> | undefined } | undefined;
}

/**
 * The catalogue's measures in the plan, in catalogue order: those that serve a weak theme in force or
 * a basisnorm that is not in place (normsServedBy), less those the officer leaves out.
 */
export function measuresInForce(kb: KnowledgeBase, answers: MeasureChoice): Measure[] {
  const weak = new Set(weakThemesInForce(kb, answers).map((theme) => theme.id));
  const left = new Set(
    Object.entries(answers.actieplan?.maatregelen ?? {})
      .filter(([, change]) => change.weglaten)
      .map(([id]) => findMeasure(kb, id)?.id),
  );
  return kb.measures.filter(
    (measure) =>
      (measure.themas.some((id) => weak.has(id)) || normsServedBy(kb, answers, measure).length > 0) &&
      !left.has(measure.id),
  );
}

/** The doelgroepen the documents cover: those of the chapters in force. */
export function audiencesInForce(kb: KnowledgeBase, answers: ChapterChoice): Audience[] {
  return [...new Set(chaptersInForce(kb, answers).map((id) => getChapter(kb, id).doelgroep))];
}

/** The stand the answers give a basisnorm; undefined when they give none (the plan leaves a place to fill in). */
export function normStand(answers: NormChoice, normId: string): NormStand | undefined {
  return answers.basisnormen?.[normId]?.stand;
}

/** The norm's legal basis in these documents: the provisions for this type and for the doelgroepen in force. */
export function legalBasisInForce(kb: KnowledgeBase, answers: ChapterChoice, norm: Basisnorm): LegalBasis[] {
  const audiences = audiencesInForce(kb, answers);
  return norm.grondslag.filter(
    (basis) =>
      audiences.includes(basis.doelgroep) &&
      kb.legalFramework.regels.some((rule) => rule.id === basis.regel && rule.typen.includes(answers.organisatie.type)),
  );
}

/** A legal gap: the law requires the norm here (legalBasisInForce) and the answers say it is missing. */
export function isLegalGap(kb: KnowledgeBase, answers: NormChoice, norm: Basisnorm): boolean {
  return normStand(answers, norm.id) === 'ontbreekt' && legalBasisInForce(kb, answers, norm).length > 0;
}

/** The norms whose stand asks for measures (deels, ontbreekt, onbekend), in the order of the knowledge base. */
export function normsNeedingMeasures(kb: KnowledgeBase, answers: NormChoice): Basisnorm[] {
  return kb.basisnormen.normen.filter((norm) => {
    const stand = normStand(answers, norm.id);
    return stand !== undefined && standsNeedingMeasures.includes(stand);
  });
}

/**
 * The norms a catalogue measure serves in these documents: those it names whose stand is one it is
 * for (`bij_stand`), when it is for a doelgroep in force. `onbekend` first finds out: only the measures
 * for that stand (and the norm's own measures after them, which `eerst` puts in order).
 */
export function normsServedBy(kb: KnowledgeBase, answers: NormChoice, measure: Measure): Basisnorm[] {
  const type = getOrganisationType(kb, answers.organisatie.type);
  const audiences = audiencesInForce(kb, answers);
  if (!measureAudiences(kb, measure, type).some((audience) => audiences.includes(audience))) return [];
  return normsNeedingMeasures(kb, answers).filter(
    (norm) =>
      measure.basisnormen.includes(norm.id) &&
      (measure.bij_stand ?? standsNeedingMeasures).includes(normStand(answers, norm.id)!),
  );
}

/** The legal duties a catalogue measure carries out for this type: those of its `wettelijke_plicht` whose rule holds here. */
export function legalDutiesOf(kb: KnowledgeBase, answers: ChapterChoice, measure: Measure): LegalDuty[] {
  return measure.wettelijke_plicht.filter((duty) =>
    kb.legalFramework.regels.some((rule) => rule.id === duty.regel && rule.typen.includes(answers.organisatie.type)),
  );
}

/**
 * The legal duties of a measure still to be carried out: all but those the answers say are met, where every
 * basisnorm the measure serves on the same rule (legalBasisInForce) is `aanwezig`. Without a `basisnormen`
 * section, or with a norm deels, ontbreekt or onbekend, the duty is open. A measure with an open duty starts
 * in the first year of the plan, and the action plan names the provision.
 */
export function openLegalDuties(kb: KnowledgeBase, answers: NormChoice, measure: Measure): LegalDuty[] {
  return legalDutiesOf(kb, answers, measure).filter((duty) => {
    const norms = kb.basisnormen.normen.filter(
      (norm) =>
        measure.basisnormen.includes(norm.id) &&
        legalBasisInForce(kb, answers, norm).some((basis) => basis.regel === duty.regel),
    );
    return norms.length === 0 || norms.some((norm) => normStand(answers, norm.id) !== 'aanwezig');
  });
}

/** The priority a basisnorm gets in the action plan: a legal gap goes first. */
export function normPriority(kb: KnowledgeBase, answers: NormChoice, norm: Basisnorm): 'hoog' | 'midden' {
  return isLegalGap(kb, answers, norm) ? 'hoog' : 'midden';
}

export type MeasureStatus = (typeof measureStatusIds)[number];

/** Two old ids that became one measure, with different states in `maatregel_status`. */
export interface StatusConflict {
  measure: string;
  given: { id: string; status: MeasureStatus }[];
  chosen: MeasureStatus;
}

const progress: Record<MeasureStatus, number> = { 'niet-gestart': 0, loopt: 1, uitgevoerd: 2, vervallen: 3 };

/**
 * The state of each measure (by catalogue or own id) from `maatregel_status`, where old ids count for
 * the measure they became. The measure's own id wins; old ids that disagree give the least advanced
 * state (a merged measure is done when all its parts are), "vervallen" only when all are.
 */
export function measureStatuses(
  kb: KnowledgeBase,
  statuses: Readonly<Record<string, MeasureStatus>>,
): { statuses: Map<string, MeasureStatus>; conflicts: StatusConflict[] } {
  const byMeasure = new Map<string, { id: string; status: MeasureStatus }[]>();
  for (const [id, status] of Object.entries(statuses)) {
    const target = findMeasure(kb, id)?.id ?? id;
    byMeasure.set(target, [...(byMeasure.get(target) ?? []), { id, status }]);
  }
  const result = new Map<string, MeasureStatus>();
  const conflicts: StatusConflict[] = [];
  for (const [measure, given] of byMeasure) {
    const own = given.find((entry) => entry.id === measure);
    const chosen =
      own?.status ??
      given
        .map((entry) => entry.status)
        .sort((a, b) => (a === 'vervallen' ? 1 : b === 'vervallen' ? -1 : progress[a] - progress[b]))[0]!;
    result.set(measure, chosen);
    if (!own && new Set(given.map((entry) => entry.status)).size > 1) conflicts.push({ measure, given, chosen });
  }
  return { statuses: result, conflicts };
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

/** How many years the trend of meldingen shows: the verslagjaar and the years before it. */
export const trendLength = 3;

/** The trend's years, oldest first, ending with the verslagjaar. */
export function trendYears(year: number): number[] {
  return Array.from({ length: trendLength }, (_, i) => year - trendLength + 1 + i);
}

/**
 * The year the register begins, for the trend: `rapportage.register_sinds` of the answers, else the
 * year of its earliest melding; rows dated before `register_sinds` show that it reaches back further.
 * Undefined for a register without any melding and without `register_sinds`.
 */
export function registerBegins(register: { earliestYear?: number | undefined; since?: number | undefined }) {
  const begins = Math.min(register.since ?? Infinity, register.earliestYear ?? Infinity);
  return Number.isFinite(begins) ? begins : undefined;
}

/**
 * Whether the register gives a count for `year` of the trend, or "niet beschikbaar": no rows in a
 * year before the register begins cannot mean no meldingen. The verslagjaar always has a count: the
 * register was given for it.
 */
export function registerCoversYear(year: number, verslagjaar: number, begins: number | undefined): boolean {
  return year === verslagjaar || (begins !== undefined && year >= begins);
}

/** The answers' own figures apply to the year they name only: another year's figures are left out (and warned about). */
export function figuresInForce<F extends { jaar: number }>(
  answers: { rapportage?: { cijfers?: F | undefined } | undefined },
  year: number,
): F | undefined {
  const figures = answers.rapportage?.cijfers;
  return figures?.jaar === year ? figures : undefined;
}

/** How the report shows the meldingen: in tables (the default) or, for a small organisation, in sentences. */
export function reportStyle(answers: { rapportage?: { meldingen_als?: 'tabel' | 'zin' | undefined } | undefined }) {
  return answers.rapportage?.meldingen_als ?? 'tabel';
}

/** What the cover letter asks of its readers: the report for information (the default) or for discussion. */
export function letterTreatment(answers: {
  aanbieding?: { behandeling?: 'ter-informatie' | 'ter-bespreking' | undefined } | undefined;
}) {
  return answers.aanbieding?.behandeling ?? 'ter-informatie';
}

/** The type has a representative body (raad, Staten, algemeen bestuur), whose commissie can discuss the report. */
export function hasRepresentativeBody(kb: KnowledgeBase, type: OrganisationTypeId): boolean {
  return roleName(kb, getOrganisationType(kb, type), 'volksvertegenwoordiging') !== undefined;
}

/** What a run makes, besides the answers. */
export interface RunChoice {
  documents: readonly DocumentKind[];
  /** A meldingen register is given (`genereer --meldingen`). */
  registerGiven: boolean;
  /** ISO date for answers without `datum`. */
  today: string;
}

/**
 * What is odd about the documents of a run, as data: a report dated within its own year, or before
 * the plan, or figures in the answers for another year than the report's.
 */
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
  const figures = answers.rapportage?.cijfers;
  if (figures && figuresInForce(answers, year) === undefined) {
    warnings.push({ kind: 'figuresForOtherYear', figuresYear: figures.jaar, reportYear: year });
  }
  return warnings;
}

/**
 * A plan adopted ("vastgesteld") that still holds places to fill in is not finished: say how many.
 * `countFillIns` counts them in the rendered document (its tree), so only when the rule applies.
 */
export async function adoptedPlanWarnings(
  kind: DocumentKind,
  adopted: boolean,
  countFillIns: () => Promise<number>,
): Promise<DocumentWarning[]> {
  if (kind !== 'beleidsplan' || !adopted) return [];
  const count = await countFillIns();
  return count > 0 ? [{ kind: 'fillInsInAdoptedPlan', count }] : [];
}
