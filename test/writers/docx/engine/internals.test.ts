import { readFileSync } from 'node:fs';
import { Document, EMPTY_OBJECT, NextAttributeComponent, Packer, Paragraph, TextRun, XmlComponent } from 'docx';
import JSZip from 'jszip';
import {
  checkXmlTreeInternals,
  DocxInternalError,
  docxPrepForXml,
  installFasterXmlTree,
  packageParts,
  PINNED_DOCX,
} from '../../../../src/writers/docx/engine/internals.js';
import { writeDocx } from '../../../../src/writers/docx/index.js';
import { largeTree } from '../../../support/docx-large-tree.js';

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

describe('the faster prepForXml methods of docx’s XML tree', () => {
  const prototypes = {
    element: XmlComponent.prototype as unknown as { prepForXml: unknown },
    nextAttributes: NextAttributeComponent.prototype as unknown as { prepForXml: unknown },
  };

  /** Runs `make` with docx's own prepForXml methods, then puts the replacements back. */
  function withDocxOwn<T>(make: () => T): T {
    installFasterXmlTree();
    const replaced = { element: prototypes.element.prepForXml, nextAttributes: prototypes.nextAttributes.prepForXml };
    expect(replaced.element).not.toBe(docxPrepForXml.element);
    expect(replaced.nextAttributes).not.toBe(docxPrepForXml.nextAttributes);
    prototypes.element.prepForXml = docxPrepForXml.element;
    prototypes.nextAttributes.prepForXml = docxPrepForXml.nextAttributes;
    try {
      return make();
    } finally {
      prototypes.element.prepForXml = replaced.element;
      prototypes.nextAttributes.prepForXml = replaced.nextAttributes;
    }
  }

  test('give a plan’s DOCX the same bytes as docx’s own', async () => {
    const tree = largeTree(3);
    const own = await withDocxOwn(() => writeDocx(tree));
    const faster = await writeDocx(tree);
    expect(Buffer.from(faster).equals(Buffer.from(own))).toBe(true);
  });

  test('NextAttributeComponent: the same attributes in the same order, undefined left out, a repeated key in its first place with its last value', () => {
    const attributes = new NextAttributeComponent({
      size: { key: 'w:sz', value: 24 },
      skipped: { key: 'w:color', value: undefined as unknown as string },
      bold: { key: 'w:b', value: true },
      again: { key: 'w:sz', value: 28 },
      text: { key: 'w:val', value: 'a&b' },
    });
    const faster = attributes.prepForXml({ stack: [] } as never);
    const own = withDocxOwn(() => attributes.prepForXml({ stack: [] } as never));
    expect(Object.entries(faster._attr)).toEqual(Object.entries(own._attr));
    expect(Object.entries(faster._attr)).toEqual([
      ['w:sz', 28],
      ['w:b', true],
      ['w:val', 'a&b'],
    ]);
  });

  test('XmlComponent: children in order, arrays flattened, empty ones left out, attributes alone as the value, none as EMPTY_OBJECT', () => {
    class Element extends XmlComponent {
      constructor(name: string, children: unknown[]) {
        super(name);
        this.root.push(...(children as never[]));
      }
    }
    class Empty extends XmlComponent {
      override prepForXml(): undefined {
        return undefined;
      }
    }
    class Several extends XmlComponent {
      override prepForXml() {
        return [{ 'w:a': EMPTY_OBJECT }, undefined, { 'w:b': EMPTY_OBJECT }] as never;
      }
    }
    const attributes = new NextAttributeComponent({ val: { key: 'w:val', value: 'x' } });
    const trees = [
      new Element('w:p', [
        attributes,
        new Element('w:r', ['tekst', 7]),
        new Empty('w:x'),
        new Several('w:y'),
        'staart',
      ]),
      new Element('w:b', [attributes]),
      new Element('w:br', []),
      new Element('w:r', [new TextRun({ text: 'vet', bold: true, size: 20 }), ['los', undefined, 'er']]),
      new Paragraph({ children: [new TextRun('Een'), new TextRun({ text: 'twee', italics: true })] }),
    ];
    for (const tree of trees) {
      const context = { stack: [] as unknown[] };
      const faster = tree.prepForXml(context as never);
      expect(context.stack).toEqual([]);
      const own = withDocxOwn(() => tree.prepForXml({ stack: [] } as never));
      expect(JSON.stringify(faster)).toBe(JSON.stringify(own));
    }
    expect(new Element('w:br', []).prepForXml({ stack: [] } as never)).toEqual({ 'w:br': EMPTY_OBJECT });
    expect((new Element('w:br', []).prepForXml({ stack: [] } as never) as Record<string, unknown>)['w:br']).toBe(
      EMPTY_OBJECT,
    );
  });

  test('when docx no longer has them, no DOCX is made and the message says why, in Dutch', () => {
    expect(() => checkXmlTreeInternals({ ...docxPrepForXml, element: undefined })).toThrow(DocxInternalError);
    expect(() => checkXmlTreeInternals({ ...docxPrepForXml, nextAttributes: undefined })).toThrow(
      'docx heeft geen XmlComponent.prepForXml en NextAttributeComponent.prepForXml meer',
    );
    expect(() => checkXmlTreeInternals(docxPrepForXml)).not.toThrow();
  });
});
