import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';

/** The parts of a DOCX file, as text. */
export interface DocxParts {
  readonly names: readonly string[];
  part(name: string): Promise<string>;
}

export async function openDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    names: Object.keys(zip.files),
    async part(name) {
      const file = zip.file(name);
      if (!file) throw new Error(`no ${name} in the DOCX`);
      return file.async('string');
    },
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');

/** The page numbers the table of contents shows, by entry text, from document.xml. */
export function tocPageNumbers(documentXml: string): Map<string, string> {
  const entries = new Map<string, string>();
  const sdt = documentXml.match(/<w:sdt>[\s\S]*?<\/w:sdt>/)?.[0] ?? '';
  for (const paragraph of sdt.split('</w:p>')) {
    const texts = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '');
    if (texts.length >= 2) entries.set(unescapeXml(texts.slice(0, -1).join('')), texts.at(-1) ?? '');
  }
  return entries;
}

/** The page (1-based) with a line that is `text`, or its first part when it wraps; 0 when there is none. */
export function pageWithLine(pages: readonly string[], text: string): number {
  return (
    pages.findIndex((page) =>
      page.split('\n').some((raw) => {
        const line = raw.trim().replace(/\s+/g, ' ');
        return line === text || (line.length >= text.length * 0.6 && text.startsWith(line));
      }),
    ) + 1
  );
}

/**
 * The entries of the DOCX file's table of contents whose page is not where LibreOffice put their heading (`pages`),
 * allowing `tolerance` pages either way, with the page each gives.
 */
export async function tocEntriesOff(bytes: Uint8Array, pages: readonly string[], tolerance = 0) {
  const toc = tocPageNumbers(await (await openDocx(bytes)).part('word/document.xml'));
  return [...toc]
    .map(([title, page]) => ({ title, estimated: Number(page), actual: pageWithLine(pages, title) }))
    .filter(({ estimated, actual }) => actual === 0 || Math.abs(actual - estimated) > tolerance);
}

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Whether text in Arial is laid out with Arial's widths: Arial itself, or Liberation Sans, made to match it. */
export function hasArialMetrics(): boolean {
  if (!hasCommand('fc-match')) return false;
  const family = execFileSync('fc-match', ['-f', '%{family}', 'Arial'], { encoding: 'utf8' });
  return /\b(Arial|Liberation Sans)\b/.test(family);
}

/** A PDF that LibreOffice made of a DOCX file, read back with pdftotext, page by page. */
export interface ConvertedPdf {
  readonly pages: readonly string[];
  /** The PDF file itself, one character a byte: its link annotations are in plain text. */
  readonly raw: string;
}

/**
 * Converts DOCX files to PDF with LibreOffice, all in one run (its own profile, so it runs beside other instances),
 * and reads the pages back with `pdftotext -layout`. Keys are file names without extension.
 */
export function convertAllWithLibreOffice(files: ReadonlyMap<string, Uint8Array>): Map<string, ConvertedPdf> {
  const dir = mkdtempSync(join(tmpdir(), 'docx-lo-'));
  try {
    const paths = [...files].map(([name, bytes]) => {
      const path = join(dir, `${name}.docx`);
      writeFileSync(path, bytes);
      return path;
    });
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths],
      { stdio: 'pipe', timeout: 60_000 + 30_000 * files.size },
    );
    const converted = new Map<string, ConvertedPdf>();
    for (const name of files.keys()) {
      const pdf = join(dir, `${name}.pdf`);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
      // pdftotext ends every page with a form feed.
      converted.set(name, { pages: text.split('\f').slice(0, -1), raw: readFileSync(pdf).toString('latin1') });
    }
    return converted;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Converts one DOCX file to PDF with LibreOffice and reads it back (see convertAllWithLibreOffice). */
export function convertWithLibreOffice(bytes: Uint8Array, name = 'document'): ConvertedPdf {
  return convertAllWithLibreOffice(new Map([[name, bytes]])).get(name)!;
}
