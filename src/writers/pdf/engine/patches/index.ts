/**
 * Every patch of a library's internals, in one place, for pdfmake 0.3.11, pdfkit 0.19.1 and the fontkit 2.0.4 under
 * it, which package.json pins exactly: speed-ups (font-reuse with word-layout, merge-runs, stored-shaping,
 * word-styles, measured-texts, content-streams, text-fragments), the tagged PDF (tagging, list-markers), its metadata (metadata) and a layout check
 * (unbreakable). They install once per process, or throw a PatchError naming what does not fit, so a PDF is made with
 * them or not at all.
 * test/writers/pdf/engine/patches/ has a test for every internal they use.
 */
import { installContentStreams } from './content-streams.js';
import { installFontReuse } from './font-reuse.js';
import { checkVersions, installedVersions, registerOwnFonts } from './internals.js';
import { installListMarkers } from './list-markers.js';
import { installMeasuredTexts } from './measured-texts.js';
import { installMetadata } from './metadata.js';
import { installRunMerging } from './merge-runs.js';
import { installStoredShaping, type ShapedFont, type ShapingBook } from './stored-shaping.js';
import { installTagging } from './tagging.js';
import { installTextFragments } from './text-fragments.js';
import { installUnbreakableCheck } from './unbreakable.js';
import { installWordStyles } from './word-styles.js';

export { PatchError } from './internals.js';
export { UnbreakableOverflow } from './unbreakable.js';

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
  registerOwnFonts(files);
  installFontReuse(files, books && ((file, font) => installStoredShaping(font as unknown as ShapedFont, books(file))));
  installRunMerging();
  installWordStyles();
  installMeasuredTexts();
  installContentStreams();
  installTextFragments();
  installTagging();
  installListMarkers();
  installMetadata();
  installUnbreakableCheck();
}
