/**
 * Escapes text so that Markdown shows it literally: a name like "B&W *Noord* | <b>" can never
 * start a list, a table cell, emphasis, HTML or a heading. Newlines become spaces, because user
 * text is always inline.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_{}[\]()<>#|~!&:"]/g, '\\$&')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A link destination in angle brackets, which allows spaces and parentheses without breaking. */
export function markdownLinkDestination(url: string): string {
  return `<${url.replace(/[<>\\]/g, (c) => encodeURIComponent(c)).replace(/\s/g, '%20')}>`;
}
