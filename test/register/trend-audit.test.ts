import type { OutcomeCounts, RegisterCounts } from '../../src/register/counts.js';
import { suppress, type Mark } from '../../src/register/suppress.js';
import { registerLayout, registerTables, type RegisterLayout, type TablesInput } from '../../src/register/tables.js';

/*
 * The small-number rule over the report's whole table of three years, checked against registers
 * rather than against the relations the audit reasons with: a reader is anyone who knows how a
 * register becomes the printed counts and sees what the report prints ("< N" is 1..N−1, "×" any
 * count). For a register, every other register with the same printed view is searched; no small
 * count may have the same value in all of them. The registers are small and the typology is cut to
 * two categories and two sanctions, so the search is complete up to a bound on their size; a bound
 * only takes registers away from the reader, so a count that can differ within it can differ.
 */

const categories = [
  { id: 'corruptie', label: 'Corruptie' },
  { id: 'giften', label: 'Giften' },
];
const measures = [
  { id: 'waarschuwing', label: 'Waarschuwing' },
  { id: 'berisping', label: 'Berisping' },
];
const years = [2025, 2026, 2027];

/** One melding as far as the printed counts can tell. */
interface Melding {
  misstand: boolean;
  categorie: number;
  politiek: boolean;
  open: boolean;
  oordeel: 'gegrond' | 'ongegrond' | 'onbekend';
  maatregel?: string;
}

/** Every kind of melding of the verslagjaar that prints differently. */
const kinds: Melding[] = [];
for (const open of [false, true])
  for (const oordeel of ['gegrond', 'ongegrond', 'onbekend'] as const)
    for (const maatregel of [undefined, ...measures.map((m) => m.id)]) {
      for (let categorie = 0; categorie < categories.length; categorie++)
        for (const politiek of [false, true])
          kinds.push({ misstand: false, categorie, politiek, open, oordeel, ...(maatregel ? { maatregel } : {}) });
      // A misstand prints no category, no politiek part and no sanction: only whether a measure followed.
      if (maatregel !== 'berisping')
        kinds.push({
          misstand: true,
          categorie: 0,
          politiek: false,
          open,
          oordeel,
          ...(maatregel ? { maatregel } : {}),
        });
    }
/** An earlier year of the trend prints only what each category received. */
const earlierKinds: Melding[] = categories.map((_, categorie) => ({
  misstand: false,
  categorie,
  politiek: false,
  open: false,
  oordeel: 'onbekend',
}));

/** The counts of a register, counted here on their own (not by src/register/counts.ts). */
function countsOf(meldingen: readonly Melding[]): RegisterCounts {
  const zero = (): OutcomeCounts => ({ ontvangen: 0, onderzocht: 0, gegrond: 0, ongegrond: 0, open: 0, maatregel: 0 });
  const counts: RegisterCounts = {
    perCategorie: Object.fromEntries(categories.map((c) => [c.id, zero()])),
    politiekPerCategorie: Object.fromEntries(categories.map((c) => [c.id, zero()])),
    misstanden: zero(),
    maatregelen: Object.fromEntries(measures.map((m) => [m.id, 0])),
  };
  for (const m of meldingen) {
    const id = categories[m.categorie]!.id;
    const groups = m.misstand
      ? [counts.misstanden]
      : [counts.perCategorie[id]!, ...(m.politiek ? [counts.politiekPerCategorie[id]!] : [])];
    for (const g of groups) {
      g.ontvangen++;
      if (m.oordeel !== 'onbekend') g.onderzocht++;
      if (m.oordeel === 'gegrond') g.gegrond++;
      if (m.oordeel === 'ongegrond') g.ongegrond++;
      if (m.open) g.open++;
      if (m.maatregel) g.maatregel++;
    }
    if (!m.misstand && m.maatregel) counts.maatregelen[m.maatregel]!++;
  }
  return counts;
}

/** A register: the meldingen of each year of the trend; undefined for a year the register does not reach. */
type Register = (Melding[] | undefined)[];

function input(register: Register, threshold: number, withPolitiek: boolean): TablesInput {
  return {
    years,
    categories,
    measures,
    register: register.map((year) => (year ? countsOf(year) : undefined)),
    threshold,
    withPolitiek,
  };
}

/** What a reader knows of one printed cell. */
type Seen = { cell: number; year: number; mark: Mark; value: number };

/**
 * Searches the registers of one year with at most `limit` meldingen for those that print `seen`,
 * and returns, per small cell, the values it takes in them (stopping at two), its real one first.
 */
function valuesOfSmallCells(
  seen: readonly Seen[],
  year: number,
  effects: readonly number[][],
  threshold: number,
  limit: number,
): Map<number, Set<number>> {
  const cells = seen.filter((s) => s.year === year);
  const upper = Int32Array.from(cells, (s) =>
    s.mark === 'shown' ? s.value : s.mark === 'small' ? threshold - 1 : 1 << 30,
  );
  const state = new Int32Array(cells.length);
  const shown = cells.flatMap((s, i) => (s.mark === 'shown' ? [i] : []));
  const small = cells.flatMap((s, i) => (s.mark === 'small' ? [i] : []));
  // The register itself prints what it prints: its own values are among them from the start.
  const values = small.map((i) => new Set([cells[i]!.value]));
  let open = small.length;
  const visit = () => {
    for (const i of shown) if (state[i] !== cells[i]!.value) return;
    for (const i of small) if (state[i]! < 1) return;
    small.forEach((i, k) => {
      const set = values[k]!;
      if (set.size < 2 && !set.has(state[i]!)) {
        set.add(state[i]!);
        open--;
      }
    });
  };
  const search = (from: number, depth: number) => {
    visit();
    if (depth === limit) return;
    for (let k = from; k < effects.length && open > 0; k++) {
      const effect = effects[k]!;
      if (effect.some((i) => state[i]! >= upper[i]!)) continue;
      for (const i of effect) state[i]!++;
      search(k, depth + 1);
      for (const i of effect) state[i]!--;
    }
  };
  if (open > 0) search(0, 0);
  return new Map(small.map((i, k) => [cells[i]!.cell, values[k]!]));
}

const effectsCache = new Map<string, number[][]>();

/**
 * The printed cells of `year` that a melding adds one to, per kind of melding (kinds that print
 * alike once). The cells are where the report's own layout puts each count.
 */
function effectsOf(year: number, kindsOfYear: readonly Melding[], withPolitiek: boolean): number[][] {
  const key = `${year}/${withPolitiek}`;
  const cached = effectsCache.get(key);
  if (cached) return cached;
  const shape = (meldingen: Melding[]): Register => years.map((y) => (y === year ? meldingen : []));
  const base = registerLayout(input(shape([]), 3, withPolitiek));
  const inYear = base.printed.filter((p) => p.year === year).map((p) => p.cell);
  const position = new Map(inYear.map((cell, i) => [cell, i]));
  const effects = kindsOfYear.map((kind) => {
    const one = registerLayout(input(shape([kind]), 3, withPolitiek));
    return inYear.filter((cell) => one.problem.values[cell]! > base.problem.values[cell]!).map((c) => position.get(c)!);
  });
  const distinct = [...new Map(effects.map((effect) => [effect.join(','), effect])).values()];
  effectsCache.set(key, distinct);
  return distinct;
}

/** What the audit decided for a register: the layout's cells and their marks. */
interface Audited {
  values: number[];
  printed: RegisterLayout['printed'];
  marks: Mark[];
}

/** The audit of the report: the layout of the register's counts and the marks suppress gives them. */
function audit(inputs: readonly TablesInput[]): Audited[] {
  return inputs.map((tables) => {
    const layout = registerLayout(tables);
    return {
      values: [...layout.problem.values],
      printed: layout.printed,
      marks: suppress(layout.problem, tables.threshold),
    };
  });
}

/** Checks one register: every small printed count takes two values among the registers that print the same. */
function expectNothingPinned(
  register: Register,
  audited: Audited,
  threshold: number,
  withPolitiek: boolean,
  slack: number,
) {
  const { values, printed, marks } = audited;
  // Every printed count belongs to one year, and meldingen of different years are independent: a
  // reader can search each year on its own.
  expect(printed.every((p) => p.year !== undefined)).toBe(true);
  const seen: Seen[] = printed.map(({ cell, year }) => ({
    cell,
    year: year!,
    mark: marks[cell]!,
    value: values[cell]!,
  }));
  let small = 0;
  years.forEach((year, y) => {
    const meldingen = register[y];
    if (meldingen === undefined) return;
    const yearKinds = y === years.length - 1 ? kinds : earlierKinds;
    const effects = effectsOf(year, yearKinds, withPolitiek);
    const found = valuesOfSmallCells(seen, year, effects, threshold, meldingen.length + slack);
    for (const [cell, possible] of found) {
      small++;
      expect({ year, cell, pinned: possible.size < 2 }).toEqual({ year, cell, pinned: false });
    }
  });
  return { small, hidden: marks.filter((m) => m === 'hidden').length };
}

/** Audits the registers and checks each. */
function auditAndCheck(
  cases: readonly { register: Register; threshold: number; withPolitiek: boolean }[],
  slack: number,
) {
  const audited = audit(cases.map((c) => input(c.register, c.threshold, c.withPolitiek)));
  let small = 0;
  let hidden = 0;
  cases.forEach((c, i) => {
    const checked = expectNothingPinned(c.register, audited[i]!, c.threshold, c.withPolitiek, slack);
    small += checked.small;
    hidden += checked.hidden;
  });
  return { small, hidden, audited };
}

test('the search finds a pin where the audit is left out: a lone small count next to a shown total', () => {
  // Two meldingen about corruptie and seven about giften: with "< 3" alone, 9 − 7 gives the 2 away.
  const corruptie: Melding = { misstand: false, categorie: 0, politiek: false, open: false, oordeel: 'onbekend' };
  const giften = { ...corruptie, categorie: 1 };
  const register: Register = [[], [], [corruptie, corruptie, ...Array.from({ length: 7 }, () => giften)]];
  const layout = registerLayout(input(register, 3, false));
  const naive: Mark[] = layout.problem.values.map((v) => (v >= 1 && v < 3 ? 'small' : 'shown'));
  const seen = layout.printed.map(({ cell, year }) => ({
    cell,
    year: year!,
    mark: naive[cell]!,
    value: layout.problem.values[cell]!,
  }));
  const found = valuesOfSmallCells(seen, 2027, effectsOf(2027, kinds, false), 3, 12);
  expect(found.get(layout.outcome(0, 0)!)).toEqual(new Set([2]));
  // With the audit's marks the search finds registers that print the same with another count.
  const marks = suppress(layout.problem, 3);
  const audited = seen.map((s) => ({ ...s, mark: marks[s.cell]! }));
  const again = valuesOfSmallCells(audited, 2027, effectsOf(2027, kinds, false), 3, 12);
  expect(again.get(layout.outcome(0, 0)!)!.size).toBeGreaterThan(1);
});

/**
 * The registers of the exhaustive check: every pair of meldingen of these kinds. Not every kind (a
 * pair of the 84 would take minutes), but every kind of count: each category, with and without a
 * politiek ambtsdrager, every outcome, both sanctions, and misstanden. The reader still searches
 * all kinds.
 */
const pairKinds = kinds.filter(
  (k) =>
    (k.misstand && (k.maatregel === undefined || k.oordeel === 'gegrond')) ||
    (!k.misstand &&
      ((k.oordeel === 'gegrond' && !k.open) ||
        (k.oordeel !== 'gegrond' && k.maatregel === undefined) ||
        (k.oordeel === 'gegrond' && k.open && k.maatregel === undefined))),
);

test('every register of up to two meldingen in the verslagjaar: no small count can be pinned (exhaustive)', () => {
  expect(pairKinds.length).toBeGreaterThan(20);
  const cases = [];
  for (let a = 0; a <= pairKinds.length; a++)
    for (let b = a; b <= pairKinds.length; b++) {
      const meldingen = [pairKinds[a], pairKinds[b]].filter((k): k is Melding => k !== undefined);
      cases.push({ register: [undefined, undefined, meldingen] as Register, threshold: 3, withPolitiek: true });
    }
  const { small } = auditAndCheck(cases, 3);
  expect(small).toBeGreaterThan(1000);
});

test('random small registers over three years, with and without the politiek row: no small count can be pinned', () => {
  let seed = 5;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const some = (from: readonly Melding[], most: number) =>
    Array.from({ length: Math.floor(random() * (most + 1)) }, () => from[Math.floor(random() * from.length)]!);
  const cases = Array.from({ length: 40 }, () => ({
    register: [
      random() < 0.3 ? undefined : some(earlierKinds, 5),
      random() < 0.15 ? undefined : some(earlierKinds, 5),
      some(kinds, 5),
    ] as Register,
    threshold: random() < 0.5 ? 3 : 4,
    withPolitiek: random() < 0.7,
  }));
  const { small, hidden } = auditAndCheck(cases, 2);
  expect(small).toBeGreaterThan(150);
  expect(hidden).toBeGreaterThan(10);
});

test('the tables print what the audit decided: a year the register does not reach has no count', () => {
  const one: Melding = { misstand: false, categorie: 1, politiek: false, open: true, oordeel: 'onbekend' };
  const tables = registerTables(input([undefined, [one], [one, one, one]], 3, false));
  expect(tables.jaren).toEqual(years);
  expect(tables.trend.map((row) => row.cellen.map((c) => c.soort))).toEqual([
    ['niet-beschikbaar', 'aantal', 'aantal'],
    ['niet-beschikbaar', 'klein', 'aantal'],
  ]);
  expect(tables.trendTotaal.map((c) => c.soort)).toEqual(['niet-beschikbaar', 'klein', 'aantal']);
});
