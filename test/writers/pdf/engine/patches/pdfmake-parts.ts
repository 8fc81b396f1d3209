import { createRequire } from 'node:module';
import { loadFontFiles } from '../../../../../src/writers/pdf/engine/fonts.js';

/** pdfmake's own classes, made directly (without the patches' documents), for the tests of the internals. */
const require = createRequire(import.meta.url);
const { names, contents } = loadFontFiles();

/** A PDFDocument of pdfmake's, with the writer's fonts, as pdfmake makes one for each PDF. */
export function pdfmakeDocument<T>(options: object = {}): T {
  const { default: PDFDocument } = require('pdfmake/js/PDFDocument.js') as {
    default: new (fonts: object, ...rest: unknown[]) => T;
  };
  const { default: virtualfs } = require('pdfmake/js/virtual-fs.js') as {
    default: { writeFileSync(name: string, data: Buffer): void };
  };
  for (const [name, content] of contents) virtualfs.writeFileSync(name, content);
  return new PDFDocument({ Roboto: names }, {}, {}, {}, { autoFirstPage: false, font: null, ...options }, virtualfs);
}

/** One of pdfmake's internal modules (`pdfmake/js/<file>`), its default export. */
export function pdfmakeModule<T>(file: string): T {
  return (require(`pdfmake/js/${file}`) as { default: T }).default;
}

/** The PDF's bytes, once pdfkit has ended the document. */
export function pdfBytes(doc: { end(): void; on(event: string, listener: (data?: Buffer) => void): void }) {
  return new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk!));
    doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    doc.end();
  });
}
