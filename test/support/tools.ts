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
