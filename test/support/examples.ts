import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentTree } from '../../src/document/tree.js';
import { markdownToDocument } from '../../src/markdown/to-document.js';
import { packageRoot } from '../../src/paths.js';
import { runInProcess } from './cli.js';

/** One `genereer` run over an example: a name for it and the CLI's options besides the output. */
export interface ExampleRun {
  name: string;
  args: string[];
}

const examplesDir = join(packageRoot, 'examples');

/**
 * Every example document: the plan and the letter of every answers file in examples/, the rapportage with and
 * without the example register, and the all-themes plan of the benchmark (the largest the tool writes).
 */
export function exampleRuns(): ExampleRun[] {
  const answers = readdirSync(examplesDir).filter((file) => file.endsWith('.yaml'));
  const report = ['--antwoorden', 'examples/gemeente-rapportage-2027.yaml', '--document', 'rapportage'];
  return [
    ...answers.map((file) => ({
      name: file.replace(/\.yaml$/, ''),
      args: ['--antwoorden', `examples/${file}`, '--document', 'beleidsplan,brief'],
    })),
    { name: 'rapportage', args: [...report, '--meldingen', 'examples/meldingen-2027.csv'] },
    { name: 'rapportage zonder register', args: report },
    { name: 'alle thema’s', args: ['--antwoorden', 'bench/alle-themas.yaml', '--document', 'beleidsplan'] },
  ];
}

/** A document the CLI made: its file name (without extension), its tree (from its Markdown) and its DOCX. */
export interface ExampleDocument {
  name: string;
  tree: DocumentTree;
  docx: Uint8Array;
}

/** Runs the CLI for an example into `dir` (DOCX and Markdown) and reads back what it made. */
export async function generateExample(run: ExampleRun, dir: string): Promise<ExampleDocument[]> {
  const result = await runInProcess(['genereer', ...run.args, '--uitvoer', dir, '--formaten', 'docx,md'], packageRoot);
  if (result.code !== 0) throw new Error(`genereer ${run.args.join(' ')} failed: ${result.stderr}`);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.md$/, '');
      return {
        name,
        tree: markdownToDocument(readFileSync(join(dir, file), 'utf8'), file),
        docx: readFileSync(join(dir, `${name}.docx`)),
      };
    });
}
