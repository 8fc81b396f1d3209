/**
 * Every patch of a library's internals, in one place, for pdfmake 0.3.11 and pdfkit 0.19.1, which package.json pins
 * exactly: two speed-ups (font-reuse, merge-runs), the tagged PDF (tagging, list-markers), its metadata (metadata)
 * and a layout check (unbreakable). They install once per process, or throw a PatchError naming what does not fit,
 * so a PDF is made with them or not at all. test/writers/pdf/engine/patches/ has a test for every internal they use.
 */
import { installFontReuse } from './font-reuse.js';
import { checkVersions, installedVersions, registerOwnFonts } from './internals.js';
import { installListMarkers } from './list-markers.js';
import { installMetadata } from './metadata.js';
import { installRunMerging } from './merge-runs.js';
import { installTagging } from './tagging.js';
import { installUnbreakableCheck } from './unbreakable.js';

export { PatchError } from './internals.js';
export { UnbreakableOverflow } from './unbreakable.js';

/**
 * Installs the patches for documents set in the given font files (virtual file names), or throws a PatchError.
 * `versions` are the installed ones (a parameter for tests).
 */
export function installPatches(fontFiles: Iterable<string>, versions = installedVersions()): void {
  checkVersions(versions);
  const files = [...fontFiles];
  registerOwnFonts(files);
  installFontReuse(files);
  installRunMerging();
  installTagging();
  installListMarkers();
  installMetadata();
  installUnbreakableCheck();
}
