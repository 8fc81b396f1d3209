// Preloaded with `node --import`: registers a loader hook that writes the URL of every ES module and CommonJS entry
// the program loads to the file named in LOADED_MODULES_FILE (test/cli/lazy-loading.test.ts).
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

if (process.env.LOADED_MODULES_FILE && !import.meta.url.includes('?hooks')) {
  register(`${import.meta.url}?hooks`, import.meta.url);
}

export async function load(url, context, next) {
  appendFileSync(process.env.LOADED_MODULES_FILE, `${url}\n`);
  return next(url, context);
}
