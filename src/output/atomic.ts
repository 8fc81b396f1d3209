import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { access, link, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../validation/problem.js';

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

/** Temporary files being written right now: removed on error and on Ctrl-C. */
const pending = new Set<string>();

/** For the Ctrl-C handler: removes every half-written temporary file, synchronously. */
export function removePendingFiles(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}

/**
 * Writes every file via a temporary file in the same folder and a rename, so a reader never sees
 * half a file. Without `overwrite`, existing files are refused before anything is written, and the
 * final step uses link(), which fails rather than replace a file that appeared meanwhile.
 */
export async function writeFilesAtomically(files: readonly OutputFile[], overwrite: boolean): Promise<void> {
  if (!overwrite) {
    const existing = (await Promise.all(files.map(async (f) => ((await exists(f.path)) ? f.path : undefined)))).filter(
      (path): path is string => path !== undefined,
    );
    if (existing.length > 0) {
      throw new UserError(
        `Er bestaan al bestanden met deze naam; er is niets overschreven. Gebruik --forceer om ze te vervangen, of kies een andere map met --uitvoer:\n${existing.map((p) => `  ${p}`).join('\n')}`,
      );
    }
  }
  for (const file of files) await writeOne(file, overwrite);
}

async function writeOne(file: OutputFile, overwrite: boolean): Promise<void> {
  await mkdir(dirname(file.path), { recursive: true });
  const temporary = join(dirname(file.path), `.${basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(temporary);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(file.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) await rename(temporary, file.path);
    else {
      await link(temporary, file.path).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') throw new UserError(`${file.path} bestaat al; er is niets overschreven (gebruik --forceer).`);
        throw error;
      });
    }
  } finally {
    await rm(temporary, { force: true });
    pending.delete(temporary);
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
