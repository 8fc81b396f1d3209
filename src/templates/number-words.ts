/**
 * Dutch style writes small numbers in running text as words ("op vijf thema's"); tables and
 * larger numbers keep digits. "één" has its accents so it cannot be read as the article "een".
 */
const words = [
  'nul',
  'één',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
  'twaalf',
  'dertien',
  'veertien',
  'vijftien',
  'zestien',
  'zeventien',
  'achttien',
  'negentien',
  'twintig',
];

/** 0–20 as a word, anything else in digits. */
export function numberInWords(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < words.length ? words[n]! : String(n);
}
