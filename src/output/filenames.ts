/**
 * A file name part derived from the organisation's name: ASCII letters, digits and hyphens only,
 * so it can never contain a path separator or "..", and never leaves the output folder.
 */
export function fileNamePart(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'organisatie';
}
