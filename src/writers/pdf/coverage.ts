import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import type { DocumentTree } from '../../document/tree.js';
import { UserError } from '../../validation/problem.js';
import { codePointName } from '../../validation/text.js';
import { loadFontFiles } from './engine/fonts.js';

/*
 * What the PDF can show. pdfmake draws a character its font lacks as nothing at all, so Hebrew,
 * Arabic, direction marks or an emoji would vanish from the published PDF without a word while
 * the DOCX keeps them. A fallback font would not help: pdfmake has no bidirectional layout and no
 * Arabic shaping, so such text would come out reversed or in unjoined letters — worse than a clear
 * refusal for a document a public body publishes. So the tool refuses such text, naming it, before
 * anything is written; the DOCX can still be made.
 */

let covered: ReadonlySet<number> | undefined;
/** fontkit is loaded only when a PDF is wanted: loading it unpacks Unicode tables (~70 ms) that other commands never need. */
const require = createRequire(import.meta.url);

/** Code points every one of the four font styles has a glyph for (a name may be set bold or italic). */
function coveredCodePoints(): ReadonlySet<number> {
  if (!covered) {
    let common: Set<number> | undefined;
    const fontkit = require('fontkit') as typeof import('fontkit');
    for (const bytes of loadFontFiles().contents.values()) {
      const font = fontkit.create(bytes) as Font;
      const set = new Set(font.characterSet);
      common = common ? new Set([...common].filter((code) => set.has(code))) : set;
    }
    covered = common ?? new Set();
  }
  return covered;
}

/** Line breaks and tabs are layout, not glyphs. */
const layout = new Set([0x09, 0x0a, 0x0d]);

/** The distinct characters of `text` the PDF's font cannot show, in order of appearance. */
export function charactersMissingFromPdf(text: string): string[] {
  const fonts = coveredCodePoints();
  const missing = new Set<string>();
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) continue;
    if (!fonts.has(code) && !layout.has(code)) missing.add(char);
  }
  return [...missing];
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
  const stack: unknown[] = [tree];
  while (stack.length > 0 && problems.length < 10) {
    const node = stack.pop();
    if (typeof node === 'string') {
      const missing = charactersMissingFromPdf(node);
      if (missing.length > 0) problems.push(`${describeCharacters(missing)} in "${context(node, missing[0]!)}"`);
    } else if (Array.isArray(node)) stack.push(...[...node].reverse());
    else if (node !== null && typeof node === 'object' && !(node instanceof Date)) {
      stack.push(...Object.values(node).reverse());
    }
  }
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
