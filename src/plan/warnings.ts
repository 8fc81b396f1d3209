import { longDate } from './dates.js';

/** A warning about the documents of a run (see documentWarnings in rules.ts), as data. */
export type DocumentWarning =
  | { kind: 'dateNotAfterReportYear'; date: string; reportYear: number }
  | { kind: 'reportYearBeforePlanPeriod'; reportYear: number; planPeriod: { van: number; tot: number } }
  | { kind: 'figuresForOtherYear'; figuresYear: number; reportYear: number };

/** The warning as `genereer` and the wizard show it, on a line of its own. */
export function warningText(warning: DocumentWarning): string {
  switch (warning.kind) {
    case 'dateNotAfterReportYear':
      return (
        `Let op: de datum van de documenten (${longDate(warning.date)}) ligt niet na verslagjaar ${warning.reportYear}. ` +
        'Pas "datum" in het antwoordenbestand aan, of laat die weg (dan geldt vandaag).'
      );
    case 'reportYearBeforePlanPeriod':
      return (
        `Let op: het verslagjaar ${warning.reportYear} ligt vóór de planperiode ${warning.planPeriod.van}–${warning.planPeriod.tot}, ` +
        'dus staan de maatregelen uit het plan in de rapportage als later gepland. Klopt het jaar niet, geef dan het ' +
        'juiste op met "verslagjaar" in het antwoordenbestand of met --jaar.'
      );
    case 'figuresForOtherYear':
      return (
        `Let op: de cijfers in het antwoordenbestand (rapportage.cijfers) gelden voor ${warning.figuresYear}, niet voor ` +
        `verslagjaar ${warning.reportYear}; de rapportage laat ze weg en geeft vakken om in te vullen. Vul de cijfers ` +
        `van ${warning.reportYear} in en zet "jaar: ${warning.reportYear}" erbij.`
      );
  }
}
