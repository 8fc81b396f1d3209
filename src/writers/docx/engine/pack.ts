import type { Document } from 'docx';
import { packageParts } from './internals.js';
import { reproducibleEntries } from './reproducible.js';
import { zip } from './zip.js';

/** Packs the docx Document into the bytes of a DOCX file: the same document gives the same bytes, in any process. */
export function pack(document: Document, date: Date): Uint8Array {
  return zip(reproducibleEntries(packageParts(document), date), date);
}
