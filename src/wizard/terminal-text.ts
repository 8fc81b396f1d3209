import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/*
 * Every line the wizard shows goes through here: broken at spaces by wrap-ansi, never inside a
 * word (only a word longer than the whole line is cut), and kept off the terminal's last column,
 * where @inquirer would break the line itself (it cuts at the width, also inside a word) and some
 * terminals wrap on their own.
 */

/** The width of a terminal, as @inquirer reads it: its columns, or 80. */
export interface TerminalSize {
  columns: number;
  rows: number;
}

export function usableWidth(columns: number): number {
  return Math.max(20, columns - 1);
}

export function textWidth(text: string): number {
  return stringWidth(text);
}

function wrapped(text: string, width: number): string[] {
  return wrapAnsi(text, Math.max(1, width), { hard: true }).split('\n');
}

/** Each line of `text` wrapped to the terminal; a line's leading spaces (and list dash) indent its continuation lines. */
export function wrapText(text: string, columns: number): string {
  const width = usableWidth(columns);
  return text
    .split('\n')
    .map((line) => {
      // A list item ("  - …") continues under its text, after the dash.
      const lead = /^ *(- )?/.exec(line)![0];
      const [first = '', ...rest] = wrapped(line.slice(lead.length), width - lead.length);
      return [`${lead}${first}`, ...rest.map((part) => `${' '.repeat(lead.length)}${part}`)].join('\n');
    })
    .join('\n');
}

/**
 * `text` where it continues a line that is `column` wide already: as much as fits there, the rest
 * on lines indented by `indent`. Starts with a line break when not even the first word fits.
 * Returns the lines, so the caller can style each one.
 */
export function continueLine(text: string, column: number, columns: number, indent = 2): string[] {
  const width = usableWidth(columns);
  // A placeholder word (and a space) as wide as what stands before: wrap-ansi then breaks the
  // first line where it must.
  const placeholder = column > 0 ? `${'x'.repeat(column - 1)} ` : '';
  const first = column < width ? wrapped(`${placeholder}${text}`, width)[0]!.slice(column) : '';
  const rest = text.slice(first.length).trimStart();
  if (rest === '') return [first];
  return [first, ...wrapped(rest, width - indent).map((line) => `${' '.repeat(indent)}${line}`)];
}

/** `text` from the start of a line, continuation lines indented by `indent`. */
export function hangingLines(text: string, columns: number, indent: number): string[] {
  return continueLine(text, 0, columns, indent);
}

/** The width of the last of `lines`. */
export function lastLineWidth(lines: readonly string[]): number {
  return textWidth(lines.at(-1) ?? '');
}

/**
 * A shell command on as many lines as it needs, each but the last ending in " \" so it can be
 * copied and pasted as it stands. Lines break only between the parts (an option with its value
 * stays together); a non-breaking space holds each part together while wrap-ansi lays them out.
 */
export function commandLines(parts: readonly string[], columns: number): string[] {
  const glued = parts.map((part) => part.replace(/ /g, '\u00a0')).join(' ');
  // Indented by two, continuation lines by four, and room for the " \\".
  const width = usableWidth(columns) - 4 - 2;
  return wrapAnsi(glued, Math.max(1, width), { hard: false })
    .split('\n')
    .map((line, index, lines) => {
      const indent = index === 0 ? '  ' : '    ';
      return `${indent}${line.replace(/\u00a0/g, ' ')}${index < lines.length - 1 ? ' \\' : ''}`;
    });
}
