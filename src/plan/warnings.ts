import { longDate } from './dates.js';

/** A warning about the documents of a run (see documentWarnings in rules.ts), as data. */
export type DocumentWarning =
  | { kind: 'dateNotAfterReportYear'; date: string; reportYear: number }
  | { kind: 'reportYearBeforePlanPeriod'; reportYear: number; planPeriod: { van: number; tot: number } }
  | { kind: 'figuresForOtherYear'; figuresYear: number; reportYear: number }
  | { kind: 'fillInsInAdoptedPlan'; count: number }
  | { kind: 'maxPerQuarterRaised'; asked: number; used: number; measures: number }
  | { kind: 'measureBeforePredecessor'; measure: string; quarter: string; after: string; afterQuarter: string }
  | {
      kind: 'legalDutyAfterFirstYear';
      measure: string;
      quarter: string;
      firstYear: number;
      provisions: string[];
      /** The officer moved it, or it follows a measure that stands later. */
      reason: 'moved' | 'predecessor';
    }
  | {
      kind: 'measureStatusesMerged';
      measure: string;
      given: { id: string; status: string }[];
      chosen: string;
    };

/**
 * Warnings that generateDocuments finds beyond documentWarnings (the rendered documents, the action
 * plan): the wizard's summary does not show them, so the wizard prints them after making the documents.
 */
export function foundWhileRendering(warning: DocumentWarning): boolean {
  return (
    warning.kind !== 'dateNotAfterReportYear' &&
    warning.kind !== 'reportYearBeforePlanPeriod' &&
    warning.kind !== 'figuresForOtherYear'
  );
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
    case 'maxPerQuarterRaised':
      return (
        `Let op: met hoogstens ${warning.asked} nieuwe per kwartaal beginnen niet alle ${warning.measures} maatregelen op ` +
        `tijd (binnen de planperiode, en wat de wet voorschrijft en elk zwak thema in het eerste jaar); het actieplan ` +
        `start er daarom tot ${warning.used} per kwartaal.`
      );
    case 'measureBeforePredecessor':
      return (
        `Let op: maatregel ${warning.measure} staat in ${warning.quarter}, vóór ${warning.after} (${warning.afterQuarter}), ` +
        'waar hij na hoort.'
      );
    case 'legalDutyAfterFirstYear':
      return (
        `Let op: maatregel ${warning.measure} voert een wettelijke plicht uit (${warning.provisions.join('; ')}), maar staat ` +
        `in ${warning.quarter}, na het eerste jaar van het plan (${warning.firstYear})` +
        (warning.reason === 'predecessor' ? ', omdat hij voortbouwt op een maatregel die later staat.' : '.')
      );
    case 'measureStatusesMerged':
      return (
        `Let op: ${warning.given.map((g) => `${g.id} (${g.status})`).join(', ')} zijn nu één maatregel, ${warning.measure}, ` +
        `met verschillende standen in maatregel_status. De rapportage neemt "${warning.chosen}".`
      );
    case 'figuresForOtherYear':
      return (
        `Let op: de cijfers in het antwoordenbestand (rapportage.cijfers) gelden voor ${warning.figuresYear}, niet voor ` +
        `verslagjaar ${warning.reportYear}; de rapportage laat ze weg en geeft vakken om in te vullen.`
      );
  }
}

/**
 * What to do about a warning of the action plan, or about the report's own figures of another year:
 * only the answers file can (the wizard does not ask these), so `genereer` and the wizard say the same.
 */
export function actionPlanRemedy(
  warning: Extract<
    DocumentWarning,
    {
      kind:
        | 'maxPerQuarterRaised'
        | 'measureBeforePredecessor'
        | 'legalDutyAfterFirstYear'
        | 'measureStatusesMerged'
        | 'figuresForOtherYear';
    }
  >,
): string {
  switch (warning.kind) {
    case 'figuresForOtherYear':
      return `Vul de cijfers van ${warning.reportYear} in en zet "jaar: ${warning.reportYear}" erbij.`;
    case 'maxPerQuarterRaised':
      return (
        "Kies minder zwakke thema's, laat maatregelen weg (actieplan.maatregelen, weglaten: true), verleng de " +
        'planperiode of zet actieplan.max_per_kwartaal hoger.'
      );
    case 'measureBeforePredecessor':
      return `Kies in actieplan.maatregelen een later kwartaal voor ${warning.measure} of een eerder voor ${warning.after}.`;
    case 'legalDutyAfterFirstYear':
      return (
        (warning.reason === 'moved'
          ? `Kies in actieplan.maatregelen een kwartaal in ${warning.firstYear} voor ${warning.measure}`
          : `Kies in actieplan.maatregelen een kwartaal in ${warning.firstYear} voor de maatregel waarop ${warning.measure} voortbouwt`) +
        ', of laat het zo als de organisatie die plicht al nakomt.'
      );
    case 'measureStatusesMerged':
      return `Geef de stand met "${warning.measure}: …" om zelf te kiezen.`;
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
    default:
      return actionPlanRemedy(warning);
  }
}

/** The warning as `genereer` shows it, on a line of its own. */
export function warningText(warning: DocumentWarning): string {
  return `${warningFinding(warning)} ${generateRemedy(warning)}`;
}
