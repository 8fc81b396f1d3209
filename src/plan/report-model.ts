import type { Answers } from '../answers/schema.js';
import type { DocumentKind, Format } from '../generate.js';
import { getOrganisationType, type KnowledgeBase } from '../knowledge/model.js';
import type { OrganisationType } from '../knowledge/schema.js';
import { toolVersion } from '../paths.js';
import type { RegisterResult } from '../register/parse.js';
import { registerTables, type RegisterTables } from '../register/tables.js';
import { buildPlanModel, type MeasurePlan, type PlanModel } from './model.js';

/*
 * The extra template data for the integriteitsrapportage and the cover letter, on top of the plan
 * model (passed as `extraContext` of generateDocuments). Keys are Dutch, like the plan model's.
 */

export type OfferedDocument = Exclude<DocumentKind, 'brief'>;

export const defaultPrivacyThreshold = 5;

export interface ReportOptions {
  /** The counted meldingen register; without one the tables get cells to fill in. */
  register?: RegisterResult;
  /** Counts from 1 up to below this are shown as "< N"; 0 turns suppression off. */
  threshold: number;
  /** What the cover letter offers. */
  offered: readonly OfferedDocument[];
  /** The extension of the attachments the cover letter lists. */
  attachmentFormat: Format;
}

export interface MeasureRow {
  nr: number;
  id: string;
  tekst: string;
  thema: string;
  eigenaar: string;
  jaar: number;
  kwartaal: number;
  /** The label of the status from the answers file, if given. */
  status?: string;
  statusId?: string;
}

export interface ReportData {
  volgendJaar: number;
  /** The verslagjaar lies within the plan period. */
  binnenPlanperiode: boolean;
  /** The plan period ends with (or before) the verslagjaar. */
  laatsteJaar: boolean;
  /** Chapter numbers that depend on whether the bestuurlijke chapter is there. */
  nr: { preventie: number; conclusies: number };
  /** The choices for the status column, as labels. */
  statussen: { id: string; label: string }[];
  /** Every measure of the plan, in the order of the plan's action plan. */
  maatregelen: MeasureRow[];
  /** At least one measure has a status in the answers file. */
  statusIngevuld: boolean;
  /** Per status with at least one measure. */
  statusoverzicht: { id: string; label: string; aantal: number }[];
  zonderStatus: number;
  /** Measures the plan schedules for the next year, unless already done or dropped. */
  volgendJaarGepland: MeasureRow[];
  /** Measures scheduled up to the verslagjaar whose status is "loopt" or "niet-gestart". */
  doorlopend: MeasureRow[];
  register: { gegeven: boolean; overgeslagen: number };
  drempel: number;
  /** Suppression is on (threshold above 1). */
  drempelActief: boolean;
  tabellen: RegisterTables;
  typologie: { id: string; label: string; omschrijving: string }[];
}

export type LetterData = OrganisationType['brief'] & {
  beleidsplan: boolean;
  rapportage: boolean;
  formaat: Format;
};

/** A type rather than an interface, so it fits `extraContext: Record<string, unknown>` as it is. */
export type ReportContext = {
  rapportage: ReportData;
  brief: LetterData;
};

/** Pure: plan model + register counts → the data the rapportage and brief templates read besides the plan model. */
export function buildReportContext(model: PlanModel, kb: KnowledgeBase, options: ReportOptions): ReportContext {
  const year = model.verslagjaar;
  const typology = kb.typology;
  const statusLabel = new Map<string, string>(typology.maatregel_status.map((s) => [s.id, s.label]));
  const rows: MeasureRow[] = model.actieplan.map((measure: MeasurePlan, index) => ({
    nr: index + 1,
    id: measure.id,
    tekst: measure.tekst,
    thema: measure.thema,
    eigenaar: measure.eigenaar,
    jaar: measure.jaar,
    kwartaal: measure.kwartaal,
    ...(measure.status ? { status: statusLabel.get(measure.status) ?? measure.status, statusId: measure.status } : {}),
  }));
  const withStatus = rows.filter((row) => row.statusId !== undefined);
  const suppressing = options.threshold > 1;
  return {
    rapportage: {
      volgendJaar: year + 1,
      binnenPlanperiode: year >= model.planperiode.van && year <= model.planperiode.tot,
      laatsteJaar: year >= model.planperiode.tot,
      nr: model.bestuurlijk ? { preventie: 5, conclusies: 6 } : { preventie: 4, conclusies: 5 },
      statussen: typology.maatregel_status.map(({ id, label }) => ({ id, label })),
      maatregelen: rows,
      statusIngevuld: withStatus.length > 0,
      statusoverzicht: typology.maatregel_status
        .map(({ id, label }) => ({ id, label, aantal: rows.filter((row) => row.statusId === id).length }))
        .filter((entry) => entry.aantal > 0),
      zonderStatus: rows.length - withStatus.length,
      volgendJaarGepland: rows.filter(
        (row) => row.jaar === year + 1 && row.statusId !== 'uitgevoerd' && row.statusId !== 'vervallen',
      ),
      doorlopend: rows.filter(
        (row) => row.jaar <= year && (row.statusId === 'loopt' || row.statusId === 'niet-gestart'),
      ),
      register: { gegeven: options.register !== undefined, overgeslagen: options.register?.badRows ?? 0 },
      drempel: suppressing ? options.threshold : 0,
      drempelActief: suppressing,
      tabellen: registerTables(options.register?.counts, kb, {
        threshold: options.threshold,
        withPolitiek: model.bestuurlijk,
      }),
      typologie: typology.categorieen.map(({ id, label, omschrijving }) => ({ id, label, omschrijving })),
    },
    brief: {
      ...getOrganisationType(kb, model.organisatie.type as OrganisationType['id']).brief,
      beleidsplan: options.offered.includes('beleidsplan'),
      rapportage: options.offered.includes('rapportage'),
      formaat: options.attachmentFormat,
    },
  };
}

/**
 * What the cover letter offers: the other documents made in the same run; when it is made on its
 * own, the rapportage if there is a verslagjaar (--jaar or in the answers) or a register, else the plan.
 */
export function offeredDocuments(documents: readonly DocumentKind[], reportRequested: boolean): OfferedDocument[] {
  const others = documents.filter((kind): kind is OfferedDocument => kind !== 'brief');
  if (others.length > 0) return others;
  return [reportRequested ? 'rapportage' : 'beleidsplan'];
}

/** The format the cover letter lists its attachments in: PDF if made, else DOCX, else Markdown. */
export function attachmentFormat(formats: readonly Format[]): Format {
  return (['pdf', 'docx', 'md'] as const).find((format) => formats.includes(format)) ?? 'pdf';
}

/**
 * The extraContext for generateDocuments when there is no register (the wizard): the same data
 * `genereer` passes, with the default privacy threshold.
 */
export function reportExtraContext(request: {
  answers: Answers;
  knowledge: KnowledgeBase;
  documents: readonly DocumentKind[];
  formats: readonly Format[];
  today: string;
}): ReportContext {
  const model = buildPlanModel(request.answers, request.knowledge, { toolVersion, defaultDate: request.today });
  return buildReportContext(model, request.knowledge, {
    threshold: defaultPrivacyThreshold,
    offered: offeredDocuments(request.documents, request.answers.verslagjaar !== undefined),
    attachmentFormat: attachmentFormat(request.formats),
  });
}
