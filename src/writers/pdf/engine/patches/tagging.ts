import { MARKING, type Artifact, type Marking, type StructureElement, type StructureRoot } from '../structure.js';
import { internalChanged, internalPrototype, isOwnDocument, PatchError } from './internals.js';
import { pdfLibraries } from '../libraries.js';

/**
 * Tagging hook (PDF/UA): pdfmake 0.3.11 passes none of pdfkit 0.19.1's tagging API through. For this writer's tagged
 * documents this draws every laid-out word inside marked content of the structure element it belongs to (the
 * MARKING the handlers put on its run, structure.ts), everything else as an artifact, and builds pdfkit's structure
 * tree from the writer's elements: the elements known before layout up front, in reading order, and the elements
 * inside running text (links, spans) where their content is drawn. Link annotations join their Link element.
 * Content it cannot place is an error: a tagged PDF with untagged content is never written.
 */

/** A laid-out word as pdfmake 0.3.11's Renderer draws it: one `text` call per word, in order. */
interface LaidOutInline {
  text: string;
  background?: unknown;
  decoration?: unknown;
  [MARKING]?: Marking;
  /** Set on the words of table of contents entries: the id of the heading they link to. */
  linkToDestination?: string | null;
}

interface LaidOutLine {
  inlines: LaidOutInline[];
}

interface Vector {
  [MARKING]?: Marking;
}

interface Page {
  items: { type: string; item: unknown }[];
}

/** pdfkit's structure element (PDFStructureElement). */
interface KitElement {
  add(child: unknown): KitElement;
  dictionary: { data: { K?: unknown[] | null } };
}

interface KitAnnotationReference {
  annotationRef: unknown;
}

interface KitPage {
  dictionary: { data: Record<string, unknown> };
}

/** The parts of pdfkit's PDFDocument (as pdfmake subclasses it) that the tagging uses. */
interface KitDocument {
  options: { tagged?: boolean };
  page: KitPage;
  fonts?: Record<string, Record<string, unknown> | undefined>;
  struct(type: string, options?: object): KitElement;
  addStructure(element: KitElement): KitDocument;
  markContent(tag: string, options?: object | null): KitDocument;
  markStructureContent(tag: string, options?: object): unknown;
  endMarkedContent(): KitDocument;
  text(text: string, ...rest: unknown[]): KitDocument;
  fill(...rest: unknown[]): KitDocument;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): KitDocument;
  on(event: 'pageAdded', listener: () => void): unknown;
  removeListener(event: 'pageAdded', listener: () => void): unknown;
}

interface Renderer {
  pdfDocument: KitDocument;
  renderPages(pages: Page[]): void;
  renderLine(line: LaidOutLine, x: number, y: number): void;
  renderVector(vector: Vector): void;
}

interface TextDecorator {
  pdfDocument: KitDocument & { [TAGGER]?: Tagger };
  drawBackground(line: LaidOutLine, x: number, y: number): void;
  drawDecorations(line: LaidOutLine, x: number, y: number): void;
}

const TAGGER = Symbol('integriteitsplan tagger');
type TaggedDocument = KitDocument & { [TAGGER]?: Tagger };

/** Page item types that draw nothing (clipping, transformations): they need no marking. */
const UNPAINTED = new Set(['beginClip', 'endClip', 'beginVerticalAlignment', 'endVerticalAlignment']);
/** Page item types the tagging marks; any other (images, SVG…) would stay untagged. */
const TAGGABLE = new Set(['line', 'vector', ...UNPAINTED]);

const decoration: Artifact = { kind: 'artifact', type: 'Layout' };
const repeated: Artifact = { kind: 'artifact', type: 'Pagination' };

/** The page each link annotation is on, for its object reference in the structure tree (see installTagging). */
const annotationPages = new WeakMap<object, unknown>();

/** The marking of a laid-out word, or of a list marker's vector. */
const markingOf = (item: { [MARKING]?: Marking } | undefined): Marking | undefined => item?.[MARKING];

/** The document element of the first marked word of the pages. */
function findRoot(pages: Page[]): StructureRoot | undefined {
  for (const page of pages) {
    for (const { type, item } of page.items) {
      if (type !== 'line') continue;
      for (const inline of (item as LaidOutLine).inlines) {
        let element = markingOf(inline);
        if (element?.kind !== 'element') continue;
        while (element.parent !== undefined) element = element.parent;
        return element as StructureRoot;
      }
    }
  }
  return undefined;
}

/** Draws one document's content in marked content and builds its structure tree. */
class Tagger {
  private readonly elements = new Map<StructureElement, KitElement>();
  /** The page (0-based) on which the content of an element that repeats was first drawn. */
  private readonly firstPages = new Map<StructureElement, number>();
  private page = -1;
  /** The marked-content sequence that is open, and what it marks. */
  private open: Marking | undefined;
  /** The line being drawn and the index of its next word. */
  private line: { inlines: LaidOutInline[]; next: number } | undefined;
  /** The Link element of the word being drawn, whose annotations join it. */
  private link: StructureElement | undefined;
  /** Decoration is being drawn (as an artifact). */
  private inArtifact = false;
  private readonly onPage = (): void => {
    this.page++;
    // Tab order follows the structure (PDF/UA 7.18.3).
    this.doc.page.dictionary.data.Tabs = 'S';
  };

  constructor(
    private readonly doc: KitDocument,
    private readonly root: StructureRoot,
  ) {
    const document = doc.struct(root.type);
    doc.addStructure(document);
    this.elements.set(root, document);
    this.addChildren(root, document);
    doc.on('pageAdded', this.onPage);
  }

  /** The elements known before layout, in reading order. */
  private addChildren(element: StructureElement, kit: KitElement): void {
    for (const child of element.children) {
      const kitChild = this.doc.struct(child.type, child.options);
      kit.add(kitChild);
      this.elements.set(child, kitChild);
      this.addChildren(child, kitChild);
    }
  }

  /** pdfkit's element for an element; an element inside running text joins its parent now. */
  private kitElement(element: StructureElement): KitElement {
    let kit = this.elements.get(element);
    if (kit === undefined) {
      if (element.parent === undefined) throw new Error(`PDF writer: a ${element.type} element outside the document`);
      kit = this.doc.struct(element.type, element.options);
      this.kitElement(element.parent).add(kit);
      this.elements.set(element, kit);
    }
    return kit;
  }

  /** What a laid-out word is: its element (or the entry of the table of contents it links from), or an artifact. */
  private targetOf(inline: LaidOutInline): Marking {
    if (typeof inline.linkToDestination === 'string') {
      const entry = this.root.linkTargets.get(inline.linkToDestination);
      if (entry === undefined) throw new Error(`PDF writer: no element for links to "${inline.linkToDestination}"`);
      return entry;
    }
    const marking = markingOf(inline);
    if (marking === undefined) throw new Error(`PDF writer: text without structure: "${inline.text}"`);
    return this.unlessRepeated(marking);
  }

  /** Content of an element that repeats (a table header row) is an artifact on the pages after its first. */
  private unlessRepeated(marking: Marking): Marking {
    for (let element: StructureElement | undefined = marking.kind === 'element' ? marking : undefined; element;) {
      if (element.repeats) {
        const first = this.firstPages.get(element);
        if (first === undefined) this.firstPages.set(element, this.page);
        else if (this.page > first) return repeated;
        break;
      }
      element = element.parent;
    }
    return marking;
  }

  /** Opens marked content for `target`, unless it is open already. */
  private mark(target: Marking): void {
    if (this.open === target) return;
    this.close();
    if (target.kind === 'artifact') {
      this.doc.markContent('Artifact', {
        type: target.type,
        ...(target.attached ? { attached: [target.attached] } : {}),
      });
    } else {
      const kit = this.kitElement(target);
      kit.add(this.doc.markStructureContent(target.type));
    }
    this.open = target;
  }

  private close(): void {
    if (this.open === undefined) return;
    this.doc.endMarkedContent();
    this.open = undefined;
  }

  /** Draws decoration (a background, an underline, a border) as an artifact. */
  artifact(draw: () => void): void {
    this.close();
    this.mark(decoration);
    this.inArtifact = true;
    try {
      draw();
    } finally {
      this.inArtifact = false;
      this.close();
    }
  }

  /**
   * pdfmake sets each word's colour with pdfkit's fill(colour), which also paints the (empty) current path: inside a
   * line, that belongs to the word that follows.
   */
  beforeFill(): void {
    const inline = this.line?.inlines[this.line.next];
    if (inline !== undefined && !this.inArtifact) this.mark(this.targetOf(inline));
  }

  drawLine(line: LaidOutLine, draw: () => void): void {
    this.line = { inlines: line.inlines, next: 0 };
    try {
      draw();
      if (this.line.next !== line.inlines.length) {
        throw internalChanged("pdfmake's Renderer.renderLine (one text call per laid-out word)");
      }
    } finally {
      this.line = undefined;
      this.link = undefined;
      this.close();
    }
  }

  /** Before pdfmake draws the next word of the line: its marked content. */
  beforeText(text: string): void {
    const inline = this.line?.inlines[this.line.next++];
    if (inline === undefined || inline.text !== text) {
      throw internalChanged("pdfmake's Renderer.renderLine (one text call per laid-out word, in order)");
    }
    const target = this.targetOf(inline);
    this.mark(target);
    this.link = target.kind === 'element' && target.type === 'Link' ? target : undefined;
  }

  /** A link annotation made while a Link element's word is drawn joins that element, with its text. */
  annotationOptions(options: Record<string, unknown>): void {
    const link = this.link;
    if (link === undefined || options.Subtype !== 'Link' || options.structParent !== undefined) return;
    const kit = this.kitElement(link);
    const page = this.doc.page.dictionary;
    options.structParent = {
      add(reference: KitAnnotationReference) {
        annotationPages.set(reference.annotationRef as object, page);
        kit.add(reference);
      },
    };
    if (options.Contents === undefined && link.annotationText !== undefined) {
      options.Contents = new String(link.annotationText);
    }
  }

  drawVector(vector: Vector, draw: () => void): void {
    const marking = markingOf(vector);
    if (marking === undefined) {
      this.artifact(draw);
      return;
    }
    this.mark(this.unlessRepeated(marking));
    try {
      draw();
    } finally {
      this.close();
    }
  }

  finish(): void {
    this.close();
    this.doc.removeListener('pageAdded', this.onPage);
  }
}

let installed = false;

/**
 * Installs the hook once per process. For documents of other pdfmake users, and untagged ones, it does nothing; a
 * tagged document of this writer (isOwnDocument) without any structure is an error.
 */
export function installTagging(): void {
  if (installed) return;
  const renderer = internalPrototype<Renderer>('Renderer.js', ['renderPages', 'renderLine', 'renderVector']);
  const decorator = internalPrototype<TextDecorator>('TextDecorator.js', ['drawBackground', 'drawDecorations']);
  const { renderPages, renderLine, renderVector } = renderer;
  const { drawBackground, drawDecorations } = decorator;
  const flushChild = structureElementPrototype();
  const originalFlushChild = flushChild._flushChild;

  renderer.renderPages = function (this: Renderer, pages) {
    const doc = this.pdfDocument as TaggedDocument;
    if (doc.options.tagged !== true) return renderPages.call(this, pages);
    const root = findRoot(pages);
    if (root === undefined) {
      if (isOwnDocument(doc)) throw new Error('PDF writer: a tagged document without structure');
      return renderPages.call(this, pages);
    }
    for (const page of pages) {
      for (const { type } of page.items) {
        if (!TAGGABLE.has(type)) throw new Error(`PDF writer: cannot tag a page item of type "${type}"`);
      }
    }
    const tagger = new Tagger(doc, root);
    const { text, annotate, fill } = doc;
    doc[TAGGER] = tagger;
    doc.text = function (this: KitDocument, value, ...rest) {
      tagger.beforeText(value);
      return text.call(this, value, ...rest);
    };
    doc.fill = function (this: KitDocument, ...rest) {
      tagger.beforeFill();
      return fill.call(this, ...rest);
    };
    doc.annotate = function (this: KitDocument, x, y, w, h, options) {
      tagger.annotationOptions(options);
      return annotate.call(this, x, y, w, h, options);
    };
    try {
      renderPages.call(this, pages);
      tagger.finish();
    } finally {
      delete doc[TAGGER];
      delete (doc as Partial<KitDocument>).text;
      delete (doc as Partial<KitDocument>).annotate;
      delete (doc as Partial<KitDocument>).fill;
    }
  };
  renderer.renderLine = function (this: Renderer, line, x, y) {
    const tagger = (this.pdfDocument as TaggedDocument)[TAGGER];
    if (tagger === undefined) return renderLine.call(this, line, x, y);
    tagger.drawLine(line, () => renderLine.call(this, line, x, y));
  };
  renderer.renderVector = function (this: Renderer, vector) {
    const tagger = (this.pdfDocument as TaggedDocument)[TAGGER];
    if (tagger === undefined) return renderVector.call(this, vector);
    tagger.drawVector(vector, () => renderVector.call(this, vector));
  };
  // Backgrounds and decorations (underlines) of words: drawn only for words that have them.
  decorator.drawBackground = function (this: TextDecorator, line, x, y) {
    const tagger = this.pdfDocument[TAGGER];
    if (tagger === undefined) return drawBackground.call(this, line, x, y);
    if (line.inlines.some((inline) => inline.background)) tagger.artifact(() => drawBackground.call(this, line, x, y));
  };
  decorator.drawDecorations = function (this: TextDecorator, line, x, y) {
    const tagger = this.pdfDocument[TAGGER];
    if (tagger === undefined) return drawDecorations.call(this, line, x, y);
    if (line.inlines.some((inline) => inline.decoration)) tagger.artifact(() => drawDecorations.call(this, line, x, y));
  };
  // pdfkit gives an annotation's object reference the page that is current when the structure tree is written (the
  // last one); this gives it the page the annotation is on.
  flushChild._flushChild = function (this: KitElement, child: unknown) {
    originalFlushChild.call(this, child);
    const page = annotationPages.get((child as Partial<KitAnnotationReference>)?.annotationRef as object);
    if (page === undefined) return;
    const reference = this.dictionary.data.K?.at(-1) as { Type?: string; Pg?: unknown } | undefined;
    if (reference?.Type !== 'OBJR') throw internalChanged("pdfkit's PDFStructureElement._flushChild (OBJR)");
    reference.Pg = page;
  };
  installed = true;
}

interface FlushChild {
  _flushChild(this: KitElement, child: unknown): void;
}

/** The prototype of pdfkit's PDFStructureElement (not exported): of an element made in a document of its own. */
function structureElementPrototype(): FlushChild {
  let proto: Partial<FlushChild> | undefined;
  try {
    const PDFKitDocument = pdfLibraries().pdfkit() as new (options: object) => KitDocument;
    const element = new PDFKitDocument({ autoFirstPage: false, font: null }).struct('P');
    proto = Object.getPrototypeOf(element) as Partial<FlushChild>;
  } catch {
    proto = undefined;
  }
  if (typeof proto?._flushChild !== 'function') {
    throw new PatchError('pdfkit heeft geen PDFStructureElement met _flushChild meer');
  }
  return proto as FlushChild;
}
