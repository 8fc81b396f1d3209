import { resolve } from 'node:path';
import { defaultCache } from '../cache/store.js';
import { loadKnowledgeCached } from '../knowledge/cached.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import { builtInKnowledgeDir } from '../paths.js';
import { UserError } from '../validation/problem.js';

/** Loads the built-in knowledge base, or the user's own copy given with --kennisbank (validated, or from the cache). */
export async function loadKnowledgeForCli(cwd: string, ownDir?: string): Promise<KnowledgeBase> {
  const dir = ownDir ? resolve(cwd, ownDir) : builtInKnowledgeDir;
  const result = await loadKnowledgeCached(dir, ownDir ?? 'knowledge', defaultCache());
  if (!result.ok) {
    throw new UserError(
      `De kennisbank in ${dir} is niet in orde (${result.problems.length} problemen).`,
      result.problems,
    );
  }
  return result.knowledge;
}
