/**
 * "a, b en c": the items joined by `separator`, the last two by `last`. One home for the templates'
 * `joinNames` helper and the wizard's summary, which pass their own words.
 */
export function joinList(items: readonly string[], separator: string, last: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(separator)}${last}${items.at(-1)}`;
}
