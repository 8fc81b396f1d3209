/**
 * `npm run bundle`: the program as it ships, from the compiled modules in dist/src, into a fresh dist/bundle (the
 * chunk names change with their content, so an old bundle's chunks would pile up in the package).
 *
 * - main.js and worker.js with their chunks (ESM, split): each command loads only what it needs.
 * - compiled-<hash>.cjs: the whole command line in one CommonJS file, which main.js runs through a V8 code cache
 *   (src/cli/compiled.ts); Node 20 has no code cache for ES modules. compiled.json names the file.
 *
 * pdfmake and pdfkit stay outside: the PDF patches reach their internals in node_modules.
 */
import { build } from 'esbuild';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
const external = ['pdfmake', 'pdfkit'];

/**
 * commander requires node:child_process (and with it net, dgram and streams) for subcommands that are programs of
 * their own, which this program has none of; loaded on first use, `--help` does without it.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(bundle) {
    bundle.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy' }
        : undefined,
    );
    bundle.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [join(root, 'dist/src/cli/main.js'), join(root, 'dist/src/cli/batch/worker.js')],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  entryNames: '[name]',
  external,
  banner: {
    js: "import { createRequire as bannerRequire } from 'node:module'; const require = bannerRequire(import.meta.url);",
  },
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});

await build({
  entryPoints: { compiled: join(root, 'dist/src/cli/cli.js') },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir,
  entryNames: '[name]-[hash]',
  outExtension: { '.js': '.cjs' },
  external,
  // import() of pdfmake and of our own modules becomes require(): vm.Script, which runs this file, has no import().
  supported: { 'dynamic-import': false },
  // Every module finds its files from its own place, as in the ESM bundle beside it.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});

const compiled = readdirSync(outdir).filter((file) => /^compiled-[A-Z0-9]{8}\.cjs$/.test(file));
if (compiled.length !== 1) throw new Error(`bundle: expected one compiled-*.cjs, found ${compiled.join(', ')}`);
writeFileSync(join(outdir, 'compiled.json'), `${JSON.stringify({ file: compiled[0] })}\n`);
