/*
 * The one date parser for what people type or export: the answers file's `datum`, the wizard's date
 * question and the meldingen register's `datum` column. Each caller says which forms it accepts.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export type ParsedDate = { ok: true; date: CalendarDate } | { ok: false; reason: 'form' | 'nonexistent' };

export interface DateForms {
  /** "15 januari 2027", "15 jan 2027", "15 jan. 2027": Dutch month names, as ICU spells them. */
  monthNames: boolean;
}

/** Dutch month names, long and short, from the platform's locale data; index 0 is januari. */
function monthNames(style: 'long' | 'short'): string[] {
  const format = new Intl.DateTimeFormat('nl-NL', { month: style, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) =>
    format
      .format(new Date(Date.UTC(2000, month, 1)))
      .replace(/\.$/, '')
      .toLowerCase(),
  );
}
let monthByName: Map<string, number> | undefined;
/** A month name, long or short, in any case → 1–12; the names are made on first use: the locale data costs ~30 ms. */
function monthOfName(name: string): number | undefined {
  monthByName ??= new Map(
    (['long', 'short'] as const).flatMap((style) =>
      monthNames(style).map((month, index) => [month, index + 1] as const),
    ),
  );
  return monthByName.get(name.toLowerCase());
}

const isoForm = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Day-month-year with a dash, one or two digits each (as Dutch Excel writes them). */
const dutchForm = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
const namedForm = /^(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4})$/u;

/**
 * `2027-01-15`, `15-01-2027` and `15-1-2027`; with `monthNames` also `15 januari 2027` and
 * `15 jan 2027` (any case). Says whether the text has none of these forms or names a day that does
 * not exist (30 februari).
 */
export function parseDate(text: string, forms: DateForms): ParsedDate {
  const trimmed = text.trim();
  const iso = isoForm.exec(trimmed);
  const dutch = dutchForm.exec(trimmed);
  const named = forms.monthNames ? namedForm.exec(trimmed) : null;
  const month = named ? monthOfName(named[2]!) : undefined;
  const parts = iso
    ? [iso[1], iso[2], iso[3]]
    : dutch
      ? [dutch[3], dutch[2], dutch[1]]
      : named && month !== undefined
        ? [named[3], String(month), named[1]]
        : undefined;
  if (parts === undefined) return { ok: false, reason: 'form' };
  const [year, monthNumber, day] = parts.map(Number) as [number, number, number];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: that reads the years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(year, monthNumber - 1, day);
  const exists = date.getUTCFullYear() === year && date.getUTCMonth() === monthNumber - 1 && date.getUTCDate() === day;
  return exists ? { ok: true, date: { year, month: monthNumber, day } } : { ok: false, reason: 'nonexistent' };
}

/** The one form the answers keep: JJJJ-MM-DD. */
export function isoDate({ year, month, day }: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}
