import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { libraryVersion } from '../../src/cache/identity.js';
import { packageRoot } from '../../src/paths.js';

const installed = (...path: string[]) =>
  (JSON.parse(readFileSync(join(packageRoot, 'node_modules', ...path, 'package.json'), 'utf8')) as { version: string })
    .version;

test('a cache key names the installed version of each library, also of a library of a library', () => {
  expect(libraryVersion('zod')).toBe(installed('zod'));
  expect(libraryVersion('handlebars')).toBe(installed('handlebars'));
  // A scoped package, and one without "./package.json" in its exports.
  expect(libraryVersion('@orama/stemmers')).toBe(installed('@orama', 'stemmers'));
  expect(libraryVersion('fontkit', ['pdfmake', 'pdfkit'])).toBe(installed('fontkit'));
  expect(libraryVersion('geen-bibliotheek-9f3')).toBeUndefined();
  expect(libraryVersion('fontkit', ['geen-bibliotheek-9f3'])).toBeUndefined();
});
