import { createHash } from 'node:crypto';
import type { Answers, Priority } from '../answers/schema.js';
import {
  findsOutStand,
  getChapter,
  getInstrument,
  getOrganisationType,
  instrumentAppliesTo,
  measureForType,
  roleName,
  type KnowledgeBase,
} from '../knowledge/model.js';
import { fold } from '../knowledge/references.js';
import type { Instrument, MeasureKind, NormStand, OrganisationType, Source, Theme } from '../knowledge/schema.js';
import { buildActionPlan, lateLegalDuty, type ElectionDate, type PlannedMeasure } from './actions.js';
import { longDate, monthAndYear } from './dates.js';
import {
  chaptersInForce,
  coversGovernance,
  documentDate,
  isLegalGap,
  legalBasisInForce,
  normStand,
  reportYear,
  themePriority,
  weakThemesInForce,
} from './rules.js';
import type { DocumentWarning } from './warnings.js';
import { renderForType } from './wording.js';

/*
 * The plan model is the data every template sees. Its keys are Dutch on purpose, like those of
 * the knowledge base and the answers file: policy officers edit the templates that read them.
 */

export interface Contact {
  naam: string;
  functie?: string;
  telefoon?: string;
  email?: string;
}

/** A reference to an instrument: its name; the instrument is described once, in the appendix. */
export interface InstrumentRef {
  id: string;
  naam: string;
}

/** An instrument as the appendix describes it, in this type's words. */
export interface InstrumentEntry {
  id: string;
  naam: string;
  uitgever?: string;
  omschrijving: string;
  /** Current instruments: where the facts come from. */
  bron?: string;
  /** 2012 instruments: what is known of them now. */
  stand?: string;
  /** 2012 instruments: the names of the current instruments that took their place. */
  vervangenDoor: string[];
  url_2012?: string;
}

export interface MeasurePlan {
  /** Its number in the action plan. */
  nr: number;
  /** The measure's id: the key for `maatregel_status` and `actieplan` in the answers file. */
  id: string;
  tekst: string;
  eigenaar: string;
  instrumenten: InstrumentRef[];
  /** How it is planned: eenmalig, doorlopend, jaarlijks, na-verkiezingen, na-installatie. */
  soort: MeasureKind;
  /** The (first) quarter; absent when the measure has none in the plan period. */
  jaar?: number;
  kwartaal?: number;
  status?: string;
  /** The weak themes it serves (an own measure: the themes it names). */
  themas: ThemeRef[];
  /** The basisnormen not in place that it serves (an own measure: the norms it names). */
  basisnormen: { id: string; titel: string }[];
  /** The provisions of the legal duties it carries out that are still open: why it starts in the first year. */
  wettelijkePlicht: string[];
  prioriteit: Priority;
  /** A measure of the organisation's own (`actieplan.eigen`). */
  eigen: boolean;
}

export interface ThemeRef {
  id: string;
  titel: string;
  /** Chapter of the theme in the 2012 monitor, e.g. "2" or "5 en 6": tells apart themes with the same title. */
  monitorhoofdstuk: string;
}

/** A measure in a theme's section: also the other weak themes it serves. */
export interface ThemeMeasure extends MeasurePlan {
  ookVoor: ThemeRef[];
}

export interface WeakThemeSection {
  id: string;
  titel: string;
  hoofdstuk: { id: string; titel: string };
  prioriteit: Priority;
  /** The officer's own remarks, as paragraphs. */
  toelichting?: string[];
  /** Paragraphs from the source, with this type's names of bodies and without the national findings. */
  waarom: string[];
  risico: string[];
  oplossingsrichting: string[];
  /** National 2012 findings of this theme that the plan shows apart, attributed to the monitor. */
  landelijkBeeld: string[];
  maatregelen: ThemeMeasure[];
  /** The current instruments this theme's measures recommend. */
  instrumenten: InstrumentRef[];
  /** The 2012 instruments the source text names: shown as the source of the advice only. */
  bron2012: InstrumentRef[];
}

/** One basisnorm as the plan's chapter on the basisnormen shows it. */
export interface NormRow {
  id: string;
  titel: string;
  /** What the norm requires, in plain Dutch. */
  eis: string;
  /** The provisions that require it of this type, for the doelgroepen of the plan; empty: the Modelaanpak alone. */
  grondslag: string[];
  /** The stand the answers give; absent: the table leaves it to fill in. */
  stand?: { id: NormStand; label: string };
  /** The stand at the previous plan or rapportage, when the answers give it (`vorige_stand`). */
  vorigeStand?: { id: NormStand; label: string };
  /** The officer's own remark, as paragraphs. */
  toelichting?: string[];
  /** The year its regulation was last revised. */
  herzien?: number;
  /** The law requires it here and it is missing: the introduction names it. */
  wettelijkTekort: boolean;
  /** Numbers in the action plan of the measures that first find out how it stands (stand onbekend). */
  uitzoeken: number[];
  /** Numbers in the action plan of its other measures. */
  maatregelen: number[];
}

export interface BasisnormenModel {
  /** The answers have a `basisnormen` section; otherwise the chapter is a table to fill in. */
  ingevuld: boolean;
  bron: string;
  normen: NormRow[];
  /** How many norms have each stand, and how many have none yet (`open`). */
  telling: Record<NormStand | 'open', number>;
  /** The norms that are a legal gap, in order. */
  wettelijkeTekorten: NormRow[];
  /** The norms marked ontbreekt, in order. */
  ontbrekend: NormRow[];
  /** A measure of the action plan serves a basisnorm: its column names the norms too. */
  inActieplan: boolean;
}

export interface ChapterResult {
  id: string;
  titel: string;
  monitorhoofdstuk: string;
  doelgroep: string;
  soort: string;
  aantalZwak: number;
  themas: { id: string; titel: string; zwak: boolean; prioriteit?: Priority }[];
}

export interface PlanModel {
  organisatie: {
    naam: string;
    type: string;
    typeLabel: string;
    /** "de gemeente", "het Rijk": the type in running text. */
    inZin: string;
    /** Role id → this type's name; roles the type lacks are absent. */
    rollen: Record<string, string>;
    /** Role id → name with article, for running text. */
    metLidwoord: Record<string, string>;
    koepel: string;
    gedragscodes: string;
  };
  /** The roles this type has, with this type's own names. */
  rollen: { id: string; naam: string; omschrijving: string }[];
  /** True when the plan covers bestuur and volksvertegenwoordiging (h3 or h56 chosen). */
  bestuurlijk: boolean;
  status: string;
  vastgesteld: boolean;
  datum: { iso: string; lang: string; jaar: number };
  planperiode: { van: number; tot: number; jaren: number };
  verslagjaar: number;
  auteur?: Contact;
  vertrouwenspersoon?: Contact;
  contactpersoon?: Contact;
  bron: Source;
  hoofdstukken: ChapterResult[];
  zwakkeThemas: WeakThemeSection[];
  hogePrioriteit: WeakThemeSection[];
  overigeThemas: { id: string; titel: string; monitorhoofdstuk: string; samenvatting: string }[];
  /** Every measure, in the order of the action plan. */
  actieplan: MeasurePlan[];
  /** The measures with a quarter in the period, per year of the period (years without any are left out). */
  actieplanPerJaar: { jaar: number; maatregelen: MeasurePlan[] }[];
  /** Measures tied to elections that fall outside the plan period. */
  actieplanBuitenPeriode: MeasurePlan[];
  /** At most this many new measures start in a quarter; `gevraagd` is the answers' (or default) maximum. */
  perKwartaal: { max: number; gevraagd: number };
  /**
   * The measures that carry out a legal duty still open: how many start in the first year, as the plan
   * schedules them, how many the officer moved later (`actieplan.maatregelen`), and how many follow a measure
   * that stands later.
   */
  wettelijk: { eersteJaar: number; later: number; naVoorganger: number };
  /** The elections of the type, when a measure of the plan is tied to them. */
  verkiezingen?: ElectionsModel;
  /** The appendix: the current instruments the plan recommends, and the 2012 ones its texts name. */
  instrumenten: { actueel: InstrumentEntry[]; bron2012: InstrumentEntry[] };
  /** What the organisation based its judgement of the weak themes on, as paragraphs; absent: a place to fill in. */
  onderbouwing?: string[];
  /** The plan's own version number, if the answers give one. */
  versie?: string;
  /** The 13 basisnormen: their legal basis for this type, the stand and what the plan does about them. */
  basisnormen: BasisnormenModel;
  wetgeving: { peildatum: string; regels: { titel: string; tekst: string; bron: string }[] };
  /** What is odd about the action plan (a raised maximum, an officer's move): for the pipeline to show, not for the templates. */
  waarschuwingen: DocumentWarning[];
  colofon: { toolversie: string; kennisbankversie: string; antwoordenDigest: string };
}

export interface ElectionsModel {
  /** "de verkiezingen van de gemeenteraad". */
  naam: string;
  /** "de installatie van het nieuwe college". */
  installatie: string;
  /** Whether the action plan has measures for the new members (na-verkiezingen) and for the new bestuur (na-installatie). */
  metNaVerkiezingen: boolean;
  metNaInstallatie: boolean;
  /** The first election in the period, as the plan may show it. */
  inPeriode?: ElectionDateModel;
  /** The next one after the period, if the calendar knows it. */
  volgende?: ElectionDateModel;
  bron: string;
}

export interface ElectionDateModel {
  /** A confirmed date in full ("18 maart 2026"), otherwise only month and year ("maart 2030"). */
  datum: string;
  bevestigd: boolean;
}

export interface BuildContext {
  toolVersion: string;
  /** ISO date used when the answers give none (the CLI passes today). */
  defaultDate: string;
}

/** Pure: answers + knowledge base → everything the templates need, already decided and ordered. */
/** How many measures with an open legal duty start in the first year, and why the others start later. */
function legalDutyCounts(planned: readonly PlannedMeasure[], firstYear: number): PlanModel['wettelijk'] {
  const reasons = planned.filter((m) => m.legalDuties.length > 0).map((m) => lateLegalDuty(m, firstYear));
  const count = (reason: ReturnType<typeof lateLegalDuty>) => reasons.filter((r) => r === reason).length;
  return { eersteJaar: count(undefined), later: count('moved'), naVoorganger: count('predecessor') };
}

export function buildPlanModel(answers: Answers, kb: KnowledgeBase, context: BuildContext): PlanModel {
  const type = getOrganisationType(kb, answers.organisatie.type);
  const chapterIds = chaptersInForce(kb, answers);
  const chapters = kb.chapters.filter((chapter) => chapterIds.includes(chapter.id));
  const weakThemes = weakThemesInForce(kb, answers);
  const weakIds = new Set(weakThemes.map((theme) => theme.id));
  const priorityOf = (themeId: string): Priority => themePriority(answers, themeId);

  const roles: Record<string, string> = {};
  for (const role of kb.roles) {
    const name = roleName(kb, type, role.id);
    if (name !== undefined) roles[role.id] = name;
  }
  const words = (text: string) => renderForType(text, type);
  const instrumentRef = ({ id, naam }: Instrument): InstrumentRef => ({ id, naam });

  const themeRef = (theme: Theme): ThemeRef => ({
    id: theme.id,
    titel: theme.titel,
    monitorhoofdstuk: getChapter(kb, theme.hoofdstuk).monitorhoofdstuk,
  });
  const plan = buildActionPlan(kb, answers);
  const measurePlan = (planned: PlannedMeasure, index: number): MeasurePlan => {
    const own = planned.catalogue ? measureForType(kb, planned.catalogue, type) : undefined;
    return {
      nr: index + 1,
      id: planned.id,
      // An own measure's text is the officer's, shown as written.
      tekst: own ? words(planned.text) : planned.text,
      // The knowledge check and the answers schema guarantee the owner is a role of this type.
      eigenaar: roles[planned.owner]!,
      instrumenten: (own?.instrumenten ?? []).map(instrumentRef),
      soort: planned.kind,
      ...(planned.when ? { jaar: planned.when.jaar, kwartaal: planned.when.kwartaal } : {}),
      ...(planned.status ? { status: planned.status } : {}),
      themas: planned.themes.map(themeRef),
      basisnormen: planned.norms.map(({ id, titel }) => ({ id, titel })),
      wettelijkePlicht: planned.legalDuties.map((duty) => duty.vindplaats),
      prioriteit: planned.priority,
      eigen: planned.own,
    };
  };
  const measures = plan.measures.map(measurePlan);
  const years = Array.from(
    { length: answers.planperiode.tot - answers.planperiode.van + 1 },
    (_, i) => answers.planperiode.van + i,
  );
  const electionDate = (date: ElectionDate): ElectionDateModel => ({
    datum: date.bevestigd ? longDate(date.datum) : monthAndYear(date.datum),
    bevestigd: date.bevestigd,
  });

  const sections: WeakThemeSection[] = weakThemes.map((theme) => section(theme));
  function section(theme: Theme): WeakThemeSection {
    const remark = answers.toelichting[theme.id];
    const ownMeasures = measures
      .filter((m) => m.themas.some((ref) => ref.id === theme.id))
      .map((m) => ({ ...m, ookVoor: m.themas.filter((ref) => ref.id !== theme.id) }));
    const named = theme.instrumenten.map((id) => getInstrument(kb, id));
    const text = (field: 'waarom' | 'risico' | 'oplossingsrichting') => argumentParagraphs(theme, field).map(words);
    return {
      id: theme.id,
      titel: theme.titel,
      hoofdstuk: { id: theme.hoofdstuk, titel: getChapter(kb, theme.hoofdstuk).titel },
      prioriteit: priorityOf(theme.id),
      ...(remark ? { toelichting: userParagraphs(remark) } : {}),
      waarom: text('waarom'),
      risico: text('risico'),
      oplossingsrichting: text('oplossingsrichting'),
      landelijkBeeld: theme.landelijke_bevindingen.filter((f) => f.tonen).map((f) => fold(f.tekst)),
      maatregelen: ownMeasures,
      instrumenten: unique(ownMeasures.flatMap((m) => m.instrumenten)),
      bron2012: named.filter((i) => i.status === 'bron-2012').map(instrumentRef),
    };
  }

  const currentIds = new Set(sections.flatMap((s) => s.instrumenten.map((i) => i.id)));
  const sourceIds = new Set(sections.flatMap((s) => s.bron2012.map((i) => i.id)));
  const entry = (instrument: Instrument): InstrumentEntry => instrumentEntry(kb, instrument, type);
  const date = documentDate(answers, context.defaultDate);
  return {
    organisatie: {
      naam: answers.organisatie.naam,
      type: type.id,
      typeLabel: type.label,
      inZin: type.in_zin,
      rollen: roles,
      metLidwoord: type.met_lidwoord,
      koepel: type.koepel,
      gedragscodes: type.gedragscodes,
    },
    rollen: kb.roles
      .filter((role) => roles[role.id] !== undefined)
      .map((role) => ({ id: role.id, naam: roles[role.id]!, omschrijving: words(role.omschrijving) })),
    bestuurlijk: coversGovernance(kb, answers),
    status: answers.status,
    vastgesteld: answers.status === 'vastgesteld',
    datum: { iso: date, lang: longDate(date), jaar: Number(date.slice(0, 4)) },
    planperiode: { ...answers.planperiode, jaren: answers.planperiode.tot - answers.planperiode.van + 1 },
    verslagjaar: reportYear(answers, date),
    ...(answers.auteur ? { auteur: answers.auteur } : {}),
    ...(answers.vertrouwenspersoon ? { vertrouwenspersoon: answers.vertrouwenspersoon } : {}),
    ...((answers.contactpersoon ?? answers.auteur) ? { contactpersoon: answers.contactpersoon ?? answers.auteur } : {}),
    bron: kb.source,
    hoofdstukken: chapters.map((chapter) => {
      const themes = kb.themes
        .filter((theme) => theme.hoofdstuk === chapter.id)
        .map((theme) => ({
          id: theme.id,
          titel: theme.titel,
          zwak: weakIds.has(theme.id),
          ...(weakIds.has(theme.id) ? { prioriteit: priorityOf(theme.id) } : {}),
        }));
      return {
        id: chapter.id,
        titel: chapter.titel,
        monitorhoofdstuk: chapter.monitorhoofdstuk,
        doelgroep: chapter.doelgroep,
        soort: chapter.soort,
        aantalZwak: themes.filter((theme) => theme.zwak).length,
        themas: themes,
      };
    }),
    zwakkeThemas: sections,
    hogePrioriteit: sections.filter((s) => s.prioriteit === 'hoog'),
    overigeThemas: kb.themes
      .filter((theme) => chapterIds.includes(theme.hoofdstuk) && !weakIds.has(theme.id))
      .map((theme) => ({
        id: theme.id,
        titel: theme.titel,
        monitorhoofdstuk: getChapter(kb, theme.hoofdstuk).monitorhoofdstuk,
        samenvatting: theme.samenvatting,
      })),
    actieplan: measures,
    actieplanPerJaar: years
      .map((jaar) => ({ jaar, maatregelen: measures.filter((m) => m.jaar === jaar) }))
      .filter((year) => year.maatregelen.length > 0),
    actieplanBuitenPeriode: measures.filter((m) => m.jaar === undefined),
    perKwartaal: { max: plan.maxPerQuarter.used, gevraagd: plan.maxPerQuarter.asked },
    wettelijk: legalDutyCounts(plan.measures, answers.planperiode.van),
    ...(plan.elections
      ? {
          verkiezingen: {
            naam: plan.elections.calendar.verkiezing,
            installatie: plan.elections.calendar.installatie,
            metNaVerkiezingen: measures.some((m) => m.soort === 'na-verkiezingen'),
            metNaInstallatie: measures.some((m) => m.soort === 'na-installatie'),
            ...(plan.elections.inPeriod ? { inPeriode: electionDate(plan.elections.inPeriod) } : {}),
            ...(plan.elections.next ? { volgende: electionDate(plan.elections.next) } : {}),
            bron: kb.elections.bron,
          },
        }
      : {}),
    instrumenten: {
      actueel: kb.instruments.filter((i) => currentIds.has(i.id)).map(entry),
      bron2012: kb.instruments.filter((i) => sourceIds.has(i.id)).map(entry),
    },
    ...(answers.onderbouwing ? { onderbouwing: userParagraphs(answers.onderbouwing) } : {}),
    ...(answers.versie ? { versie: answers.versie } : {}),
    basisnormen: basisnormenModel(kb, answers, plan.measures, measures),
    waarschuwingen: plan.warnings,
    wetgeving: {
      peildatum: kb.legalFramework.peildatum,
      regels: kb.legalFramework.regels
        .filter((rule) => rule.typen.includes(type.id))
        .map(({ titel, tekst, bron }) => ({ titel, tekst, bron })),
    },
    colofon: {
      toolversie: context.toolVersion,
      kennisbankversie: kb.source.versie,
      antwoordenDigest: digest({ ...answers, datum: date }),
    },
  };
}

/** The chapter on the basisnormen: every norm, with what the action plan (already numbered) does about it. */
function basisnormenModel(
  kb: KnowledgeBase,
  answers: Answers,
  planned: readonly PlannedMeasure[],
  numbered: readonly MeasurePlan[],
): BasisnormenModel {
  const labels = new Map(kb.basisnormen.standen.map((stand) => [stand.id, stand.label]));
  const rows = kb.basisnormen.normen.map((norm): NormRow => {
    const stand = normStand(answers, norm.id);
    const answer = answers.basisnormen?.[norm.id];
    const serving = planned
      .map((measure, index) => ({ measure, nr: numbered[index]!.nr }))
      .filter(({ measure }) => measure.norms.some((n) => n.id === norm.id));
    const findsOut = ({ measure }: (typeof serving)[number]) =>
      measure.catalogue !== undefined && findsOutStand(measure.catalogue);
    return {
      id: norm.id,
      titel: norm.titel,
      eis: norm.eis,
      grondslag: legalBasisInForce(kb, answers, norm).map((basis) => basis.vindplaats),
      ...(stand ? { stand: { id: stand, label: labels.get(stand)! } } : {}),
      ...(answer?.vorige_stand
        ? { vorigeStand: { id: answer.vorige_stand, label: labels.get(answer.vorige_stand)! } }
        : {}),
      ...(answer?.toelichting ? { toelichting: userParagraphs(answer.toelichting) } : {}),
      ...(answer?.herzien !== undefined ? { herzien: answer.herzien } : {}),
      wettelijkTekort: isLegalGap(kb, answers, norm),
      uitzoeken: serving.filter(findsOut).map(({ nr }) => nr),
      maatregelen: serving.filter((entry) => !findsOut(entry)).map(({ nr }) => nr),
    };
  });
  const count = (stand: NormStand) => rows.filter((row) => row.stand?.id === stand).length;
  return {
    ingevuld: answers.basisnormen !== undefined,
    bron: kb.basisnormen.bron,
    normen: rows,
    telling: {
      aanwezig: count('aanwezig'),
      deels: count('deels'),
      ontbreekt: count('ontbreekt'),
      onbekend: count('onbekend'),
      open: rows.filter((row) => row.stand === undefined).length,
    },
    wettelijkeTekorten: rows.filter((row) => row.wettelijkTekort),
    ontbrekend: rows.filter((row) => row.stand?.id === 'ontbreekt'),
    inActieplan: planned.some((measure) => measure.norms.length > 0),
  };
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A field's paragraphs without the sentences that report the national 2012 results: those describe
 * the national picture, not this organisation, so they are no part of the theme's argument.
 */
function argumentParagraphs(theme: Theme, field: 'waarom' | 'risico' | 'oplossingsrichting'): string[] {
  const findings = theme.landelijke_bevindingen.filter((f) => f.veld === field).map((f) => fold(f.tekst));
  return paragraphs(theme[field])
    .map((p) => findings.reduce((rest, finding) => rest.replace(finding, ' '), fold(p)))
    .map(fold)
    .filter(Boolean);
}

function instrumentEntry(kb: KnowledgeBase, instrument: Instrument, type: OrganisationType): InstrumentEntry {
  const { id, naam, uitgever, omschrijving, bron, stand, url_2012 } = instrument;
  return {
    id,
    naam,
    ...(uitgever ? { uitgever } : {}),
    omschrijving: renderForType(omschrijving, type),
    ...(bron ? { bron } : {}),
    ...(stand ? { stand: renderForType(stand, type) } : {}),
    vervangenDoor: instrument.vervangen_door
      .map((successor) => getInstrument(kb, successor))
      .filter((successor) => instrumentAppliesTo(successor, type))
      .map((successor) => successor.naam),
    ...(url_2012 ? { url_2012 } : {}),
  };
}

function unique<T extends { id: string }>(items: readonly T[]): T[] {
  return items.filter((item, index) => items.findIndex((other) => other.id === item.id) === index);
}

/**
 * Paragraphs of text from an answers file. A YAML literal block (`|`) keeps blank lines between
 * paragraphs and single newlines inside them; folded and plain scalars turn a blank line into one
 * newline. So: split on blank lines when there are any, otherwise on newlines.
 */
function userParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/.test(text) ? /\n\s*\n/ : /\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** A short, stable fingerprint of the answers: the same answers always give the same digest. */
export function digest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
