import { MARKING } from '../../../../../src/writers/pdf/engine/structure.js';
import { internalPrototype } from '../../../../../src/writers/pdf/engine/patches/internals.js';
import { writePdf } from '../../../../../src/writers/pdf/index.js';
import { sampleTree } from '../../../../fixtures/sample-tree.js';
import { pdfBytes, pdfmakeDocument, pdfmakeModule } from './pdfmake-parts.js';
import { reliesOn } from './relies-on.js';

/**
 * One test per internal of pdfmake and pdfkit that the tagging patches (tagging.ts, list-markers.ts) rely on, on
 * pdfmake's and pdfkit's own classes (the patched methods pass through to them for documents without structure).
 * That the PDFs pass check_pdfua.py is the other tests' (checkedPdf, runInProcess).
 */

interface Inline {
  text: string;
  [key: string]: unknown;
}
interface Line {
  inlines: Inline[];
  addInline(inline: Inline): void;
}
interface KitElement {
  add(child: unknown): KitElement;
  end(): void;
  dictionary: { data: { K?: { Type?: string; Obj?: unknown; Pg?: unknown }[] | null } };
  _flushChild(child: unknown): void;
}
interface Doc {
  options: Record<string, unknown>;
  page: { dictionary: { data: Record<string, unknown> } };
  addPage(options?: object): Doc;
  text(text: string, x?: number, y?: number, options?: object): Doc;
  fill(...args: unknown[]): Doc;
  rect(...args: unknown[]): Doc;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): Doc;
  struct(type: string, options?: object): KitElement;
  addStructure(element: KitElement): Doc;
  markContent(tag: string, options?: object): Doc;
  markStructureContent(tag: string): unknown;
  endMarkedContent(): Doc;
  on(event: string, listener: () => void): Doc;
  end(): void;
  provideFont(family: string, bold: boolean, italics: boolean): unknown;
  _font: unknown;
}

/** A pdfmake document with a page, set in Roboto as pdfmake's Renderer sets it before drawing text; uncompressed. */
function documentWithPage(options: object = {}): Doc {
  const doc = pdfmakeDocument<Doc>({ compress: false, ...options });
  doc.addPage();
  doc._font = doc.provideFont('Roboto', false, false);
  return doc;
}

const StyleContextStack = pdfmakeModule<new (styles: object, defaults: object) => unknown>('StyleContextStack.js');
const TextInlines =
  pdfmakeModule<new (doc: Doc) => { buildInlines(text: unknown, styles: unknown): { items: Inline[] } }>(
    'TextInlines.js',
  );
const LineClass = pdfmakeModule<new (width: number) => Line>('Line.js');
const Renderer = pdfmakeModule<
  new (doc: Doc) => {
    renderLine(line: Line, x: number, y: number): void;
    renderPages(pages: unknown[]): void;
    renderVector(vector: object): void;
  }
>('Renderer.js');

/** A laid-out line of pdfmake's from runs, as its layout makes one. */
function laidOut(doc: Doc, runs: object[]): Line {
  const line = new LineClass(1000);
  for (const inline of new TextInlines(doc).buildInlines(runs, new StyleContextStack({}, {})).items) {
    line.addInline(inline);
  }
  return line;
}

test('pdfmake copies every own property of a run onto each word it lays out (TextBreaker: StyleContextStack.copyStyle)', () => {
  const doc = pdfmakeDocument<Doc>();
  const marking = { kind: 'element' };
  const words = new TextInlines(doc).buildInlines(
    [{ text: 'een twee drie', [MARKING]: marking, background: '#fff3b0' }],
    new StyleContextStack({}, {}),
  ).items;
  reliesOn('words laid out one by one', words.length === 3);
  reliesOn(
    'each laid-out word with the MARKING of its run',
    words.every((word) => word[MARKING] === marking),
  );
  reliesOn('a word’s background and decoration, where TextDecorator reads them', words[0]?.background === '#fff3b0');
});

test('pdfmake’s Renderer.renderLine: backgrounds first, then per word fill(colour) and one text(word.text), in order, then decorations', () => {
  const doc = pdfmakeDocument<Doc>();
  doc.addPage();
  const line = laidOut(doc, [
    { text: 'gemarkeerd ', background: '#fff3b0' },
    { text: 'koppeling', decoration: 'underline', link: 'https://example.org/' },
  ]);
  const calls: string[] = [];
  const { text, fill, rect } = doc;
  doc.text = function (this: Doc, value, ...rest) {
    calls.push(`text:${value}`);
    return text.call(this, value, ...(rest as []));
  };
  doc.fill = function (this: Doc, ...rest) {
    calls.push('fill');
    return fill.call(this, ...rest);
  };
  doc.rect = function (this: Doc, ...rest) {
    calls.push('rect');
    return rect.call(this, ...rest);
  };
  new Renderer(doc).renderLine(line, 0, 0);
  const texts = calls.filter((call) => call.startsWith('text:'));
  reliesOn(
    'one text call per laid-out word, with its text, in order',
    JSON.stringify(texts) === JSON.stringify(line.inlines.map((inline) => `text:${inline.text}`)),
  );
  reliesOn('the background drawn (rect, fill) before the first word', calls.slice(0, 2).join() === 'rect,fill');
  const first = calls.indexOf(texts[0]!);
  reliesOn('each word’s colour set with fill(colour) right before its text', calls[first - 1] === 'fill');
  reliesOn('the underline drawn (rect) after the last word', calls.lastIndexOf('rect') > calls.indexOf(texts.at(-1)!));
});

test('pdfmake’s TextDecorator draws backgrounds and decorations only for words that have them', () => {
  const decorator = internalPrototype<object>('TextDecorator.js', ['drawBackground', 'drawDecorations']);
  reliesOn('TextDecorator.drawBackground and drawDecorations', typeof decorator === 'object');
  const doc = pdfmakeDocument<Doc>();
  doc.addPage();
  const TextDecorator = pdfmakeModule<
    new (doc: Doc) => {
      drawBackground(l: Line, x: number, y: number): void;
      drawDecorations(l: Line, x: number, y: number): void;
    }
  >('TextDecorator.js');
  const calls: string[] = [];
  doc.rect = () => (calls.push('rect'), doc);
  new TextDecorator(doc).drawBackground(laidOut(doc, [{ text: 'gewoon' }]), 0, 0);
  new TextDecorator(doc).drawDecorations(laidOut(doc, [{ text: 'gewoon' }]), 0, 0);
  reliesOn('nothing drawn for words without background or decoration', calls.length === 0);
});

test('pdfmake’s Renderer.renderPages adds each page (pdfkit’s "pageAdded") and draws its lines with renderLine and vectors with renderVector', () => {
  const doc = pdfmakeDocument<Doc>();
  const renderer = new Renderer(doc);
  const calls: string[] = [];
  doc.on('pageAdded', () => calls.push('page'));
  renderer.renderLine = () => void calls.push('line');
  renderer.renderVector = () => void calls.push('vector');
  const pageSize = { width: 595.28, height: 841.89 };
  renderer.renderPages([
    {
      pageSize,
      items: [
        { type: 'line', item: {} },
        { type: 'vector', item: {} },
      ],
    },
    { pageSize, items: [{ type: 'line', item: {} }] },
  ]);
  reliesOn('renderPages: addPage, then the page’s items in order', calls.join() === 'page,line,vector,page,line');
});

test('pdfkit builds a structure tree: struct, addStructure, markStructureContent (MCIDs, ParentTree), markContent("Artifact"), endMarkedContent', async () => {
  const doc = documentWithPage({ tagged: true });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const paragraph = doc.struct('P');
  root.add(paragraph);
  paragraph.add(doc.markStructureContent('P'));
  doc.text('tekst', 10, 10, { lineBreak: false });
  doc.endMarkedContent();
  doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
  doc.text('kop', 10, 30, { lineBreak: false });
  doc.endMarkedContent();
  doc.page.dictionary.data.Tabs = 'S';
  const pdf = await pdfBytes(doc);
  reliesOn('pdfkit’s tagged option: /MarkInfo with /Marked true', /\/Marked true/.test(pdf));
  reliesOn('pdfkit’s StructTreeRoot and ParentTree', pdf.includes('/StructTreeRoot') && pdf.includes('/ParentTree'));
  reliesOn('pdfkit’s marked content with an MCID', /\/P <<\n\/MCID 0\n>> BDC/.test(pdf));
  reliesOn(
    'pdfkit’s artifacts with /Type and /Attached',
    /\/Artifact <<\n\/Type \/Pagination\n\/Attached \[\/Top\]\n>> BDC/.test(pdf),
  );
  reliesOn('pdfkit’s page dictionary data written as is (/Tabs)', pdf.includes('/Tabs /S'));
  reliesOn('pdfkit’s /StructParents on a page with marked content', pdf.includes('/StructParents 0'));
});

test('pdfkit’s text() makes link annotations through annotate() (URI and goTo links), which gives them to options.structParent.add as { annotationRef } with its /Contents; the element’s add gives them their /StructParent', async () => {
  const doc = documentWithPage({ tagged: true });
  const seen: Record<string, unknown>[] = [];
  const added: unknown[] = [];
  const { annotate } = doc;
  const root = doc.struct('Document');
  doc.addStructure(root);
  const link = doc.struct('Link');
  root.add(link);
  doc.annotate = function (this: Doc, x, y, w, h, options) {
    seen.push({ ...options });
    options.structParent = {
      add: (child: unknown) => {
        added.push(child);
        link.add(child);
      },
    };
    options.Contents = new String('Huis voor Klokkenluiders');
    return annotate.call(this, x, y, w, h, options);
  };
  // As pdfmake's Renderer calls it: the word's width, one word.
  const word = { lineBreak: false, textWidth: 20, wordCount: 1 };
  doc.text('link', 10, 10, { ...word, link: 'https://www.huisvoorklokkenluiders.nl/' });
  doc.text('inhoud', 10, 30, { ...word, goTo: 'hoofdstuk-1' });
  const pdf = await pdfBytes(doc);
  reliesOn(
    'text() with a link or goTo: one annotate() each, of Subtype Link',
    seen.map((o) => o.Subtype).join() === 'Link,Link',
  );
  reliesOn(
    'annotate() handing the annotation to options.structParent.add as { annotationRef }',
    added.length === 2 &&
      added.every((child) => typeof (child as { annotationRef?: unknown }).annotationRef === 'object'),
  );
  reliesOn('annotate() writing the /Contents it is given', pdf.includes('/Contents (Huis voor Klokkenluiders)'));
  reliesOn('PDFStructureElement.add giving an annotation its /StructParent', pdf.includes('/StructParent '));
});

test('pdfkit’s PDFStructureElement._flushChild writes an annotation reference as { Type: "OBJR", Obj, Pg: the current page }', () => {
  const doc = pdfmakeDocument<Doc>({ tagged: true });
  doc.addPage();
  const link = doc.struct('Link');
  let reference: unknown;
  doc.annotate(0, 0, 10, 10, { Subtype: 'Link', structParent: { add: (child: unknown) => (reference = child) } });
  link.dictionary.data.K = [];
  link._flushChild(reference);
  const objr = link.dictionary.data.K[0];
  reliesOn(
    'PDFStructureElement._flushChild pushing { Type: "OBJR", Obj, Pg } onto dictionary.data.K',
    objr?.Type === 'OBJR' &&
      objr.Obj === (reference as { annotationRef: unknown }).annotationRef &&
      objr.Pg === doc.page.dictionary,
  );
});

test('pdfmake’s DocMeasure makes list markers with buildUnorderedMarker(item, …) (a vector) and buildOrderedMarker(item, …) (a word), the item being the list item’s own content', () => {
  const DocMeasure = pdfmakeModule<{ prototype: Record<string, (...args: unknown[]) => unknown> }>('DocMeasure.js');
  const seen: unknown[] = [];
  const { buildUnorderedMarker, buildOrderedMarker } = DocMeasure.prototype;
  const item = { text: 'punt', marker: 'mine' };
  DocMeasure.prototype.buildUnorderedMarker = function (...args: unknown[]) {
    seen.push(args[0]);
    return buildUnorderedMarker!.apply(this, args);
  };
  DocMeasure.prototype.buildOrderedMarker = function (...args: unknown[]) {
    seen.push(args[0]);
    return buildOrderedMarker!.apply(this, args);
  };
  try {
    const doc = pdfmakeDocument<Doc>();
    const Measure = DocMeasure as unknown as new (...args: unknown[]) => { measureDocument(node: unknown): unknown };
    const measure = new Measure(doc, {}, { font: 'Roboto', fontSize: 10 }, null, {});
    const Preprocessor = pdfmakeModule<new () => { preprocessDocument(node: unknown): unknown }>('DocPreprocessor.js');
    const bullet = { ul: [item] };
    const numbered = { ol: [{ ...item }] };
    measure.measureDocument(new Preprocessor().preprocessDocument({ stack: [bullet, numbered] }));
    reliesOn(
      'the markers made for the items themselves',
      seen.length === 2 && (seen[0] as typeof item).marker === 'mine',
    );
    const marker = (bullet.ul[0] as { listMarker?: { canvas?: unknown[] } }).listMarker;
    const number = (numbered.ol[0] as { listMarker?: { _inlines?: unknown[] } }).listMarker;
    reliesOn('a bullet: listMarker.canvas[0], a vector', typeof marker?.canvas?.[0] === 'object');
    reliesOn('a number: listMarker._inlines[0], a word', typeof number?._inlines?.[0] === 'object');
  } finally {
    DocMeasure.prototype.buildUnorderedMarker = buildUnorderedMarker!;
    DocMeasure.prototype.buildOrderedMarker = buildOrderedMarker!;
  }
});

test('pdfmake draws a table of contents entry (text and page number) from the heading’s own runs, linking to its id, and passes tagged and version to pdfkit', async () => {
  const proto = internalPrototype<{ renderPages(this: { pdfDocument: Doc }, pages: unknown[]): void }>('Renderer.js', [
    'renderPages',
  ]);
  const patched = proto.renderPages;
  let seen:
    | { pages: { items: { type: string; item: { inlines?: Inline[] } }[] }[]; options: Record<string, unknown> }
    | undefined;
  proto.renderPages = function spy(this: { pdfDocument: Doc }, pages) {
    seen ??= { pages: pages as NonNullable<typeof seen>['pages'], options: this.pdfDocument.options };
    patched.call(this, pages);
  };
  try {
    await writePdf(sampleTree());
  } finally {
    proto.renderPages = patched;
  }
  reliesOn(
    'pdfmake’s tagged, version and language passed to pdfkit',
    seen?.options.tagged === true && seen.options.pdfVersion === '1.7',
  );
  const words = (seen?.pages ?? []).flatMap((page) => page.items).flatMap((item) => item.item.inlines ?? []);
  const entry = words.filter((word) => word.linkToDestination === 'inleiding');
  reliesOn('the entry’s words and its page number, each with linkToDestination = the heading’s id', entry.length >= 2);
  const heading = words.find((word) => word.linkToDestination == null && word.text.startsWith('1. Inleiding'));
  reliesOn('the entry’s words with the MARKING of the heading’s runs', entry[0]?.[MARKING] === heading?.[MARKING]);
});
