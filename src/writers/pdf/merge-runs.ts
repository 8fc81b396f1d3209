import { internalPrototype } from './internals.js';

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
  trailingCut?: number;
  /** Set on table of contents page numbers, which pdfmake fills in while drawing. */
  _pageNodeRef?: unknown;
  /** Set on justified text. */
  justifyShift?: unknown;
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

/** Whether b starts where a ends and is drawn exactly like a (same font, size, colour, decoration, link…). */
const joins = (a: LaidOutInline, b: LaidOutInline): boolean =>
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
  a.sub === b.sub;

function mergeLine(line: LaidOutLine): void {
  const { inlines } = line;
  if (line._pageNodeRef !== undefined || inlines.length < 2) return;
  const out: LaidOutInline[] = [];
  let run: LaidOutInline | undefined;
  let copied = false;
  for (const inline of inlines) {
    const ok = mergeable(inline);
    if (run !== undefined && ok && joins(run, inline)) {
      if (!copied) {
        run = { ...run };
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
/** Only documents set in this writer's fonts get merged; other pdfmake users in the process are left alone. */
const ownFonts = new Set<string>();

function usesOwnFonts(renderer: Renderer): boolean {
  const families = Object.values(renderer.pdfDocument?.fonts ?? {});
  return families.some((family) => Object.values(family ?? {}).some((file) => ownFonts.has(file as string)));
}

/** Installs the hook once per process for documents using the given font files; returns whether it is active. */
export function installRunMerging(files: Iterable<string>): boolean {
  for (const file of files) ownFonts.add(file);
  if (installed) return true;
  const proto = internalPrototype<Renderer>('Renderer.js', ['renderPages', 'renderLine']);
  if (proto === undefined) return false;
  const original = proto.renderPages;
  proto.renderPages = function renderPages(this: Renderer, pages) {
    if (usesOwnFonts(this)) {
      for (const page of pages) {
        for (const { type, item } of page.items) {
          if (type === 'line' && Array.isArray((item as LaidOutLine | undefined)?.inlines)) {
            mergeLine(item as LaidOutLine);
          }
        }
      }
    }
    original.call(this, pages);
  };
  installed = true;
  return true;
}
