import { MARKING } from '../structure.js';
import { internalChanged, internalPrototype, isOwnDocument } from './internals.js';

/**
 * Speed-up hook: pdfmake lays text out word by word and draws every word with its own pdfkit text call (its
 * own BT…ET block, font, colour and, for links, annotation). Before drawing, this joins neighbouring words of a
 * line that look the same into one run, so a line costs one or two text calls instead of one per word. The
 * page looks the same; text extraction gets whole phrases instead of loose words.
 */

/** A laid-out word: the properties pdfmake 0.3.11's Renderer and TextDecorator read when drawing it. */
interface LaidOutInline {
  text: string;
  x: number;
  width: number;
  height: number;
  font: unknown;
  fontSize: number;
  fontFeatures: unknown;
  color: unknown;
  opacity: unknown;
  characterSpacing: unknown;
  background: unknown;
  decoration: unknown;
  decorationColor: unknown;
  decorationStyle: unknown;
  decorationThickness: unknown;
  link: unknown;
  linkToPage: unknown;
  linkToDestination: unknown;
  sup: unknown;
  sub: unknown;
  /** What the word's content is in the tagged PDF (structure.ts): words of different elements stay apart. */
  [MARKING]?: unknown;
  trailingCut?: number;
  /** Set on table of contents page numbers, which pdfmake fills in while drawing. */
  _pageNodeRef?: unknown;
  /** Set on justified text. */
  justifyShift?: unknown;
  /** Read only for table of contents page numbers. */
  alignment?: unknown;
}

interface LaidOutLine {
  inlines: LaidOutInline[];
  _pageNodeRef?: unknown;
}

interface Page {
  items: { type: string; item: unknown }[];
}

interface Renderer {
  pdfDocument?: { fonts?: Record<string, Record<string, unknown> | undefined> };
  renderPages(pages: Page[]): void;
}

/** Words pdfmake draws in a special way stay alone. */
const mergeable = (inline: LaidOutInline): boolean =>
  inline._pageNodeRef === undefined && inline.justifyShift === undefined && !inline.fontFeatures;

/**
 * The properties of a laid-out word that decide how pdfmake 0.3.11's Renderer and TextDecorator draw it, besides its
 * text, position and width (which a run adds up) and the markers of words drawn in a special way (`mergeable`).
 */
export const DRAWN_ALIKE = [
  'font',
  'fontSize',
  'height',
  'color',
  'opacity',
  'characterSpacing',
  'background',
  'decoration',
  'decorationColor',
  'decorationStyle',
  'decorationThickness',
  'link',
  'linkToPage',
  'linkToDestination',
  'sup',
  'sub',
] as const satisfies readonly (keyof LaidOutInline)[];

/** Properties that do not change how a word looks but keep words apart: what they are part of in the tagged PDF. */
export const KEPT_APART = [MARKING] as const satisfies readonly (keyof LaidOutInline)[];

/** What a run adds up or takes from its words, and the markers of words that stay alone. */
export const MERGED = ['text', 'x', 'width', 'trailingCut', '_pageNodeRef', 'justifyShift', 'fontFeatures'] as const;

/**
 * Whether b starts where a ends and is drawn exactly like a: the properties of DRAWN_ALIKE and KEPT_APART, compared
 * one by one by name (a loop over the names reads the words' many shapes far more slowly; the tests check the two
 * agree).
 */
function joins(a: LaidOutInline, b: LaidOutInline): boolean {
  return (
    Math.abs(a.x + a.width - b.x) < 1e-6 &&
    a.font === b.font &&
    a.fontSize === b.fontSize &&
    a.height === b.height &&
    a.color === b.color &&
    a.opacity === b.opacity &&
    a.characterSpacing === b.characterSpacing &&
    a.background === b.background &&
    a.decoration === b.decoration &&
    a.decorationColor === b.decorationColor &&
    a.decorationStyle === b.decorationStyle &&
    a.decorationThickness === b.decorationThickness &&
    a.link === b.link &&
    a.linkToPage === b.linkToPage &&
    a.linkToDestination === b.linkToDestination &&
    a.sup === b.sup &&
    a.sub === b.sub &&
    a[MARKING] === b[MARKING]
  );
}

/**
 * A run starting with `first`: a copy (pdfmake shares laid-out words between lines, such as a table's repeated header
 * row) of every property that is read of a word when it is drawn, the same properties in the same order for every
 * run, so that drawing reads them fast.
 */
function startRun(first: LaidOutInline): LaidOutInline {
  return {
    text: first.text,
    x: first.x,
    width: first.width,
    trailingCut: first.trailingCut,
    height: first.height,
    font: first.font,
    fontSize: first.fontSize,
    fontFeatures: first.fontFeatures,
    color: first.color,
    opacity: first.opacity,
    characterSpacing: first.characterSpacing,
    background: first.background,
    decoration: first.decoration,
    decorationColor: first.decorationColor,
    decorationStyle: first.decorationStyle,
    decorationThickness: first.decorationThickness,
    link: first.link,
    linkToPage: first.linkToPage,
    linkToDestination: first.linkToDestination,
    sup: first.sup,
    sub: first.sub,
    alignment: first.alignment,
    _pageNodeRef: first._pageNodeRef,
    justifyShift: first.justifyShift,
    [MARKING]: first[MARKING],
  };
}

/** Joins the neighbouring words of a line that are drawn alike into runs (a new `inlines`; the words stay as they are). */
export function mergeLine(line: LaidOutLine): void {
  const { inlines } = line;
  if (line._pageNodeRef !== undefined || inlines.length < 2) return;
  const out: LaidOutInline[] = [];
  let run: LaidOutInline | undefined;
  let copied = false;
  for (const inline of inlines) {
    const ok = mergeable(inline);
    if (run !== undefined && ok && joins(run, inline)) {
      if (!copied) {
        run = startRun(run);
        out[out.length - 1] = run;
        copied = true;
      }
      run.text += inline.text;
      run.width += inline.width;
      run.trailingCut = inline.trailingCut;
    } else {
      run = ok ? inline : undefined;
      copied = false;
      out.push(inline);
    }
  }
  if (out.length < inlines.length) line.inlines = out;
}

let installed = false;

/** Installs the hook once per process, for this writer's documents (isOwnDocument). */
export function installRunMerging(): void {
  if (installed) return;
  const proto = internalPrototype<Renderer>('Renderer.js', ['renderPages', 'renderLine']);
  const original = proto.renderPages;
  proto.renderPages = function renderPages(this: Renderer, pages) {
    if (isOwnDocument(this.pdfDocument)) {
      for (const page of pages) {
        for (const { type, item } of page.items) {
          if (type !== 'line') continue;
          if (!Array.isArray((item as LaidOutLine | undefined)?.inlines))
            throw internalChanged("pdfmake's Line.inlines");
          mergeLine(item as LaidOutLine);
        }
      }
    }
    original.call(this, pages);
  };
  installed = true;
}
