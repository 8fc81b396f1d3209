import JSZip from 'jszip';

/** The earliest time a zip entry can carry (MS-DOS time starts in 1980). */
const ZIP_EPOCH = Date.UTC(1980, 0, 1);
const TEXT_PART = /\.(xml|rels)$/;
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
 * Makes docx's output the same bytes for the same document, in any process: core.xml's dates set to `date`, the
 * hyperlinks' random relationship ids and the bookmarks' ids numbered in the order first seen, and a new zip with
 * sorted entries, each with `date` as its time, compressed alike.
 */
export async function makeReproducible(packed: Uint8Array, date: Date): Promise<Uint8Array> {
  if (Number.isNaN(date.getTime())) throw new Error('DOCX writer: meta.date is not a valid date');
  const source = await JSZip.loadAsync(packed);
  const names = Object.keys(source.files)
    .filter((name) => !source.files[name]?.dir)
    .sort();
  const parts = new Map<string, string>();
  const binaries = new Map<string, Uint8Array>();
  // TextDecoder and TextEncoder are much faster than JSZip's own UTF-8 handling.
  const utf8In = new TextDecoder();
  await Promise.all(
    names.map(async (name) => {
      const data = await source.file(name)?.async('uint8array');
      if (data === undefined) return;
      if (TEXT_PART.test(name)) parts.set(name, utf8In.decode(data));
      else binaries.set(name, data);
    }),
  );

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

  const time = new Date(Math.max(date.getTime(), ZIP_EPOCH));
  const zip = new JSZip();
  const utf8Out = new TextEncoder();
  for (const name of names) {
    const text = parts.get(name);
    const data = text === undefined ? binaries.get(name) : utf8Out.encode(text);
    if (data !== undefined) zip.file(name, data, { date: time, createFolders: false });
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}
