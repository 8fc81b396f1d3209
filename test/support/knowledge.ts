import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { builtInKnowledgeDir } from '../../src/paths.js';

let cached: Promise<KnowledgeBase> | undefined;

/** The built-in knowledge base, loaded once per test file. */
export function builtInKnowledge(): Promise<KnowledgeBase> {
  cached ??= loadKnowledge(builtInKnowledgeDir).then((result) => {
    if (!result.ok) throw new Error(`knowledge base invalid: ${JSON.stringify(result.problems, null, 2)}`);
    return result.knowledge;
  });
  return cached;
}

/**
 * A copy of the built-in knowledge base for each test of the file (made before it, removed after), and `checkWith`:
 * edit one file of the copy (the edit must change it) and run `controleer` on the copy.
 */
export function knowledgeCopyPerTest(prefix: string) {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    cpSync(builtInKnowledgeDir, join(dir, 'kb'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return {
    async checkWith(file: string, edit: (text: string) => string) {
      const path = join(dir, 'kb', file);
      const text = readFileSync(path, 'utf8');
      const edited = edit(text);
      expect(edited).not.toBe(text);
      writeFileSync(path, edited);
      // Loaded here: the many tests that only read the knowledge base need no command line.
      const { runInProcess } = await import('./cli.js');
      return runInProcess(['controleer', '--kennisbank', join(dir, 'kb')], dir);
    },
  };
}

/** The source text the knowledge base was transcribed from, as the PDF conversion left it. */
export function seedText(): string {
  return readFileSync(join(builtInKnowledgeDir, 'bron', 'handelingsperspectief-2012.txt'), 'utf8');
}

/** The typology ids of the register's `categorie` column: a public contract, spelled out once. */
export const publicCategoryIds = [
  'corruptie',
  'fraude-diefstal-verduistering',
  'wanprestatie-verspilling',
  'misbruik-bevoegdheden',
  'ongewenste-omgangsvormen',
  'onverenigbare-functies',
  'misbruik-informatie',
  'wangedrag-vrije-tijd',
  'giften',
  'overig',
];

/** The Rijk's own types in the register's `categorie` column: a public contract as well. */
export const publicRijkCategoryIds = [
  'financiele-schendingen',
  'oneigenlijk-gebruik-dienstmiddelen',
  'misbruik-geweldsbevoegdheden',
  'misbruik-bevoegdheden',
  'lekken-misbruik-informatie',
  'belangenverstrengeling',
  'misdragingen-privesfeer',
  'ongewenste-omgangsvormen',
  'overig',
];
