import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { DocxInternalError, packageParts, PINNED_DOCX } from '../../../../src/writers/docx/engine/internals.js';

const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

const sample = () =>
  new Document({
    title: 'Proef',
    sections: [{ children: [new Paragraph({ children: [new TextRun('Een alinea met ë en “aanhalingstekens”.')] })] }],
  });

describe('the docx internal the DOCX writer relies on', () => {
  test('belongs to the docx version pinned exactly in package.json and installed', () => {
    const manifest = json('../../../../package.json') as { dependencies: Record<string, string> };
    expect(manifest.dependencies.docx).toBe(PINNED_DOCX);
    expect(json('../../../../node_modules/docx/package.json').version).toBe(PINNED_DOCX);
  });

  test('Packer.compiler.compile gives exactly the parts Packer.pack zips, as text or bytes', async () => {
    const parts = packageParts(sample());
    const packed = await JSZip.loadAsync(await Packer.pack(sample(), 'uint8array'));
    const packedNames = Object.keys(packed.files).filter((name) => !packed.files[name]!.dir);
    expect([...parts.keys()].sort()).toEqual(packedNames.sort());
    expect([...parts.keys()]).toContain('word/document.xml');
    for (const [name, data] of parts) {
      const inZip = await packed.file(name)!.async('uint8array');
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      // core.xml carries the time of packing; everything else must be the same bytes.
      if (name === 'docProps/core.xml') continue;
      expect({ name, same: Buffer.from(bytes).equals(Buffer.from(inZip)) }).toEqual({ name, same: true });
    }
  });

  test('when the compiler is gone, no DOCX is made and the message says why, in Dutch', () => {
    const packer = Packer as unknown as { compiler: unknown };
    const compiler = packer.compiler;
    try {
      packer.compiler = undefined;
      expect(() => packageParts(sample())).toThrow(DocxInternalError);
      expect(() => packageParts(sample())).toThrow(
        'Het DOCX-bestand kan niet gemaakt worden: docx heeft geen Packer.compiler.compile meer.',
      );
      packer.compiler = { compile: () => ({ 'word/document.xml': '<w:document/>' }) };
      expect(() => packageParts(sample())).toThrow('Packer.compiler.compile geeft geen Map van onderdelen meer');
      packer.compiler = { compile: () => new Map([['word/document.xml', 42]]) };
      expect(() => packageParts(sample())).toThrow('geeft voor word/document.xml geen tekst of bytes');
    } finally {
      packer.compiler = compiler;
    }
  });
});
