import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answers } from '../../src/answers/schema.js';
import { plainText, type Block, type DocumentTree, type Inline, type Table } from '../../src/document/tree.js';
import { typologyOf, type KnowledgeBase } from '../../src/knowledge/model.js';
import { markdownToDocument } from '../../src/markdown/to-document.js';
import { packageRoot } from '../../src/paths.js';
import type { OrganisationTypeId } from '../../src/knowledge/schema.js';
import { buildReportContext, type RegisterInput, type ReportOptions } from '../../src/plan/report-model.js';
import { trendYears } from '../../src/plan/rules.js';
import { emptyCounts, type OutcomeCounts, type RegisterCounts } from '../../src/register/counts.js';
import { countRegister } from '../../src/register/index.js';
import { model, renderMarkdown } from './plan.js';

export const bestanden = {
  beleidsplan: 'org-integriteitsbeleidsplan-2027-2030',
  rapportage: 'org-integriteitsrapportage-2027',
  brief: 'org-aanbiedingsbrief-2028-02-15',
};

/** The example register of the type (the Rijk has its own), counted the way `genereer --meldingen` passes it on. */
export function exampleRegister(kb: KnowledgeBase, year = 2027, type: OrganisationTypeId = 'gemeente'): RegisterInput {
  const file = type === 'rijk' ? 'examples/meldingen-rijk-2027.csv' : 'examples/meldingen-2027.csv';
  return countedRegister(readFileSync(join(packageRoot, file)), kb, year, type);
}

/** A register's bytes, counted for the trend ending in `year` as `genereer --meldingen` does. */
export function countedRegister(
  bytes: Uint8Array,
  kb: KnowledgeBase,
  year = 2027,
  type: OrganisationTypeId = 'gemeente',
): RegisterInput {
  const result = countRegister(bytes, 'meldingen.csv', kb, { years: trendYears(year), organisationType: type });
  return { perYear: result.perYear, earliestYear: result.earliestYear, skippedRows: result.badRows };
}

/** Hand-made counts of the verslagjaar 2027 (the years before: none in the register). */
export function registerOf(counts: RegisterCounts, year = 2027): RegisterInput {
  return { perYear: [{ jaar: year, counts }], earliestYear: year, skippedRows: 0 };
}

/** All zeros in the gemeente's typology: a start for hand-made small-number cases. */
export function zeroCounts(kb: KnowledgeBase, type: OrganisationTypeId = 'gemeente'): RegisterCounts {
  return emptyCounts(kb, typologyOf(kb, type));
}

/** Sets a category's counts of meldingen in total and, optionally, the part about politieke ambtsdragers. */
export function setCategory(
  counts: RegisterCounts,
  id: string,
  all: Partial<OutcomeCounts>,
  politiek: Partial<OutcomeCounts> = {},
): void {
  Object.assign(counts.perCategorie[id]!, all);
  Object.assign(counts.politiekPerCategorie[id]!, politiek);
}

/** Renders a document the way `genereer` does: plan model + report context + file names. */
export async function render(
  kind: 'rapportage' | 'brief',
  kb: KnowledgeBase,
  answers: Answers,
  options: Partial<ReportOptions> = {},
) {
  const m = model(kb, answers);
  const context = buildReportContext(m, answers, kb, {
    threshold: 5,
    offered: ['rapportage'],
    attachmentFormat: 'pdf',
    ...options,
  });
  const markdown = await renderMarkdown(kind, { ...m, ...context, bestanden });
  return { model: m, context, markdown, tree: markdownToDocument(markdown, `templates/${kind}.md.hbs`) };
}

export const headings = (tree: DocumentTree) =>
  tree.children.flatMap((b) => (b.type === 'heading' ? [plainText(b.children)] : []));

/** Text of inline content; a place to fill in shows as [invullen: …]. */
export function text(inlines: readonly Inline[]): string {
  return inlines
    .map((node) =>
      node.type === 'fillIn'
        ? `[invullen: ${plainText(node.children)}]`
        : 'children' in node
          ? text(node.children)
          : plainText([node]),
    )
    .join('');
}

/** The tables under the heading with this text, up to the next heading of the same or a higher level. */
export function tablesAfter(tree: DocumentTree, heading: string): Table[] {
  const start = tree.children.findIndex((b) => b.type === 'heading' && plainText(b.children) === heading);
  const level = (tree.children[start] as { level?: number } | undefined)?.level;
  if (start < 0 || level === undefined) throw new Error(`no heading "${heading}"`);
  const rest = tree.children.slice(start + 1);
  const end = rest.findIndex((b) => b.type === 'heading' && b.level <= level);
  return (end < 0 ? rest : rest.slice(0, end)).filter((b): b is Table => b.type === 'table');
}

export function tableAfter(tree: DocumentTree, heading: string): Table {
  const table = tablesAfter(tree, heading)[0];
  if (!table) throw new Error(`no table after "${heading}"`);
  return table;
}

/** All paragraph and list text of the document, a paragraph per line, fill-ins marked. */
export function prose(tree: DocumentTree): string {
  const lines: string[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph' || block.type === 'heading') lines.push(text(block.children));
      if (block.type === 'list') block.items.forEach(visit);
    }
  };
  visit(tree.children);
  return lines.join('\n');
}

export const rowsOf = (table: Table) => table.rows.map((row) => row.map(text));
