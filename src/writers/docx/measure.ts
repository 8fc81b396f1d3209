import type { Inline } from '../../document/tree.js';
import { charWidth } from '../../document/font-widths.js';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The character (code point) of `text` at `index`, as a string iterates them: a surrogate pair together, anything
 * else one code unit. Indexing is much cheaper than a string's iterator in a cold run.
 */
function charAt(text: string, index: number): string {
  const code = text.charCodeAt(index);
  return isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(index + 1))
    ? text.slice(index, index + 2)
    : text[index]!;
}

/** The width of text in Arial, in twips, at a size in half-points. */
export function textWidth(text: string, bold: boolean, size: number): number {
  let width = 0;
  for (let index = 0; index < text.length;) {
    const char = charAt(text, index);
    index += char.length;
    width += charWidth(char, bold);
  }
  return (width * size) / 100;
}

/** A run of text as wide as Arial's regular or bold face makes it; a line break is "\n". */
export interface Segment {
  readonly text: string;
  readonly bold: boolean;
}

/** Text over several source lines as the inline handlers render it: on one line. */
const joinLines = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/** The text of inline content as segments, as the inline handlers render it. */
export function segments(inlines: readonly Inline[], bold: boolean, out: Segment[] = []): Segment[] {
  for (const node of inlines) {
    if (node.type === 'text') out.push({ text: node.value.includes('\n') ? joinLines(node.value) : node.value, bold });
    else if (node.type === 'lineBreak') out.push({ text: '\n', bold });
    // Unknown nodes are left to the handlers, which report them.
    else if (Array.isArray((node as { children?: unknown }).children)) {
      segments(node.children, bold || node.type === 'strong', out);
    }
  }
  return out;
}

/** The number of lines text wraps to in a width (twips), greedily at spaces and after hyphens, as Word wraps it. */
export function countLines(parts: readonly Segment[], width: number, size: number): number {
  const scale = ((size / 2) * 20) / 1000;
  let lines = 1;
  let x = 0;
  let word = 0;
  let spaces = 0;
  const place = () => {
    if (word === 0) return;
    if (x > 0 && x + spaces + word > width) {
      lines++;
      x = 0;
    } else if (x > 0) {
      x += spaces;
    }
    // A word wider than the line breaks between its characters.
    while (x + word > width && word > width) {
      lines++;
      word -= width - x;
      x = 0;
    }
    x += word;
    word = 0;
    spaces = 0;
  };
  for (const { text, bold } of parts) {
    for (let index = 0; index < text.length;) {
      const char = charAt(text, index);
      index += char.length;
      if (char === '\n') {
        place();
        lines++;
        x = 0;
        spaces = 0;
        continue;
      }
      const w = charWidth(char, bold) * scale;
      if (char === ' ' || char === '\t') {
        place();
        spaces += w;
      } else {
        word += w;
        if (char === '-' || char === '\u2013') place();
      }
    }
  }
  place();
  return lines;
}
