import { closest, distance } from 'fastest-levenshtein';

/** The known value a mistyped one most likely meant, if it is close enough to be a typo. */
export function closestMatch(value: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(value, [...known]);
  return distance(value, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
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
