import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { packageRoot } from '../../../../src/paths.js';
import { withTempDir } from '../../../support/tools.js';

/*
 * The bundle's PDF libraries unpack their Unicode tables with node:zlib in place of tiny-inflate
 * (scripts/inflate.mjs): it must give the same bytes as tiny-inflate, for the tables they unpack on every start and
 * for the ways they call it.
 */

const require = createRequire(import.meta.url);
type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const tinyInflate = require('tiny-inflate') as Inflate;
const { inflate: zlibInflate } = (await import(join(packageRoot, 'scripts', 'inflate.mjs'))) as { inflate: Inflate };

const same = (source: Uint8Array, length: number) => {
  const expected = tinyInflate(source, new Uint8Array(length));
  const actual = zlibInflate(source, new Uint8Array(length));
  return actual.length === expected.length && Buffer.from(actual).equals(Buffer.from(expected));
};

/** Every call fontkit, pdfkit and pdfmake make to tiny-inflate when they load, seen from a process of their own. */
function callsWhenLoading(dir: string): { source: Buffer; length: number }[] {
  const list = join(dir, 'calls.json');
  const preload = join(dir, 'record.cjs');
  writeFileSync(
    preload,
    `const Module = require('node:module');
const load = Module._load;
const calls = [];
Module._load = function (request, ...rest) {
  const exported = load.call(this, request, ...rest);
  if (request !== 'tiny-inflate') return exported;
  return (source, dest) => {
    calls.push([Buffer.from(source).toString('base64'), dest.length]);
    return exported(source, dest);
  };
};
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(calls)));`,
  );
  execFileSync(process.execPath, ['--require', preload, '-e', "require('pdfmake'); require('fontkit')"], {
    cwd: packageRoot,
  });
  const calls = JSON.parse(readFileSync(list, 'utf8')) as [string, number][];
  return calls.map(([source, length]) => ({ source: Buffer.from(source, 'base64'), length }));
}

test('the Unicode tables the PDF libraries unpack come out the same', async () => {
  await withTempDir(async (dir) => {
    const calls = callsWhenLoading(dir);
    // unicode-properties, linebreak and fontkit's shapers: each table deflated twice.
    expect(calls.length).toBeGreaterThanOrEqual(8);
    for (const [index, { source, length }] of calls.entries())
      expect({ index, same: same(source, length) }).toEqual({ index, same: true });
  });
}, 60_000);

test('data shorter than the room given is the filled part; exactly as long, the array itself', () => {
  for (const size of [0, 1, 100, 70_000]) {
    const data = Buffer.concat([randomBytes(size >> 1), Buffer.alloc(size - (size >> 1), 7)]);
    const once = deflateRawSync(data);
    const twice = deflateRawSync(once);
    expect(same(once, size)).toBe(true);
    expect(same(once, size + 10)).toBe(true);
    expect(same(twice, size + 10)).toBe(true);
    const dest = new Uint8Array(size);
    expect(zlibInflate(once, dest)).toBe(dest);
  }
});
