import { isAbsolute, relative, sep } from 'node:path';

/** Relative to where the user stands, unless the file lies outside that folder. */
export function displayPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  if (shown === '') return '.';
  return shown === '..' || shown.startsWith(`..${sep}`) || isAbsolute(shown) ? path : shown;
}
