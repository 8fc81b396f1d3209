import { resolve } from 'node:path';
import { loadKnowledge } from '../knowledge/load.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import { builtInKnowledgeDir } from '../paths.js';
import { UserError } from '../validation/problem.js';

/** Loads the built-in knowledge base, or the user's own copy given with --kennisbank. */
export async function loadKnowledgeForCli(cwd: string, ownDir?: string): Promise<KnowledgeBase> {
  const dir = ownDir ? resolve(cwd, ownDir) : builtInKnowledgeDir;
  const result = await loadKnowledge(dir, ownDir ?? 'knowledge');
  if (!result.ok) {
    throw new UserError(
      `De kennisbank in ${dir} is niet in orde (${result.problems.length} problemen).`,
      result.problems,
    );
  }
  return result.knowledge;
}
