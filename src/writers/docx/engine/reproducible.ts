import type { ZipEntry } from './zip.js';

/** Relationship ids docx numbers itself; the others (those of hyperlinks) are random. */
const NUMBERED_ID = /^rId\d+$/;
const RELATIONSHIP_ID = /<Relationship\b[^>]*?\bId="([^"]+)"/g;
/** Bookmarks: docx numbers their ids with counters that live as long as the process. */
const BOOKMARK = /<w:bookmark(?:Start|End)\b[^>]*>/g;
const BOOKMARK_ID = /\bw:id="(\d+)"/;

/** Numbers values in the order they are first seen. */
function firstSeen(prefix: string): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    let renamed = seen.get(value);
    if (renamed === undefined) {
      renamed = `${prefix}${seen.size + 1}`;
      seen.set(value, renamed);
    }
    return renamed;
  };
}

/** Sets the created and modified dates of core.xml (docx writes the time of packing). */
function fixCoreDates(xml: string, date: Date): string {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
}

/** Renames the random relationship ids of one part in the order its .rels lists them, in both files, in one pass each. */
function renumberRelationships(parts: Map<string, string>, relsPath: string): void {
  const rels = parts.get(relsPath);
  if (rels === undefined) return;
  const rename = firstSeen('rIdLink');
  const renamed = new Map<string, string>();
  for (const [, id] of rels.matchAll(RELATIONSHIP_ID)) {
    if (id !== undefined && !NUMBERED_ID.test(id)) renamed.set(id, rename(id));
  }
  if (renamed.size === 0) return;
  const swap = (match: string, lead: string, id: string) => {
    const to = renamed.get(id);
    return to === undefined ? match : `${lead}"${to}"`;
  };
  parts.set(relsPath, rels.replace(/(\bId=)"([^"]+)"/g, swap));
  const owner = relsPath.replace(/_rels\/([^/]+)\.rels$/, '$1');
  const xml = parts.get(owner);
  if (xml !== undefined) parts.set(owner, xml.replace(/(\br:id=)"([^"]+)"/g, swap));
}

/**
 * Makes docx's parts the same for the same document, in any process: core.xml's dates set to `date`, the hyperlinks'
 * random relationship ids and the bookmarks' ids numbered in the order first seen. Returns the entries of the zip,
 * sorted by name, text parts in UTF-8.
 */
export function reproducibleEntries(packageParts: ReadonlyMap<string, string | Uint8Array>, date: Date): ZipEntry[] {
  if (Number.isNaN(date.getTime())) throw new Error('DOCX writer: meta.date is not a valid date');
  const names = [...packageParts.keys()].sort();
  const parts = new Map<string, string>();
  const binaries = new Map<string, Uint8Array>();
  for (const [name, data] of packageParts) {
    if (typeof data === 'string') parts.set(name, data);
    else binaries.set(name, data);
  }

  const core = parts.get('docProps/core.xml');
  if (core !== undefined) parts.set('docProps/core.xml', fixCoreDates(core, date));
  for (const name of names) if (name.endsWith('.rels')) renumberRelationships(parts, name);
  const bookmarkId = firstSeen('');
  for (const name of names) {
    const xml = parts.get(name);
    if (xml === undefined || !xml.includes('<w:bookmark')) continue;
    parts.set(
      name,
      xml.replace(BOOKMARK, (tag) => tag.replace(BOOKMARK_ID, (_m, id: string) => `w:id="${bookmarkId(id)}"`)),
    );
  }

  const utf8 = new TextEncoder();
  return names.map((name) => {
    const text = parts.get(name);
    return { name, data: text === undefined ? binaries.get(name)! : utf8.encode(text) };
  });
}
