import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { buildIfStale } from '../wizard/support/terminal.js';

/** The program as it ships (package.json's bin): the esbuild bundle of dist/src. */
export const builtBundle = join(packageRoot, 'dist', 'bundle', 'main.js');

const newest = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => statSync(join(dir, file)).mtimeMs),
  );

/** Compiles dist/ and bundles it again when a source file is newer than the bundle (`npm test` has done both). */
export function bundleIfStale(): void {
  buildIfStale();
  if (existsSync(builtBundle) && statSync(builtBundle).mtimeMs >= newest(join(packageRoot, 'dist', 'src'))) return;
  execFileSync('npm', ['run', '-s', 'bundle'], { cwd: packageRoot, stdio: 'pipe' });
}
