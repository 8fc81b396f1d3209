import type { KnowledgeBase } from '../knowledge/model.js';
import type { Classification } from '../knowledge/schema.js';
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

/** The counts of one year. */
export interface RegisterCounts {
  /** Meldingen of integrity violations per category of the organisation's typology, every category present (zeros included). */
  perCategorie: Record<string, OutcomeCounts>;
  /** Per category, the part of `perCategorie` about politieke ambtsdragers. */
  politiekPerCategorie: Record<string, OutcomeCounts>;
  /** Meldingen of a vermoeden van een misstand (Wbk): counted apart, in no other count. */
  misstanden: OutcomeCounts;
  /** Per measure other than "geen", after meldingen of integrity violations. */
  maatregelen: Record<string, number>;
}

export function zeroOutcomes(): OutcomeCounts {
  return { ontvangen: 0, onderzocht: 0, gegrond: 0, ongegrond: 0, open: 0, maatregel: 0 };
}

/** The counts of several groups added up, e.g. every category's for a total. */
export function addOutcomes(groups: readonly OutcomeCounts[]): OutcomeCounts {
  const total = zeroOutcomes();
  for (const group of groups) for (const key of outcomeKeys) total[key] += group[key];
  return total;
}

export function emptyCounts(kb: KnowledgeBase, typology: Classification): RegisterCounts {
  return {
    perCategorie: Object.fromEntries(typology.categorieen.map((c) => [c.id, zeroOutcomes()])),
    politiekPerCategorie: Object.fromEntries(typology.categorieen.map((c) => [c.id, zeroOutcomes()])),
    misstanden: zeroOutcomes(),
    maatregelen: Object.fromEntries(kb.typology.maatregelen.filter((m) => m.id !== 'geen').map((m) => [m.id, 0])),
  };
}

/** Adds one checked melding to the counts. */
export function countMelding(counts: RegisterCounts, melding: Melding): void {
  const measure = melding.maatregel !== undefined && melding.maatregel !== 'geen' ? melding.maatregel : undefined;
  const groups: OutcomeCounts[] = [];
  if (melding.soort === 'misstand') groups.push(counts.misstanden);
  else {
    // The row schema guarantees a category for every melding that is not a misstand.
    groups.push(counts.perCategorie[melding.categorie!]!);
    if (melding.betreft === 'politiek-ambtsdrager') groups.push(counts.politiekPerCategorie[melding.categorie!]!);
    if (measure) counts.maatregelen[measure]!++;
  }
  for (const group of groups) {
    group.ontvangen++;
    if (melding.oordeel === 'gegrond') group.gegrond++;
    if (melding.oordeel === 'ongegrond') group.ongegrond++;
    if (melding.oordeel !== 'onbekend') group.onderzocht++;
    if (melding.status === 'open') group.open++;
    if (measure) group.maatregel++;
  }
}
