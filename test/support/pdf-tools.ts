import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DocumentTree } from '../../src/document/tree.js';
import { writePdf, type PdfOptions } from '../../src/writers/pdf/index.js';
import { expectPdfUa } from './pdfua.js';
import { requireTools } from './tools.js';

const run = promisify(execFile);

/**
 * Whether poppler's pdftotext, pdfinfo and pdffonts are there: skipped locally without them, a failure on CI
 * (see requireTools).
 */
export const popplerAvailable = (): boolean => requireTools('pdftotext', 'pdfinfo', 'pdffonts');

/** A word as pdftotext -bbox places it (text XML-escaped): top and bottom in points from the top of the page. */
export interface PdfWord {
  text: string;
  yMin: number;
  yMax: number;
}

/** A written PDF on disk, for the poppler tools. */
export interface PdfFile {
  path: string;
  text(options?: { first?: number; last?: number; layout?: boolean }): Promise<string>;
  info(): Promise<Record<string, string>>;
  /** The words of one page with their positions. */
  words(page: number): Promise<PdfWord[]>;
  fonts(): Promise<string>;
  /** The bookmarks (the outline), depth first, with their level (1 for the top) and title; needs qpdf. */
  outline(): Promise<{ level: number; title: string }[]>;
  remove(): Promise<void>;
}

interface QpdfOutline {
  title: string;
  kids: QpdfOutline[];
}

export async function pdfFile(bytes: Uint8Array): Promise<PdfFile> {
  const dir = await mkdtemp(join(tmpdir(), 'pdf-writer-'));
  const path = join(dir, 'out.pdf');
  await writeFile(path, bytes);
  return {
    path,
    async text({ first, last, layout = false } = {}) {
      const args = [...(layout ? ['-layout'] : []), '-enc', 'UTF-8'];
      if (first !== undefined) args.push('-f', String(first));
      if (last !== undefined) args.push('-l', String(last));
      return (await run('pdftotext', [...args, path, '-'])).stdout;
    },
    async info() {
      const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', path]);
      const fields: Record<string, string> = {};
      for (const line of stdout.split('\n')) {
        const match = /^([^:]+):\s*(.*)$/.exec(line);
        if (match?.[1] !== undefined) fields[match[1]] = match[2] ?? '';
      }
      return fields;
    },
    async words(page) {
      const args = ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), path, '-'];
      const { stdout } = await run('pdftotext', args);
      return [...stdout.matchAll(/<word xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">([^<]*)<\/word>/g)].map(
        ([, yMin, yMax, text]) => ({ text: text ?? '', yMin: Number(yMin), yMax: Number(yMax) }),
      );
    },
    async fonts() {
      return (await run('pdffonts', [path])).stdout;
    },
    async outline() {
      const { stdout } = await run('qpdf', ['--json', '--json-key=outlines', path], { maxBuffer: 64 * 2 ** 20 });
      const flat = (items: QpdfOutline[], level: number): { level: number; title: string }[] =>
        items.flatMap((item) => [{ level, title: item.title }, ...flat(item.kids, level + 1)]);
      return flat((JSON.parse(stdout) as { outlines: QpdfOutline[] }).outlines, 1);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** writePdf, with check_pdfua.py passing what it wrote (pdfua.ts): tests make their PDFs here. */
export async function checkedPdf(tree: DocumentTree, options?: PdfOptions): Promise<Uint8Array> {
  const bytes = await writePdf(tree, options);
  await expectPdfUa(bytes);
  return bytes;
}
