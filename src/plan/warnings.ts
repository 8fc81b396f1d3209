import { longDate } from './dates.js';

/** A warning about the documents of a run (see documentWarnings in rules.ts), as data. */
export type DocumentWarning =
  | { kind: 'dateNotAfterReportYear'; date: string; reportYear: number }
  | { kind: 'reportYearBeforePlanPeriod'; reportYear: number; planPeriod: { van: number; tot: number } }
  | { kind: 'fillInsInAdoptedPlan'; count: number };

/** Warnings that only the rendered documents show (the wizard's summary cannot know them yet). */
export function foundWhileRendering(warning: DocumentWarning): boolean {
  return warning.kind === 'fillInsInAdoptedPlan';
}

/** What is odd about the documents, without what to do about it: the wizard adds its own remedy. */
export function warningFinding(warning: DocumentWarning): string {
  switch (warning.kind) {
    case 'dateNotAfterReportYear':
      return `Let op: de datum van de documenten (${longDate(warning.date)}) ligt niet na verslagjaar ${warning.reportYear}.`;
    case 'reportYearBeforePlanPeriod':
      return (
        `Let op: het verslagjaar ${warning.reportYear} ligt vóór de planperiode ${warning.planPeriod.van}–${warning.planPeriod.tot}, ` +
        'dus staan de maatregelen uit het plan in de rapportage als later gepland.'
      );
    case 'fillInsInAdoptedPlan':
      return (
        `Let op: het integriteitsbeleidsplan heeft status "vastgesteld", maar bevat nog ${warning.count} ` +
        `${warning.count === 1 ? 'plek' : 'plekken'} om in te vullen (geel gemarkeerd).`
      );
  }
}

/** What a user of `genereer` does about it: the answers file, or --jaar. */
function generateRemedy(warning: DocumentWarning): string {
  switch (warning.kind) {
    case 'dateNotAfterReportYear':
      return 'Pas "datum" in het antwoordenbestand aan, of laat die weg (dan geldt vandaag).';
    case 'reportYearBeforePlanPeriod':
      return 'Klopt het jaar niet, geef dan het juiste op met "verslagjaar" in het antwoordenbestand of met --jaar.';
    case 'fillInsInAdoptedPlan':
      return 'Vul ze in het document in, of zet "status: concept" in het antwoordenbestand zolang het plan niet af is.';
  }
}

/** The warning as `genereer` shows it, on a line of its own. */
export function warningText(warning: DocumentWarning): string {
  return `${warningFinding(warning)} ${generateRemedy(warning)}`;
}
