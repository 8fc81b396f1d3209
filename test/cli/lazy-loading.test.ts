import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cacheDirVariable } from '../../src/cache/store.js';
import { packageRoot } from '../../src/paths.js';
import { withTempDir } from '../support/tools.js';
import { buildIfStale } from '../wizard/support/terminal.js';

/**
 * Each command loads only what it needs (the cold start is most of a short command's time): the packages a run of
 * the built modules loads, as a loader hook sees them.
 */
const cli = join(packageRoot, 'dist', 'src', 'cli', 'main.js');
const hook = join(packageRoot, 'test', 'support', 'loaded-modules.mjs');

beforeAll(() => buildIfStale());

/** The URL of every module a run of the program loads. */
async function modulesLoaded(dir: string, args: string[]): Promise<string[]> {
  const list = join(dir, `geladen-${Math.random().toString(36).slice(2)}.txt`);
  await promisify(execFile)(process.execPath, ['--import', hook, cli, ...args], {
    cwd: dir,
    env: { ...process.env, LOADED_MODULES_FILE: list, [cacheDirVariable]: join(dir, 'cache') },
  });
  return readFileSync(list, 'utf8').split('\n');
}

/** The packages (of node_modules) a run of the program loads. */
async function packagesLoaded(dir: string, args: string[]): Promise<Set<string>> {
  const names = (await modulesLoaded(dir, args))
    .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
    .filter((name): name is string => name !== undefined);
  return new Set(names);
}

const heavy = [
  'zod',
  'yaml',
  'handlebars',
  'markdown-it',
  'docx',
  'pako',
  'pdfmake',
  '@inquirer/prompts',
  'cli-progress',
];
const among = (loaded: Set<string>) => heavy.filter((name) => loaded.has(name));

test('--help, themas and each format of genereer load only the libraries they use', async () => {
  await withTempDir(async (dir) => {
    const example = join(packageRoot, 'examples', 'gemeente.yaml');
    const genereer = (formats: string, answers = example, ...more: string[]) => [
      'genereer',
      '--antwoorden',
      answers,
      '--uitvoer',
      `uit-${formats}-${Math.random().toString(36).slice(2)}`,
      '--formaten',
      formats,
      ...more,
    ];
    expect(among(await packagesLoaded(dir, ['--help']))).toEqual([]);
    // The first run validates the knowledge base (zod, yaml); then it comes from the cache.
    expect(among(await packagesLoaded(dir, ['themas']))).toEqual(['zod', 'yaml']);
    expect(among(await packagesLoaded(dir, ['themas']))).toEqual([]);
    // Markdown is written without the document tree, which markdown-it builds: only the writers need it, …
    expect(among(await packagesLoaded(dir, genereer('md')))).toEqual(['zod', 'yaml', 'handlebars']);
    // … and the fill-ins of an adopted plan are counted in it, and the user's own templates are checked with it.
    const adopted = join(packageRoot, 'examples', 'waterschap.yaml');
    expect(among(await packagesLoaded(dir, genereer('md', adopted)))).toContain('markdown-it');
    const ownTemplates = join(dir, 'sjablonen');
    mkdirSync(ownTemplates);
    expect(among(await packagesLoaded(dir, genereer('md', example, '--sjablonen', ownTemplates)))).toContain(
      'markdown-it',
    );
    // The knowledge base came from the cache: its schemas are not even built (the answers' schema is).
    const own = (await modulesLoaded(dir, genereer('md'))).map((url) => /\/dist\/src\/(.+)$/.exec(url)?.[1]);
    expect(own).toContain('answers/schema.js');
    expect(own).not.toContain('knowledge/schema.js');
    expect(among(await packagesLoaded(dir, genereer('docx')))).toEqual([
      'zod',
      'yaml',
      'handlebars',
      'markdown-it',
      'docx',
      'pako',
    ]);
    expect(among(await packagesLoaded(dir, genereer('pdf')))).toEqual([
      'zod',
      'yaml',
      'handlebars',
      'markdown-it',
      'pdfmake',
    ]);
  });
}, 300_000);
