import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Script } from 'node:vm';
import { cacheDirVariable, folderCache } from '../../src/cache/store.js';
import { packageRoot } from '../../src/paths.js';
import { withTempDir } from '../support/tools.js';
import { bundleIfStale, builtBundle } from '../support/bundle.js';

/**
 * The cache may only save time: the built program, in processes of its own as a user runs it, must write the
 * same bytes with a cold cache, a warm one, a damaged one and none at all.
 */
const cli = builtBundle;
/** Several runs of the whole program, on a machine that may be busy. */
const RUNS_TIMEOUT = 300_000;

async function generate(
  example: string,
  out: string,
  env: NodeJS.ProcessEnv,
  formats = 'docx,pdf,md',
): Promise<Map<string, Buffer>> {
  const args = ['genereer', '--antwoorden', join(packageRoot, 'examples', `${example}.yaml`), '--uitvoer', out];
  await promisify(execFile)(
    process.execPath,
    [cli, ...args, '--document', 'beleidsplan,brief', '--formaten', formats],
    {
      env: { ...process.env, ...env },
    },
  );
  return new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name))]));
}

beforeAll(() => bundleIfStale());

const withCache = (dir: string) => ({ [cacheDirVariable]: dir });

const MAGIC_LENGTH = Buffer.from('integriteitsplan-cache 1\n').length;
/** Whether a cache file is whole: its payload matches the hash in its header. */
function intact(file: string): boolean {
  const bytes = readFileSync(file);
  const digest = bytes.subarray(MAGIC_LENGTH + 32, MAGIC_LENGTH + 64);
  return createHash('sha256')
    .update(bytes.subarray(MAGIC_LENGTH + 64))
    .digest()
    .equals(digest);
}

test(
  'a cold cache, a warm one, a damaged one and none give the same bytes',
  async () => {
    await withTempDir(async (dir) => {
      const cache = join(dir, 'cache');
      const cold = await generate('gemeente', join(dir, 'koud'), withCache(cache));
      const data = [
        'kennisbank.cache',
        'lettertekens.cache',
        'sjablonen-beleidsplan.cache',
        'sjablonen-brief.cache',
        'tekstmaten.cache',
      ];
      // The code caches come from the next run, which reads the others instead of making them.
      expect(readdirSync(cache).sort()).toEqual(data);
      expect(await generate('gemeente', join(dir, 'warm'), withCache(cache))).toEqual(cold);
      expect(readdirSync(cache).sort()).toEqual(
        [
          ...data,
          'code-genereer-docx-md-pdf.cache',
          'code-pdf.cache',
          'code-sjablonen-beleidsplan.cache',
          'code-sjablonen-brief.cache',
        ].sort(),
      );

      // Damage every entry a different way: a flipped byte, cut short, another file, and entries whose hash is
      // right but whose content is not what this program stores (V8 refuses such a code cache and compiles afresh).
      const file = (name: string) => join(cache, `${name}.cache`);
      const kennisbank = readFileSync(file('kennisbank'));
      kennisbank.writeUInt8(kennisbank.readUInt8(kennisbank.length >> 1) ^ 0x20, kennisbank.length >> 1);
      writeFileSync(file('kennisbank'), kennisbank);
      writeFileSync(file('sjablonen-beleidsplan'), readFileSync(file('sjablonen-beleidsplan')).subarray(0, 500));
      writeFileSync(file('sjablonen-brief'), 'geen cache');
      const key = readFileSync(file('tekstmaten')).subarray(MAGIC_LENGTH, MAGIC_LENGTH + 32);
      folderCache(cache).write(
        'tekstmaten',
        key,
        Buffer.from('{"integriteitsplan-pdf/Roboto-Regular.ttf": [["De ", [1]]]}'),
      );
      const codeKey = readFileSync(file('code-genereer-docx-md-pdf')).subarray(MAGIC_LENGTH, MAGIC_LENGTH + 32);
      folderCache(cache).write('code-genereer-docx-md-pdf', codeKey, new Script('"other code"').createCachedData());
      const pdfCodeKey = readFileSync(file('code-pdf')).subarray(MAGIC_LENGTH, MAGIC_LENGTH + 32);
      folderCache(cache).write('code-pdf', pdfCodeKey, new Script('"other code"').createCachedData());
      const specsKey = readFileSync(file('code-sjablonen-brief')).subarray(MAGIC_LENGTH, MAGIC_LENGTH + 32);
      folderCache(cache).write('code-sjablonen-brief', specsKey, new Script('"other code"').createCachedData());
      writeFileSync(
        file('code-sjablonen-beleidsplan'),
        readFileSync(file('code-sjablonen-beleidsplan')).subarray(0, 900),
      );
      const coverageKey = readFileSync(file('lettertekens')).subarray(MAGIC_LENGTH, MAGIC_LENGTH + 32);
      folderCache(cache).write('lettertekens', coverageKey, Buffer.from('{"a": 65}'));
      expect(await generate('gemeente', join(dir, 'beschadigd'), withCache(cache))).toEqual(cold);
      // Rebuilt whole (the text measurements only gained what the damaged entry lacked); a damaged code cache by the
      // next run, which finds the rest in the cache again.
      expect(await generate('gemeente', join(dir, 'hersteld'), withCache(cache))).toEqual(cold);
      for (const name of readdirSync(cache))
        expect({ name, intact: intact(join(cache, name)) }).toEqual({ name, intact: true });

      expect(await generate('gemeente', join(dir, 'geen'), withCache('uit'))).toEqual(cold);
    });
  },
  RUNS_TIMEOUT,
);

test(
  'text measurements cached for one organisation give another the bytes of a cold start',
  async () => {
    await withTempDir(async (dir) => {
      const cache = join(dir, 'cache');
      await generate('gemeente', join(dir, 'gemeente'), withCache(cache), 'pdf');
      const warm = await generate('provincie', join(dir, 'warm'), withCache(cache), 'pdf');
      expect(await generate('provincie', join(dir, 'koud'), withCache('uit'), 'pdf')).toEqual(warm);
    });
  },
  RUNS_TIMEOUT,
);

test('without a place to keep the cache (a home that is a file) the documents are made all the same', async () => {
  await withTempDir(async (dir) => {
    writeFileSync(join(dir, 'home'), 'geen map');
    const env = { [cacheDirVariable]: '', XDG_CACHE_HOME: '', HOME: join(dir, 'home') };
    const made = await generate('rijk', join(dir, 'uit'), env, 'md');
    expect([...made.keys()].sort()).toEqual([
      'dienst-voorbeeldzaken-aanbiedingsbrief-2027-01-15.md',
      'dienst-voorbeeldzaken-integriteitsbeleidsplan-2027-2030.md',
    ]);
  });
});
