import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnswers } from '../../src/answers/load.js';
import type { Answers } from '../../src/answers/schema.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { plainText, type Block, type DocumentTree } from '../../src/document/tree.js';
import { markdownToDocument } from '../../src/markdown/to-document.js';
import { packageRoot } from '../../src/paths.js';
import { buildPlanModel, type PlanModel } from '../../src/plan/model.js';
import { compileTemplates } from '../../src/templates/compile.js';
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
  return renderTemplates(compileTemplates(await loadTemplates(kind)), { bestanden: {}, ...context });
}

export async function renderTree(kind: string, context: object) {
  return markdownToDocument(await renderMarkdown(kind, context), `templates/${kind}.md.hbs`);
}

/** Every word a reader sees in a document tree, block by block (title page, headings, paragraphs, lists, tables). */
export function documentText(tree: DocumentTree): string[] {
  const out: string[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      switch (block.type) {
        case 'titlePage':
          out.push(block.title, block.subtitle ?? '', ...block.lines.map(plainText));
          break;
        case 'heading':
        case 'paragraph':
          out.push(plainText(block.children));
          break;
        case 'list':
          block.items.forEach(visit);
          break;
        case 'table':
          for (const row of [block.header, ...block.rows]) out.push(...row.map(plainText));
          break;
        default:
          break;
      }
    }
  };
  visit(tree.children);
  return out.filter(Boolean);
}
