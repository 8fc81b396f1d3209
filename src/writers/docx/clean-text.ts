/** Characters XML 1.0 does not allow (Word reports such a file as corrupt), and lone surrogates. */
const NOT_IN_XML = new RegExp(
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]' +
    '|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
  'g',
);

/** Text as it can go into the document's XML: without the characters XML does not allow. */
export function cleanText(text: string): string {
  return text.replace(NOT_IN_XML, '');
}
