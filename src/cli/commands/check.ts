import { resolve } from 'node:path';
import { loadKnowledge } from '../../knowledge/load.js';
import { builtInKnowledgeDir } from '../../paths.js';
import { formatProblem } from '../../validation/problem.js';
import type { CliIo } from '../io.js';

export async function runCheck(options: { kennisbank?: string }, io: CliIo): Promise<number> {
  const dir = options.kennisbank ? resolve(io.cwd, options.kennisbank) : builtInKnowledgeDir;
  const result = await loadKnowledge(dir, options.kennisbank ?? 'knowledge');
  if (!result.ok) {
    io.stderr(`De kennisbank in ${dir} heeft ${result.problems.length} problemen:\n`);
    for (const problem of result.problems) io.stderr(`  - ${formatProblem(problem)}\n`);
    return 1;
  }
  const kb = result.knowledge;
  const measures = kb.themes.reduce((sum, theme) => sum + theme.maatregelen.length, 0);
  io.stdout(
    `Kennisbank in orde (versie ${kb.source.versie}): ${kb.themes.length} thema's in ${kb.chapters.length} hoofdstukken, ` +
      `${measures} maatregelen, ${kb.instruments.length} instrumenten, ${kb.organisationTypes.length} organisatietypen, ` +
      `${kb.corrections.length} vastgelegde tekstcorrecties.\n`,
  );
  return 0;
}
