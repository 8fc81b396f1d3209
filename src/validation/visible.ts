/*
 * Text from a user's file quoted inside a message. A terminal obeys control characters (ESC starts
 * sequences that move the cursor, clear the screen or, with OSC 52, write the clipboard), and
 * direction marks reorder what a reader sees: a crafted file must not reach the terminal through
 * our own error message. Quoted text also stays short, so one enormous cell cannot flood it.
 */

// C0 controls and DEL, C1 controls (also the 8-bit CSI and OSC), and the bidirectional formatting characters.
const invisible = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const maxQuoted = 60;

/** `value` with every control character written out (ESC as \x1b), cut to 60 characters with "…". */
export function visible(value: string): string {
  // Code points, not UTF-16 units, so an emoji is never cut in half; a code point takes at most two units.
  const head = [...value.slice(0, maxQuoted * 2)];
  const shortened =
    head.length > maxQuoted || value.length > maxQuoted * 2 ? `${head.slice(0, maxQuoted).join('')}…` : value;
  return shortened.replace(invisible, (char) => {
    const code = char.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
