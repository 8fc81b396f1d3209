import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from '../../../cache/code-cache.js';
import { defaultCache } from '../../../cache/store.js';

/*
 * Where the PDF writer gets pdfmake, pdfkit and fontkit: the one place that loads them, so that the writer, the check
 * of what the PDF can show and the patches always hold the same module instances.
 *
 * Run as the modules in dist/src, they are node_modules' own files, which Node loads and compiles anew on each start
 * (~200 ms of CommonJS files). The bundle (scripts/bundle.mjs) carries them, and all they load, in one CommonJS file
 * of their own, named in compiled.json beside it, which runs here with V8's code cache (cache/code-cache.ts) — only
 * when a PDF is wanted.
 */

/** What the bundle's PDF library file exports: the same modules as node_modules holds, from its own copies. */
export interface PdfLibraries {
  pdfmake(): unknown;
  /** One of pdfmake's internal modules, `pdfmake/js/<file>` (`Renderer.js`). */
  pdfmakeInternal(file: string): unknown;
  /** The pdfkit that pdfmake uses. */
  pdfkit(): unknown;
  /** The fontkit that pdfkit uses. */
  fontkit(): unknown;
  /** The package.json of pdfmake and of that pdfkit. */
  pdfmakeManifest(): unknown;
  pdfkitManifest(): unknown;
}

const require = createRequire(import.meta.url);
/** The require of pdfmake's own folder, which finds the pdfkit pdfmake itself loads (nested or hoisted). */
const fromPdfmake = () => createRequire(require.resolve('pdfmake/package.json'));

const nodeModules: PdfLibraries = {
  pdfmake: () => require('pdfmake'),
  pdfmakeInternal: (file) => require(`pdfmake/js/${file}`),
  pdfkit: () => fromPdfmake()('pdfkit'),
  fontkit: () => createRequire(fromPdfmake().resolve('pdfkit'))('fontkit'),
  pdfmakeManifest: () => require('pdfmake/package.json'),
  pdfkitManifest: () => fromPdfmake()('pdfkit/package.json'),
};

/** Written by scripts/bundle.mjs beside the bundle; absent when the program runs as the modules in dist/src. */
const manifest = join(dirname(fileURLToPath(import.meta.url)), 'compiled.json');

let libraries: PdfLibraries | undefined;

/** The bundle's PDF library file, with its code cache; undefined where there is no bundle. */
function bundled(): PdfLibraries | undefined {
  if (!existsSync(manifest)) return undefined;
  const { pdfLibraries } = JSON.parse(readFileSync(manifest, 'utf8')) as { pdfLibraries?: string };
  if (pdfLibraries === undefined) return undefined;
  const loaded = runWithCodeCache<PdfLibraries>(join(dirname(manifest), pdfLibraries), 'code-pdf', defaultCache());
  // Only a run that went through compiled the functions the next one needs (as for the command line's own bundle).
  process.once('exit', (code) => {
    if (code === 0) loaded.keepCodeCache();
  });
  return loaded.exports;
}

/** pdfmake, pdfkit and fontkit: the bundle's own copies where there is a bundle, else node_modules'; once per process. */
export function pdfLibraries(): PdfLibraries {
  libraries ??= bundled() ?? nodeModules;
  return libraries;
}
