import { Packer, type Document } from 'docx';

/*
 * The one internal of docx the writer uses: the compiler behind `Packer.pack`, which gives the package's parts
 * (XML as text) before docx zips them. Zipping them ourselves, once, saves docx's zip and a second one to make the
 * bytes reproducible. It is the internal of docx 9.15.2, which package.json pins exactly;
 * test/writers/docx/engine/internals.test.ts checks it against `Packer.pack`.
 */

export const PINNED_DOCX = '9.15.2';

interface Compiler {
  compile(document: Document, prettify: undefined, overrides: readonly never[]): unknown;
}

/** docx's compiler no longer is what the writer relies on: the message says what to do, in Dutch. */
export class DocxInternalError extends Error {
  constructor(detail: string) {
    super(
      `Het DOCX-bestand kan niet gemaakt worden: ${detail}. integriteitsplan gebruikt het binnenwerk van docx ` +
        `${PINNED_DOCX}. Installeer de vastgelegde versie met "npm ci" (of, als ontwikkelaar: pas ` +
        'src/writers/docx/engine/internals.ts aan de nieuwe versie aan).',
    );
    this.name = 'DocxInternalError';
  }
}

/** The parts of the DOCX package of a document, by path: text for XML, bytes for the rest. */
export function packageParts(document: Document): Map<string, string | Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  if (typeof compiler?.compile !== 'function')
    throw new DocxInternalError('docx heeft geen Packer.compiler.compile meer');
  const parts = compiler.compile(document, undefined, []);
  if (!(parts instanceof Map))
    throw new DocxInternalError('Packer.compiler.compile geeft geen Map van onderdelen meer');
  for (const [path, data] of parts) {
    if (typeof path !== 'string' || !(typeof data === 'string' || data instanceof Uint8Array)) {
      throw new DocxInternalError(`Packer.compiler.compile geeft voor ${String(path)} geen tekst of bytes`);
    }
  }
  return parts as Map<string, string | Uint8Array>;
}
