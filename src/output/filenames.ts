/**
 * A file name part derived from free text such as the organisation's name: ASCII letters,
 * digits and hyphens only, so it can never contain a path separator or "..", and never leads
 * outside the output folder. `maxLength` keeps long names from making unwieldy file names.
 */
export function fileNamePart(text: string, maxLength = Infinity): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug || 'organisatie';
}

/** The organisation's part of every file name: short enough to leave room for the document's own part. */
export function organisationFileName(name: string): string {
  return fileNamePart(name, 40);
}
