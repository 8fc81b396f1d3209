/**
 * `npm run bundle`: the program as it ships, from the compiled modules in dist/src, into a fresh dist/bundle (the
 * chunk names change with their content, so an old bundle's chunks would pile up in the package).
 *
 * - main.js, the bin: an ES module (package.json's "type") that requires main.cjs, the start (src/cli/main.ts).
 * - cli.js and worker.js with their chunks (ESM, split): `--help` and the batch's workers load only what they need.
 * - compiled-<hash>.cjs: the whole command line in one CommonJS file, which main.cjs runs through a V8 code cache
 *   (src/cli/compiled.ts); Node 20 has no code cache for ES modules. compiled.json names the file.
 *
 * - pdf-libraries-<hash>.cjs: pdfmake, pdfkit, fontkit and all they load, in one CommonJS file of their own, which the
 *   PDF writer runs through a V8 code cache when a PDF is wanted (src/writers/pdf/engine/libraries.ts); compiled.json
 *   names it too. The other files leave pdfmake and pdfkit outside and get them, and the internals the PDF patches
 *   reach, from there, so that the patches and the writer hold the same modules.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

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

/** What the two CommonJS files that run through a V8 code cache (src/cache/code-cache.ts) have in common. */
const commonJsFile = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir,
  entryNames: '[name]-[hash]',
  outExtension: { '.js': '.cjs' },
};

rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [join(root, 'dist/src/cli/cli.js'), join(root, 'dist/src/cli/batch/worker.js')],
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

/**
 * The start (main.ts) as CommonJS, which the package's bin, main.js, requires: Node runs CommonJS without its ES module
 * loader and the ES faces of the node: modules it uses (~10 ms of CPU of every command). The command line itself it finds in
 * the compiled file, or, for `--help`, in the ES module cli.js beside it.
 */
const esModuleCli = {
  name: 'es-module-cli',
  setup(bundle) {
    bundle.onResolve({ filter: /^\.\/cli\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: './cli.js', external: true } : undefined,
    );
  },
};
const start = await build({
  entryPoints: { main: join(root, 'dist/src/cli/main.js') },
  ...commonJsFile,
  entryNames: '[name]',
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [esModuleCli],
  metafile: true,
  logLevel: 'warning',
});
// The start holds only our own few modules: a library in it means the command line was pulled in after all.
const startInputs = Object.keys(start.metafile.inputs).map((input) => relative(root, resolve(input)));
if (startInputs.some((input) => !input.startsWith('dist/src/cli/') && !input.startsWith('dist/src/cache/'))) {
  throw new Error(`bundle: main.cjs holds more than its start: ${startInputs.join(', ')}`);
}
writeFileSync(
  join(outdir, 'main.js'),
  "#!/usr/bin/env node\nimport { createRequire } from 'node:module';\n\ncreateRequire(import.meta.url)('./main.cjs');\n",
  { mode: 0o755 },
);

await build({
  entryPoints: { compiled: join(root, 'dist/src/cli/compiled-cli.js') },
  ...commonJsFile,
  external,
  // import() of pdfmake and of our own modules becomes require(): vm.Script, which runs this file, has no import().
  supported: { 'dynamic-import': false },
  // Every module finds its files from its own place, as in the ESM bundle beside it.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});

/*
 * The PDF libraries' file: the modules libraries.ts hands out, resolved as Node resolves them from node_modules
 * (pdfkit from pdfmake's folder, fontkit from pdfkit's), each a function so that a module loads on first use.
 */
const requireHere = createRequire(join(root, 'package.json'));
const pdfmakeDir = dirname(requireHere.resolve('pdfmake/package.json'));
const requireFromPdfmake = createRequire(join(pdfmakeDir, 'package.json'));
const pdfkitEntry = requireFromPdfmake.resolve('pdfkit');
const pdfkitManifest = requireFromPdfmake.resolve('pdfkit/package.json');
const fontkitEntry = createRequire(pdfkitEntry).resolve('fontkit');
const pdfmakeInternals = readdirSync(join(pdfmakeDir, 'js')).filter((file) => file.endsWith('.js'));
const load = (path) => `() => require(${JSON.stringify(path)})`;
const pdfLibrariesEntry = `
const internals = {
${pdfmakeInternals.map((file) => `  ${JSON.stringify(file)}: ${load(join(pdfmakeDir, 'js', file))},`).join('\n')}
};
module.exports = {
  pdfmake: ${load(requireHere.resolve('pdfmake'))},
  pdfmakeInternal(file) {
    if (!Object.hasOwn(internals, file)) throw new Error('pdfmake/js/' + file + ' is not in the bundle');
    return internals[file]();
  },
  pdfkit: ${load(pdfkitEntry)},
  fontkit: ${load(fontkitEntry)},
  pdfmakeManifest: ${load(join(pdfmakeDir, 'package.json'))},
  pdfkitManifest: ${load(pdfkitManifest)},
};
`;

/**
 * The few files of these libraries that find data files beside themselves (pdfkit its AFM and ICC data, pdfmake's
 * virtual file system its own folder) get their real folder, found at run time as Node finds the package; any other
 * use of __dirname or __filename fails the build, rather than a file read from the wrong place at run time.
 */
const ownFolders = new Map([
  [dirname(pdfkitEntry), `__path.dirname(__pdfkitEntry())`],
  [join(pdfmakeDir, 'js'), `__path.join(__path.dirname(__nodeRequire.resolve('pdfmake/package.json')), 'js')`],
]);
const realFolders = {
  name: 'real-folders',
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, (args) => {
      const contents = readFileSync(args.path, 'utf8');
      if (!/\b__(dirname|filename)\b/.test(contents)) return undefined;
      const folder = ownFolders.get(dirname(args.path));
      if (folder === undefined || /\b__filename\b/.test(contents)) {
        throw new Error(`bundle: ${relative(root, args.path)} uses __dirname or __filename`);
      }
      return { contents: `var __dirname = ${folder};\n${contents}`, loader: 'js' };
    });
  },
};

/** tiny-inflate, for the PDF libraries, by node:zlib (inflate.mjs). */
const zlibInflate = {
  name: 'zlib-inflate',
  setup(bundle) {
    bundle.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: 'tiny-inflate', namespace: 'zlib-inflate' }));
    bundle.onLoad({ filter: /.*/, namespace: 'zlib-inflate' }, () => ({
      contents: "module.exports = require('./inflate.mjs').inflate;",
      resolveDir: join(root, 'scripts'),
      loader: 'js',
    }));
  },
};

/**
 * fontkit loads brotli, and its 750 kB dictionary, to read WOFF2 fonts, which this program has none of: left out of
 * the file, and loaded from node_modules (beside fontkit) on first use.
 */
const lazyBrotli = {
  name: 'lazy-brotli',
  setup(bundle) {
    bundle.onResolve({ filter: /^brotli\/decompress\.js$/ }, () => ({ path: 'brotli', namespace: 'lazy-brotli' }));
    bundle.onLoad({ filter: /.*/, namespace: 'lazy-brotli' }, () => ({
      contents: `let decompress;
module.exports = (...args) =>
  (decompress ??= __module.createRequire(__module.createRequire(__pdfkitEntry()).resolve('fontkit'))('brotli/decompress.js'))(...args);`,
      loader: 'js',
    }));
  },
};

const pdfLibraries = {
  name: 'pdf-libraries',
  setup(bundle) {
    bundle.onResolve({ filter: /^pdf-libraries$/ }, () => ({ path: 'pdf-libraries', namespace: 'pdf-libraries' }));
    bundle.onLoad({ filter: /.*/, namespace: 'pdf-libraries' }, () => ({
      contents: pdfLibrariesEntry,
      resolveDir: root,
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: { 'pdf-libraries': 'pdf-libraries' },
  ...commonJsFile,
  // Node's own require, to find the packages' folders at run time (realFolders, lazyBrotli).
  banner: {
    js: [
      "var __nodeRequire = require, __path = require('node:path'), __module = require('node:module');",
      "var __pdfkitEntry = () => __module.createRequire(__nodeRequire.resolve('pdfmake/package.json')).resolve('pdfkit');",
    ].join('\n'),
  },
  plugins: [pdfLibraries, zlibInflate, lazyBrotli, realFolders],
  logLevel: 'warning',
});

/**
 * The files that run through a V8 code cache as ASCII only: code-cache.ts then makes their text without decoding
 * UTF-8, ~4× faster for the 3 MB command line, and V8 keeps it as one byte per character. esbuild escapes what is in
 * strings; what it leaves (in comments and regular expressions) becomes a \u escape, which means the same there: an
 * escaped character (`\…`) loses its backslash, an astral one becomes its two surrogates. A line separator, which
 * ends a // comment, has no escape of the same meaning: the build stops. The file must still compile.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const escape = (unit) => `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;
  const ascii = text.replace(/(\\*)([^\p{ASCII}])/gu, (_, backslashes, character) => {
    if (/[\u2028\u2029]/.test(character)) {
      throw new Error(`bundle: ${relative(root, file)} has a line separator outside a string`);
    }
    const units = [...Array(character.length).keys()].map((i) => escape(character.charCodeAt(i))).join('');
    return `${backslashes.slice(backslashes.length % 2)}${units}`;
  });
  new Script(ascii, { filename: file });
  writeFileSync(file, ascii);
}

/** The one file of the bundle named `<name>-<hash>.cjs`. */
function named(name) {
  const files = readdirSync(outdir).filter((file) => new RegExp(`^${name}-[A-Z0-9]{8}\\.cjs$`).test(file));
  if (files.length !== 1) throw new Error(`bundle: expected one ${name}-*.cjs, found ${files.join(', ')}`);
  return files[0];
}
const compiled = { file: named('compiled'), pdfLibraries: named('pdf-libraries') };
for (const file of Object.values(compiled)) asciiOnly(join(outdir, file));
writeFileSync(join(outdir, 'compiled.json'), `${JSON.stringify(compiled)}\n`);
