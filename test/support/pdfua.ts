import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { packageRoot } from '../../src/paths.js';

const run = promisify(execFile);

/** Debian's Python, which has python3-pikepdf (another python3 on the PATH may not). */
const PYTHON = '/usr/bin/python3';

/** A copy of ../shared/tools/check_pdfua.py in the repository, for a clone without ../shared (test/pdfua-copy.test.ts keeps it equal). */
export const bundledChecker = join(packageRoot, 'test', 'support', 'check_pdfua.py');

/** ../shared/tools/check_pdfua.py from the project's root or a folder above it (a worktree), if there is one. */
export function sharedChecker(): string | undefined {
  for (let dir = packageRoot; ; dir = dirname(dir)) {
    const candidate = join(dir, '..', 'shared', 'tools', 'check_pdfua.py');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The shared checker where it exists, else the repository's copy of it. */
function findChecker(): string | undefined {
  return sharedChecker() ?? (existsSync(bundledChecker) ? bundledChecker : undefined);
}

let available: string | undefined | null = null;

/**
 * The path of check_pdfua.py when it can run here (the script, /usr/bin/python3 and pikepdf): tests that use it
 * skip without it, but in CI (CI=true), where `.ci/run` installs python3-pikepdf, its absence fails.
 */
export function pdfuaChecker(): string | undefined {
  if (available !== null) return available;
  const script = findChecker();
  let pikepdf = false;
  try {
    execFileSync(PYTHON, ['-c', 'import pikepdf'], { stdio: 'ignore' });
    pikepdf = true;
  } catch {
    pikepdf = false;
  }
  available = script !== undefined && pikepdf ? script : undefined;
  if (available === undefined && process.env.CI) {
    throw new Error(
      script === undefined
        ? 'CI needs ../shared/tools/check_pdfua.py or its copy test/support/check_pdfua.py'
        : 'CI needs python3-pikepdf for /usr/bin/python3; .ci/run should have installed it',
    );
  }
  return available;
}

export interface PdfuaFinding {
  level: 'FAIL' | 'WARN' | 'PASS' | 'INFO';
  rule: string;
  message: string;
}

/** Runs check_pdfua.py on a PDF and returns its findings; `pdfa` makes it check PDF/A as well. */
export async function checkPdfua(path: string, options: { pdfa?: boolean } = {}): Promise<PdfuaFinding[]> {
  const script = pdfuaChecker();
  if (script === undefined) throw new Error('check_pdfua.py cannot run here');
  const args = [script, path, '--json', '-', '--pdfa', options.pdfa ? 'yes' : 'auto'];
  const { stdout } = await run(PYTHON, args, { maxBuffer: 64 * 2 ** 20 }).catch(
    (error: { code?: number; stdout?: string }) => {
      // Exit 1 means "a rule fails": the findings are still on stdout.
      if (error.code === 1 && error.stdout) return { stdout: error.stdout };
      throw error;
    },
  );
  return (JSON.parse(stdout) as { findings: PdfuaFinding[] }).findings;
}

/** The rules check_pdfua.py finds broken (with its message), or none. */
export async function pdfuaFailures(path: string, options: { pdfa?: boolean } = {}): Promise<string[]> {
  return (await checkPdfua(path, options))
    .filter((finding) => finding.level === 'FAIL')
    .map((finding) => `${finding.rule}: ${finding.message}`);
}

/** PDFs already checked in this test file's process, by the hash of their bytes. */
const checked = new Map<string, Promise<string[]>>();

/**
 * Fails unless check_pdfua.py passes the PDF (bytes, or a file): every test that makes a PDF has it checked here,
 * directly or through checkedPdf (pdf-tools.ts) and runInProcess (cli.ts). A PDF that claims PDF/A is checked for
 * that as well. Does nothing where the checker cannot run (but in CI). The same bytes are checked once per process.
 */
export async function expectPdfUa(pdf: Uint8Array | string): Promise<void> {
  if (pdfuaChecker() === undefined) return;
  const bytes = typeof pdf === 'string' ? await readFile(pdf) : pdf;
  const hash = createHash('sha256').update(bytes).digest('hex');
  let failures = checked.get(hash);
  if (failures === undefined) {
    failures = (async () => {
      if (typeof pdf === 'string') return pdfuaFailures(pdf);
      const dir = await mkdtemp(join(tmpdir(), 'pdfua-'));
      try {
        const path = join(dir, 'checked.pdf');
        await writeFile(path, bytes);
        return await pdfuaFailures(path);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    })();
    checked.set(hash, failures);
  }
  const found = await failures;
  if (found.length > 0) {
    throw new Error(`check_pdfua.py fails ${typeof pdf === 'string' ? pdf : 'a PDF'}:\n  ${found.join('\n  ')}`);
  }
}
