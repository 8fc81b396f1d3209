import { createRequire } from 'node:module';

/**
 * pdfmake's internal classes that the speed-up hooks patch. The hooks are written against pdfmake 0.3.11
 * (pinned in package.json) and also rely on internals of pdfkit, which pdfmake pulls in with a version range
 * (^0.19.1), so a fresh install may bring another pdfkit: the hooks read pdfkit's `_fontCount`,
 * `_fontFamilies`, `fontCache` and `fonts`, call its EmbeddedFont constructor, share its `layoutCache` and rely
 * on how it tells fonts apart. With any other version of either package they stay off: pdfmake then works as
 * shipped, with the same pages, only slower.
 */
export const SUPPORTED_PDFMAKE = '0.3.11';
export const SUPPORTED_PDFKIT = '0.19.1';

const require = createRequire(import.meta.url);

function versionOf(load: () => unknown): string | undefined {
  try {
    return (load() as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * The installed versions of pdfmake and of the pdfkit that pdfmake itself loads (resolved from pdfmake's own
 * folder, which finds a copy nested under pdfmake as well as a hoisted one).
 */
export function installedVersions(): { pdfmake: string | undefined; pdfkit: string | undefined } {
  const pdfmake = versionOf(() => require('pdfmake/package.json'));
  const pdfkit = versionOf(() => createRequire(require.resolve('pdfmake/package.json'))('pdfkit/package.json'));
  return { pdfmake, pdfkit };
}

/**
 * The prototype of one of pdfmake's internal classes (`pdfmake/js/<file>`), or undefined when unusable: when the
 * installed versions (`versions`, a parameter for tests) are not the supported ones, or the class has changed.
 */
export function internalPrototype<T extends object>(
  file: string,
  methods: string[],
  versions = installedVersions(),
): T | undefined {
  const { pdfmake, pdfkit } = versions;
  if (pdfmake !== SUPPORTED_PDFMAKE || pdfkit !== SUPPORTED_PDFKIT) return undefined;
  try {
    const exported = require(`pdfmake/js/${file}`) as { default?: { prototype?: Record<string, unknown> } };
    const proto = exported.default?.prototype;
    if (proto === undefined || !methods.every((name) => typeof proto[name] === 'function')) return undefined;
    return proto as T;
  } catch {
    return undefined;
  }
}
