import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolVersion } from '../paths.js';

/*
 * What every cached value also depends on besides its own input files: the program's own code and the versions of
 * the libraries that computed it. A cache key includes them, so no change of code or library can reuse a stale value.
 */

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
/** Bundled (dist/bundle), this module is one of the bundle's files, which all lie side by side. */
const bundled = basename(here) !== 'cache';
/** The folder of the running program's own code: the bundle's, or src/ (dist/src/) when run from the modules. */
const codeDir = bundled ? here : join(here, '..');
/** esbuild names each chunk of the bundle after a hash of its content (which covers the chunks it imports). */
const NAMED_BY_CONTENT = /-[A-Z0-9]{8}\.c?js$/;

let code: string | undefined;

/**
 * A hash of the program's version and every file of its own code, with the Node and V8 versions (which the stored
 * formats depend on); of a bundle chunk named after its content, the name. Computed once per process, when a cache
 * is first asked.
 */
export function codeIdentity(): string {
  if (code !== undefined) return code;
  const hash = createHash('sha256').update(`${toolVersion}\0${process.versions.node}\0${process.versions.v8}\0`);
  const files = (readdirSync(codeDir, { recursive: true, encoding: 'utf8' }) as string[]).sort();
  for (const file of files) {
    if (bundled && NAMED_BY_CONTENT.test(file)) {
      hash.update(`${file}\0`);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(codeDir, file));
    } catch {
      continue; // a folder
    }
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  code = hash.digest('hex');
  return code;
}

/**
 * The folder of an installed package: the first `<node_modules>/<name>` on Node's lookup path that holds its
 * package.json, read directly; resolving the entry point (exports, file extensions) costs more than the rest of a
 * cache lookup.
 */
function packageDir(resolveFrom: NodeJS.Require, name: string): { dir: string; version?: string } {
  for (const modules of resolveFrom.resolve.paths(name) ?? []) {
    const dir = join(modules, name);
    let manifest: { name?: string; version?: string };
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as typeof manifest;
    } catch {
      continue; // Not installed here: look further up.
    }
    if (manifest.name === name)
      return { dir: realpathSync(dir), ...(manifest.version ? { version: manifest.version } : {}) };
  }
  throw new Error(`no package.json of ${name}`);
}

/**
 * The installed version of a library, resolved from this program or, for a library of a library (fontkit under
 * pdfkit), from the packages named in `via`, in order; `undefined` where it cannot be found.
 */
export function libraryVersion(name: string, via: readonly string[] = []): string | undefined {
  try {
    let resolveFrom = require;
    for (const parent of via) resolveFrom = createRequire(join(packageDir(resolveFrom, parent).dir, 'package.json'));
    return packageDir(resolveFrom, name).version;
  } catch {
    return undefined;
  }
}
