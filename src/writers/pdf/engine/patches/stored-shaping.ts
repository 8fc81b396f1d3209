/**
 * Speed-up hook: shaping a word with fontkit (font.layout: the glyphs, ligatures and kerning of its text) is the
 * largest part of laying out a PDF, and gives the same result on every run for the same font. This keeps those
 * results in a book that shaping-cache.ts stores between runs, and replays a word from it instead of shaping it.
 *
 * A replay makes exactly what shaping would make. Shaping depends on more than the word: fontkit keeps one glyph
 * object per glyph id, made with the code points of the first call that asked for it (font.getGlyph), and the
 * result carries those objects (pdfkit's ToUnicode map reads their code points). So the book records, for a word,
 * every first request for a glyph during its shaping: the id, the code points asked with, and those of the glyph
 * obtained. A replay first checks, without changing anything, that each request would now obtain a glyph with the
 * same code points (an existing glyph's, or the asked ones for a glyph not yet made); only then does it make the
 * same requests in the same order, so the font is left as shaping would leave it. If any check fails, or the book
 * entry is not of the expected form, the word is shaped as without the hook.
 */

/** The parts of a fontkit font (fontkit 2.0, under pdfkit 0.19.1) the hook uses. */
export interface ShapedFont {
  layout(text: unknown, ...rest: unknown[]): LayoutRun;
  getGlyph(id: number, codePoints?: number[]): Glyph | null;
  /** fontkit's glyph objects by glyph id (the same internal font-reuse.ts relies on). */
  _glyphs?: Record<number, Glyph | undefined>;
}

interface Glyph {
  id: number;
  codePoints: number[];
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** What pdfkit's EmbeddedFont.layoutRun reads of fontkit's GlyphRun. */
interface LayoutRun {
  glyphs: Glyph[];
  positions: Position[];
  readonly advanceWidth: number;
}

/**
 * A word's shaping as the book keeps it: the first request per glyph id ([id, code points asked, code points of the
 * glyph obtained when they differ]), the glyph ids of the result, and its positions (xAdvance, yAdvance, xOffset,
 * yOffset per glyph, in font units).
 */
export type StoredRun = [requests: [number, number[], number[]?][], glyphs: number[], positions: number[]];

/** The shaped words of one font: read from the cache, and those shaped in this process (`added`). */
export interface ShapingBook {
  get(text: string): unknown;
  add(text: string, run: StoredRun): void;
}

const POSITION_KEYS = ['xAdvance', 'yAdvance', 'xOffset', 'yOffset'] as const;

const sameCodePoints = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

const isCodePoints = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((point) => Number.isInteger(point));

/** A GlyphRun as pdfkit uses it: glyphs, fresh positions it scales in place, and their summed advance. */
class ReplayedRun implements LayoutRun {
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: Position[],
  ) {}

  /** As fontkit's GlyphRun sums it, in the same order (pdfkit scales the positions after layout returns). */
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/** The run a book entry stands for, made as shaping would make it; undefined (and nothing changed) if it cannot be. */
function replay(font: ShapedFont, entry: unknown): LayoutRun | undefined {
  const made = font._glyphs;
  if (!Array.isArray(entry) || entry.length !== 3 || typeof made !== 'object' || made === null) return undefined;
  const [requests, ids, numbers] = entry as unknown[];
  // pdfkit lays out words, never an empty text: a run without glyphs is not one the hook wrote.
  if (!Array.isArray(requests) || !Array.isArray(ids) || !Array.isArray(numbers) || ids.length === 0) return undefined;
  if (numbers.length !== ids.length * 4 || !numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return undefined;
  }
  const requested = new Set<number>();
  for (const request of requests) {
    if (!Array.isArray(request) || request.length < 2 || request.length > 3) return undefined;
    const [id, asked, got = asked] = request as unknown[];
    if (!Number.isInteger(id) || !isCodePoints(asked) || !isCodePoints(got)) return undefined;
    // As fontkit's getGlyph decides: a glyph made before is returned as it is, else one is made for `asked`.
    const existing = made[id as number];
    if (!sameCodePoints(existing ? existing.codePoints : asked, got)) return undefined;
    requested.add(id as number);
  }
  if (!ids.every((id) => requested.has(id as number))) return undefined;

  for (const [id, asked] of requests as [number, number[]][]) font.getGlyph(id, [...asked]);
  const glyphs = (ids as number[]).map((id) => made[id]!);
  const positions: Position[] = [];
  const values = numbers as number[];
  for (let i = 0; i < values.length; i += 4) {
    positions.push({
      xAdvance: values[i]!,
      yAdvance: values[i + 1]!,
      xOffset: values[i + 2]!,
      yOffset: values[i + 3]!,
    });
  }
  return new ReplayedRun(glyphs, positions);
}

/**
 * Shapes a word with fontkit while noting every first glyph request; returns the run and, when it can be replayed
 * exactly, the entry for the book.
 */
function shapeAndRecord(font: ShapedFont, shape: () => LayoutRun): [LayoutRun, StoredRun?] {
  if (Object.prototype.hasOwnProperty.call(font, 'getGlyph')) return [shape()];
  const getGlyph = font.getGlyph;
  const requests: StoredRun[0] = [];
  const requested = new Set<number>();
  let replayable = true;
  font.getGlyph = function noted(this: ShapedFont, id: number, codePoints: number[] = []) {
    const glyph = getGlyph.call(this, id, codePoints);
    if (!requested.has(id)) {
      requested.add(id);
      if (!Number.isInteger(id) || glyph === null || !isCodePoints(glyph.codePoints) || !isCodePoints(codePoints)) {
        replayable = false;
      } else {
        requests.push(
          sameCodePoints(glyph.codePoints, codePoints)
            ? [id, [...codePoints]]
            : [id, [...codePoints], [...glyph.codePoints]],
        );
      }
    }
    return glyph;
  };
  let run: LayoutRun;
  try {
    run = shape();
  } finally {
    delete (font as Partial<ShapedFont>).getGlyph;
  }
  const made = font._glyphs;
  const numbers: number[] = [];
  for (const position of run.positions) {
    const keys = Object.keys(position);
    if (keys.length !== POSITION_KEYS.length || !POSITION_KEYS.every((key) => keys.includes(key))) replayable = false;
    numbers.push(...POSITION_KEYS.map((key) => position[key]));
  }
  replayable &&=
    typeof made === 'object' &&
    made !== null &&
    run.glyphs.length === run.positions.length &&
    run.glyphs.every((glyph) => requested.has(glyph.id) && made[glyph.id] === glyph) &&
    numbers.every((n) => typeof n === 'number' && Number.isFinite(n));
  return replayable ? [run, [requests, run.glyphs.map((glyph) => glyph.id), numbers]] : [run];
}

/**
 * Installs the hook on one fontkit font (the one font-reuse.ts shares between the documents of a process): plain
 * words (pdfkit's `layout(text)`, without features) are replayed from the book when it has them and shaped and
 * added to it otherwise. Everything else goes to fontkit unchanged.
 */
export function installStoredShaping(font: ShapedFont, book: ShapingBook): void {
  const layout = font.layout;
  font.layout = function storedLayout(this: ShapedFont, text: unknown, ...rest: unknown[]): LayoutRun {
    const shape = () => layout.call(this, text, ...rest);
    if (typeof text !== 'string' || rest.some((argument) => argument !== undefined)) return shape();
    const replayed = replay(this, book.get(text));
    if (replayed !== undefined) return replayed;
    const [run, stored] = shapeAndRecord(this, shape);
    if (stored !== undefined) book.add(text, stored);
    return run;
  };
}
