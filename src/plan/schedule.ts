import type { Priority } from '../answers/schema.js';

export interface Quarter {
  year: number;
  /** 1–4 */
  quarter: number;
}

export interface ScheduledQuarter extends Quarter {
  /** Position in the schedule: the order of the action plan. */
  order: number;
}

export interface SchedulableMeasure {
  priority: Priority;
  /** Position of the theme in the source, to keep the order stable. */
  themeRank: number;
  /** Position of the measure within its theme: a theme's first step comes before its second. */
  stepInTheme: number;
}

const priorityRank: Record<Priority, number> = { hoog: 0, midden: 1, laag: 2 };

/**
 * Spreads measures evenly over the quarters of the plan period: high priority first, and within a
 * priority each theme's first step before anyone's second step, so every weak theme starts early.
 * Returns the quarter of each measure, in the order given.
 */
export function scheduleMeasures(
  measures: readonly SchedulableMeasure[],
  from: number,
  to: number,
): ScheduledQuarter[] {
  const quarters = (to - from + 1) * 4;
  const order = measures
    .map((measure, index) => ({ measure, index }))
    .sort(
      (a, b) =>
        priorityRank[a.measure.priority] - priorityRank[b.measure.priority] ||
        a.measure.stepInTheme - b.measure.stepInTheme ||
        a.measure.themeRank - b.measure.themeRank,
    );
  const result: ScheduledQuarter[] = new Array(measures.length);
  order.forEach(({ index }, position) => {
    const slot = Math.floor((position * quarters) / measures.length);
    result[index] = { year: from + Math.floor(slot / 4), quarter: (slot % 4) + 1, order: position };
  });
  return result;
}
