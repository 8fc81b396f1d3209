/*
 * Characters that have no place in the text of a user's file: they are invisible, move the cursor
 * or the reading direction in a terminal (ESC, CSI, OSC, the bidi overrides of "Trojan Source"),
 * or turn into line breaks in a document. One definition for every file the tool reads.
 */

/** C0 controls except tab and line feed, DEL, C1 controls, line/paragraph separators, bidi embeddings, overrides and isolates, BOM, noncharacters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const forbidden = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/u;
/** A UTF-16 surrogate without its partner: not a character at all (only an escape such as "\ud800" can make one). */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const names: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'BEL',
  0x08: 'BS',
  0x09: 'TAB',
  0x0a: 'regeleinde',
  0x0d: 'CR',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x9b: 'CSI',
  0x9d: 'OSC',
  0x061c: 'ARABIC LETTER MARK',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'regelscheiding',
  0x2029: 'alineascheiding',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0xfeff: 'BOM',
};

/** "U+001B (ESC)": how a message names a character, since the character itself would be invisible. */
export function codePointName(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return names[code] ? `${hex} (${names[code]})` : hex;
}

/**
 * Undefined when the text is fine; otherwise what is wrong, for after the key: "bevat een
 * onzichtbaar stuurteken U+001B (ESC) op positie 3; haal het weg". `multiline` allows line breaks
 * and tabs (a toelichting); without it they are refused too (a name is one line).
 */
export function controlCharacterProblem(text: string, { multiline }: { multiline: boolean }): string | undefined {
  const match = forbidden.exec(text) ?? (multiline ? null : /[\t\n]/.exec(text)) ?? loneSurrogate.exec(text);
  if (!match) return undefined;
  const char = match[0];
  const position = [...text.slice(0, match.index)].length + 1;
  if (char === '\n' || char === '\t') {
    return `moet op één regel passen; er staat een ${char === '\n' ? 'regeleinde' : 'tab'} op positie ${position}`;
  }
  const what = /[\ud800-\udfff]/.test(char) ? 'een half teken (losse surrogaat)' : 'een onzichtbaar stuurteken';
  return `bevat ${what} ${codePointName(char)} op positie ${position}; haal het weg (het kan een document of de terminal verstoren)`;
}
