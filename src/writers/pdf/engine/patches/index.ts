/**
 * Every patch of a library's internals, in one place: speed-ups of pdfmake 0.3.11, pdfkit 0.19.1 and the fontkit
 * under it, which package.json pins exactly (pdfkit's own dependency decides fontkit). They install once per process, or throw a PatchError naming what does not fit, so a
 * PDF is made with them or not at all. test/writers/pdf/engine/patches/ has a test for every internal they use.
 */
import { installFontReuse } from './font-reuse.js';
import { checkVersions, installedVersions } from './internals.js';
import { installRunMerging } from './merge-runs.js';
import { installStoredShaping, type ShapedFont, type ShapingBook } from './stored-shaping.js';

export { PatchError } from './internals.js';

/**
 * Installs the patches for documents set in the given font files (virtual file names), or throws a PatchError.
 * `versions` are the installed ones (a parameter for tests); `books` gives the book of stored shaping of each font
 * file (shaping-cache.ts).
 */
export function installPatches(
  fontFiles: Iterable<string>,
  versions = installedVersions(),
  books?: (file: string) => ShapingBook,
): void {
  checkVersions(versions);
  const files = [...fontFiles];
  installFontReuse(files, books && ((file, font) => installStoredShaping(font as unknown as ShapedFont, books(file))));
  installRunMerging(files);
}
