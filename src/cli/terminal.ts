import type { CliIo } from './io.js';

/*
 * Everything the CLI prints passes through here, because messages quote what users and their
 * files supply (a theme id, a key, a file name). A terminal obeys control characters: ESC and the
 * 8-bit CSI/OSC start sequences that move the cursor, clear the screen or (OSC 52) write the
 * clipboard, a carriage return overwrites the line, and bidi overrides reorder what a reader sees.
 * So every such character is written out as an escape (ESC as \u001b, U+202E as \u202e), the form
 * JSON and JavaScript use, which keeps `themas --json` valid JSON. Line breaks and tabs stay.
 */
const unsafe =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeForTerminal(text: string): string {
  return text.replace(unsafe, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same terminal, with every text escaped on its way out. */
export function safeIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(escapeForTerminal(text)),
    stderr: (text) => io.stderr(escapeForTerminal(text)),
  };
}
