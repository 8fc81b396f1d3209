/*
 * Small-number suppression for published tables of counts (AVG).
 *
 * A table is a flat list of cells (counts) plus the relations a reader knows between them: a
 * total is the sum of its parts (row and column totals, "onderzocht = gegrond + ongegrond"), and
 * a count is part of another ("open" is part of "ontvangen"). Cells may belong to several tables
 * that share totals: pass them as one problem.
 *
 * 1. Primary suppression: every count from 1 up to below the threshold is shown as "< N"
 *    ('small'); a reader then knows only that it lies between 1 and N − 1.
 * 2. Secondary suppression: in every sum relation, zero or at least two cells are suppressed, so
 *    no single suppressed cell follows from the others by subtraction. A second cell is hidden
 *    ('hidden', shown as "×"): the smallest non-zero shown cell, else a zero, else the total.
 * 3. Audit: the rule in 2 is not enough on its own. Bounds leak too ("< 5" and "< 5" in a row
 *    with total 2 can only be 1 and 1), and so do chains of relations and subsets ("open" is at
 *    most "ontvangen"). For every small count the audit computes, with a linear programme over
 *    everything a reader knows, the least and the greatest value it can have; if those are the
 *    same, one more cell is hidden (or a "< N" cell becomes "×") and the audit goes on. Hiding
 *    only ever widens these ranges, so the loop ends.
 *
 * What a reader is assumed to know: every shown number, the relations, that "< N" means 1..N−1
 * and that a count is never negative. "×" says nothing else about a cell.
 */

export type Mark = 'shown' | 'small' | 'hidden';

/** The count in `total` is the sum of the counts in `parts` (cell indices). */
export interface SumRelation {
  type: 'sum';
  total: number;
  parts: readonly number[];
}

/** The count in `part` counts a subset of what `whole` counts: part ≤ whole. */
export interface SubsetRelation {
  type: 'subset';
  whole: number;
  part: number;
}

export type Relation = SumRelation | SubsetRelation;

export interface CountProblem {
  values: readonly number[];
  relations: readonly Relation[];
}

/** Pure: which cells to show, to show as "< threshold", and to hide. A threshold of 0 or 1 suppresses nothing. */
export function suppress(problem: CountProblem, threshold: number): Mark[] {
  const { values, relations } = problem;
  values.forEach((value) => {
    if (!Number.isInteger(value) || value < 0) throw new Error(`a count must be a whole number ≥ 0, got ${value}`);
  });
  const isSmall = (value: number) => value >= 1 && value < threshold;
  const marks: Mark[] = values.map((value) => (isSmall(value) ? 'small' : 'shown'));
  if (!marks.includes('small')) return marks;

  const solver = new RangeSolver(problem, threshold);
  const isTotal = new Set(relations.flatMap((r) => (r.type === 'sum' ? [r.total] : [])));
  /** Cheapest first: small non-zero cells, then zeros, parts before totals, then by position. */
  const byCost = (a: number, b: number) =>
    Number(values[a] === 0) - Number(values[b] === 0) ||
    values[a]! - values[b]! ||
    Number(isTotal.has(a)) - Number(isTotal.has(b)) ||
    a - b;

  const enforcePairs = () => {
    for (let changed = true; changed;) {
      changed = false;
      for (const relation of relations) {
        if (relation.type !== 'sum') continue;
        const cells = [relation.total, ...relation.parts];
        if (cells.filter((cell) => marks[cell] !== 'shown').length !== 1) continue;
        const complement = cells.filter((cell) => marks[cell] === 'shown').sort(byCost)[0];
        if (complement !== undefined) {
          marks[complement] = 'hidden';
          changed = true;
        }
      }
    }
  };

  enforcePairs();
  for (const cell of values.keys()) {
    if (!isSmall(values[cell]!)) continue;
    while (solver.isPinned(cell, marks)) {
      hideOneMore(cell);
      enforcePairs();
    }
  }
  return marks;

  /** Hides the cheapest cell that makes `cell` unpinned; if no single one does, the cheapest at all. */
  function hideOneMore(cell: number): void {
    const component = solver.component(cell, marks);
    const near = relations.filter((r) => cellsOf(r).includes(cell));
    const shownNear = unique(near.flatMap(cellsOf)).filter((c) => marks[c] === 'shown');
    const shownFar = unique(component.relations.flatMap(cellsOf)).filter(
      (c) => marks[c] === 'shown' && !shownNear.includes(c),
    );
    const smallCells = component.unknowns.filter((c) => marks[c] === 'small');
    const candidates = [
      ...shownNear.sort(byCost),
      ...shownFar.sort(byCost),
      // A "< N" cell that becomes "×" no longer tells its bounds: totals first, then the cell itself.
      ...smallCells.filter((c) => isTotal.has(c) && c !== cell),
      ...smallCells.filter((c) => c === cell),
      ...smallCells.filter((c) => !isTotal.has(c) && c !== cell),
    ];
    if (candidates.length === 0) throw new Error(`cell ${cell} is pinned but nothing is left to hide`);
    for (const candidate of candidates) {
      const before = marks[candidate]!;
      marks[candidate] = 'hidden';
      if (!solver.isPinned(cell, marks)) return;
      marks[candidate] = before;
    }
    marks[candidates[0]!] = 'hidden';
  }
}

/** The text a reader sees: the count, "< N", or "×". */
export function displayCount(value: number, mark: Mark, threshold: number): string {
  return mark === 'shown' ? String(value) : mark === 'small' ? `< ${threshold}` : '×';
}

function cellsOf(relation: Relation): number[] {
  return relation.type === 'sum' ? [relation.total, ...relation.parts] : [relation.whole, relation.part];
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** The range a reader can deduce for one suppressed cell, by linear programming over what is shown. */
class RangeSolver {
  constructor(
    private readonly problem: CountProblem,
    private readonly threshold: number,
  ) {}

  /** The unknown cells connected to `cell` through relations, and those relations. */
  component(cell: number, marks: readonly Mark[]): { unknowns: number[]; relations: Relation[] } {
    const unknown = (c: number) => marks[c] !== 'shown';
    const unknowns = new Set([cell]);
    const relations = new Set<Relation>();
    for (let grown = true; grown;) {
      grown = false;
      for (const relation of this.problem.relations) {
        if (relations.has(relation)) continue;
        const cells = cellsOf(relation);
        if (!cells.some((c) => unknowns.has(c))) continue;
        relations.add(relation);
        grown = true;
        for (const c of cells) if (unknown(c)) unknowns.add(c);
      }
    }
    return { unknowns: [...unknowns], relations: [...relations] };
  }

  /** True when a reader can compute the cell's exact value. */
  isPinned(cell: number, marks: readonly Mark[]): boolean {
    if (marks[cell] === 'shown') return true;
    const { unknowns, relations } = this.component(cell, marks);
    const column = new Map(unknowns.map((c, i) => [c, i]));
    const subsets = relations.filter((r) => r.type === 'subset');
    const n = unknowns.length + subsets.length;
    const rows: number[][] = [];
    const rhs: number[] = [];
    for (const relation of relations) {
      const row = new Array<number>(n).fill(0);
      let constant = 0;
      const add = (c: number, coefficient: number) => {
        const index = column.get(c);
        if (index === undefined) constant += coefficient * this.problem.values[c]!;
        else row[index]! += coefficient;
      };
      if (relation.type === 'sum') {
        add(relation.total, 1);
        for (const part of relation.parts) add(part, -1);
      } else {
        add(relation.whole, 1);
        add(relation.part, -1);
        row[unknowns.length + subsets.indexOf(relation)] = -1;
      }
      rows.push(row);
      rhs.push(-constant);
    }
    const lower = new Array<number>(n).fill(0);
    const upper = new Array<number>(n).fill(Infinity);
    unknowns.forEach((c, i) => {
      if (marks[c] === 'small') [lower[i], upper[i]] = [1, this.threshold - 1];
    });
    const objective = new Array<number>(n).fill(0);
    objective[column.get(cell)!] = 1;
    const least = minimise(objective, rows, rhs, lower, upper);
    const greatest = minimise(
      objective.map((v) => -v),
      rows,
      rhs,
      lower,
      upper,
    );
    if (least === undefined || greatest === undefined) throw new Error('the shown counts contradict their relations');
    const epsilon = 1e-7;
    return Math.ceil(least - epsilon) >= Math.floor(-greatest + epsilon);
  }
}

/**
 * Minimises c·x subject to A x = b and lower ≤ x ≤ upper (upper may be Infinity), with a dense
 * two-phase simplex and Bland's rule (these problems are tiny and often degenerate). Returns the
 * minimum, -Infinity when unbounded, or undefined when infeasible.
 */
export function minimise(
  c: readonly number[],
  a: readonly (readonly number[])[],
  b: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): number | undefined {
  const eps = 1e-9;
  const n = c.length;
  const bounded = upper.flatMap((u, j) => (Number.isFinite(u) ? [j] : []));
  // Shift x = lower + y (y ≥ 0); finite upper bounds become rows y_j + w_j = upper − lower.
  const rows: number[][] = [];
  const rhs: number[] = [];
  const width = n + bounded.length;
  a.forEach((row, i) => {
    rows.push([...row, ...new Array<number>(bounded.length).fill(0)]);
    rhs.push(b[i]! - row.reduce((sum, v, j) => sum + v * lower[j]!, 0));
  });
  bounded.forEach((j, k) => {
    const row = new Array<number>(width).fill(0);
    row[j] = 1;
    row[n + k] = 1;
    rows.push(row);
    rhs.push(upper[j]! - lower[j]!);
  });
  const m = rows.length;
  // Tableau: [structural | artificial | rhs], every row with rhs ≥ 0 and its artificial basic.
  const total = width + m;
  const t = rows.map((row, i) => {
    const sign = rhs[i]! < 0 ? -1 : 1;
    const artificial = new Array<number>(m).fill(0);
    artificial[i] = 1;
    return [...row.map((v) => v * sign), ...artificial, rhs[i]! * sign];
  });
  const basis = rows.map((_, i) => width + i);
  const allowed = (j: number) => j < width;

  const pivot = (r: number, col: number) => {
    const p = t[r]![col]!;
    for (let j = 0; j <= total; j++) t[r]![j]! /= p;
    for (let i = 0; i < m; i++) {
      const factor = t[i]![col]!;
      if (i === r || Math.abs(factor) < eps) continue;
      for (let j = 0; j <= total; j++) t[i]![j]! -= factor * t[r]![j]!;
    }
    basis[r] = col;
  };

  /** Runs the simplex for the given costs; false when unbounded. */
  const run = (cost: (j: number) => number, enter: (j: number) => boolean): boolean => {
    for (let guard = 0; guard < 10000; guard++) {
      let entering = -1;
      for (let j = 0; j < total && entering < 0; j++) {
        if (!enter(j) || basis.includes(j)) continue;
        const reduced = cost(j) - basis.reduce((sum, bj, i) => sum + cost(bj) * t[i]![j]!, 0);
        if (reduced < -eps) entering = j;
      }
      if (entering < 0) return true;
      let leaving = -1;
      let best = Infinity;
      for (let i = 0; i < m; i++) {
        const v = t[i]![entering]!;
        if (v <= eps) continue;
        const ratio = t[i]![total]! / v;
        if (ratio < best - eps || (Math.abs(ratio - best) <= eps && basis[i]! < basis[leaving]!)) {
          best = ratio;
          leaving = i;
        }
      }
      if (leaving < 0) return false;
      pivot(leaving, entering);
    }
    throw new Error('simplex did not converge');
  };

  // Phase 1: minimise the sum of the artificials.
  run(
    (j) => (j >= width ? 1 : 0),
    () => true,
  );
  const infeasibility = basis.reduce((sum, bj, i) => sum + (bj >= width ? t[i]![total]! : 0), 0);
  if (infeasibility > 1e-6) return undefined;
  // Drive artificials out of the basis where possible; rows where that fails are redundant.
  for (let i = 0; i < m; i++) {
    if (basis[i]! < width) continue;
    const col = t[i]!.findIndex((v, j) => j < width && Math.abs(v) > eps && !basis.includes(j));
    if (col >= 0) pivot(i, col);
  }
  // Phase 2: the real objective over structural columns only.
  const cost = (j: number) => (j < n ? c[j]! : 0);
  if (!run(cost, allowed)) return -Infinity;
  const value = basis.reduce((sum, bj, i) => sum + cost(bj) * t[i]![total]!, 0);
  return value + c.reduce((sum, v, j) => sum + v * lower[j]!, 0);
}
