import { deserialize, serialize } from 'node:v8';
import { codeIdentity, libraryVersion } from '../cache/identity.js';
import { cacheKey, type CacheStore } from '../cache/store.js';
import { readKnowledgeFiles, type KnowledgeFiles } from './files.js';
import type { KnowledgeResult } from './load.js';
import type { KnowledgeBase } from './model.js';

/** The validated knowledge base is the same for the same files, code and libraries: its key is a hash of them all. */
function knowledgeKey(files: ReadonlyMap<string, string>): Buffer {
  return cacheKey(
    'kennisbank',
    codeIdentity(),
    libraryVersion('zod') ?? '',
    libraryVersion('yaml') ?? '',
    ...[...files].flat(),
  );
}

/** The files when every one of them could be read; a file that could not is reported by parsing, never cached. */
function readableFiles(files: KnowledgeFiles): ReadonlyMap<string, string> | undefined {
  for (const text of files.values()) if (typeof text !== 'string') return undefined;
  return files as ReadonlyMap<string, string>;
}

/**
 * Reads the knowledge base in `dir` and returns it validated: from the cache when these very files were validated
 * before, otherwise parsed and checked (and then cached). Only a knowledge base without problems is cached, so
 * problems are always found and reported afresh; the schemas (zod, yaml) are only loaded when parsing.
 */
export async function loadKnowledgeCached(dir: string, label: string, cache: CacheStore): Promise<KnowledgeResult> {
  const files = await readKnowledgeFiles(dir, label);
  const readable = readableFiles(files);
  const key = readable && knowledgeKey(readable);
  const stored = key ? cache.read('kennisbank', key) : undefined;
  if (stored !== undefined) {
    try {
      return { ok: true, knowledge: deserialize(stored) as KnowledgeBase };
    } catch {
      // Unreadable although its hash matched (another Node version's format): parse as without a cache.
    }
  }
  const { parseKnowledge } = await import('./load.js');
  const result = parseKnowledge(files, label);
  if (result.ok && key) cache.write('kennisbank', key, serialize(result.knowledge));
  return result;
}
