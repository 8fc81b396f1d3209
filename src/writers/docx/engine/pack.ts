import { Packer } from 'docx';
import type { Document } from 'docx';
import { makeReproducible } from './reproducible.js';

/** Packs the docx Document into the bytes of a DOCX file: the same document gives the same bytes, in any process. */
export async function pack(document: Document, date: Date): Promise<Uint8Array> {
  return makeReproducible(await Packer.pack(document, 'uint8array'), date);
}
