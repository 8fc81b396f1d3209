import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInTemplatesDir } from '../../src/paths.js';
import { cachedSpecValues, compiledTemplates } from '../../src/templates/cached.js';
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

describe("the specs' code cache", () => {
  const model = { organisatie: { naam: 'Gemeente *Eigen*' }, stukken: ['een', 'twee'] };
  const template = '# {{organisatie.naam}}\n{{#each stukken}}\n- {{this}}: {{> regel}}\n{{/each}}\n';
  const setUp = async (dir: string) => {
    const own = join(dir, 'sjablonen');
    mkdirSync(join(own, 'partials'), { recursive: true });
    writeFileSync(join(own, 'eigen.md.hbs'), template);
    writeFileSync(join(own, 'partials', 'regel.md.hbs'), '{{lower this}}\n');
    return compileTemplates(await loadTemplates('eigen', own));
  };
  const expected = '# Gemeente \\*Eigen\\*\n- een: een\n\n- twee: twee\n\n';

  test('renders as the specs run as they are do; kept only from a run that wrote no other cache', async () => {
    await withTempDir(async (dir) => {
      const compiled = await setUp(dir);
      expect(renderTemplates(compiled, model)).toBe(expected);
      const entry = join(dir, 'cache', 'code-sjablonen-eigen.cache');
      // The run that compiled the templates (and cached them) keeps no code cache …
      const first = countingCache(join(dir, 'cache'));
      first.write('sjablonen-eigen', Buffer.alloc(32), Buffer.from('{}'));
      const fromScratch = cachedSpecValues('eigen', compiled, first);
      expect(renderTemplates(compiled, model, fromScratch.values)).toBe(expected);
      fromScratch.keep();
      expect(existsSync(entry)).toBe(false);
      // … the next one does, and the one after that runs from it.
      for (let run = 0; run < 2; run++) {
        const code = cachedSpecValues('eigen', compiled, countingCache(join(dir, 'cache')));
        expect(renderTemplates(compiled, model, code.values)).toBe(expected);
        code.keep();
        expect(existsSync(entry)).toBe(true);
      }
      const cache = countingCache(join(dir, 'cache'));
      expect(renderTemplates(compiled, model, cachedSpecValues('eigen', compiled, cache).values)).toBe(expected);
      expect(cache.hits).toBe(1);
    });
  });

  test('a damaged code cache or one of other specs is ignored: the specs compile afresh, to the same text', async () => {
    await withTempDir(async (dir) => {
      const compiled = await setUp(dir);
      const store = join(dir, 'cache');
      const code = cachedSpecValues('eigen', compiled, countingCache(store));
      renderTemplates(compiled, model, code.values);
      code.keep();
      const entry = join(store, 'code-sjablonen-eigen.cache');
      const bytes = readFileSync(entry);
      bytes[bytes.length - 10]! ^= 0xff;
      writeFileSync(entry, bytes);
      const damaged = countingCache(store);
      expect(renderTemplates(compiled, model, cachedSpecValues('eigen', compiled, damaged).values)).toBe(expected);
      expect(damaged.hits).toBe(0);
      // Bytes that are no code cache at all, intact for the store: refused by V8, compiled afresh.
      const foreign = { read: () => Buffer.from('geen code cache'), write: () => undefined };
      expect(renderTemplates(compiled, model, cachedSpecValues('eigen', compiled, foreign).values)).toBe(expected);
      // Other templates, the same name: another key.
      writeFileSync(join(dir, 'sjablonen', 'eigen.md.hbs'), template.replace('# ', '## '));
      const changed = compileTemplates(await loadTemplates('eigen', join(dir, 'sjablonen')));
      const other = countingCache(store);
      expect(renderTemplates(changed, model, cachedSpecValues('eigen', changed, other).values)).toBe(`#${expected}`);
      expect(other.hits).toBe(0);
    });
  });
});
