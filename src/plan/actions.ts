import type { Answers, Priority, QuarterInput } from '../answers/schema.js';
import {
  electionsOf,
  findMeasure,
  findsOutStand,
  getOrganisationType,
  measuresOfNorm,
  measuresOfTheme,
  type KnowledgeBase,
} from '../knowledge/model.js';
import { electionKinds, standsNeedingMeasures, type MeasureKind } from '../knowledge/ids.js';
import type { Basisnorm, ElectionCalendar, LegalDuty, Measure, Theme } from '../knowledge/schema.js';
import {
  isLegalGap,
  maxPerQuarter,
  measuresInForce,
  measureStatuses,
  normPriority,
  normsNeedingMeasures,
  normsServedBy,
  normStand,
  openLegalDuties,
  themePriority,
  weakThemesInForce,
  type MeasureStatus,
} from './rules.js';
import { scheduleMeasures, type SchedulableMeasure, type ThemeStep } from './schedule.js';
import type { DocumentWarning } from './warnings.js';

/*
 * The action plan: which measures, when, by whom, after the officer's own changes. Pure; the plan
 * model turns it into what the templates show, the rapportage reads the same measures.
 */

export interface PlannedMeasure {
  /** The catalogue id, or the own measure's id. */
  id: string;
  /** The catalogue entry; absent for an own measure. */
  catalogue?: Measure;
  /** The text as written (a catalogue text may hold role references). */
  text: string;
  /** Role id of the owner, after the officer's change. */
  owner: string;
  /** The weak themes it serves (an own measure: the themes it names), in source order. */
  themes: Theme[];
  /** The basisnormen not in place that it serves (an own measure: the norms it names), in the knowledge base's order. */
  norms: Basisnorm[];
  /** The legal duties it carries out that are still open (openLegalDuties): it starts in the first year. */
  legalDuties: LegalDuty[];
  kind: MeasureKind;
  /** The (first) quarter, or null when it has none in the period (tied to elections outside it). */
  when: QuarterInput | null;
  priority: Priority;
  own: boolean;
  /** The officer moved it or gave it another owner. */
  changed: { quarter: boolean; owner: boolean };
  status?: MeasureStatus;
}

/** The elections of the type as far as the plan needs them. */
export interface ElectionsInPlan {
  calendar: ElectionCalendar['typen'][number];
  /** The first election in the plan period, if any. */
  inPeriod?: ElectionDate;
  /** The first election after the plan period that the calendar knows, if any. */
  next?: ElectionDate;
}

export interface ElectionDate {
  datum: string;
  bevestigd: boolean;
}

export interface ActionPlan {
  /** In the order of the action plan. */
  measures: PlannedMeasure[];
  /** The maximum of new measures per quarter asked for, and the one the plan needed. */
  maxPerQuarter: { asked: number; used: number };
  /** Only when a measure of the plan is tied to elections and the type has them. */
  elections?: ElectionsInPlan;
  warnings: DocumentWarning[];
}

/**
 * Why a measure that carries out an open legal duty starts after the first year, if it does: the officer moved it,
 * or it follows a measure that stands later (the scheduler itself always places it in the first year).
 */
export function lateLegalDuty(measure: PlannedMeasure, firstYear: number): 'moved' | 'predecessor' | undefined {
  if (measure.legalDuties.length === 0 || (measure.when !== null && measure.when.jaar === firstYear)) return undefined;
  return measure.changed.quarter ? 'moved' : 'predecessor';
}

export function buildActionPlan(kb: KnowledgeBase, answers: Answers): ActionPlan {
  const type = getOrganisationType(kb, answers.organisatie.type);
  const { van, tot } = answers.planperiode;
  const quarters = (tot - van + 1) * 4;
  const weak = weakThemesInForce(kb, answers);
  const changes = answers.actieplan?.maatregelen ?? {};
  const changeOf = (measure: Measure) =>
    Object.entries(changes).find(([id]) => findMeasure(kb, id)?.id === measure.id)?.[1];
  const { statuses, conflicts } = measureStatuses(kb, answers.maatregel_status);

  const calendar = electionsOf(kb, type.id);
  const electionSlot = (date: string) =>
    (Number(date.slice(0, 4)) - van) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const inPeriod = calendar?.data.find((d) => d.datum >= `${van}-01-01` && d.datum <= `${tot}-12-31`);
  const next = calendar?.data.find((d) => d.datum > `${tot}-12-31`);
  /** The quarter of a measure tied to elections: one after the election, installation one more. */
  const tiedSlot = (kind: MeasureKind): number | 'outside' => {
    if (!inPeriod) return 'outside';
    const slot = electionSlot(inPeriod.datum) + (kind === 'na-installatie' ? 2 : 1);
    return slot < quarters ? slot : 'outside';
  };
  const toSlot = (quarter: QuarterInput) => (quarter.jaar - van) * 4 + quarter.kwartaal - 1;

  // A basisnorm that is not in place is a strand of work like a weak theme, ranked after the themes.
  const needing = normsNeedingMeasures(kb, answers);
  const normStep = (norm: Basisnorm, measure: Measure): ThemeStep => {
    const stand = normStand(answers, norm.id)!;
    const steps = measuresOfNorm(kb, norm.id).filter((m) => (m.bij_stand ?? standsNeedingMeasures).includes(stand));
    return {
      rank: weak.length + needing.indexOf(norm),
      step: steps.indexOf(measure),
      priority: normPriority(kb, answers, norm),
      ...(isLegalGap(kb, answers, norm) ? {} : { mayStartLater: true }),
    };
  };

  const catalogue = measuresInForce(kb, answers).map((measure): PlannedMeasure & { schedule: SchedulableMeasure } => {
    const change = changeOf(measure);
    const variant = measure.per_type[type.id];
    const themes = weak.filter((theme) => measure.themas.includes(theme.id));
    const norms = normsServedBy(kb, answers, measure);
    const tied = electionKinds.includes(measure.soort);
    const fixed = change?.kwartaal ? toSlot(change.kwartaal) : tied ? tiedSlot(measure.soort) : undefined;
    const status = statuses.get(measure.id);
    const legalDuties = openLegalDuties(kb, answers, measure);
    return {
      id: measure.id,
      catalogue: measure,
      text: variant?.tekst ?? measure.tekst,
      owner: change?.eigenaar ?? variant?.eigenaar ?? measure.eigenaar,
      themes,
      norms,
      legalDuties,
      // A measure the officer moved stands in the quarter the officer chose, like any one-off measure.
      kind: change?.kwartaal && tied ? 'eenmalig' : measure.soort,
      when: null,
      priority: highest([
        ...themes.map((theme) => themePriority(answers, theme.id)),
        ...norms.map((norm) => normPriority(kb, answers, norm)),
      ]),
      own: false,
      changed: { quarter: change?.kwartaal !== undefined, owner: change?.eigenaar !== undefined },
      ...(status ? { status } : {}),
      schedule: {
        key: measure.id,
        themes: [
          ...themes.map((theme) => ({
            rank: weak.indexOf(theme),
            step: measuresOfTheme(kb, theme.id).indexOf(measure),
            priority: themePriority(answers, theme.id),
          })),
          ...norms.map((norm) => normStep(norm, measure)),
        ],
        after: measure.na,
        // A measure that finds out how a norm stands comes before that norm's measures: first of all.
        first: measure.eerst || (norms.length > 0 && findsOutStand(measure)),
        ...(legalDuties.length > 0 ? { firstYear: true } : {}),
        ...(measure.soort === 'jaarlijks' && measure.kwartaal !== undefined && !change?.kwartaal
          ? { yearly: measure.kwartaal }
          : {}),
        ...(fixed !== undefined ? { fixed } : {}),
      },
    };
  });
  const own = (answers.actieplan?.eigen ?? []).map((measure): PlannedMeasure & { schedule: SchedulableMeasure } => {
    const themes = kb.themes.filter((theme) => measure.themas.includes(theme.id));
    const status = statuses.get(measure.id);
    const tied = electionKinds.includes(measure.soort);
    return {
      id: measure.id,
      text: measure.tekst,
      owner: measure.eigenaar,
      themes,
      norms: kb.basisnormen.normen.filter((norm) => measure.basisnormen.includes(norm.id)),
      legalDuties: [],
      kind: measure.soort,
      when: null,
      priority: highest(themes.filter((t) => weak.includes(t)).map((theme) => themePriority(answers, theme.id))),
      own: true,
      changed: { quarter: false, owner: false },
      ...(status ? { status } : {}),
      schedule: {
        key: measure.id,
        themes: themes
          .filter((theme) => weak.includes(theme))
          .map((theme) => ({ rank: weak.indexOf(theme), step: -1, priority: themePriority(answers, theme.id) })),
        after: [],
        first: false,
        fixed: measure.kwartaal ? toSlot(measure.kwartaal) : tied ? tiedSlot(measure.soort) : 'outside',
      },
    };
  });

  const all = [...catalogue, ...own];
  const asked = maxPerQuarter(answers);
  const schedule = scheduleMeasures(
    all.map((m) => m.schedule),
    { quarters, maxPerQuarter: asked },
  );
  const quarterOf = (slot: number | null): QuarterInput | null =>
    slot === null ? null : { jaar: van + Math.floor(slot / 4), kwartaal: (slot % 4) + 1 };
  const planned: PlannedMeasure[] = all
    .map(({ schedule: _schedule, ...measure }, i) => ({ ...measure, when: quarterOf(schedule.quarters[i]!) }))
    .map((measure, i) => ({ measure, order: schedule.order[i]! }))
    .sort((a, b) => a.order - b.order)
    .map(({ measure }) => measure);

  const label = (q: QuarterInput | null) => (q ? `K${q.kwartaal} ${q.jaar}` : 'buiten de planperiode');
  const find = (id: string) => planned.find((m) => m.id === id)!;
  const warnings: DocumentWarning[] = [
    ...(schedule.maxPerQuarter > asked
      ? [{ kind: 'maxPerQuarterRaised' as const, asked, used: schedule.maxPerQuarter, measures: planned.length }]
      : []),
    ...schedule.outOfOrder.map(({ key, after }) => ({
      kind: 'measureBeforePredecessor' as const,
      measure: key,
      quarter: label(find(key).when),
      after,
      afterQuarter: label(find(after).when),
    })),
    // The officer has the last word, also on a legal duty: a move past the first year stays, with a warning;
    // so does one that follows a measure the officer placed later.
    ...planned.flatMap((m) => {
      const reason = lateLegalDuty(m, van);
      return reason === undefined
        ? []
        : [
            {
              kind: 'legalDutyAfterFirstYear' as const,
              measure: m.id,
              quarter: label(m.when),
              firstYear: van,
              provisions: m.legalDuties.map((duty) => duty.vindplaats),
              reason,
            },
          ];
    }),
    ...conflicts.map((conflict) => ({ kind: 'measureStatusesMerged' as const, ...conflict })),
  ];
  const tiedInPlan = planned.some((m) => electionKinds.includes(m.kind));
  return {
    measures: planned,
    maxPerQuarter: { asked, used: schedule.maxPerQuarter },
    ...(calendar && tiedInPlan
      ? {
          elections: {
            calendar,
            ...(inPeriod ? { inPeriod: { datum: inPeriod.datum, bevestigd: inPeriod.bevestigd } } : {}),
            ...(next ? { next: { datum: next.datum, bevestigd: next.bevestigd } } : {}),
          },
        }
      : {}),
    warnings,
  };
}

function highest(priorities: readonly Priority[]): Priority {
  return (['hoog', 'midden', 'laag'] as const).find((p) => priorities.includes(p)) ?? 'midden';
}
