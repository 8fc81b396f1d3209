import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { codeIdentity, libraryVersion } from '../../../cache/identity.js';
import { cacheKey } from '../../../cache/store.js';

const require = createRequire(import.meta.url);

/** The folder of pdfmake's own Roboto TTFs, found through module resolution (works from src/ and dist/). */
export const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

/** pdfmake's font styles mapped to Roboto files: Medium serves as bold, as in pdfmake's own examples. */
const FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

export const FONT_FAMILY = 'Roboto';

/** Virtual file names under which the font buffers are kept in pdfmake's in-memory file system. */
export type FontFiles = Record<keyof typeof FILES, string>;

let loaded: { names: FontFiles; contents: ReadonlyMap<string, Buffer> } | undefined;

/**
 * The four TTFs' virtual names and contents, read once per process: the check of what the PDF can show (coverage.ts)
 * and pdfmake both need them.
 */
export function loadFontFiles(): { names: FontFiles; contents: ReadonlyMap<string, Buffer> } {
  if (loaded) return loaded;
  const contents = new Map<string, Buffer>();
  const names = {} as FontFiles;
  for (const [style, file] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
    const name = `integriteitsplan-pdf/${file}`;
    names[style] = name;
    contents.set(name, readFileSync(join(fontDir, file)));
  }
  loaded = { names, contents };
  return loaded;
}

/**
 * The cache key of what is measured from these fonts (virtual name → TTF bytes) and stored as `entry`: the font
 * files, fontkit's version (it reads them) and this program's code.
 */
export function fontFilesKey(entry: string, fonts: ReadonlyMap<string, Uint8Array>): Buffer {
  const names = [...fonts.keys()].sort();
  return cacheKey(
    entry,
    codeIdentity(),
    libraryVersion('fontkit', ['pdfmake', 'pdfkit']) ?? '',
    ...names.flatMap((name) => [name, fonts.get(name)!]),
  );
}
