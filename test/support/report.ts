import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answers } from '../../src/answers/schema.js';
import { plainText, type Block, type DocumentTree, type Inline, type Table } from '../../src/document/tree.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { markdownToDocument } from '../../src/markdown/to-document.js';
import { packageRoot } from '../../src/paths.js';
import { buildReportContext, type RegisterInput, type ReportOptions } from '../../src/plan/report-model.js';
import { countRegister } from '../../src/register/index.js';
import { model, renderMarkdown } from './plan.js';

export const bestanden = {
  beleidsplan: 'org-integriteitsbeleidsplan-2027-2030',
  rapportage: 'org-integriteitsrapportage-2027',
  brief: 'org-aanbiedingsbrief-2028-02-15',
};

/** The example register, counted for the report the way `genereer --meldingen` passes it on. */
export function exampleRegister(kb: KnowledgeBase, year = 2027): RegisterInput {
  const result = countRegister(
    readFileSync(join(packageRoot, 'examples/meldingen-2027.csv')),
    'meldingen-2027.csv',
    kb,
    year,
  );
  return { counts: result.counts, skippedRows: result.badRows };
}

/** The example register's counts, all set to zero: a start for hand-made small-number cases. */
export function zeroCounts(kb: KnowledgeBase): RegisterInput['counts'] {
  const counts = structuredClone(exampleRegister(kb).counts);
  const none = { ontvangen: 0, onderzocht: 0, gegrond: 0, ongegrond: 0, open: 0, maatregel: 0 };
  for (const c of Object.values(counts.perCategorie)) Object.assign(c, none);
  counts.politiek = { ...none };
  for (const sanction of Object.keys(counts.maatregelen))
    counts.maatregelen[sanction as keyof typeof counts.maatregelen] = 0;
  return counts;
}

/** Renders a document the way `genereer` does: plan model + report context + file names. */
export async function render(
  kind: 'rapportage' | 'brief',
  kb: KnowledgeBase,
  answers: Answers,
  options: Partial<ReportOptions> = {},
) {
  const m = model(kb, answers);
  const context = buildReportContext(m, kb, {
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
