/**
 * Speed-up hook: pdfkit 0.19.1's EmbeddedFont.layout(text) lays a text out word by word from its cache of words
 * (layoutCached), but joins the words' glyphs and positions with a concat per word, a new pair of arrays each time
 * (quadratic in the words of a line), and sums each word's width anew through fontkit's advanceWidth getter, which
 * adds up the word's positions on every call. This is the same method with the arrays filled in place and a word's
 * width kept on its cached run: the same glyphs, positions and widths, summed in the same order.
 */

interface Position {
  xAdvance: number;
}

/** A laid-out run (fontkit's GlyphRun as pdfkit scales it, or stored-shaping.ts's replay). */
interface Run {
  glyphs: unknown[];
  positions: Position[];
  readonly advanceWidth: number;
  [WIDTH]?: number;
}

/** The parts of pdfkit's EmbeddedFont the hook uses. */
export interface LaidOutFont {
  layoutRun(text: string, features?: unknown): Run;
  layoutCached(text: string): Run;
  layout(
    text: string,
    features?: unknown,
    onlyWidth?: boolean,
  ): { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
}

const WIDTH = Symbol('integriteitsplan advance width');

const SPACE = 0x20;
const TAB = 0x09;

/** A cached word's width: its positions do not change once laid out (pdfkit scales them before caching the run). */
function widthOf(run: Run): number {
  let width = run[WIDTH];
  if (width === undefined) width = run[WIDTH] = run.advanceWidth;
  return width;
}

/** EmbeddedFont.layout: words end after a space or a tab, as pdfkit splits them. */
function layout(this: LaidOutFont, text: string, features?: unknown, onlyWidth?: boolean) {
  if (features) return this.layoutRun(text, features);
  const glyphs: unknown[] | null = onlyWidth ? null : [];
  const positions: unknown[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  const add = (start: number, end: number) => {
    const run = this.layoutCached(text.slice(start, end));
    if (glyphs !== null && positions !== null) {
      for (const glyph of run.glyphs) glyphs.push(glyph);
      for (const position of run.positions) positions.push(position);
    }
    advanceWidth += widthOf(run);
  };
  let last = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === SPACE || code === TAB) {
      add(last, index + 1);
      last = index + 1;
    }
  }
  if (last < text.length) add(last, text.length);
  return { glyphs, positions, advanceWidth };
}

/** Gives one of this writer's pdfkit fonts (font-reuse.ts) the faster layout. */
export function installWordLayout(font: LaidOutFont): void {
  font.layout = layout;
}
