import { scheduleMeasures, type SchedulableMeasure } from '../../src/plan/schedule.js';
import type { Priority } from '../../src/answers/schema.js';

/** A measure of one theme: its rank among the weak themes and its step in that theme. */
function measure(
  key: string,
  rank: number,
  step: number,
  priority: Priority = 'midden',
  extra: Partial<SchedulableMeasure> = {},
): SchedulableMeasure {
  return { key, themes: [{ rank, step, priority }], after: [], first: false, ...extra };
}

/** The (first) quarter of each measure by key. */
function quarters(measures: SchedulableMeasure[], quarters = 16, maxPerQuarter = 3) {
  const schedule = scheduleMeasures(measures, { quarters, maxPerQuarter });
  return { ...schedule, at: Object.fromEntries(measures.map((m, i) => [m.key, schedule.quarters[i]])) };
}

/** Three themes of four steps each, in the given priorities. */
function themes(...priorities: Priority[]): SchedulableMeasure[] {
  return priorities.flatMap((priority, rank) =>
    [0, 1, 2, 3].map((step) => measure(`t${rank}s${step}`, rank, step, priority)),
  );
}

test('a fixed measure keeps its quarter, and counts for the load there', () => {
  const { at } = quarters(
    [measure('moved', 0, 0, 'hoog', { fixed: 9 }), measure('a', 1, 0), measure('b', 1, 1, 'midden', { fixed: 0 })],
    16,
    1,
  );
  expect(at.moved).toBe(9);
  expect(at.b).toBe(0);
  expect(at.a).not.toBe(0);
});

test('a measure without a quarter in the period stays outside it and takes no room', () => {
  const { at, maxPerQuarter } = quarters(
    [measure('tied', 0, 0, 'midden', { fixed: 'outside' }), measure('a', 0, 1)],
    4,
    1,
  );
  expect(at.tied).toBeNull();
  expect(at.a).toBe(0);
  expect(maxPerQuarter).toBe(1);
});

test('a measure marked first comes before every other measure the schedule places', () => {
  const list = [...themes('hoog', 'midden'), measure('first', 1, 9, 'laag', { first: true })];
  const { at } = quarters(list);
  expect(at.first).toBe(0);
  for (const m of list) if (m.key !== 'first') expect(at[m.key]).toBeGreaterThan(0);
});

test('a measure comes after the measures it follows, in a later quarter', () => {
  const list = [measure('later', 0, 0, 'hoog', { after: ['base'] }), measure('base', 1, 3, 'laag')];
  const { at } = quarters(list);
  expect(at.later).toBeGreaterThan(at.base!);
});

test('in a period too short for "after", a measure still never comes before its predecessor', () => {
  const chain = ['a', 'b', 'c', 'd', 'e', 'f'].map((key, i, keys) =>
    measure(key, 0, i, 'midden', i > 0 ? { after: [keys[i - 1]!] } : {}),
  );
  const { at } = quarters(chain, 4, 10);
  chain.slice(1).forEach((m) => expect(at[m.key]).toBeGreaterThanOrEqual(at[m.after[0]!]!));
  expect(Math.max(...Object.values(at).map(Number))).toBe(3);
});

test('a predecessor of a high-priority measure is placed early, whatever its own priority', () => {
  const list = [
    ...themes('midden', 'midden'),
    measure('urgent', 2, 0, 'hoog', { after: ['groundwork'] }),
    measure('groundwork', 3, 3, 'laag'),
  ];
  const { at } = quarters(list);
  expect(at.groundwork).toBeLessThanOrEqual(1);
  expect(at.urgent).toBeGreaterThan(at.groundwork!);
});

test('at most the maximum of new measures starts in a quarter', () => {
  const { quarters: slots } = quarters(themes('hoog', 'midden', 'laag'), 8, 2);
  const load = new Map<number, number>();
  for (const q of slots) load.set(q!, (load.get(q!) ?? 0) + 1);
  expect(Math.max(...load.values())).toBeLessThanOrEqual(2);
});

test('when the measures do not fit, the lowest maximum that fits is used and returned', () => {
  const { quarters: slots, maxPerQuarter } = quarters(themes('hoog', 'midden', 'laag'), 4, 1);
  expect(maxPerQuarter).toBe(3);
  const load = new Map<number, number>();
  for (const q of slots) load.set(q!, (load.get(q!) ?? 0) + 1);
  expect(Math.max(...load.values())).toBe(3);
});

test('every theme starts within the first year, high priority first', () => {
  const list = themes('laag', 'midden', 'hoog', 'laag', 'midden', 'hoog');
  const { at } = quarters(list, 16, 2);
  for (let rank = 0; rank < 6; rank++) expect(at[`t${rank}s0`]).toBeLessThan(4);
  expect(at.t2s0).toBe(0);
  expect(at.t5s0).toBe(0);
});

test('a theme’s first step comes before its later steps', () => {
  const { at } = quarters(themes('midden', 'midden'));
  for (const rank of [0, 1])
    for (const step of [1, 2, 3]) expect(at[`t${rank}s${step}`]).toBeGreaterThanOrEqual(at[`t${rank}s${step - 1}`]!);
});

test('high priority goes first, but low priority is spread over the period, not left for the end', () => {
  const list = themes('hoog', 'laag', 'midden');
  const { at } = quarters(list, 16, 3);
  const mean = (rank: number) => [0, 1, 2, 3].reduce((sum, step) => sum + at[`t${rank}s${step}`]!, 0) / 4;
  expect(mean(0)).toBeLessThan(mean(2));
  expect(mean(2)).toBeLessThan(mean(1));
  // The low theme runs through the period: it starts in the first year, at most half of it in the last.
  expect(at.t1s0).toBeLessThan(4);
  expect([0, 1, 2, 3].filter((step) => at[`t1s${step}`]! >= 12).length).toBeLessThanOrEqual(2);
  expect(at.t1s1).toBeLessThan(12);
});

test('the load is spread over the whole period, not piled up at its start', () => {
  const { quarters: slots } = quarters(themes('midden', 'midden', 'midden'), 16, 3);
  const years = [0, 1, 2, 3].map((year) => slots.filter((q) => Math.floor(q! / 4) === year).length);
  for (const count of years) expect(count).toBeGreaterThanOrEqual(2);
});

test('a yearly measure starts in its own quarter of the year', () => {
  const list = [...themes('hoog'), measure('report', 1, 0, 'midden', { yearly: 1, after: ['t0s0'] })];
  const { at } = quarters(list);
  expect(at.report! % 4).toBe(0);
  expect(at.report).toBeGreaterThan(at.t0s0!);
});

test('a fixed measure before one it comes after is reported, not silently reordered', () => {
  const { outOfOrder, at } = quarters([
    measure('base', 0, 0, 'midden', { fixed: 6 }),
    measure('next', 0, 1, 'midden', { fixed: 2, after: ['base'] }),
  ]);
  expect(at.next).toBe(2);
  expect(outOfOrder).toEqual([{ key: 'next', after: 'base' }]);
});

test('the order of the action plan follows the quarters, high priority first within one', () => {
  const list = themes('laag', 'hoog');
  const schedule = scheduleMeasures(list, { quarters: 8, maxPerQuarter: 4 });
  const byOrder = list
    .map((m, i) => ({ q: schedule.quarters[i]!, o: schedule.order[i]!, p: m.themes[0]!.priority }))
    .sort((a, b) => a.o - b.o);
  for (let i = 1; i < byOrder.length; i++) {
    expect(byOrder[i]!.q).toBeGreaterThanOrEqual(byOrder[i - 1]!.q);
    if (byOrder[i]!.q === byOrder[i - 1]!.q && byOrder[i - 1]!.p === 'laag') expect(byOrder[i]!.p).toBe('laag');
  }
});

describe('a measure due in the first year (a legal duty)', () => {
  test('starts in the first year as early as the maximum allows, before the themes take their turn', () => {
    const list = [
      ...themes('hoog'),
      measure('other', 1, 0, 'laag'),
      measure('other-next', 1, 1, 'laag'),
      measure('duty-a', 1, 2, 'laag', { firstYear: true }),
      measure('duty-b', 1, 3, 'laag', { firstYear: true }),
    ];
    const { at, maxPerQuarter } = quarters(list, 16, 1);
    expect([at['duty-a'], at['duty-b']]).toEqual([0, 1]);
    // The high-priority theme still starts in the first year, right after them.
    expect(at.t0s0).toBe(2);
    expect(maxPerQuarter).toBe(1);
    // Without the mark the same steps of a low-priority theme come much later.
    const unmarked = quarters(
      list.map((m) => ({ ...m, firstYear: false })),
      16,
      1,
    ).at;
    expect(unmarked['duty-b']).toBeGreaterThan(3);
  });

  test('goes over the maximum only when the first year is full, and the maximum used says so', () => {
    const duties = [0, 1, 2, 3, 4].map((step) => measure(`duty${step}`, 0, step, 'laag', { firstYear: true }));
    const { at, maxPerQuarter } = quarters(duties, 16, 1);
    for (const m of duties) expect(at[m.key]).toBeLessThan(4);
    expect(maxPerQuarter).toBe(2);
  });

  test('comes after what comes first; a yearly one keeps its moment in the first year, beside it', () => {
    const list = [
      measure('first', 0, 0, 'midden', { first: true }),
      measure('duty', 0, 3, 'laag', { firstYear: true }),
      measure('report', 0, 4, 'laag', { firstYear: true, yearly: 1 }),
      ...themes('hoog').map((m) => ({ ...m, themes: [{ ...m.themes[0]!, rank: 1 }] })),
    ];
    const { at } = quarters(list);
    expect(at.first).toBe(0);
    expect(at.report).toBe(0);
    expect(at.duty).toBeGreaterThan(0);
    expect(at.duty).toBeLessThan(4);
    // An ordinary yearly measure still waits for what comes first: a year later.
    const ordinary = quarters(list.map((m) => (m.key === 'report' ? { ...m, firstYear: false } : m))).at;
    expect(ordinary.report).toBe(4);
  });

  test('brings what it builds on into the first year, before it', () => {
    const list = [
      ...themes('hoog', 'midden'),
      measure('groundwork', 2, 3, 'laag'),
      measure('duty', 2, 4, 'laag', { firstYear: true, after: ['groundwork'] }),
    ];
    const { at } = quarters(list);
    expect(at.groundwork).toBeLessThan(at.duty!);
    expect(at.duty).toBeLessThan(4);
  });

  test('leaves a fixed quarter alone: the officer has the last word', () => {
    const { at } = quarters([measure('moved', 0, 0, 'midden', { firstYear: true, fixed: 10 }), measure('a', 0, 1)]);
    expect(at.moved).toBe(10);
  });
});
