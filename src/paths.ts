import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder the tool is installed in, found from this file whether it runs from `src/` or `dist/`. */
function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'integriteitsplan') {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json of integriteitsplan not found above ${start}`);
    dir = parent;
  }
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const builtInKnowledgeDir = join(packageRoot, 'knowledge');
export const builtInTemplatesDir = join(packageRoot, 'templates');

export const toolVersion: string = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version;
