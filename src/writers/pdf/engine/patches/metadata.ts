import { xmpDescriptions, type DocumentInfo } from '../xmp.js';
import { internalPrototype, isOwnDocument } from './internals.js';

/**
 * Metadata hook: pdfkit 0.19.1 writes the document information into the XMP metadata without XML-escaping it (a
 * title like "College van B&W <Oost>" breaks the XMP), without xmp:ModifyDate (so a modification date in the
 * information dictionary has no XMP counterpart, which PDF/A forbids), and can claim only one of PDF/A and PDF/UA.
 * For this writer's documents it writes the XMP descriptions of xmp.ts instead: the information escaped, both dates,
 * the PDF/UA identification and, for PDF/A, its extension schema.
 */

interface KitDocument {
  info: DocumentInfo;
  options: { subset?: string };
  fonts?: Record<string, Record<string, unknown> | undefined>;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
}

let installed = false;

/** Installs the hook once per process, for this writer's documents (isOwnDocument). */
export function installMetadata(): void {
  if (installed) return;
  // pdfmake's PDFDocument subclasses pdfkit's, whose endMetadata calls this._addInfo().
  const proto = internalPrototype<KitDocument>('PDFDocument.js', ['provideFont', '_addInfo', 'appendXML']);
  const original = proto._addInfo;
  proto._addInfo = function (this: KitDocument) {
    if (!isOwnDocument(this)) return original.call(this);
    const pdfa = this.options.subset?.startsWith('PDF/A') ?? false;
    this.appendXML(xmpDescriptions(this.info, { pdfa }));
  };
  installed = true;
}
