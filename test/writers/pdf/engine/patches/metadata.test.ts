import { internalPrototype } from '../../../../../src/writers/pdf/engine/patches/internals.js';
import { writePdf } from '../../../../../src/writers/pdf/index.js';
import { sampleTree } from '../../../../fixtures/sample-tree.js';
import { pdfBytes, pdfmakeDocument } from './pdfmake-parts.js';
import { reliesOn } from './relies-on.js';

/** One test per internal of pdfkit (and pdfmake) that the metadata patch (metadata.ts) relies on. */

interface Doc {
  info: Record<string, unknown>;
  options: Record<string, unknown>;
  appendXML(xml: string): void;
  _addInfo(): void;
  addPage(): Doc;
  end(): void;
  on(event: string, listener: (data?: Buffer) => void): Doc;
}

test('pdfkit’s end() has endMetadata call this._addInfo() for the document information, and write the XMP it appended to (appendXML) as an uncompressed stream when the PDF version is not 1.3', async () => {
  const doc = pdfmakeDocument<Doc>({ pdfVersion: '1.7' });
  let called = 0;
  doc._addInfo = function (this: Doc) {
    called++;
    this.appendXML('<rdf:Description rdf:about="" xmlns:test="urn:test"><test:eigen>ja</test:eigen></rdf:Description>');
  };
  doc.addPage();
  const pdf = await pdfBytes(doc);
  reliesOn('endMetadata calling _addInfo once', called === 1);
  reliesOn('the appended XML in the XMP stream, uncompressed', pdf.includes('<test:eigen>ja</test:eigen>'));
  reliesOn(
    'the XMP in a /Metadata stream of the catalog',
    /\/Type \/Metadata/.test(pdf) && /\/Metadata \d+ 0 R/.test(pdf),
  );
  const old = pdfmakeDocument<Doc>({});
  old.addPage();
  reliesOn('no XMP at PDF 1.3', !(await pdfBytes(old)).includes('xmpmeta'));
});

test('pdfkit’s subset "PDF/A-2a" adds the PDF/A identification (part 2, conformance A) and an sRGB output intent, and keeps options.subset', async () => {
  const doc = pdfmakeDocument<Doc>({ pdfVersion: '1.7', subset: 'PDF/A-2a' });
  doc.addPage();
  reliesOn('options.subset as given', doc.options.subset === 'PDF/A-2a');
  const pdf = await pdfBytes(doc);
  reliesOn(
    'pdfaid part 2, conformance A in the XMP',
    pdf.includes('<pdfaid:part>2</pdfaid:part>') && pdf.includes('<pdfaid:conformance>A</pdfaid:conformance>'),
  );
  reliesOn('a GTS_PDFA1 output intent', pdf.includes('/OutputIntents') && pdf.includes('/S /GTS_PDFA1'));
});

test('pdfmake gives pdfkit the document information as info: Title, Author, Subject, Keywords, Creator, Producer strings and CreationDate, ModDate dates', async () => {
  internalPrototype('PDFDocument.js', ['_addInfo', 'appendXML']);
  const proto = internalPrototype<{ renderPages(this: { pdfDocument: Doc }, pages: unknown[]): void }>('Renderer.js', [
    'renderPages',
  ]);
  const patched = proto.renderPages;
  let info: Record<string, unknown> | undefined;
  proto.renderPages = function spy(this: { pdfDocument: Doc }, pages) {
    info ??= { ...this.pdfDocument.info };
    patched.call(this, pages);
  };
  try {
    await writePdf(sampleTree());
  } finally {
    proto.renderPages = patched;
  }
  for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'])
    reliesOn(`pdfkit’s info.${key}, a string`, typeof info?.[key] === 'string');
  for (const key of ['CreationDate', 'ModDate']) reliesOn(`pdfkit’s info.${key}, a date`, info?.[key] instanceof Date);
});
