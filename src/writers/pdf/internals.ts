import { createRequire } from 'node:module';

/**
 * pdfmake's internal classes that the speed-up hooks patch. The hooks are written against pdfmake 0.3.11
 * (pinned in package.json); with any other version they stay off and the writer is only slower.
 */
export const SUPPORTED_PDFMAKE = '0.3.11';

const require = createRequire(import.meta.url);

function version(): string | undefined {
  try {
    return (require('pdfmake/package.json') as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** The prototype of one of pdfmake's internal classes (`pdfmake/js/<file>`), or undefined when unusable. */
export function internalPrototype<T extends object>(file: string, methods: string[]): T | undefined {
  if (version() !== SUPPORTED_PDFMAKE) return undefined;
  try {
    const exported = require(`pdfmake/js/${file}`) as { default?: { prototype?: Record<string, unknown> } };
    const proto = exported.default?.prototype;
    if (proto === undefined || !methods.every((name) => typeof proto[name] === 'function')) return undefined;
    return proto as T;
  } catch {
    return undefined;
  }
}
