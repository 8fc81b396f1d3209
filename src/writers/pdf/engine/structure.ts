/**
 * The structure of a tagged PDF (PDF/UA) as the writer describes it and the tagging patch (patches/tagging.ts) draws
 * it: the handlers decide which element each piece of content belongs to and put that element on the pdfmake runs
 * they make (MARKING); pdfmake copies every property of a run onto each word it lays out, and the patch draws each
 * word inside marked content of its element, or as an artifact.
 */

/** The property of a pdfmake run (and of each word laid out from it) that says what its content is. */
export const MARKING = '_marking';
/** The property of a list item's pdfmake content that names the element of its marker (bullet or number). */
export const LIST_LABEL = '_listLabel';

/** The standard structure types of PDF 1.7 that the writer uses. */
export type StructureType =
  | 'Document'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'Span'
  | 'Link'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'TOC'
  | 'TOCI';

/** What pdfkit writes on a structure element besides its type. */
export interface ElementOptions {
  /** An alternate description (/Alt). */
  alt?: string;
  /** The text the content stands for (/ActualText), e.g. '•' for a drawn bullet. */
  actual?: string;
  /** Of a header cell: the cells it heads (/Scope). */
  scope?: 'Column' | 'Row';
}

export interface StructureElement {
  readonly kind: 'element';
  readonly type: StructureType;
  readonly parent: StructureElement | undefined;
  /**
   * The elements it holds that are known before layout (blocks, rows, cells, list parts), in reading order. Elements
   * inside running text (links, spans) are not listed: they join their parent where their content is drawn.
   */
  readonly children: StructureElement[];
  readonly options: ElementOptions;
  /** Of a Link element: the text of its link annotations (/Contents). */
  readonly annotationText?: string;
  /** Content drawn again on a later page than the first (a repeated table header row) is an artifact there. */
  readonly repeats?: boolean;
}

/** The document element, with what the tagging needs to know about the whole document. */
export interface StructureRoot extends StructureElement {
  readonly type: 'Document';
  /**
   * The element that content linking to a destination inside the document belongs to, by destination id: the
   * entries of the table of contents, which pdfmake makes from the headings' own runs.
   */
  readonly linkTargets: Map<string, StructureElement>;
}

/** Content that is not part of the document's structure: page furniture and decoration. */
export interface Artifact {
  readonly kind: 'artifact';
  readonly type: 'Pagination' | 'Layout';
  /** The page edge a running header or footer is attached to. */
  readonly attached?: 'Top' | 'Bottom';
}

export type Marking = StructureElement | Artifact;

/** A new document element. */
export function documentElement(): StructureRoot {
  return { kind: 'element', type: 'Document', parent: undefined, children: [], options: {}, linkTargets: new Map() };
}

/** A new element known before layout, appended to its parent's children. */
export function blockElement(
  type: StructureType,
  parent: StructureElement,
  extra: Partial<Pick<StructureElement, 'options' | 'annotationText' | 'repeats'>> = {},
): StructureElement {
  const element: StructureElement = { kind: 'element', type, parent, children: [], options: {}, ...extra };
  parent.children.push(element);
  return element;
}

/** A new element inside running text: it joins its parent where its content is drawn. */
export function textElement(
  type: 'Link' | 'Span',
  parent: StructureElement,
  extra: Partial<Pick<StructureElement, 'options' | 'annotationText'>> = {},
): StructureElement {
  return { kind: 'element', type, parent, children: [], options: {}, ...extra };
}

export const artifacts = {
  runningHeader: { kind: 'artifact', type: 'Pagination', attached: 'Top' },
  runningFooter: { kind: 'artifact', type: 'Pagination', attached: 'Bottom' },
} as const satisfies Record<string, Artifact>;
