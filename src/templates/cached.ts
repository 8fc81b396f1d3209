import { codeIdentity, libraryVersion } from '../cache/identity.js';
import { evaluateWithCodeCache } from '../cache/code-cache.js';
import { cacheKey, defaultCache, type CacheStore } from '../cache/store.js';
import type { CompiledTemplates } from './compile.js';
import { loadTemplates, type TemplateSet } from './load.js';
import { specsOf } from './render.js';

/** A compiled set is the same for the same template files, code and Handlebars: its key is a hash of them all. */
function templatesKey(templates: TemplateSet): Buffer {
  const files = [templates.main, ...templates.partials.values()];
  return cacheKey(
    'sjablonen',
    codeIdentity(),
    libraryVersion('handlebars') ?? '',
    ...[...templates.partials.keys()],
    ...files.flatMap((file) => [file.file, file.source]),
  );
}

function isCompiled(value: unknown): value is CompiledTemplates {
  const isTemplate = (t: unknown) =>
    typeof (t as { file?: unknown }).file === 'string' && typeof (t as { spec?: unknown }).spec === 'string';
  const candidate = value as Partial<CompiledTemplates> | null;
  return (
    isTemplate(candidate?.main) &&
    Array.isArray(candidate?.partials) &&
    candidate.partials.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && isTemplate(entry[1]))
  );
}

/**
 * A document's templates (the user's own folder first, see load.ts), compiled: from the cache when these very files
 * were compiled before, otherwise compiled now (loading Handlebars' compiler) and cached.
 */
export async function compiledTemplates(
  kind: string,
  userDir?: string,
  cache: CacheStore = defaultCache(),
): Promise<CompiledTemplates> {
  const templates = await loadTemplates(kind, userDir);
  const name = `sjablonen-${kind}`;
  const key = templatesKey(templates);
  const stored = cache.read(name, key);
  if (stored !== undefined) {
    try {
      const value: unknown = JSON.parse(stored.toString('utf8'));
      if (isCompiled(value)) return value;
    } catch {
      // Not what this code stores: compile as without a cache.
    }
  }
  const { compileTemplates } = await import('./compile.js');
  const compiled = compileTemplates(templates);
  cache.write(name, key, Buffer.from(JSON.stringify(compiled), 'utf8'));
  return compiled;
}

/**
 * The values of a document's specs (render.ts, specsOf) from V8's code cache (cache/code-cache.ts), stored per
 * document: its specs are some 200 kB of JavaScript that V8 would otherwise parse and compile on every run. `keep`
 * after rendering keeps what it compiled.
 */
export function cachedSpecValues(
  kind: string,
  templates: CompiledTemplates,
  cache: CacheStore = defaultCache(),
): { values: readonly unknown[]; keep(): void } {
  const evaluated = evaluateWithCodeCache<unknown[]>(
    `[\n${specsOf(templates).join(',\n')}\n]`,
    `sjablonen-${kind}`,
    `code-sjablonen-${kind}`,
    cache,
  );
  return { values: evaluated.value, keep: () => evaluated.keepCodeCache() };
}
