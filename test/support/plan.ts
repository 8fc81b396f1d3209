import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnswers } from '../../src/answers/load.js';
import type { Answers } from '../../src/answers/schema.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { markdownToDocument } from '../../src/markdown/to-document.js';
import { packageRoot } from '../../src/paths.js';
import { buildPlanModel, type PlanModel } from '../../src/plan/model.js';
import { loadTemplates } from '../../src/templates/load.js';
import { renderTemplates } from '../../src/templates/render.js';
import { stringify } from 'yaml';

export function exampleAnswers(kb: KnowledgeBase, name: string): Answers {
  const file = join(packageRoot, 'examples', `${name}.yaml`);
  return parseAnswers(readFileSync(file, 'utf8'), `examples/${name}.yaml`, kb);
}

export function answersFrom(kb: KnowledgeBase, value: object): Answers {
  return parseAnswers(stringify(value), 'test.yaml', kb);
}

export function model(kb: KnowledgeBase, answers: Answers): PlanModel {
  return buildPlanModel(answers, kb, { toolVersion: '0.0.0-test', defaultDate: '2027-01-15' });
}

export async function renderMarkdown(kind: string, context: object): Promise<string> {
  return renderTemplates(await loadTemplates(kind), { bestanden: {}, ...context });
}

export async function renderTree(kind: string, context: object) {
  return markdownToDocument(await renderMarkdown(kind, context), `templates/${kind}.md.hbs`);
}
