import type { Font } from 'fontkit';
import { defaultCache, type CacheStore } from '../../cache/store.js';
import type { DocumentTree } from '../../document/tree.js';
import { UserError } from '../../validation/problem.js';
import { codePointName } from '../../validation/text.js';
import { fontFilesKey, loadFontFiles } from './engine/fonts.js';
import { pdfLibraries } from './engine/libraries.js';

/*
 * What the PDF can show. pdfmake draws a character its font lacks as nothing at all, so Hebrew,
 * Arabic, direction marks or an emoji would vanish from the published PDF without a word while
 * the DOCX keeps them. A fallback font would not help: pdfmake has no bidirectional layout and no
 * Arabic shaping, so such text would come out reversed or in unjoined letters — worse than a clear
 * refusal for a document a public body publishes. So the tool refuses such text, naming it, before
 * anything is written; the DOCX can still be made.
 */

const ENTRY = 'lettertekens';

let covered: ReadonlySet<number> | undefined;

/** The code points every one of the fonts has a glyph for, as fontkit reads them from the font files. */
function measureCoverage(fonts: ReadonlyMap<string, Uint8Array>): number[] {
  // fontkit is loaded only when a PDF is wanted and the cache has no answer: loading it unpacks Unicode tables.
  const fontkit = pdfLibraries().fontkit() as typeof import('fontkit');
  let common: Set<number> | undefined;
  for (const bytes of fonts.values()) {
    const set = new Set(
      (fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Font).characterSet,
    );
    common = common ? new Set([...common].filter((code) => set.has(code))) : set;
  }
  return [...(common ?? [])].sort((a, b) => a - b);
}

/** A stored list of code points, or undefined when it is not one. */
function storedCoverage(bytes: Buffer | undefined): number[] | undefined {
  if (bytes === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    const valid =
      Array.isArray(value) && value.every((code) => Number.isInteger(code) && code >= 0 && code <= 0x10ffff);
    return valid ? (value as number[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The code points all these fonts (virtual name → TTF bytes) have a glyph for: read from `cache`, or measured and
 * stored there. The fonts are the same on every run, and measuring them means loading fontkit and reading every
 * font's character map. The key covers the font files, fontkit's version and this program's code.
 */
export function fontCoverage(fonts: ReadonlyMap<string, Uint8Array>, cache: CacheStore): ReadonlySet<number> {
  const key = fontFilesKey(ENTRY, fonts);
  const stored = storedCoverage(cache.read(ENTRY, key));
  if (stored !== undefined) return new Set(stored);
  const measured = measureCoverage(fonts);
  cache.write(ENTRY, key, Buffer.from(JSON.stringify(measured), 'utf8'));
  return new Set(measured);
}

/** Code points every one of the four font styles has a glyph for (a name may be set bold or italic). */
function coveredCodePoints(): ReadonlySet<number> {
  covered ??= fontCoverage(loadFontFiles().contents, defaultCache());
  return covered;
}

/** Line breaks and tabs are layout, not glyphs. */
const layout = new Set([0x09, 0x0a, 0x0d]);

/** The distinct characters of `text` the PDF's font cannot show, in order of appearance. */
export function charactersMissingFromPdf(text: string): string[] {
  let missing: Set<string> | undefined;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    // Printable ASCII, which every font has: most of every text, so the font is not even asked.
    if (unit >= 0x20 && unit < 0x7f) continue;
    const code = text.codePointAt(index)!;
    if (code > 0xffff) index++;
    if (!coveredCodePoints().has(code) && !layout.has(code)) (missing ??= new Set()).add(String.fromCodePoint(code));
  }
  return missing === undefined ? [] : [...missing];
}

/** "U+05D0 (א), U+05D1 (ב)": the characters by code, and as themselves where that is visible. */
export function describeCharacters(chars: readonly string[]): string {
  const shown = chars.slice(0, 10).map((char) => {
    const name = codePointName(char);
    return /[\p{L}\p{N}\p{S}\p{P}]/u.test(char) && !name.includes('(') ? `${name} (${char})` : name;
  });
  return chars.length > 10 ? `${shown.join(', ')} en nog ${chars.length - 10}` : shown.join(', ');
}

/**
 * The safety net for text from templates and knowledge base copies (the answers are checked
 * earlier, by key): refuses a document whose PDF would lose characters, quoting where they stand.
 */
export function assertPdfCanShow(tree: DocumentTree, document: string): void {
  const problems: string[] = [];
  // Every string of the tree, in document order, until ten problems are found.
  const visit = (node: unknown): void => {
    if (problems.length >= 10) return;
    if (typeof node === 'string') {
      const missing = charactersMissingFromPdf(node);
      if (missing.length > 0) problems.push(`${describeCharacters(missing)} in "${context(node, missing[0]!)}"`);
    } else if (Array.isArray(node)) {
      for (const item of node as unknown[]) visit(item);
    } else if (node !== null && typeof node === 'object' && !(node instanceof Date)) {
      for (const value of Object.values(node)) visit(value);
    }
  };
  visit(tree);
  if (problems.length > 0) {
    throw new UserError(
      `De PDF van ${document} zou tekens verliezen die het lettertype niet kan tonen; er is niets gemaakt. ` +
        'Pas de tekst in het eigen sjabloon of de eigen kennisbank aan, of maak alleen de DOCX (--formaten docx).',
      problems.map((message) => ({ file: document, key: '', message })),
    );
  }
}

function context(text: string, char: string): string {
  const at = text.indexOf(char);
  const start = Math.max(0, at - 25);
  return `${start > 0 ? '…' : ''}${text.slice(start, at + 25)}${at + 25 < text.length ? '…' : ''}`;
}
