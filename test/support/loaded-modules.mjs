// Preloaded with `node --import`: registers a loader hook that writes the URL of every ES module and CommonJS entry
// the program loads to the file named in LOADED_MODULES_FILE (test/cli/lazy-loading.test.ts), and at exit the files
// loaded with require() (the PDF libraries), which pass no loader hook: they are in require's cache.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

if (process.env.LOADED_MODULES_FILE && !import.meta.url.includes('?hooks')) {
  register(`${import.meta.url}?hooks`, import.meta.url);
  const { cache } = createRequire(import.meta.url);
  process.on('exit', () => {
    appendFileSync(
      process.env.LOADED_MODULES_FILE,
      Object.keys(cache)
        .map((file) => `${file}\n`)
        .join(''),
    );
  });
}

export async function load(url, context, next) {
  appendFileSync(process.env.LOADED_MODULES_FILE, `${url}\n`);
  return next(url, context);
}
