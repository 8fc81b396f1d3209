import { appendFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { importCycles, importGraph, reachable } from './support/imports.js';
import { withTempDir } from './support/tools.js';

const src = join(packageRoot, 'src');

test('no import circle anywhere in src/', () => {
  expect(importCycles(importGraph(src))).toEqual([]);
});

test('the check finds circles through value, type-only, re-export and dynamic imports', async () => {
  await withTempDir(async (dir) => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.ts'), "import { b } from './sub/b.js';\nexport const a = b;\n");
    writeFileSync(join(dir, 'sub', 'b.ts'), "import type { C } from '../c.js';\nexport const b: C = 1;\n");
    writeFileSync(join(dir, 'c.ts'), "export * from './a.js';\nexport type C = number;\n");
    writeFileSync(join(dir, 'x.ts'), "export const x = () => import('./y.js');\n");
    writeFileSync(join(dir, 'y.ts'), "import { x } from './x.js';\nimport { z } from 'node:fs';\nexport { x, z };\n");
    writeFileSync(join(dir, 'leaf.ts'), "import { a } from './a.js';\nexport const leaf = a;\n");
    expect(importCycles(importGraph(dir))).toEqual([
      ['a.ts', 'sub/b.ts', 'c.ts', 'a.ts'],
      ['x.ts', 'y.ts', 'x.ts'],
    ]);
  });
});

test('the check finds the circle that a stage importing back into the vocabulary would make', async () => {
  await withTempDir(async (dir) => {
    cpSync(src, dir, { recursive: true });
    // What plan/report-model.ts ↔ generate.ts was: a lower module that needs a type from a higher one.
    appendFileSync(
      join(dir, 'vocabulary.ts'),
      "import type { PlanModel } from './plan/model.js';\nexport type M = PlanModel;\n",
    );
    const cycles = importCycles(importGraph(dir));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toEqual(expect.arrayContaining(['vocabulary.ts', 'plan/model.ts']));
  });
});

test('the vocabulary is a leaf: it reaches only the package paths and the safe file-name parts', () => {
  expect([...reachable(importGraph(src), 'vocabulary.ts')].sort()).toEqual(['output/filenames.ts', 'paths.ts']);
});

test('the document rules import no stage above the knowledge base, so the answers schema can ask them', () => {
  const reached = [...reachable(importGraph(src), 'plan/rules.ts')];
  expect(reached.filter((file) => !/^(knowledge|validation)\//.test(file)).sort()).toEqual([
    'output/filenames.ts',
    'paths.ts',
    'plan/dates.ts',
    'plan/warnings.ts',
    'vocabulary.ts',
  ]);
});
