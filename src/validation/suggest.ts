import { closest, distance } from 'fastest-levenshtein';

/** Case, accents, spaces and underscores are no real difference in an id someone typed: `H2_Gedragsregels` is `h2-gedragsregels`. */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[\s_]+/g, '-');
}

/** The known value a mistyped one most likely meant, if it is close enough to be a typo. */
export function closestMatch(value: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const typed = normalise(value);
  const byNormal = new Map(known.map((k) => [normalise(k), k]));
  const same = byNormal.get(typed);
  if (same !== undefined) return same;
  const best = closest(typed, [...byNormal.keys()]);
  return distance(typed, best) <= Math.max(2, Math.floor(best.length / 3)) ? byNormal.get(best) : undefined;
}

/** `onbekend thema "x"; bedoelde u "y"?` — lists the valid values when there are few of them. */
export function describeUnknown(what: string, value: string, known: readonly string[]): string {
  const suggestion = closestMatch(value, known);
  const hint = suggestion
    ? `; bedoelde u "${suggestion}"?`
    : known.length <= 12
      ? `; geldig: ${[...known].sort().join(', ')}`
      : '';
  return `${what} "${value}"${hint}`;
}
