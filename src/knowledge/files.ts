import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The raw text of every knowledge base file, keyed by its path relative to the knowledge folder. */
export type KnowledgeFiles = ReadonlyMap<string, string>;

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
} as const;
export const themesFolder = 'themas';

/** Reads every file of the knowledge base in a fixed order; a missing one is left out (parsing reports it). */
export async function readKnowledgeFiles(dir: string): Promise<KnowledgeFiles> {
  const files = new Map<string, string>();
  for (const name of Object.values(knowledgeFileNames)) {
    const text = await readFile(join(dir, name), 'utf8').catch(ignoreMissing);
    if (text !== undefined) files.set(name, text);
  }
  const themeNames = (await readdir(join(dir, themesFolder)).catch(ignoreMissing)) ?? [];
  for (const name of themeNames.filter((n) => n.endsWith('.yaml')).sort()) {
    files.set(`${themesFolder}/${name}`, await readFile(join(dir, themesFolder, name), 'utf8'));
  }
  return files;
}

/** A missing file is reported as a problem of the knowledge base; any other read error is real. */
function ignoreMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}
