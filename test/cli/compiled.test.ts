import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { cacheDirVariable } from '../../src/cache/store.js';
import { codeCacheName, onlyPrints } from '../../src/cli/compiled.js';
import { packageRoot } from '../../src/paths.js';
import { bundleIfStale, builtBundle } from '../support/bundle.js';
import { withTempDir } from '../support/tools.js';

/*
 * The shipped program runs its commands from one CommonJS file with V8's code cache (src/cli/compiled.ts), and
 * `--help` from the ES modules without node:child_process (commander's, loaded on first use: scripts/bundle.mjs).
 */

beforeAll(() => bundleIfStale());

/** genereer's arguments for the gemeente example as Markdown, into `out` under `dir`. */
const markdownOfExample = (dir: string, out: string) => [
  'genereer',
  '--antwoorden',
  join(packageRoot, 'examples', 'gemeente.yaml'),
  '--formaten',
  'md',
  '--uitvoer',
  join(dir, out),
];

const run = (args: string[], env: NodeJS.ProcessEnv) =>
  promisify(execFile)(process.execPath, [builtBundle, ...args], { env: { ...process.env, ...env } });

test('--help and --version only print: they skip the compiled bundle', () => {
  expect(onlyPrints(['--help'])).toBe(true);
  expect(onlyPrints(['genereer', '--antwoorden', 'a.yaml', '-h'])).toBe(true);
  expect(onlyPrints(['help', 'genereer'])).toBe(true);
  expect(onlyPrints(['--version'])).toBe(true);
  expect(onlyPrints(['genereer', '--version'])).toBe(false);
  expect(onlyPrints([])).toBe(false);
  expect(onlyPrints(['themas'])).toBe(false);
});

test('a code cache per command and, for genereer, per set of formats; odd words give no odd file names', () => {
  expect(codeCacheName([])).toBe('code-wizard');
  expect(codeCacheName(['themas', '--json'])).toBe('code-themas');
  expect(codeCacheName(['genereer', '--antwoorden', 'a.yaml'])).toBe('code-genereer');
  expect(codeCacheName(['genereer', '--formaten', 'PDF,docx'])).toBe('code-genereer-docx-pdf');
  expect(codeCacheName(['genereer', '--formaten=md'])).toBe('code-genereer-md');
  expect(codeCacheName(['../../etc', '--formaten', 'x'])).toBe('code-other');
});

test('the bundle keeps its code cache, runs from it, and makes the same bytes as without', async () => {
  await withTempDir(async (dir) => {
    const cache = join(dir, 'cache');
    await run(markdownOfExample(dir, 'eerste'), { [cacheDirVariable]: cache });
    // The first run parsed the knowledge base and compiled the templates, which later runs read from the cache: its
    // code cache would hold functions they never call.
    const entry = join(cache, 'code-genereer-md.cache');
    expect(existsSync(join(cache, 'kennisbank.cache'))).toBe(true);
    expect(existsSync(entry)).toBe(false);
    await run(markdownOfExample(dir, 'tweede'), { [cacheDirVariable]: cache });
    const written = statSync(entry).ino;
    await run(markdownOfExample(dir, 'derde'), { [cacheDirVariable]: cache });
    // Accepted by V8, so not written again (a rewrite is a new file, renamed into place).
    expect(statSync(entry).ino).toBe(written);
    await run(markdownOfExample(dir, 'zonder'), { [cacheDirVariable]: 'uit' });
    const made = readdirSync(join(dir, 'eerste'));
    expect(made).toHaveLength(1);
    for (const out of ['tweede', 'derde', 'zonder'])
      expect(readFileSync(join(dir, out, made[0]!)).equals(readFileSync(join(dir, 'eerste', made[0]!)))).toBe(true);
  });
}, 120_000);

test('--help loads neither node:child_process nor node:crypto, and commander still runs', async () => {
  await withTempDir(async (dir) => {
    const list = join(dir, 'modules.txt');
    const preload = join(dir, 'list.cjs');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`,
    );
    const help = await promisify(execFile)(process.execPath, ['--require', preload, builtBundle, '--help'], {
      env: { ...process.env, [cacheDirVariable]: join(dir, 'cache') },
    });
    expect(help.stdout).toContain('Gebruik: integriteitsplan [opties] [opdracht]');
    const loaded = readFileSync(list, 'utf8').split('\n');
    expect(loaded.filter((name) => /^NativeModule (child_process|crypto)$/.test(name))).toEqual([]);
    // The same commander, from the compiled bundle, still reports an unknown command in Dutch.
    await expect(run(['onzin'], { [cacheDirVariable]: 'uit' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Onbekende opdracht onzin.'),
    });
  });
}, 60_000);

test('a compiled file edited in place runs as edited, also with a code cache of the old text', async () => {
  await withTempDir(async (dir) => {
    // A copy of the installed program, so its bundle can be edited like a hotfix in node_modules.
    const root = join(dir, 'pakket');
    mkdirSync(join(root, 'dist'), { recursive: true });
    cpSync(dirname(builtBundle), join(root, 'dist', 'bundle'), { recursive: true });
    for (const name of ['package.json', 'knowledge', 'templates', 'node_modules'])
      symlinkSync(join(packageRoot, name), join(root, name));
    const main = join(root, 'dist', 'bundle', 'main.js');
    const env = { ...process.env, [cacheDirVariable]: join(dir, 'cache') };
    const runIn = async (out: string) =>
      (await promisify(execFile)(process.execPath, [main, ...markdownOfExample(dir, out)], { env })).stdout;
    expect(await runIn('eerste')).toContain('Geschreven:');
    const compiledFile = join(
      root,
      'dist',
      'bundle',
      readdirSync(join(root, 'dist', 'bundle')).find((f) => f.endsWith('.cjs'))!,
    );
    const text = readFileSync(compiledFile, 'utf8');
    expect(text).toContain('Geschreven:');
    // The same length: V8's own check of a code cache would not see the difference.
    writeFileSync(compiledFile, text.replaceAll('Geschreven:', 'GESCHREVEN:'));
    expect(await runIn('tweede')).toContain('GESCHREVEN:');
  });
}, 120_000);

test('a run that fails keeps no code cache: it compiled only the way to its error', async () => {
  await withTempDir(async (dir) => {
    const cache = join(dir, 'cache');
    await expect(
      run(['genereer', '--antwoorden', join(dir, 'bestaat-niet.yaml'), '--uitvoer', join(dir, 'uit')], {
        [cacheDirVariable]: cache,
      }),
    ).rejects.toMatchObject({ code: 1 });
    expect(existsSync(join(cache, 'code-genereer.cache'))).toBe(false);
  });
}, 60_000);

test('the PDF libraries run from their own file of the bundle, with a code cache, and make the same bytes', async () => {
  await withTempDir(async (dir) => {
    const cache = join(dir, 'cache');
    const list = join(dir, 'geladen.json');
    const preload = join(dir, 'list.cjs');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));`,
    );
    // The brief as a PDF/A: pdfkit reads its colour profile from its own folder.
    const pdfa = (out: string) => [
      'genereer',
      '--antwoorden',
      join(packageRoot, 'examples', 'gemeente.yaml'),
      '--document',
      'brief',
      '--formaten',
      'pdf',
      '--pdfa',
      '--uitvoer',
      join(dir, out),
    ];
    const env = { ...process.env, [cacheDirVariable]: cache };
    await promisify(execFile)(process.execPath, ['--require', preload, builtBundle, ...pdfa('eerste')], { env });
    const fromNodeModules = (JSON.parse(readFileSync(list, 'utf8')) as string[]).filter((file) =>
      /[\\/]node_modules[\\/](pdfmake|pdfkit|fontkit|restructure|linebreak|unicode-properties)[\\/]/.test(file),
    );
    expect(fromNodeModules).toEqual([]);
    // The first run measured the fonts, which later runs read from the cache; the second keeps the code cache.
    const entry = join(cache, 'code-pdf.cache');
    expect(existsSync(entry)).toBe(false);
    await run(pdfa('tweede'), { [cacheDirVariable]: cache });
    const written = statSync(entry).ino;
    await run(pdfa('derde'), { [cacheDirVariable]: cache });
    expect(statSync(entry).ino).toBe(written);
    await promisify(execFile)(
      process.execPath,
      [join(packageRoot, 'dist', 'src', 'cli', 'main.js'), ...pdfa('modules')],
      {
        env: { ...process.env, [cacheDirVariable]: 'uit' },
      },
    );
    const [made] = readdirSync(join(dir, 'modules'));
    for (const out of ['eerste', 'tweede', 'derde'])
      expect(readFileSync(join(dir, out, made!)).equals(readFileSync(join(dir, 'modules', made!)))).toBe(true);
  });
}, 120_000);
