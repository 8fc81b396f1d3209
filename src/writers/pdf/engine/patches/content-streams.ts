import { internalChanged, isOwnDocumentCached, PatchError } from './internals.js';
import { pdfLibraries } from '../libraries.js';

/**
 * Speed-up hook: pdfkit 0.19.1 writes a page's content one operator at a time (PDFReference.write), and turns every
 * one into a Buffer of its own (`Buffer.from(chunk + '\n', 'binary')`) that finalize joins again: tens of thousands
 * of small buffers per document. For this writer's documents this keeps the text of consecutive text chunks as one
 * string and makes it one Buffer when a binary chunk follows or the stream is finalized: the same bytes, in the same
 * order, with the same lengths counted as it goes.
 */

const PENDING = Symbol('integriteitsplan pending text');

/** pdfkit's PDFReference (not exported), as a page's content stream. */
interface Reference {
  document: object;
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write(chunk: unknown): void;
  finalize(): void;
  [PENDING]?: string;
}

/** The text kept so far, as pdfkit's write would have added it to the buffer: its bytes in 'binary'. */
function flush(reference: Reference): void {
  const pending = reference[PENDING];
  if (pending === undefined) return;
  reference[PENDING] = undefined;
  if (!Array.isArray(reference.buffer)) throw internalChanged("pdfkit's PDFReference.buffer (chunks before finalize)");
  reference.buffer.push(Buffer.from(pending, 'binary'));
}

let installed = false;

/** Installs the hook once per process, for this writer's documents (isOwnDocument). */
export function installContentStreams(): void {
  if (installed) return;
  const proto = referencePrototype();
  const { write, finalize } = proto;
  proto.write = function (this: Reference, chunk) {
    if (chunk instanceof Uint8Array || !isOwnDocumentCached(this.document)) {
      flush(this);
      return write.call(this, chunk);
    }
    const text = (chunk as string) + '\n';
    // What pdfkit's write counts for the text: one byte per character in 'binary'.
    this.uncompressedLength += text.length;
    if (this.data.Length == null) this.data.Length = 0;
    this.data.Length += text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
    this[PENDING] = (this[PENDING] ?? '') + text;
  };
  proto.finalize = function (this: Reference) {
    flush(this);
    finalize.call(this);
  };
  installed = true;
}

/** The prototype of pdfkit's PDFReference (not exported): of a reference made in a document of its own. */
export function referencePrototype(): Reference {
  let proto: Partial<Reference> | undefined;
  try {
    const PDFKitDocument = pdfLibraries().pdfkit() as new (options: object) => { ref(): object };
    proto = Object.getPrototypeOf(new PDFKitDocument({ autoFirstPage: false, font: null }).ref()) as Partial<Reference>;
  } catch {
    proto = undefined;
  }
  if (typeof proto?.write !== 'function' || typeof proto.finalize !== 'function') {
    throw new PatchError('pdfkit heeft geen PDFReference met write en finalize meer');
  }
  return proto as Reference;
}
