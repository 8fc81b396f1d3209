import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

/** Reads the four TTFs once and returns their virtual names and contents. */
export function loadFontFiles(): { names: FontFiles; contents: Map<string, Buffer> } {
  const contents = new Map<string, Buffer>();
  const names = {} as FontFiles;
  for (const [style, file] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
    const name = `integriteitsplan-pdf/${file}`;
    names[style] = name;
    contents.set(name, readFileSync(join(fontDir, file)));
  }
  return { names, contents };
}
