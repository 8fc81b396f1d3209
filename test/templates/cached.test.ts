import { cpSync, writeFileSync } from 'node:fs';
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
});
