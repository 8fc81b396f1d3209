import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadKnowledge } from '../../knowledge/load.js';
import { builtInKnowledgeDir } from '../../paths.js';
import { formatProblem } from '../../validation/problem.js';
import type { CliIo } from '../io.js';

export async function runCheck(options: { kennisbank?: string }, io: CliIo): Promise<number> {
  const dir = options.kennisbank ? resolve(io.cwd, options.kennisbank) : builtInKnowledgeDir;
  const label = options.kennisbank ?? 'knowledge';
  const result = await loadKnowledge(dir, label);
  // The near-duplicate check needs the stemmer: loaded here only, so other commands start faster.
  const problems = result.ok
    ? await import('../../knowledge/duplicates.js').then(({ nearDuplicateMeasures }) =>
        nearDuplicateMeasures(
          result.knowledge,
          `${label}/maatregelen.yaml`,
          readFileSync(join(dir, 'maatregelen.yaml'), 'utf8'),
        ),
      )
    : result.problems;
  if (!result.ok || problems.length > 0) {
    io.stderr(`De kennisbank in ${dir} heeft ${problems.length} problemen:\n`);
    for (const problem of problems) io.stderr(`  - ${formatProblem(problem)}\n`);
    return 1;
  }
  const kb = result.knowledge;
  const measures = kb.measures.length;
  io.stdout(
    `Kennisbank in orde (versie ${kb.source.versie}): ${kb.themes.length} thema's in ${kb.chapters.length} hoofdstukken, ` +
      `${measures} maatregelen, ${kb.instruments.length} instrumenten, ${kb.organisationTypes.length} organisatietypen, ` +
      `${kb.corrections.length} vastgelegde tekstcorrecties.\n`,
  );
  return 0;
}
