import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { builtInTemplatesDir } from '../paths.js';

/*
 * Dates as the documents write them, with the month names of templates/maanden.yaml: the platform's Dutch locale data
 * (Intl) spells them the same, but loading it cost every `genereer` ~30 ms.
 */

const monthsFile = join(builtInTemplatesDir, 'maanden.yaml');
const monthsSchema = z.strictObject({ maanden: z.array(z.string().min(1)).length(12) });

let months: readonly string[] | undefined;
/** 1–12 → "januari"–"december", read on first use. */
function monthName(month: number): string {
  months ??= monthsSchema.parse(parseYaml(readFileSync(monthsFile, 'utf8'))).maanden;
  return months[month - 1]!;
}

/** Year, month and day of a JJJJ-MM-DD date; every caller passes a date the answers' schema checked. */
function parts(iso: string): [year: number, month: number, day: number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new Error(`not an ISO date: ${iso}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** An ISO date as it stands in Dutch running text: "15 januari 2027". */
export function longDate(iso: string): string {
  const [year, month, day] = parts(iso);
  return `${day} ${monthName(month)} ${year}`;
}

/** Only month and year, for a date that is not certain: "maart 2030". */
export function monthAndYear(iso: string): string {
  const [year, month] = parts(iso);
  return `${monthName(month)} ${year}`;
}
