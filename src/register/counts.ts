import type { KnowledgeBase } from '../knowledge/model.js';
import type { SanctionId, ViolationCategoryId } from '../knowledge/schema.js';
import type { Melding } from './rows.js';

/*
 * What leaves the register: counts, and nothing of a row's text. The report's tables (tables.ts) and
 * the report model are built on these types only.
 */

/** The counts for one group of meldingen; each is a subset of `ontvangen`. */
export interface OutcomeCounts {
  ontvangen: number;
  /** Investigated to a verdict: gegrond + ongegrond. */
  onderzocht: number;
  gegrond: number;
  ongegrond: number;
  /** Status open. */
  open: number;
  /** A measure other than "geen". */
  maatregel: number;
}
export const outcomeKeys = ['ontvangen', 'onderzocht', 'gegrond', 'ongegrond', 'open', 'maatregel'] as const;

export interface RegisterCounts {
  /** Per category of the typology, every category present (zeros included). */
  perCategorie: Record<ViolationCategoryId, OutcomeCounts>;
  /** Only the meldingen about politieke ambtsdragers. */
  politiek: OutcomeCounts;
  /** Per measure other than "geen". */
  maatregelen: Record<Exclude<SanctionId, 'geen'>, number>;
}

export function emptyCounts(kb: KnowledgeBase): RegisterCounts {
  const zero = (): OutcomeCounts => ({ ontvangen: 0, onderzocht: 0, gegrond: 0, ongegrond: 0, open: 0, maatregel: 0 });
  return {
    perCategorie: Object.fromEntries(
      kb.typology.categorieen.map((c) => [c.id, zero()]),
    ) as RegisterCounts['perCategorie'],
    politiek: zero(),
    maatregelen: Object.fromEntries(
      kb.typology.maatregelen.filter((m) => m.id !== 'geen').map((m) => [m.id, 0]),
    ) as RegisterCounts['maatregelen'],
  };
}

/** Adds one checked melding to the counts. */
export function countMelding(counts: RegisterCounts, melding: Melding): void {
  const groups = [counts.perCategorie[melding.categorie]];
  if (melding.betreft === 'politiek-ambtsdrager') groups.push(counts.politiek);
  const measure = melding.maatregel !== undefined && melding.maatregel !== 'geen' ? melding.maatregel : undefined;
  for (const group of groups) {
    group.ontvangen++;
    if (melding.oordeel === 'gegrond') group.gegrond++;
    if (melding.oordeel === 'ongegrond') group.ongegrond++;
    if (melding.oordeel !== 'onbekend') group.onderzocht++;
    if (melding.status === 'open') group.open++;
    if (measure) group.maatregel++;
  }
  if (measure) counts.maatregelen[measure]++;
}
