import type { Priority } from '../answers/schema.js';

/*
 * The planning of the action plan, as a pure function of quarters numbered from 0 (the first quarter
 * of the plan period). Its rules, each tested on its own:
 *  - fixed measures (moved by the officer, the officer's own, tied to elections) keep their quarter;
 *  - a measure marked `first` comes before every other measure that the schedule places;
 *  - a measure due in the first year (it carries out a legal duty) starts there, as early as the maximum
 *    allows and before the themes take their turn (over the maximum only if the year is full); a yearly
 *    one starts at its moment in the first year, even in the quarter of the measures that come first (it
 *    is no new work they should precede);
 *  - a measure never starts before a measure it comes after (`after`), and where the period allows,
 *    in a later quarter;
 *  - at most `maxPerQuarter` measures start in a quarter; when they do not fit in the period, the
 *    lowest maximum that fits is used instead (and returned, so the plan can say so);
 *  - every theme starts within the first year, high priority first: its first step (not a yearly one,
 *    where it has another) is placed there, over the maximum if need be; a strand that may start
 *    later (a basisnorm that is no legal gap) only takes its turn in the rounds below;
 *  - the other steps follow round by round (each theme's next step before any theme's step after
 *    that), high priority a round ahead of low, so low priority is not left for the end;
 *  - the load is spread: the k-th measure placed (after those due in the first year) starts no earlier
 *    than k/n of the period;
 *  - a yearly measure starts in its own quarter of the year, when the period allows.
 */

/**
 * One step of a strand of work: a weak theme, or a basisnorm that is not in place (the scheduler treats
 * both alike and calls them themes).
 */
export interface ThemeStep {
  /** Position of the theme among the plan's weak themes (the basisnormen after them): keeps the order stable. */
  rank: number;
  /** Position of the measure among the theme's measures: a theme's first step comes first. */
  step: number;
  priority: Priority;
  /** Need not start within the first year (a basisnorm that is no legal gap); default: it must. */
  mayStartLater?: boolean;
}

export interface SchedulableMeasure {
  key: string;
  /** The weak themes the measure serves; empty for an own measure that serves none. */
  themes: readonly ThemeStep[];
  /** Keys of measures this one comes after, when they are in the schedule. */
  after: readonly string[];
  /** Comes before every other measure the schedule places. */
  first: boolean;
  /** Must start within the first year of the period (it carries out a legal duty). */
  firstYear?: boolean;
  /** For a yearly measure: its quarter of the year, 1–4. */
  yearly?: number;
  /** A fixed quarter (0-based), or 'outside' for a measure with no quarter in the period. */
  fixed?: number | 'outside';
}

export interface ScheduleOptions {
  /** Number of quarters in the plan period. */
  quarters: number;
  maxPerQuarter: number;
}

export interface Schedule {
  /** Per measure, in the order given: its (first) quarter, or null when it has none in the period. */
  quarters: (number | null)[];
  /** Per measure: its position in the action plan (by quarter, then priority, then placement). */
  order: number[];
  /** The maximum per quarter used: the one asked for, or more when the measures do not fit. */
  maxPerQuarter: number;
  /** Fixed measures that stand before a measure they come after. */
  outOfOrder: { key: string; after: string }[];
}

const priorityRank: Record<Priority, number> = { hoog: 0, midden: 1, laag: 2 };
/** How many rounds a priority lags behind "hoog" in the steps after the first. */
const roundOffset: Record<Priority, number> = { hoog: 0, midden: 0.5, laag: 1 };

export function scheduleMeasures(measures: readonly SchedulableMeasure[], options: ScheduleOptions): Schedule {
  const inPlay = measures.filter((m) => m.fixed !== 'outside').length;
  // The lowest maximum at which the measures fit; fixed measures alone may still exceed it.
  let max = Math.max(options.maxPerQuarter, Math.ceil(inPlay / options.quarters));
  for (;;) {
    const schedule = scheduleWith(measures, options.quarters, max);
    if (max >= inPlay || !schedule.overfull) return schedule;
    max++;
  }
}

function scheduleWith(
  measures: readonly SchedulableMeasure[],
  quarters: number,
  maxPerQuarter: number,
): Schedule & { overfull: boolean } {
  const options = { quarters };
  const last = options.quarters - 1;
  const firstYear = Math.min(4, options.quarters);
  const index = new Map(measures.map((m, i) => [m.key, i]));
  const slot: (number | null)[] = measures.map((m) => (typeof m.fixed === 'number' ? m.fixed : null));
  const load = new Array<number>(options.quarters).fill(0);
  const placedAt: number[] = measures.map(() => -1);
  let placements = 0;
  for (const [i, m] of measures.entries()) {
    if (typeof m.fixed === 'number') {
      load[m.fixed]!++;
      placedAt[i] = placements++;
    }
  }
  const free = (i: number) => measures[i]!.fixed === undefined;
  const priorityOf = (m: SchedulableMeasure): Priority =>
    m.themes.reduce<Priority>((best, t) => (priorityRank[t.priority] < priorityRank[best] ? t.priority : best), 'laag');
  /** The quarter after the last measure that comes first; -1 while none is placed. */
  let afterFirst = -1;

  /** Places a measure (after its predecessors) at the earliest quarter it may take; `by`: the last one it should. */
  const place = (i: number, lowerBound: number, by = last, visiting: Set<number> = new Set()) => {
    if (slot[i] !== null || visiting.has(i)) return;
    visiting.add(i);
    const measure = measures[i]!;
    for (const key of measure.after) {
      const j = index.get(key);
      if (j !== undefined && free(j)) place(j, lowerBound, by, visiting);
    }
    const afterPredecessors = Math.max(
      -1,
      ...measure.after.map((key) => slot[index.get(key) ?? -1] ?? -1).filter((q) => q >= 0),
    );
    // A yearly measure recurs: it starts at its first moment, not where the spread would put it.
    const spread = measure.yearly === undefined ? lowerBound : 0;
    // A yearly legal duty is due from the first year on: what comes first does not push it a year on.
    const afterFirstOnes = measure.first
      ? 0
      : measure.firstYear && measure.yearly !== undefined
        ? afterFirst
        : afterFirst + 1;
    const earliest = Math.min(last, Math.max(spread, afterPredecessors + 1, afterFirstOnes));
    // Never before a predecessor, even when the period is too short for "after".
    const floor = Math.max(0, afterPredecessors, Math.min(afterFirstOnes, last));
    const start = Math.max(earliest, floor);
    const fits = (q: number) => load[q]! < maxPerQuarter;
    const inItsQuarter = (q: number) => measure.yearly === undefined || q % 4 === measure.yearly - 1;
    const candidates = range(start, last);
    const inTime = range(start, Math.min(by, last));
    // Over the maximum rather than late: the least loaded quarter in time (a yearly one's own, where there is one).
    const overfullInTime = inTime.some(inItsQuarter) ? inTime.filter(inItsQuarter) : inTime;
    const chosen =
      inTime.find((q) => inItsQuarter(q) && fits(q)) ??
      (by < last
        ? overfullInTime.reduce<number | undefined>(
            (best, q) => (best === undefined || load[q]! < load[best]! ? q : best),
            undefined,
          )
        : undefined) ??
      candidates.find((q) => inItsQuarter(q) && fits(q)) ??
      candidates.find(inItsQuarter) ??
      candidates.find(fits) ??
      candidates.reduce((best, q) => (load[q]! < load[best]! ? q : best), start);
    slot[i] = chosen;
    load[chosen]!++;
    placedAt[i] = placements++;
    if (measure.first) afterFirst = Math.max(afterFirst, chosen);
  };

  // Measures that come first.
  for (const [i, m] of measures.entries()) if (free(i) && m.first) place(i, 0);

  // Measures due in the first year, high priority first, as early as the maximum allows: before the
  // themes, which they may start.
  measures
    .map((m, i) => ({ m, i }))
    .filter(({ m, i }) => free(i) && !m.first && m.firstYear)
    .sort((a, b) => priorityRank[priorityOf(a.m)] - priorityRank[priorityOf(b.m)] || a.i - b.i)
    .forEach(({ i }) => place(i, 0, firstYear - 1));

  // One sequence over the whole period: the k-th measure placed starts no earlier than its share of the period.
  const spreadOver = measures.filter((m, i) => free(i) && slot[i] === null && !m.first).length;
  let sequence = 0;
  const nextShare = () => Math.floor((sequence++ * options.quarters) / Math.max(1, spreadOver));

  // Every theme starts within the first year: its first free step, spread over that year.
  const themes = [
    ...new Map(
      measures.flatMap((m) => m.themes.filter((t) => !t.mayStartLater).map((t) => [t.rank, t] as const)),
    ).values(),
  ].sort((a, b) => priorityRank[a.priority] - priorityRank[b.priority] || a.rank - b.rank);
  const started = (rank: number) =>
    measures.some((m, i) => slot[i] !== null && slot[i]! < firstYear && m.themes.some((t) => t.rank === rank));
  themes.forEach((theme) => {
    if (started(theme.rank)) return;
    const steps = measures
      .map((m, i) => ({ i, step: m.themes.find((t) => t.rank === theme.rank)?.step }))
      .filter((s): s is { i: number; step: number } => s.step !== undefined && free(s.i) && slot[s.i] === null)
      .sort((a, b) => a.step - b.step);
    // A yearly measure keeps its own quarter: a theme starts with another step where it has one.
    const start = steps.find((s) => measures[s.i]!.yearly === undefined) ?? steps[0];
    const yearly = start !== undefined && measures[start.i]!.yearly !== undefined;
    if (start) place(start.i, Math.min(nextShare(), firstYear - 1), yearly ? last : firstYear - 1);
  });

  // The other steps, round by round over the whole period.
  const round = (m: SchedulableMeasure) =>
    Math.min(...m.themes.map((t) => t.step + roundOffset[t.priority]), Number.MAX_SAFE_INTEGER);
  const rest = measures
    .map((m, i) => ({ m, i }))
    .filter(({ i }) => free(i) && slot[i] === null)
    .sort(
      (a, b) =>
        round(a.m) - round(b.m) ||
        priorityRank[priorityOf(a.m)] - priorityRank[priorityOf(b.m)] ||
        Math.min(...a.m.themes.map((t) => t.rank)) - Math.min(...b.m.themes.map((t) => t.rank)) ||
        a.i - b.i,
    );
  for (const { i } of rest) if (slot[i] === null) place(i, nextShare());

  const ranked = measures
    .map((m, i) => ({ i, q: slot[i], p: priorityRank[priorityOf(m)], at: placedAt[i]! }))
    .sort((a, b) => (a.q ?? Infinity) - (b.q ?? Infinity) || a.p - b.p || a.at - b.at);
  const order = new Array<number>(measures.length);
  ranked.forEach(({ i }, position) => (order[i] = position));

  const outOfOrder = measures.flatMap((m, i) => {
    const q = slot[i];
    if (q === null || q === undefined || free(i)) return [];
    const before = [
      ...m.after,
      ...(m.first ? [] : measures.filter((other, j) => other.first && j !== i && free(j)).map((other) => other.key)),
    ];
    return before.flatMap((key) => {
      const other = slot[index.get(key) ?? -1];
      return other !== null && other !== undefined && other > q ? [{ key: m.key, after: key }] : [];
    });
  });
  const fixedLoad = new Array<number>(options.quarters).fill(0);
  for (const m of measures) if (typeof m.fixed === 'number') fixedLoad[m.fixed]!++;
  const overfull = load.some((count, q) => count > maxPerQuarter && count > fixedLoad[q]!);
  return { quarters: slot, order, maxPerQuarter, outOfOrder, overfull };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
}
