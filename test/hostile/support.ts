import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess, type CliResult } from '../support/cli.js';

/**
 * The one rule every hostile input is held to: exit code 1 (a user mistake, not a crash), a Dutch
 * message that names the file, key or line and what is allowed, no stack trace, no English text
 * from a library, no raw control character reaching the terminal, and an output folder exactly
 * as it was (no partial, no overwritten file).
 */

/** Phrases of the libraries we use (yaml, zod, Handlebars, commander, Node's fs) and common English words. */
const englishText = [
  /Map keys must be unique/,
  /Source contains/,
  /Flow (sequence|mapping)/,
  /Nested mappings/,
  /Implicit (map )?keys/,
  /Tabs are not allowed/,
  /Maximum call stack/,
  /Excessive alias/,
  /Expecting '/,
  /Parse error/,
  /Lexical error/,
  /could not be found/,
  /doesn't match/,
  /not defined in/,
  /verwacht (record|array|string|object|number)/,
  /ontving (array|string|object|number|undefined)/,
  /Ongeldige invoer/,
  /INVALID_OPENING_QUOTE/,
  /illegal operation/,
  /no such file/,
  /permission denied/i,
  /too many symbolic links/i,
  /Did you mean/,
  /\b(the|must|cannot|expected|received|invalid|failed|unexpected|missing|please|should|error)\b/i,
];
const stackTrace =
  /\n\s+at [^\n]+:\d+|Er ging iets mis in integriteitsplan zelf|\b(Type|Range|Reference|Syntax)?Error\b/;
const rawErrno = /\bE(NOENT|ISDIR|LOOP|ACCES|PERM|NOTDIR|EXIST|NAMETOOLONG|ROFS|NOSPC|INVAL|LOCKED)\b/;
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function expectRefused(result: CliResult, ...mentions: (string | RegExp)[]): void {
  const { stderr } = result;
  const context = `stderr was:\n${stderr}`;
  expect({ code: result.code, context }).toEqual({ code: 1, context });
  // `controleer` starts its list of problems with its own sentence.
  expect(stderr).toMatch(/^(Fout: |De kennisbank in )/);
  for (const pattern of [...englishText, stackTrace, rawErrno, rawControl]) {
    if (pattern.test(stderr)) throw new Error(`message breaks the rule ${pattern}:\n${stderr}`);
  }
  for (const mention of mentions) {
    if (typeof mention === 'string' ? !stderr.includes(mention) : !mention.test(stderr)) {
      throw new Error(`message does not mention ${mention}:\n${stderr}`);
    }
  }
}

/** Name → content hash of everything in a folder, hidden files and subfolders included. */
export function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  const visit = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) visit(path, `${prefix}${name}/`);
      else state[`${prefix}${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  visit(dir, '');
  return state;
}

/** A scratch folder for one test file, removed afterwards. */
export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'hostile-'));

  /** Writes a file (text or bytes) and returns its path. */
  file(name: string, content: string | Uint8Array): string {
    const path = join(this.dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
  }

  /** An output folder that already holds earlier work, so a refused run can be seen to leave it alone. */
  outputWithEarlierWork(name: string): string {
    const dir = join(this.dir, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'gemeente-voorbeeld-integriteitsbeleidsplan-2027-2030.md'), 'eerder werk\n');
    writeFileSync(join(dir, 'eigen-aantekeningen.txt'), 'niet aankomen\n');
    return dir;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Runs `genereer` with these arguments into an output folder holding earlier work, applies the
 * rule, and checks the folder is untouched. Returns the result for further checks.
 */
export async function expectGenerateRefused(
  scratch: Scratch,
  args: string[],
  ...mentions: (string | RegExp)[]
): Promise<CliResult> {
  const out = scratch.outputWithEarlierWork(`uit-${Math.random().toString(36).slice(2)}`);
  const before = folderState(out);
  const result = await runInProcess(['genereer', ...args, '--uitvoer', out], scratch.dir);
  expectRefused(result, ...mentions);
  expect(folderState(out)).toEqual(before);
  return result;
}

/** A valid answers file that each test spoils in one way. */
export const validAnswers = `organisatie:
  naam: Gemeente Voorbeeld
  type: gemeente
hoofdstukken: [h2, h3, h4, h56]
zwakke_themas: [h2-gedragsregels, h4-handhaving]
planperiode: { van: 2027, tot: 2030 }
datum: 2027-01-15
`;

export const validAnswersJson = JSON.stringify(
  {
    organisatie: { naam: 'Gemeente Voorbeeld', type: 'gemeente' },
    zwakke_themas: ['h2-gedragsregels', 'h4-handhaving'],
    planperiode: { van: 2027, tot: 2030 },
    datum: '2027-01-15',
  },
  null,
  2,
);
