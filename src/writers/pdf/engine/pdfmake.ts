import { resolve, sep } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT_FAMILY, fontDir, loadFontFiles } from './fonts.js';
import { defaultCache } from '../../../cache/store.js';
import { pdfLibraries } from './libraries.js';
import { installPatches } from './patches/index.js';
import { loadShapingCache } from './shaping-cache.js';

export { UnbreakableOverflow } from './patches/index.js';

type PdfMake = typeof import('pdfmake');

interface VirtualFileSystem {
  writeFileSync(name: string, content: Buffer): void;
}

let instance: Promise<PdfMake> | undefined;

/**
 * Once per process: a pdfmake instance of our own (so nobody else's fonts or policies change ours), the font
 * buffers in pdfmake's in-memory file system (no disk reads per document), no URL access, local access only to
 * the font folder, and the patches (patches/), or an error when they cannot apply, with the text measurements stored
 * by earlier runs (shaping-cache.ts). pdfmake itself (~90 ms to load) is only loaded when a PDF is wanted.
 */
function setUp(): Promise<PdfMake> {
  instance ??= create().catch((error: unknown) => {
    instance = undefined;
    throw error;
  });
  return instance;
}

async function create(): Promise<PdfMake> {
  const pdfmake = pdfLibraries().pdfmake() as PdfMake;
  const created = new (pdfmake.constructor as new () => PdfMake)();
  const { names, contents } = loadFontFiles();
  const vfs = (created as unknown as { virtualfs: VirtualFileSystem }).virtualfs;
  for (const [name, content] of contents) vfs.writeFileSync(name, content);
  created.setFonts({ [FONT_FAMILY]: names });
  created.setUrlAccessPolicy(() => false);
  created.setLocalAccessPolicy((path) => resolve(path).startsWith(fontDir + sep));
  const shaping = loadShapingCache(contents, defaultCache());
  installPatches(contents.keys(), undefined, (file) => shaping.book(file));
  return created;
}

/** Lays out and renders a document definition into PDF bytes. */
export async function render(definition: TDocumentDefinitions): Promise<Uint8Array> {
  const pdfmake = await setUp();
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
