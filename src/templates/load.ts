import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { builtInTemplatesDir } from '../paths.js';
import { UserError } from '../validation/problem.js';

export interface TemplateFile {
  /** Name used in messages, e.g. "templates/beleidsplan.md.hbs". */
  file: string;
  source: string;
}

export interface TemplateSet {
  main: TemplateFile;
  /** Partial name (file name without `.md.hbs`) → file. */
  partials: Map<string, TemplateFile>;
}

const extension = '.md.hbs';

/**
 * Reads a document's main template and all partials. A user's folder (`--sjablonen`) wins per
 * file; whatever it lacks falls back to the built-in templates.
 */
export async function loadTemplates(documentName: string, userDir?: string): Promise<TemplateSet> {
  if (userDir && !(await stat(userDir).then((s) => s.isDirectory(), () => false))) {
    throw new UserError(`De sjablonenmap ${userDir} bestaat niet of is geen map (--sjablonen).`);
  }
  const dirs = userDir ? [userDir, builtInTemplatesDir] : [builtInTemplatesDir];
  const read = async (name: string): Promise<TemplateFile | undefined> => {
    for (const dir of dirs) {
      const path = join(dir, name);
      const source = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw new UserError(`Het sjabloon ${path} kan niet worden gelezen (${error.code}).`);
      });
      if (source !== undefined) return { file: displayName(dir, path), source };
    }
    return undefined;
  };

  const main = await read(`${documentName}${extension}`);
  if (!main) throw new UserError(`Er is geen sjabloon ${documentName}${extension}.`);
  const partials = new Map<string, TemplateFile>();
  const names = new Set<string>();
  for (const dir of dirs) {
    const partialNames = await readdir(join(dir, 'partials')).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw new UserError(`De map ${join(dir, 'partials')} kan niet worden gelezen (${error.code}).`);
    });
    for (const name of partialNames) {
      if (name.endsWith(extension)) names.add(name);
    }
  }
  for (const name of [...names].sort()) {
    partials.set(name.slice(0, -extension.length), (await read(join('partials', name)))!);
  }
  return { main, partials };
}

function displayName(dir: string, path: string): string {
  return dir === builtInTemplatesDir ? join('templates', relative(dir, path)) : path;
}
