import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnswers } from '../../src/answers/load.js';
import type { DocumentTree } from '../../src/document/tree.js';
import { renderDocument } from '../../src/generate.js';
import { packageRoot } from '../../src/paths.js';
import { buildPlanModel } from '../../src/plan/model.js';
import { builtInKnowledge } from './knowledge.js';

/**
 * The document tree of the benchmark's plan (a gemeente with every chapter and all 28 themes weak, about 50 pages),
 * made by the real pipeline: the largest plan the tool writes.
 */
export async function allThemesPlanTree(): Promise<DocumentTree> {
  const kb = await builtInKnowledge();
  const file = join(packageRoot, 'bench', 'alle-themas.yaml');
  const answers = parseAnswers(readFileSync(file, 'utf8'), 'bench/alle-themas.yaml', kb);
  const model = buildPlanModel(answers, kb, { toolVersion: '0.0.0-test', defaultDate: '2027-01-15' });
  return (await renderDocument('beleidsplan', { ...model, bestanden: {} })).tree;
}
