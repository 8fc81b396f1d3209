import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { builtInTemplatesDir } from '../paths.js';
import { errorCode, fileSystemError } from '../validation/fs-errors.js';
import { UserError } from '../validation/problem.js';
import { readTextFile } from '../validation/text-file.js';

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
/** Seven times the largest built-in template: a bigger one is not a template, and would make the PDF slow. */
const maxTemplateBytes = 100 * 1024;

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
      const file = displayName(dir, path);
      const source = await readTextFile(path, file, { what: 'het sjabloon', maxBytes: maxTemplateBytes }).catch(
        (error: unknown) => {
          if (error instanceof UserError && errorCode(error.cause) === 'ENOENT') return undefined;
          throw error;
        },
      );
      if (source !== undefined) return { file, source };
    }
    return undefined;
  };

  const main = await read(`${documentName}${extension}`);
  if (!main) throw new UserError(`Er is geen sjabloon ${documentName}${extension}.`);
  const partials = new Map<string, TemplateFile>();
  const names = new Set<string>();
  for (const dir of dirs) {
    const partialNames = await readdir(join(dir, 'partials')).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return [];
      throw fileSystemError(error, join(dir, 'partials'), 'lezen', 'de map');
    });
    for (const name of partialNames) {
      if (name.endsWith(extension)) names.add(name);
    }
  }
  // All at once: each file is a few round trips to the thread pool, one after the other they add up.
  const sorted = [...names].sort();
  const files = await Promise.all(sorted.map((name) => read(join('partials', name))));
  sorted.forEach((name, index) => partials.set(name.slice(0, -extension.length), files[index]!));
  return { main, partials };
}

function displayName(dir: string, path: string): string {
  return dir === builtInTemplatesDir ? join('templates', relative(dir, path)) : path;
}
