import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function installed(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether poppler's pdftotext, pdfinfo and pdffonts are there. Without them the reading tests are skipped
 * locally, but on CI (process.env.CI set) they must run, so a missing tool is a failure there.
 */
export function popplerAvailable(): boolean {
  const ok = ['pdftotext', 'pdfinfo', 'pdffonts'].every(installed);
  if (!ok && process.env.CI) throw new Error('poppler-utils (pdftotext, pdfinfo, pdffonts) are required on CI');
  return ok;
}

/** A written PDF on disk, for the poppler tools. */
export interface PdfFile {
  path: string;
  text(options?: { first?: number; last?: number; layout?: boolean }): Promise<string>;
  info(): Promise<Record<string, string>>;
  fonts(): Promise<string>;
  remove(): Promise<void>;
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
    async fonts() {
      return (await run('pdffonts', [path])).stdout;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
