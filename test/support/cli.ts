import { isAbsolute, join } from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { expectPdfUa } from './pdfua.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The files a successful run says it wrote ("Geschreven:" and the indented paths), as absolute paths. */
export function writtenFiles(stdout: string, cwd: string): string[] {
  const listed = /^Geschreven:\n((?: {2}.+\n)+)/m.exec(stdout)?.[1] ?? '';
  return listed
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((path) => (isAbsolute(path) ? path : join(cwd, path)));
}

/**
 * Runs the CLI in this process with captured output: fast, and the same code path as the binary. Every PDF a run
 * writes must pass check_pdfua.py (pdfua.ts).
 */
export async function runInProcess(argv: string[], cwd = process.cwd()): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd,
    interactive: false,
  });
  for (const file of writtenFiles(stdout, cwd).filter((path) => path.endsWith('.pdf'))) await expectPdfUa(file);
  return { code, stdout, stderr };
}
