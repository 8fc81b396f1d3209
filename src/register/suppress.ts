import { solve, type Constraint, type OptimizationDirection } from 'yalps';

/*
 * Small-number suppression for published tables of counts (AVG).
 *
 * A table is a flat list of cells (counts) plus the relations a reader knows between them: a
 * total is the sum of its parts (row and column totals, "onderzocht = gegrond + ongegrond"), and
 * a count is part of another ("open" is part of "ontvangen"). Cells may belong to several tables
 * that share totals: pass them as one problem.
 *
 * This module only decides, per cell, a Mark; how a mark reads (the report prints "< N" and "×")
 * is the template's.
 *
 * 1. Primary suppression: every count from 1 up to below the threshold N is 'small'; a reader
 *    then knows only that it lies between 1 and N − 1.
 * 2. Secondary suppression: in every sum relation, zero or at least two cells are suppressed, so
 *    no single suppressed cell follows from the others by subtraction. A second cell is 'hidden':
 *    the smallest non-zero shown cell, else a zero, else the total.
 * 3. Audit: the rule in 2 is not enough on its own. Bounds leak too (two small cells in a row
 *    with total 2 can only be 1 and 1), and so do chains of relations and subsets ("open" is at
 *    most "ontvangen"), and whole numbers (see readerRange). For every small count the audit
 *    computes, with an integer linear programme over everything a reader knows, the least and the
 *    greatest value it can have; if those are the same, one more cell is hidden (or a small cell
 *    becomes hidden) and the audit goes on. Hiding only ever widens these ranges, so the loop ends.
 *
 * What a reader is assumed to know: every shown number, the relations, that a small cell lies in
 * 1..N−1 and that a count is a whole number, never negative. A hidden cell says nothing else.
 *
 * Some counts are in no table but still bind what a reader can deduce: the meldingen about
 * politieke ambtsdragers come from the categories, so per category there is an unprinted part about
 * them and one about the others, each with the relations of a row. Such cells are 'unpublished':
 * unknown to the reader like a hidden cell, and never printed, so not protected themselves.
 */

export type Mark = 'shown' | 'small' | 'hidden' | 'unpublished';

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
  /** Cells no table prints (see above). */
  unpublished?: readonly number[];
}

/** Pure: which cells to show, to mark as small (below the threshold), and to hide. 0 or 1 suppresses nothing. */
export function suppress(problem: CountProblem, threshold: number): Mark[] {
  const { values, relations } = problem;
  values.forEach((value) => {
    if (!Number.isInteger(value) || value < 0) throw new Error(`a count must be a whole number ≥ 0, got ${value}`);
  });
  const isSmall = (value: number) => value >= 1 && value < threshold;
  const unpublished = new Set(problem.unpublished);
  const marks: Mark[] = values.map((value, cell) =>
    unpublished.has(cell) ? 'unpublished' : isSmall(value) ? 'small' : 'shown',
  );
  if (!marks.includes('small')) return marks;

  /**
   * Small cells a reader is known to be unable to pin: a solution of what the reader knew gave them
   * another value. Hiding more only lets the reader know less, so that stays true; only solutions of
   * the marks as they stand count, not those of a trial in hideOneMore that may be undone.
   */
  const unpinned = new Set<number>();
  /** True when a reader can compute the cell's exact value: no other whole value fits what the reader knows. */
  const isPinned = (cell: number, trial = false) => {
    if (marks[cell] === 'shown') return true;
    if (unpinned.has(cell)) return false;
    const solution = otherSolution(problem, marks, threshold, cell);
    if (solution === undefined) return true;
    if (!trial) {
      for (const [c, value] of solution) if (marks[c] === 'small' && value !== values[c]) unpinned.add(c);
    }
    return false;
  };
  const isTotal = new Set(relations.flatMap((r) => (r.type === 'sum' ? [r.total] : [])));
  /** How much a total sums up: the parts of the largest sum it is the total of (0 for a cell that is no total). */
  const breadth = new Map<number, number>();
  for (const r of relations)
    if (r.type === 'sum') breadth.set(r.total, Math.max(breadth.get(r.total) ?? 0, r.parts.length));
  /**
   * Cheapest first: parts before totals and small totals before grand ones (a reader looks at the
   * totals first), non-zero cells before zeros (a hidden zero asks for a second hidden cell in each
   * of its sums), small before large.
   */
  const byCost = (a: number, b: number) =>
    (breadth.get(a) ?? 0) - (breadth.get(b) ?? 0) ||
    Number(values[a] === 0) - Number(values[b] === 0) ||
    values[a]! - values[b]! ||
    a - b;

  const enforcePairs = () => {
    for (let changed = true; changed;) {
      changed = false;
      for (const relation of relations) {
        if (relation.type !== 'sum') continue;
        const cells = [relation.total, ...relation.parts];
        const suppressed = cells.filter((cell) => marks[cell] !== 'shown');
        // A lone unpublished cell may well follow from the others: it is in no table.
        if (suppressed.length !== 1 || marks[suppressed[0]!] === 'unpublished') continue;
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
    if (marks[cell] === 'unpublished' || !isSmall(values[cell]!)) continue;
    while (isPinned(cell)) {
      hideOneMore(cell);
      enforcePairs();
    }
  }
  return marks;

  /** Hides the cheapest cell that makes `cell` unpinned; if no single one does, the cheapest at all. */
  function hideOneMore(cell: number): void {
    const connected = component(problem, cell, marks);
    const near = relations.filter((r) => cellsOf(r).includes(cell));
    const shownNear = unique(near.flatMap(cellsOf)).filter((c) => marks[c] === 'shown');
    const shownFar = unique(connected.relations.flatMap(cellsOf)).filter(
      (c) => marks[c] === 'shown' && !shownNear.includes(c),
    );
    const smallCells = connected.unknowns.filter((c) => marks[c] === 'small');
    const candidates = [
      // A small cell that becomes hidden only stops telling its bounds (1..N−1), and starts no new
      // pair to protect: the cheapest, totals first, then the cell itself. Hiding a shown number
      // costs an exact count, and can make a sum need one more.
      ...smallCells.filter((c) => isTotal.has(c) && c !== cell),
      ...smallCells.filter((c) => c === cell),
      ...smallCells.filter((c) => !isTotal.has(c) && c !== cell),
      ...shownNear.sort(byCost),
      ...shownFar.sort(byCost),
    ];
    if (candidates.length === 0) throw new Error(`cell ${cell} is pinned but nothing is left to hide`);
    for (const candidate of candidates) {
      const before = marks[candidate]!;
      marks[candidate] = 'hidden';
      if (!isPinned(cell, true)) return;
      marks[candidate] = before;
    }
    marks[candidates[0]!] = 'hidden';
  }
}

function cellsOf(relation: Relation): number[] {
  return relation.type === 'sum' ? [relation.total, ...relation.parts] : [relation.whole, relation.part];
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** The suppressed cells connected to `cell` through relations, and those relations. */
function component(
  problem: CountProblem,
  cell: number,
  marks: readonly Mark[],
): { unknowns: number[]; relations: Relation[] } {
  const unknowns = new Set([cell]);
  const relations = new Set<Relation>();
  for (let grown = true; grown;) {
    grown = false;
    for (const relation of problem.relations) {
      if (relations.has(relation)) continue;
      const cells = cellsOf(relation);
      if (!cells.some((c) => unknowns.has(c))) continue;
      relations.add(relation);
      grown = true;
      for (const c of cells) if (marks[c] !== 'shown') unknowns.add(c);
    }
  }
  return { unknowns: [...unknowns], relations: [...relations] };
}

/** The least and the greatest value of a cell; `greatest` is Infinity when nothing bounds it. */
export interface Range {
  least: number;
  greatest: number;
}

/**
 * The values a reader can deduce for one cell, reasoning in whole numbers: an integer linear
 * programme (yalps, branch and bound) over every shown count, every relation, 1 ≤ small ≤ N − 1 and
 * 0 ≤ hidden. Whole numbers matter: "x + y = 5, y + z = 5, a + x + z = 11" with a in 1..2 allows a
 * from 1 to 2 for fractions (y = ½), but only a = 1 for counts.
 */
export function readerRange(problem: CountProblem, marks: readonly Mark[], threshold: number, cell: number): Range {
  const value = problem.values[cell]!;
  if (marks[cell] === 'shown') return { least: value, greatest: value };
  const bound = readerBounds(problem, marks, threshold, cell);
  return { least: bound('minimize'), greatest: bound('maximize') };
}

/** The integer programme of readerRange, for one suppressed cell: a bound per direction. */
function readerBounds(
  problem: CountProblem,
  marks: readonly Mark[],
  threshold: number,
  cell: number,
): (direction: OptimizationDirection) => number {
  const { constraints, variables } = readerModel(problem, marks, threshold, cell);
  variables.get(cell)!.set('doel', 1);
  return (direction) => {
    const solution = solve({ direction, objective: 'doel', constraints, variables, integers: true });
    if (solution.status === 'optimal') return Math.round(solution.result) + 0; // + 0: no −0
    if (solution.status === 'unbounded' && direction === 'maximize') return Infinity;
    // The real counts satisfy every relation, so anything else is a bug, not data.
    throw new Error(`the audit of cell ${cell} failed: ${solution.status}`);
  };
}

/**
 * A solution of what a reader knows that gives the cell another whole value than its real one, as
 * the values of the unknown cells connected to it; undefined when there is none. The same integer
 * programme as readerBounds, asked only whether a solution below or above the real value exists:
 * without an objective the search stops at the first whole solution.
 */
function otherSolution(
  problem: CountProblem,
  marks: readonly Mark[],
  threshold: number,
  cell: number,
): Map<number, number> | undefined {
  const { constraints, variables } = readerModel(problem, marks, threshold, cell);
  const value = problem.values[cell]!;
  variables.get(cell)!.set('ander', 1);
  // A small cell stays within 1..N−1: a side beyond that bound needs no programme to be ruled out.
  const [least, greatest] = marks[cell] === 'small' ? [1, threshold - 1] : [0, Infinity];
  const sides: Constraint[] = [
    ...(value + 1 <= greatest ? [{ min: value + 1 }] : []),
    ...(value - 1 >= least ? [{ max: value - 1 }] : []),
  ];
  for (const side of sides) {
    constraints.set('ander', side);
    const solution = solve({ direction: 'minimize', objective: 'geen', constraints, variables, integers: true });
    if (solution.status !== 'optimal') continue;
    // yalps lists the variables that are not 0.
    const found = new Map<number, number>([...variables.keys()].map((c) => [c, 0]));
    for (const [c, v] of solution.variables) found.set(c, Math.round(v));
    return found;
  }
  return undefined;
}

/**
 * What a reader knows about the cells connected to `cell`, as constraints on the unknown ones. Cells
 * the reader knows to be 0 — the parts of a sum whose total is 0, the part of a whole that is 0 —
 * are taken as known first: in a sparse table most of them are, and the programme stays small.
 */
function readerModel(
  problem: CountProblem,
  marks: readonly Mark[],
  threshold: number,
  cell: number,
): { variables: Map<number, Map<string, number>>; constraints: Map<string, Constraint> } {
  const component_ = component(problem, cell, marks);
  const known = new Map<number, number>();
  const valueOf = (c: number) => (marks[c] === 'shown' ? problem.values[c]! : known.get(c));
  for (let changed = true; changed;) {
    changed = false;
    for (const relation of component_.relations) {
      const [whole, parts] =
        relation.type === 'sum' ? [relation.total, relation.parts] : [relation.whole, [relation.part]];
      if (valueOf(whole) !== 0) continue;
      for (const part of parts) {
        if (valueOf(part) === undefined) {
          known.set(part, 0);
          changed = true;
        }
      }
    }
  }
  const unknowns = component_.unknowns.filter((c) => !known.has(c));
  // Variables are the unknown cells (yalps keeps every variable ≥ 0); constraints are the relations.
  const variables = new Map(unknowns.map((c) => [c, new Map<string, number>()]));
  const constraints = new Map<string, Constraint>();
  component_.relations.forEach((relation, index) => {
    const key = `relatie-${index}`;
    let constant = 0;
    let open = false;
    const add = (c: number, coefficient: number) => {
      const coefficients = variables.get(c);
      if (coefficients) {
        coefficients.set(key, (coefficients.get(key) ?? 0) + coefficient);
        open = true;
      } else constant += coefficient * valueOf(c)!;
    };
    if (relation.type === 'sum') {
      add(relation.total, 1);
      for (const part of relation.parts) add(part, -1);
      if (open) constraints.set(key, { equal: -constant });
    } else {
      add(relation.whole, 1);
      add(relation.part, -1);
      if (open) constraints.set(key, { min: -constant });
    }
  });
  for (const c of unknowns) {
    if (marks[c] !== 'small') continue;
    variables.get(c)!.set(`klein-${c}`, 1);
    constraints.set(`klein-${c}`, { min: 1, max: threshold - 1 });
  }
  return { variables, constraints };
}
