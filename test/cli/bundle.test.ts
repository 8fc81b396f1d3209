import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { cacheDirVariable } from '../../src/cache/store.js';
import { packageRoot } from '../../src/paths.js';
import { bundleIfStale, builtBundle } from '../support/bundle.js';
import { withTempDir } from '../support/tools.js';

/**
 * What ships is the esbuild bundle (package.json's bin); it must be the program its modules are, to the byte. pdfmake
 * and pdfkit stay outside it: the PDF patches reach their internals in node_modules.
 */
const modules = join(packageRoot, 'dist', 'src', 'cli', 'main.js');

beforeAll(() => bundleIfStale());

const run = (cli: string, args: string[], cwd: string) =>
  promisify(execFile)(process.execPath, [cli, ...args], { cwd, env: { ...process.env, [cacheDirVariable]: 'uit' } });

test('package.json runs the bundle', () => {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  expect(join(packageRoot, manifest.bin.integriteitsplan!)).toBe(builtBundle);
});

test('the bundle prints the same help and makes the same bytes as its modules', async () => {
  await withTempDir(async (dir) => {
    expect((await run(builtBundle, ['genereer', '--help'], dir)).stdout).toBe(
      (await run(modules, ['genereer', '--help'], dir)).stdout,
    );
    const args = (out: string) => [
      'genereer',
      '--antwoorden',
      join(packageRoot, 'examples', 'gemeente-rapportage-2027.yaml'),
      '--document',
      'rapportage,brief',
      '--meldingen',
      join(packageRoot, 'examples', 'meldingen-2027.csv'),
      '--formaten',
      'docx,pdf,md',
      '--uitvoer',
      out,
    ];
    await run(builtBundle, args('bundel'), dir);
    await run(modules, args('modules'), dir);
    const made = readdirSync(join(dir, 'bundel')).sort();
    expect(made).toHaveLength(6);
    expect(readdirSync(join(dir, 'modules')).sort()).toEqual(made);
    for (const file of made) {
      const same = readFileSync(join(dir, 'bundel', file)).equals(readFileSync(join(dir, 'modules', file)));
      expect({ file, same }).toEqual({ file, same: true });
    }
  });
}, 300_000);

test('the files that run through a code cache are ASCII, so that their text is made without decoding UTF-8', () => {
  const manifest = JSON.parse(readFileSync(join(dirname(builtBundle), 'compiled.json'), 'utf8')) as Record<
    string,
    string
  >;
  expect(Object.keys(manifest).sort()).toEqual(['file', 'pdfLibraries']);
  for (const file of Object.values(manifest)) {
    const bytes = readFileSync(join(dirname(builtBundle), file));
    expect({ file, ascii: isAscii(bytes) }).toEqual({ file, ascii: true });
  }
  // What esbuild leaves unescaped (here in a regular expression of ours) is escaped with the same meaning.
  const compiled = readFileSync(join(dirname(builtBundle), manifest.file!), 'latin1');
  expect(compiled).toContain('/[.!?][\\u201D\\u2019")]?$/');
});
