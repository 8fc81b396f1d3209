import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCode, fileSystemError, fileSystemReason } from '../validation/fs-errors.js';
import { UserError, type Problem } from '../validation/problem.js';
import { readTextFile } from '../validation/text-file.js';

/**
 * The raw text of every knowledge base file, keyed by its path relative to the knowledge folder;
 * a file that exists but cannot be read (a folder in its place, a broken link, not UTF-8) holds
 * the problems that say why, so one `controleer` reports them with everything else.
 */
export type KnowledgeFiles = ReadonlyMap<string, string | readonly Problem[]>;

/** The knowledge base's files besides the themes (their schemas: load.ts). */
export const knowledgeFileNames = {
  source: 'bron.yaml',
  chapters: 'hoofdstukken.yaml',
  roles: 'rollen.yaml',
  organisationTypes: 'organisatietypen.yaml',
  instruments: 'instrumenten.yaml',
  corrections: 'correcties.yaml',
  legalFramework: 'wetgeving.yaml',
  typology: 'typologie.yaml',
  measures: 'maatregelen.yaml',
  elections: 'verkiezingen.yaml',
  basisnormen: 'basisnormen.yaml',
} as const;
export const themesFolder = 'themas';

/** Ten times the largest file of the built-in knowledge base; each text field is limited further by the schema. */
const maxKnowledgeFileBytes = 512 * 1024;

/**
 * Reads every file of the knowledge base in a fixed order; a missing one is left out (parsing reports it). Kept
 * apart from load.ts so that a cached knowledge base is found without loading the schemas.
 */
export async function readKnowledgeFiles(dir: string, label = 'knowledge'): Promise<KnowledgeFiles> {
  const read = async (name: string): Promise<string | readonly Problem[] | undefined> => {
    const shown = `${label}/${name}`;
    try {
      return await readTextFile(join(dir, name), shown, { what: 'het kennisbankbestand', maxBytes: maxKnowledgeFileBytes });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      // A missing file is reported by parseKnowledge, with every other problem.
      if (errorCode(error.cause) === 'ENOENT') return undefined;
      const reason = fileSystemReason(error.cause, 'lezen');
      return error.problems.length > 0
        ? error.problems
        : [{ file: shown, key: '', message: reason ? `kan niet worden gelezen: ${reason}` : error.message }];
    }
  };
  const themeNames = await readdir(join(dir, themesFolder)).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return [];
    throw fileSystemError(error, `${label}/${themesFolder}`, 'lezen', 'de map');
  });
  const names = [
    ...Object.values(knowledgeFileNames),
    ...themeNames
      .filter((n) => n.endsWith('.yaml'))
      .sort()
      .map((n) => `${themesFolder}/${n}`),
  ];
  // All at once: each file is a few round trips to the thread pool, one after the other they add up to ~15 ms.
  const contents = await Promise.all(names.map(read));
  const files = new Map<string, string | readonly Problem[]>();
  names.forEach((name, index) => {
    const content = contents[index];
    if (content !== undefined) files.set(name, content);
  });
  return files;
}
