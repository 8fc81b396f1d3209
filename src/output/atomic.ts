import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { access, link, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../validation/problem.js';

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

/** Temporary files of writes in progress: removed on error and, through the CLI, on Ctrl-C. */
const pending = new Set<string>();

/** For the Ctrl-C handler: removes every half-written temporary file, synchronously. */
export function removePendingFiles(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}

/**
 * Writes a set of files so that a reader never sees half a file and an error never leaves half
 * a set: first every file goes to a temporary file next to its target (written and synced), then
 * all are moved into place. Without `overwrite`, existing files are refused before anything is
 * written, and link() refuses a file that appeared meanwhile. If moving into place fails, the
 * files this call created are removed again and the files it replaced are restored.
 */
export async function writeFilesAtomically(files: readonly OutputFile[], overwrite: boolean): Promise<void> {
  const paths = files.map((file) => file.path);
  const duplicate = paths.find((path, index) => paths.indexOf(path) !== index);
  if (duplicate) throw new UserError(`Twee documenten zouden hetzelfde bestand worden: ${duplicate}. Er is niets geschreven.`);
  if (!overwrite) {
    const existing = (await Promise.all(paths.map(async (path) => ((await exists(path)) ? path : undefined)))).filter(
      (path): path is string => path !== undefined,
    );
    if (existing.length > 0) {
      throw new UserError(
        `Er bestaan al bestanden met deze naam; er is niets overschreven. Gebruik --forceer om ze te vervangen, of kies een andere map met --uitvoer:\n${existing.map((p) => `  ${p}`).join('\n')}`,
      );
    }
  }

  const staged: { file: OutputFile; temporary: string; backup: string }[] = [];
  const committed: { path: string; backup?: string }[] = [];
  try {
    for (const file of files) {
      const temporary = temporaryName(file.path);
      staged.push({ file, temporary, backup: temporaryName(file.path) });
      await writeTemporary(file, temporary);
    }
    for (const { file, temporary, backup } of staged) {
      committed.push(await moveIntoPlace(file.path, temporary, backup, overwrite));
    }
  } catch (error) {
    await rollBack(committed);
    throw error;
  } finally {
    for (const { temporary, backup } of staged) {
      await removeIfThere(temporary);
      await removeIfThere(backup);
      pending.delete(temporary);
      pending.delete(backup);
    }
  }
}

function temporaryName(path: string): string {
  const name = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(name);
  return name;
}

async function writeTemporary(file: OutputFile, temporary: string): Promise<void> {
  try {
    await mkdir(dirname(file.path), { recursive: true });
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(file.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileSystemError(error, file.path);
  }
}

/** Returns what is needed to undo the move: the target, and the backup of the file it replaced. */
async function moveIntoPlace(
  path: string,
  temporary: string,
  backup: string,
  overwrite: boolean,
): Promise<{ path: string; backup?: string }> {
  try {
    if (!overwrite) {
      await link(temporary, path);
      return { path };
    }
    const replaced = await link(path, backup).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(temporary, path);
    return replaced ? { path, backup } : { path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(`${path} bestaat al; er is niets overschreven (gebruik --forceer).`);
    }
    throw fileSystemError(error, path);
  }
}

async function rollBack(committed: readonly { path: string; backup?: string }[]): Promise<void> {
  for (const { path, backup } of [...committed].reverse()) {
    if (backup) await rename(backup, path).catch(() => undefined);
    else await removeIfThere(path);
  }
}

/** A file system refusal is the user's situation to fix (wrong folder, full disk), not a bug. */
function fileSystemError(error: unknown, path: string): unknown {
  const reasons: Record<string, string> = {
    EEXIST: 'een deel van dit pad is een bestand, geen map',
    ENOTDIR: 'een deel van dit pad is een bestand, geen map',
    EISDIR: 'er staat een map met deze naam',
    EACCES: 'u hebt geen schrijfrechten in deze map',
    EPERM: 'u hebt geen schrijfrechten in deze map',
    EROFS: 'deze map is alleen-lezen',
    ENOSPC: 'de schijf is vol',
    ENAMETOOLONG: 'de naam is te lang',
  };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? reasons[code] : undefined;
  return reason ? new UserError(`Kan ${path} niet schrijven: ${reason}. Er is niets geschreven; kies een andere map.`) : error;
}

/** Cleaning up must not hide the error that made it necessary (e.g. ENOTDIR for a file in the way). */
async function removeIfThere(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
