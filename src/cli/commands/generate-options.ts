/** The options of `genereer`, as commander gives them (also what a batch hands each of its workers). */
export interface GenerateOptions {
  /** Required; checked by the command so that commander reports a mistyped option first. */
  antwoorden?: string;
  uitvoer: string;
  formaten: string;
  document: string;
  sjablonen?: string;
  forceer?: boolean;
  kennisbank?: string;
  /** Verslagjaar of the rapportage; overrides `verslagjaar` in the answers. */
  jaar?: string;
  /** CSV export of the meldingen register. */
  meldingen?: string;
  slaFoutenOver?: boolean;
  privacyDrempel?: string;
  /** The PDFs also as PDF/A-2a; overrides `pdfa` in the answers. */
  pdfa?: boolean;
  /** Worker processes for a folder of answers files; default one per core. */
  parallel?: string;
}

/** The names of answers files: in a folder given to --antwoorden, and what a folder's own name must not look like. */
export const ANSWERS_FILE = /\.(ya?ml|json)$/i;
