import type { Answers } from '../answers/schema.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import type { Format } from '../vocabulary.js';
import { buildLetterData, type LetterData } from './letter-model.js';
import type { MeasurePlan, NormRow, PlanModel, ThemeRef } from './model.js';
import { buildReportCounts, type RegisterInput, type ReportCounts } from './report-counts.js';
import { figuresInForce, reportStyle, reportYearBeforePlan, type OfferedDocument } from './rules.js';

/*
 * The template data of the integriteitsrapportage and the cover letter on top of the plan model;
 * generateDocuments adds it for every document. Keys are Dutch, like the plan model's. Only data:
 * the numbering and wording of the chapters are the template's. Here the stand of the plan's
 * measures; the counts are in report-counts.ts, the letter's data in letter-model.ts.
 */

export const defaultPrivacyThreshold = 5;

export type { RegisterInput } from './report-counts.js';

export interface ReportOptions {
  /** The counted meldingen register; without one the tables get cells to fill in. */
  register?: RegisterInput;
  /** Counts from 1 up to below this are suppressed as small; 0 or 1 turns suppression off. */
  threshold: number;
  /** What the cover letter offers. */
  offered: readonly OfferedDocument[];
  /** The extension of the attachments the cover letter lists. */
  attachmentFormat: Format;
}

/** A basisnorm in the rapportage: its stand (and the previous one) and the plan's measures that serve it. */
export interface ReportNorm {
  id: string;
  titel: string;
  stand?: NormRow['stand'];
  vorigeStand?: NormRow['vorigeStand'];
  herzien?: number;
  /** The answers give a previous stand and it differs. */
  veranderd: boolean;
  toelichting?: string[];
  /** The measures of the plan that serve it, first those that find out how it stands, with their state. */
  maatregelen: { nr: number; status?: string; later: boolean }[];
}

export interface MeasureRow {
  nr: number;
  id: string;
  tekst: string;
  themas: ThemeRef[];
  /** The basisnormen not in place that it serves. */
  basisnormen: MeasurePlan['basisnormen'];
  eigenaar: string;
  /** As in the plan: eenmalig, doorlopend, jaarlijks, na-verkiezingen, na-installatie. */
  soort: MeasurePlan['soort'];
  /** The (first) quarter of the plan; absent when it has none in the period. */
  jaar?: number;
  kwartaal?: number;
  /** Doorlopend or jaarlijks and started by the verslagjaar: its state is the one of this year. */
  lopend: boolean;
  eigen: boolean;
  /** The label of the status from the answers file, if given. */
  status?: string;
  statusId?: string;
  /** No status in the answers and planned after the verslagjaar: not yet due, nothing to fill in. */
  later: boolean;
}

export interface ReportData extends Omit<ReportCounts, 'tabellen'> {
  volgendJaar: number;
  /** The verslagjaar lies within the plan period. */
  binnenPlanperiode: boolean;
  /** The verslagjaar lies before the plan period: no measure is due yet. */
  voorPlanperiode: boolean;
  /** The plan period ends with (or before) the verslagjaar. */
  laatsteJaar: boolean;
  /** The choices for the status column, as labels. */
  statussen: { id: string; label: string }[];
  /** Every measure of the plan, in the order of the plan's action plan. */
  maatregelen: MeasureRow[];
  /** The basisnormen: their stand from the answers (without a section: to fill in) and the measures that served them. */
  basisnormen: {
    ingevuld: boolean;
    normen: ReportNorm[];
    /** The answers give a previous stand for some norm: the table says what changed. */
    metVorigeStand: boolean;
  };
  /** At least one measure has a status in the answers file. */
  statusIngevuld: boolean;
  /** Per status with at least one measure. */
  statusoverzicht: { id: string; label: string; aantal: number }[];
  /** Measures due up to the verslagjaar without a status: to fill in. */
  zonderStatus: number;
  /** Measures without a status that the plan schedules after the verslagjaar. */
  laterGepland: number;
  /** Measures the plan schedules for the next year, unless already done or dropped. */
  volgendJaarGepland: MeasureRow[];
  /** Measures scheduled up to the verslagjaar whose status is "loopt" or "niet-gestart". */
  doorlopend: MeasureRow[];
  register: { gegeven: boolean; overgeslagen: number };
  drempel: number;
  /** Suppression is on (threshold above 1). */
  drempelActief: boolean;
  tabellen: ReportCounts['tabellen'];
  /** The meldingen in sentences instead of tables (`rapportage.meldingen_als: zin`). */
  meldingenAlsZin: boolean;
}

export interface ReportContext {
  rapportage: ReportData;
  brief: LetterData;
}

/** Pure: plan model + register counts → the data the rapportage and brief templates read besides the plan model. */
export function buildReportContext(
  model: PlanModel,
  answers: Answers,
  kb: KnowledgeBase,
  options: ReportOptions,
): ReportContext {
  const year = model.verslagjaar;
  const typology = kb.typology;
  const statusLabel = new Map<string, string>(typology.maatregel_status.map((s) => [s.id, s.label]));
  const rows: MeasureRow[] = model.actieplan.map((measure: MeasurePlan) => {
    const started = measure.jaar !== undefined && measure.jaar <= year;
    return {
      nr: measure.nr,
      id: measure.id,
      tekst: measure.tekst,
      themas: measure.themas,
      basisnormen: measure.basisnormen,
      eigenaar: measure.eigenaar,
      soort: measure.soort,
      ...(measure.jaar !== undefined ? { jaar: measure.jaar, kwartaal: measure.kwartaal! } : {}),
      lopend: started && (measure.soort === 'doorlopend' || measure.soort === 'jaarlijks'),
      eigen: measure.eigen,
      later: !measure.status && !started,
      ...(measure.status
        ? { status: statusLabel.get(measure.status) ?? measure.status, statusId: measure.status }
        : {}),
    };
  });
  const recurring = (row: MeasureRow) => row.soort === 'doorlopend' || row.soort === 'jaarlijks';
  const withStatus = rows.filter((row) => row.statusId !== undefined);
  const later = rows.filter((row) => row.later).length;
  const suppressing = options.threshold > 1;
  const counts = buildReportCounts(kb, {
    verslagjaar: year,
    organisationType: answers.organisatie.type,
    register: options.register,
    registerSince: answers.rapportage?.register_sinds,
    figures: figuresInForce(answers, year),
    threshold: options.threshold,
    withPolitiek: model.bestuurlijk,
  });
  const norms: ReportNorm[] = model.basisnormen.normen.map((norm) => ({
    id: norm.id,
    titel: norm.titel,
    ...(norm.stand ? { stand: norm.stand } : {}),
    ...(norm.vorigeStand ? { vorigeStand: norm.vorigeStand } : {}),
    ...(norm.herzien !== undefined ? { herzien: norm.herzien } : {}),
    veranderd: norm.vorigeStand !== undefined && norm.vorigeStand.id !== norm.stand?.id,
    ...(norm.toelichting ? { toelichting: norm.toelichting } : {}),
    maatregelen: [...norm.uitzoeken, ...norm.maatregelen].map((nr) => {
      const row = rows.find((candidate) => candidate.nr === nr)!;
      return { nr, ...(row.status ? { status: row.status } : {}), later: row.later };
    }),
  }));
  return {
    rapportage: {
      ...counts,
      basisnormen: {
        ingevuld: model.basisnormen.ingevuld,
        normen: norms,
        metVorigeStand: norms.some((norm) => norm.vorigeStand !== undefined),
      },
      volgendJaar: year + 1,
      binnenPlanperiode: year >= model.planperiode.van && year <= model.planperiode.tot,
      voorPlanperiode: reportYearBeforePlan(year, model.planperiode),
      laatsteJaar: year >= model.planperiode.tot,
      statussen: typology.maatregel_status.map(({ id, label }) => ({ id, label })),
      maatregelen: rows,
      statusIngevuld: withStatus.length > 0,
      statusoverzicht: typology.maatregel_status
        .map(({ id, label }) => ({ id, label, aantal: rows.filter((row) => row.statusId === id).length }))
        .filter((entry) => entry.aantal > 0),
      zonderStatus: rows.length - withStatus.length - later,
      laterGepland: later,
      volgendJaarGepland: rows.filter(
        (row) =>
          row.jaar !== undefined &&
          (row.jaar === year + 1 || (row.soort === 'jaarlijks' && row.jaar <= year + 1)) &&
          row.statusId !== 'vervallen' &&
          (recurring(row) || row.statusId !== 'uitgevoerd'),
      ),
      doorlopend: rows.filter(
        (row) =>
          !recurring(row) &&
          row.jaar !== undefined &&
          row.jaar <= year &&
          (row.statusId === 'loopt' || row.statusId === 'niet-gestart'),
      ),
      register: { gegeven: options.register !== undefined, overgeslagen: options.register?.skippedRows ?? 0 },
      drempel: suppressing ? options.threshold : 0,
      drempelActief: suppressing,
      // Sentences only say what a counted register shows; without one the tables have places to fill in.
      meldingenAlsZin: reportStyle(answers) === 'zin' && options.register !== undefined,
    },
    brief: buildLetterData(model, answers, kb, options),
  };
}
