import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWithCodeCache } from '../../src/cache/code-cache.js';
import { noCache } from '../../src/cache/store.js';
import { countingCache } from '../support/counting-cache.js';
import { withTempDir } from '../support/tools.js';

/*
 * A CommonJS file of the bundle run with V8's code cache (compiled.ts, the PDF libraries): as Node's loader would run
 * it, from the cache where the cache fits, compiled afresh where it does not.
 */

const source = (word: string) => `
const { basename } = require('node:path');
exports.file = basename(__filename);
exports.folder = __dirname;
exports.word = function word() { return ${JSON.stringify(word)}; };
module.exports.self = module.exports === exports;
`;

test('runs a CommonJS file with its require, module, __filename and __dirname', async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, 'bestand.cjs');
    writeFileSync(path, source('een'));
    const { exports } = runWithCodeCache<Record<string, unknown>>(path, 'code-proef', noCache);
    expect(exports).toMatchObject({ file: 'bestand.cjs', folder: dir, self: true });
    expect((exports.word as () => string)()).toBe('een');
  });
});

test('keeps a code cache once, runs from it, and never from that of an edited file', async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, 'bestand.cjs');
    const cache = countingCache(join(dir, 'cache'));
    writeFileSync(path, source('een'));
    runWithCodeCache(path, 'code-proef', cache).keepCodeCache();
    expect([cache.hits, cache.writes]).toEqual([0, 1]);
    // Accepted by V8: nothing to write again.
    const second = runWithCodeCache<{ word(): string }>(path, 'code-proef', cache);
    second.keepCodeCache();
    expect([cache.hits, cache.writes, second.exports.word()]).toEqual([1, 1, 'een']);
    // The same length, other text: another key, so the old functions never run.
    writeFileSync(path, source('twee'));
    const edited = runWithCodeCache<{ word(): string }>(path, 'code-proef', cache);
    expect([cache.hits, edited.exports.word()]).toEqual([1, 'twee']);
  });
});

test('a code cache V8 refuses is compiled afresh and replaced', async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, 'bestand.cjs');
    writeFileSync(path, source('een'));
    const written: Uint8Array[] = [];
    // Intact for the store, but not a code cache V8 can use.
    const cache = {
      read: () => Buffer.from('geen code cache'),
      write: (_: string, __: Buffer, p: Uint8Array) => void written.push(p),
    };
    const run = runWithCodeCache<{ word(): string }>(path, 'code-proef', cache);
    expect(run.exports.word()).toBe('een');
    run.keepCodeCache();
    expect(written).toHaveLength(1);
  });
});

test('a run that wrote another cache keeps no code cache: the next run, which reads that cache, keeps a lean one', async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, 'bestand.cjs');
    writeFileSync(path, source('een'));
    const cache = countingCache(join(dir, 'cache'));
    const first = runWithCodeCache<{ word(): string }>(path, 'code-proef', cache);
    // E.g. the knowledge base, parsed and validated on this run only.
    cache.write('kennisbank', Buffer.alloc(32), Buffer.from('gevalideerd'));
    first.keepCodeCache();
    expect(existsSync(join(dir, 'cache', 'code-proef.cache'))).toBe(false);
    // The next process: this store wrote nothing but code caches.
    const next = countingCache(join(dir, 'cache'));
    runWithCodeCache(path, 'code-proef', next).keepCodeCache();
    runWithCodeCache(path, 'code-andere', next).keepCodeCache();
    expect(existsSync(join(dir, 'cache', 'code-proef.cache'))).toBe(true);
    expect(existsSync(join(dir, 'cache', 'code-andere.cache'))).toBe(true);
    expect(
      runWithCodeCache<{ word(): string }>(path, 'code-proef', countingCache(join(dir, 'cache'))).exports.word(),
    ).toBe('een');
  });
});
