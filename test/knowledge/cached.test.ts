import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeCached } from '../../src/knowledge/cached.js';
import { knowledgeFileNames } from '../../src/knowledge/files.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { builtInKnowledgeDir } from '../../src/paths.js';
import { countingCache } from '../support/counting-cache.js';
import { withTempDir } from '../support/tools.js';

describe('the cached knowledge base', () => {
  test('is exactly the validated one, cold and warm', async () => {
    await withTempDir(async (dir) => {
      const cache = countingCache(dir);
      const parsed = await loadKnowledge(builtInKnowledgeDir);
      const cold = await loadKnowledgeCached(builtInKnowledgeDir, 'knowledge', cache);
      expect({ hits: cache.hits, writes: cache.writes }).toEqual({ hits: 0, writes: 1 });
      const warm = await loadKnowledgeCached(builtInKnowledgeDir, 'knowledge', cache);
      expect({ hits: cache.hits, writes: cache.writes }).toEqual({ hits: 1, writes: 1 });
      expect(cold).toStrictEqual(parsed);
      expect(warm).toStrictEqual(parsed);
    });
  });

  test('is validated again after any change to a file, and a broken one is reported, never cached', async () => {
    await withTempDir(async (dir) => {
      const knowledge = join(dir, 'kennisbank');
      cpSync(builtInKnowledgeDir, knowledge, { recursive: true });
      const cache = countingCache(join(dir, 'cache'));
      expect((await loadKnowledgeCached(knowledge, 'kennisbank', cache)).ok).toBe(true);

      const file = join(knowledge, 'themas', 'h2-gedragsregels.yaml');
      const original = readFileSync(file, 'utf8');
      writeFileSync(file, original.replace(/^titel: .*$/m, 'titel: Gedragsregels (eigen kopie)'));
      const changed = await loadKnowledgeCached(knowledge, 'kennisbank', cache);
      expect(changed.ok && changed.knowledge.themes.find((t) => t.id === 'h2-gedragsregels')?.titel).toBe(
        'Gedragsregels (eigen kopie)',
      );

      writeFileSync(file, original.replace(/^hoofdstuk: .*$/m, 'hoofdstuk: h9'));
      const writes = cache.writes;
      for (let run = 0; run < 2; run++) {
        const broken = await loadKnowledgeCached(knowledge, 'kennisbank', cache);
        expect(broken.ok).toBe(false);
        expect(!broken.ok && broken.problems.map((p) => p.file)).toContain('kennisbank/themas/h2-gedragsregels.yaml');
      }
      expect(cache.writes).toBe(writes);
    });
  });

  test('follows every file of the knowledge base, the measures and elections included', async () => {
    await withTempDir(async (dir) => {
      const knowledge = join(dir, 'kennisbank');
      cpSync(builtInKnowledgeDir, knowledge, { recursive: true });
      const cache = countingCache(join(dir, 'cache'));
      expect((await loadKnowledgeCached(knowledge, 'kennisbank', cache)).ok).toBe(true);
      const files = [...Object.values(knowledgeFileNames), 'themas/h4-handhaving.yaml'];
      expect(files).toEqual(expect.arrayContaining(['maatregelen.yaml', 'verkiezingen.yaml']));
      for (const name of files) {
        // A comment changes the bytes, not the value: still a new key, so validated again and stored.
        appendFileSync(join(knowledge, name), '\n# eigen aantekening\n');
        const { hits, writes } = cache;
        expect({ name, ok: (await loadKnowledgeCached(knowledge, 'kennisbank', cache)).ok }).toEqual({ name, ok: true });
        expect({ name, hits: cache.hits - hits, writes: cache.writes - writes }).toEqual({ name, hits: 0, writes: 1 });
      }
    });
  });

  test('a file that cannot be read is reported as without a cache, and nothing is stored', async () => {
    await withTempDir(async (dir) => {
      const knowledge = join(dir, 'kennisbank');
      cpSync(builtInKnowledgeDir, knowledge, { recursive: true });
      const cache = countingCache(join(dir, 'cache'));
      rmSync(join(knowledge, 'verkiezingen.yaml'));
      mkdirSync(join(knowledge, 'verkiezingen.yaml'));
      for (let run = 0; run < 2; run++) {
        const result = await loadKnowledgeCached(knowledge, 'kennisbank', cache);
        expect(result).toStrictEqual(await loadKnowledge(knowledge, 'kennisbank'));
        expect(!result.ok && result.problems.map((p) => p.file)).toContain('kennisbank/verkiezingen.yaml');
      }
      expect({ hits: cache.hits, writes: cache.writes }).toEqual({ hits: 0, writes: 0 });
    });
  });
});
