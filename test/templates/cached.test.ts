import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInTemplatesDir } from '../../src/paths.js';
import { compiledTemplates } from '../../src/templates/cached.js';
import { compileTemplates } from '../../src/templates/compile.js';
import { loadTemplates } from '../../src/templates/load.js';
import { renderTemplates } from '../../src/templates/render.js';
import { countingCache } from '../support/counting-cache.js';
import { withTempDir } from '../support/tools.js';

describe('cached compiled templates', () => {
  test('are exactly what compiling gives, cold and warm', async () => {
    await withTempDir(async (dir) => {
      const cache = countingCache(dir);
      const compiled = compileTemplates(await loadTemplates('brief'));
      expect(await compiledTemplates('brief', undefined, cache)).toEqual(compiled);
      expect(await compiledTemplates('brief', undefined, cache)).toEqual(compiled);
      expect({ hits: cache.hits, writes: cache.writes }).toEqual({ hits: 1, writes: 1 });
    });
  });

  test("follow the user's own templates: a changed file is compiled again", async () => {
    await withTempDir(async (dir) => {
      const own = join(dir, 'sjablonen');
      cpSync(builtInTemplatesDir, own, { recursive: true });
      const cache = countingCache(join(dir, 'cache'));
      const render = async () =>
        renderTemplates(await compiledTemplates('eigen', own, cache), { organisatie: { naam: 'Gemeente *Eigen*' } });
      writeFileSync(join(own, 'eigen.md.hbs'), '# {{organisatie.naam}}\n');
      expect(await render()).toBe('# Gemeente \\*Eigen\\*\n');
      writeFileSync(join(own, 'eigen.md.hbs'), '# Plan van {{organisatie.naam}}\n');
      expect(await render()).toBe('# Plan van Gemeente \\*Eigen\\*\n');
      expect(cache.hits).toBe(0);
      expect(await render()).toBe('# Plan van Gemeente \\*Eigen\\*\n');
      expect(cache.hits).toBe(1);
    });
  });

  test('stored in a shape this code does not write are compiled again, not run', async () => {
    const compiled = compileTemplates(await loadTemplates('brief'));
    for (const payload of ['{"main": 1}', 'niet-json', '{"main": {"file": "x", "spec": 1}, "partials": []}']) {
      let written: string | undefined;
      const foreign = {
        read: () => Buffer.from(payload),
        write: (_name: string, _key: Buffer, data: Uint8Array) => void (written = Buffer.from(data).toString()),
      };
      expect(await compiledTemplates('brief', undefined, foreign)).toEqual(compiled);
      expect(JSON.parse(written!)).toEqual(compiled);
    }
  });

  test.each([
    ['a syntax error', { 'eigen.md.hbs': '# Plan\n\n{{#if organisatie}}\n' }, 'wordt niet afgesloten'],
    ['a missing partial', { 'eigen.md.hbs': '# Plan\n\n{{> bestaat-niet}}\n' }, 'eigen.md.hbs op regel 3'],
    [
      'a partial that includes itself',
      { 'eigen.md.hbs': '{{> lus}}\n', 'partials/lus.md.hbs': 'a\n{{> lus}}\n' },
      'lus.md.hbs op regel 2',
    ],
  ])('with %s are refused on every run, never cached', async (_name, files, mention) => {
    await withTempDir(async (dir) => {
      const own = join(dir, 'sjablonen');
      mkdirSync(join(own, 'partials'), { recursive: true });
      for (const [file, source] of Object.entries(files)) writeFileSync(join(own, file), source);
      const cache = countingCache(join(dir, 'cache'));
      for (let run = 0; run < 2; run++) {
        await expect(compiledTemplates('eigen', own, cache)).rejects.toThrow(mention);
      }
      expect({ hits: cache.hits, writes: cache.writes }).toEqual({ hits: 0, writes: 0 });
    });
  });
});
