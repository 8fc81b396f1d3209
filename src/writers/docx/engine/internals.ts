import { EMPTY_OBJECT, isXmlComponent, NextAttributeComponent, Packer, XmlComponent, type Document } from 'docx';

/*
 * The internals of docx the writer uses, all of docx 9.15.2, which package.json pins exactly; each has its test in
 * test/writers/docx/engine/internals.test.ts.
 * - The compiler behind `Packer.pack`, which gives the package's parts (XML as text) before docx zips them. Zipping
 *   them ourselves, once, saves docx's zip and a second one to make the bytes reproducible.
 * - Two methods of docx's XML tree replaced by ones that give the same objects in fewer steps: turning the tree into
 *   the objects docx writes as XML is most of the time of a DOCX.
 */

export const PINNED_DOCX = '9.15.2';

interface Compiler {
  compile(document: Document, prettify: undefined, overrides: readonly never[]): unknown;
}

/** docx's internals no longer are what the writer relies on: the message says what to do, in Dutch. */
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
  installFasterXmlTree();
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

/** What an element holds besides elements: text, numbers, attributes. */
type Xmlable = string | number | boolean | Record<string, unknown>;
interface Context {
  stack: unknown[];
}
interface XmlNode {
  readonly rootKey: string;
  readonly root: unknown[];
  readonly writtenAs?: readonly { prepForXml(context: Context): unknown }[];
  prepForXml(context: Context): unknown;
}
interface NextAttributes {
  readonly root: Record<string, { key: string; value: unknown }>;
}

/**
 * docx 9.15.2's XmlComponent.prepForXml, the method (called through `super` by every element class that has its own)
 * that turns an element and its children into the objects docx writes as XML, in one loop instead of a flatMap and a
 * filter: children in order, arrays flattened one level, undefined left out; an element whose only child is its
 * attributes gets them as its value, one without children docx's EMPTY_OBJECT.
 */
function prepElement(this: XmlNode, context: Context): Record<string, unknown> {
  context.stack.push(this);
  const children: unknown[] = [];
  for (const child of this.root as (XmlNode | Xmlable)[]) {
    if (!isXmlComponent(child)) {
      addFlat(children, child);
      continue;
    }
    const parts = (child as XmlNode).writtenAs;
    if (!parts) {
      addFlat(children, (child as XmlNode).prepForXml(context));
      continue;
    }
    // What the parts give is added as it is (flatMap flattens the list of them, not what each gives).
    for (const part of parts) {
      const prepared = part.prepForXml(context);
      if (prepared !== undefined) children.push(prepared);
    }
  }
  context.stack.pop();
  const only = children.length === 1 ? (children[0] as { _attr?: unknown } | null | undefined) : undefined;
  return { [this.rootKey]: children.length ? (only?._attr ? only : children) : EMPTY_OBJECT };
}

/** Adds what a child gives, an array's items one by one, leaving out undefined. */
function addFlat(children: unknown[], prepared: unknown): void {
  if (!Array.isArray(prepared)) {
    if (prepared !== undefined) children.push(prepared);
    return;
  }
  for (const item of prepared as unknown[]) if (item !== undefined) children.push(item);
}

/**
 * docx 9.15.2's NextAttributeComponent.prepForXml, which gathers an element's attributes by spreading the object made
 * so far for each one (time growing with the square of their number, the largest single cost of a DOCX), in one loop:
 * the same keys in the same order, undefined values left out, a key given twice keeping its place and the last value.
 */
function prepNextAttributes(this: NextAttributes): { _attr: Record<string, unknown> } {
  const attributes: Record<string, unknown> = {};
  for (const { key, value } of Object.values(this.root)) if (value !== undefined) attributes[key] = value;
  return { _attr: attributes };
}

/** docx's own prepForXml methods, before installFasterXmlTree replaced them (for the tests that compare the two). */
export const docxPrepForXml = {
  element: (XmlComponent.prototype as unknown as XmlNode).prepForXml,
  nextAttributes: (NextAttributeComponent.prototype as unknown as { prepForXml: unknown }).prepForXml,
};

let installed = false;

/** Throws a DocxInternalError unless docx has the methods and helpers the replacements stand in for and use. */
export function checkXmlTreeInternals(methods: { element?: unknown; nextAttributes?: unknown }): void {
  if (typeof methods.element !== 'function' || typeof methods.nextAttributes !== 'function')
    throw new DocxInternalError('docx heeft geen XmlComponent.prepForXml en NextAttributeComponent.prepForXml meer');
  if (typeof isXmlComponent !== 'function' || typeof EMPTY_OBJECT !== 'object' || EMPTY_OBJECT === null)
    throw new DocxInternalError('docx heeft geen isXmlComponent en EMPTY_OBJECT meer');
}

/** Replaces docx's two prepForXml methods by prepElement and prepNextAttributes, once per process. */
export function installFasterXmlTree(): void {
  if (installed) return;
  checkXmlTreeInternals(docxPrepForXml);
  (XmlComponent.prototype as unknown as { prepForXml: unknown }).prepForXml = prepElement;
  (NextAttributeComponent.prototype as unknown as { prepForXml: unknown }).prepForXml = prepNextAttributes;
  installed = true;
}
