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
 * Converts a DOCX file to PDF with LibreOffice (its own profile, so it runs beside other instances) and reads the pages
 * back with `pdftotext -layout`.
 */
export function convertWithLibreOffice(bytes: Uint8Array, name = 'document'): ConvertedPdf {
  const dir = mkdtempSync(join(tmpdir(), 'docx-lo-'));
  try {
    const docx = join(dir, `${name}.docx`);
    writeFileSync(docx, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const pdf = join(dir, `${name}.pdf`);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // pdftotext ends every page with a form feed.
    return { pages: text.split('\f').slice(0, -1), raw: readFileSync(pdf).toString('latin1') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
