/**
 * Every patch of a library's internals, in one place: two speed-ups of pdfmake 0.3.11 and pdfkit 0.19.1, which
 * package.json pins exactly. They install once per process, or throw a PatchError naming what does not fit, so a
 * PDF is made with them or not at all. test/writers/pdf/engine/patches/ has a test for every internal they use.
 */
import { installFontReuse } from './font-reuse.js';
import { checkVersions } from './internals.js';
import { installRunMerging } from './merge-runs.js';

export { PatchError } from './internals.js';

/** Installs the patches for documents set in the given font files (virtual file names). */
export function installPatches(fontFiles: Iterable<string>): void {
  checkVersions();
  const files = [...fontFiles];
  installFontReuse(files);
  installRunMerging(files);
}
