import {
  installContentStreams,
  referencePrototype,
} from '../../../../../src/writers/pdf/engine/patches/content-streams.js';
import { registerOwnFonts } from '../../../../../src/writers/pdf/engine/patches/internals.js';
import { loadFontFiles } from '../../../../../src/writers/pdf/engine/fonts.js';
import { pdfBytes, pdfmakeDocument } from './pdfmake-parts.js';
import { reliesOn } from './relies-on.js';

/**
 * The internals of pdfkit that the content stream patch (content-streams.ts) relies on, and that a document written
 * with it has the bytes it has without it.
 */
interface Reference {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  uncompressedLength: number;
  write(chunk: unknown): void;
}
interface Doc {
  ref(data?: object): Reference & { end(chunk?: unknown): void };
  end(): void;
  on(event: string, listener: (data?: Buffer) => void): void;
}

/** A document of this writer's fonts whose streams take text and binary chunks, compressed and not. */
function written(): Promise<string> {
  // A fixed creation date, which the document's ID is made from.
  const doc = pdfmakeDocument<Doc>({ compress: true, info: { CreationDate: new Date(Date.UTC(2027, 0, 1)) } });
  const compressed = doc.ref();
  const plain = doc.ref({ Filter: 'DCTDecode' });
  for (const ref of [compressed, plain]) {
    ref.write('BT /F1 10 Tf');
    ref.write('[<0012> -15 <00340056>] TJ');
    ref.write(Uint8Array.from([0, 255, 10, 128]));
    ref.write('ET één');
    ref.write('');
    ref.end('Q');
  }
  return pdfBytes(doc);
}

test('pdfkit’s PDFReference.write(text) adds Buffer.from(text + "\\n", "binary") to buffer and counts its length', () => {
  const ref = pdfmakeDocument<Doc>({ compress: true }).ref();
  reliesOn('a PDFReference made by PDFDocument.ref()', Object.getPrototypeOf(ref) === referencePrototype());
  ref.write('0 0 m');
  ref.write(Uint8Array.from([1, 2]));
  reliesOn(
    'PDFReference.buffer, the chunks written as Buffers',
    ref.buffer.length === 2 && Buffer.from(ref.buffer[0]!).equals(Buffer.from('0 0 m\n', 'binary')),
  );
  reliesOn(
    'PDFReference.data.Length and uncompressedLength counting the bytes written',
    ref.data.Length === 8 && ref.uncompressedLength === 8 && ref.data.Filter === 'FlateDecode',
  );
});

test('a document’s streams have the same bytes with the patch as without it', async () => {
  registerOwnFonts(Object.values(loadFontFiles().names));
  const before = await written();
  installContentStreams();
  const ref = pdfmakeDocument<Doc>({ compress: true }).ref();
  ref.write('0 0 m');
  // The patch keeps the text, so the comparison below is one of its bytes.
  expect(ref.buffer).toHaveLength(0);
  const after = await written();
  expect(after).toBe(before);
  expect(after).toContain('/Filter /FlateDecode');
});
