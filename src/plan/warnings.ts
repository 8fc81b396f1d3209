import { longDate } from './dates.js';

/** A warning about the documents of a run (see documentWarnings in rules.ts), as data. */
export type DocumentWarning =
  | { kind: 'dateNotAfterReportYear'; date: string; reportYear: number }
  | { kind: 'reportYearBeforePlanPeriod'; reportYear: number; planPeriod: { van: number; tot: number } };

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
  }
}

/** What a user of `genereer` does about it: the answers file, or --jaar. */
function generateRemedy(warning: DocumentWarning): string {
  switch (warning.kind) {
    case 'dateNotAfterReportYear':
      return 'Pas "datum" in het antwoordenbestand aan, of laat die weg (dan geldt vandaag).';
    case 'reportYearBeforePlanPeriod':
      return 'Klopt het jaar niet, geef dan het juiste op met "verslagjaar" in het antwoordenbestand of met --jaar.';
  }
}

/** The warning as `genereer` shows it, on a line of its own. */
export function warningText(warning: DocumentWarning): string {
  return `${warningFinding(warning)} ${generateRemedy(warning)}`;
}
