import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

/** Whether an external program (pdftotext, soffice…) is installed. */
export function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Tests that read files back with poppler or LibreOffice skip where those tools are missing,
 * except in CI (CI=true), where `.ci/run` installs them and their absence must fail.
 */
export function requireTools(...names: string[]): boolean {
  const missing = names.filter((name) => !hasTool(name));
  if (missing.length === 0) return true;
  if (process.env.CI) throw new Error(`CI needs ${missing.join(', ')}; .ci/run should have installed them`);
  return false;
}

/** Runs `body` with a fresh temporary folder that is removed afterwards, whatever happens. */
export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'integriteitsplan-'));
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
