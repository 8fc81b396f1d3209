import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type BigIntStats,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import { errorCode, fileSystemError } from '../validation/fs-errors.js';
import { UserError } from '../validation/problem.js';

/*
 * All-or-nothing output. What a user can count on after any interruption: the folder holds either
 * the complete old set of files or the complete new set, and the next run that writes there
 * cleans up (rolls back) whatever a killed run left.
 *
 * - One run at a time per folder: a lock (proper-lockfile, a lock folder whose age shows a
 *   holder that was killed) makes a second run wait, so two runs with --forceer never mix.
 * - The moves happen in one synchronous step. Node runs a signal handler (Ctrl-C, SIGTERM) only
 *   between two steps of its event loop, so Ctrl-C lands before the moves or after all of them,
 *   never in between, and no asynchronous link or rename is still under way when it is handled.
 * - A kill -9 can land in between. For that, a journal in the folder lists the pending moves
 *   before the first one; the next run finds it and puts the old files back. Temporary files of
 *   a killed run (".naam.xxxxxxxxxxxx.tmp") are removed by that run too.
 */

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

/** The moments of a write, for tests that interrupt a real process there. */
export type WriteStep = 'staged' | 'journal' | `moved ${number}` | 'committed';

export interface WriteOptions {
  /** Something the user should know (a killed run was rolled back, waiting for another run): Dutch, to follow "Let op: ". */
  onNotice?: (message: string) => void;
  /** Tests only: called synchronously at each step, to stop the process at a known moment. */
  onStep?: (step: WriteStep) => void;
  /** Tests only: how old a lock must be to count as left by a killed run (proper-lockfile's minimum is 2 s). */
  staleLockMs?: number;
}

const lockName = '.integriteitsplan.lock';
const journalName = '.integriteitsplan.journal.json';
/** Temporary and backup files of a write: a leading dot, the target's name, 12 hex digits. */
const workFile = /^\..+\.[0-9a-f]{12}\.(tmp|bak)$/;
const defaultStaleLockMs = 10_000;

const journalSchema = z.strictObject({
  toelichting: z.string(),
  state: z.enum(['prepared', 'committed']),
  files: z.array(
    z.strictObject({
      name: z.string().refine(isPlainName),
      temporary: z.string().regex(workFile),
      backup: z.string().regex(workFile).nullable(),
      inode: z.string(),
    }),
  ),
});
type Journal = z.infer<typeof journalSchema>;
type Entry = Journal['files'][number];

function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

/**
 * Writes a set of files into one folder so that a reader never sees half a file and no error,
 * Ctrl-C or kill leaves half a set. Without `overwrite`, existing files are refused before
 * anything is written.
 */
export async function writeFilesAtomically(
  files: readonly OutputFile[],
  overwrite: boolean,
  options: WriteOptions = {},
): Promise<void> {
  if (files.length === 0) return;
  const paths = files.map((file) => file.path);
  const duplicate = paths.find((path, index) => paths.indexOf(path) !== index);
  if (duplicate) throw new UserError(`Twee documenten zouden hetzelfde bestand worden: ${duplicate}. Er is niets geschreven.`);
  const dir = dirname(paths[0]!);
  if (paths.some((path) => dirname(path) !== dir)) throw new Error('writeFilesAtomically: all files of a set go into one folder');

  makeDirectory(dir);
  const release = await lockFolder(dir, options);
  try {
    commit(dir, files, overwrite, options);
  } finally {
    await release().catch(() => undefined);
  }
}

/** Like `mkdir -p`, level by level: Node's recursive mkdir loops forever where a folder cannot be made (under /proc). */
function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    let info: Stats;
    try {
      info = statSync(current);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT' || dirname(current) === current) throw writeError(error, current);
      missing.push(current);
      continue;
    }
    if (!info.isDirectory()) {
      throw new UserError(
        `Kan de map ${dir} niet maken: ${current} is een bestand, geen map. Kies een andere map met --uitvoer. Er is niets geschreven.`,
      );
    }
    break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if (errorCode(error) === 'EEXIST' && statSync(folder).isDirectory()) continue;
      throw writeError(error, folder, 'maken', 'de map');
    }
  }
}

async function lockFolder(dir: string, options: WriteOptions): Promise<() => Promise<void>> {
  const stale = options.staleLockMs ?? defaultStaleLockMs;
  const settings = {
    lockfilePath: join(dir, lockName),
    realpath: false,
    stale,
    update: Math.max(1000, stale / 5),
    // The lock is held for the moves only (milliseconds); should it be taken over meanwhile, the journal still protects the set.
    onCompromised: () => undefined,
  };
  try {
    return await lockfile.lock(dir, { ...settings, retries: 0 });
  } catch (error) {
    if (errorCode(error) !== 'ELOCKED') throw writeError(error, join(dir, lockName));
  }
  options.onNotice?.(`in ${dir} schrijft nu een andere run van integriteitsplan; deze wacht tot die klaar is.`);
  try {
    // Long enough for a run that was killed to count as gone (stale), and for a slow one to finish.
    return await lockfile.lock(dir, {
      ...settings,
      retries: { retries: Math.ceil((stale * 2.5) / 500), minTimeout: 500, maxTimeout: 500, factor: 1 },
    });
  } catch (error) {
    if (errorCode(error) !== 'ELOCKED') throw writeError(error, join(dir, lockName));
    throw new UserError(
      `In ${dir} schrijft nog steeds een andere run van integriteitsplan. Wacht tot die klaar is en probeer het opnieuw; ` +
        `staat er zeker geen andere run, verwijder dan de map ${join(dir, lockName)}. Er is niets geschreven.`,
    );
  }
}

/** Everything from here on is synchronous: see the comment at the top. */
function commit(dir: string, files: readonly OutputFile[], overwrite: boolean, options: WriteOptions): void {
  recover(dir, options);
  for (const file of files) {
    if (lstatOrUndefined(file.path)?.isDirectory()) {
      throw new UserError(
        `Kan ${file.path} niet schrijven: er staat een map met deze naam. Hernoem of verwijder die map, of kies een andere map met --uitvoer. Er is niets geschreven.`,
      );
    }
  }
  if (!overwrite) {
    const existing = files.filter((file) => lstatOrUndefined(file.path) !== undefined).map((file) => file.path);
    if (existing.length > 0) {
      throw new UserError(
        `Er bestaan al bestanden met deze naam; er is niets overschreven. Gebruik --forceer om ze te vervangen, of kies een andere map met --uitvoer:\n${existing.map((p) => `  ${p}`).join('\n')}`,
      );
    }
  }

  const entries: Entry[] = [];
  let journaled = false;
  try {
    for (const file of files) {
      const name = basename(file.path);
      const temporary = workName(name, 'tmp');
      entries.push({ name, temporary, backup: null, inode: '' });
      entries.at(-1)!.inode = writeTemporary(join(dir, temporary), file.bytes, file.path);
    }
    options.onStep?.('staged');
    for (const entry of entries) {
      if (overwrite && lstatOrUndefined(join(dir, entry.name))) entry.backup = workName(entry.name, 'bak');
    }
    writeJournal(dir, { state: 'prepared', files: entries });
    journaled = true;
    options.onStep?.('journal');
    for (const entry of entries) {
      if (entry.backup) backUp(join(dir, entry.name), join(dir, entry.backup));
    }
    entries.forEach((entry, index) => {
      publish(join(dir, entry.temporary), join(dir, entry.name), overwrite);
      options.onStep?.(`moved ${index + 1}`);
    });
    syncFolder(dir);
    writeJournal(dir, { state: 'committed', files: entries });
    options.onStep?.('committed');
  } catch (error) {
    try {
      if (journaled) rollBack(dir, entries);
      else for (const entry of entries) removeIfThere(join(dir, entry.temporary));
      removeIfThere(join(dir, journalName));
    } catch {
      // The journal stays, so the next run in this folder finishes the rollback; the first error is the one to report.
    }
    throw error instanceof UserError ? error : writeError(error, dir);
  }
  finish(dir, entries);
}

function workName(name: string, kind: 'tmp' | 'bak'): string {
  return `.${name}.${randomBytes(6).toString('hex')}.${kind}`;
}

/** Writes and syncs a temporary file; returns its inode, by which a rollback recognises the file as ours. */
function writeTemporary(path: string, bytes: Uint8Array, target: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'wx');
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
    return statSync(path, { bigint: true }).ino.toString();
  } catch (error) {
    throw writeError(error, target);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A second name for the file that is about to be replaced; a copy where the disk has no hard links (FAT, some network drives). */
function backUp(path: string, backup: string): void {
  try {
    linkSync(path, backup);
  } catch (error) {
    if (!noHardLinks(error)) throw error;
    copyFileSync(path, backup, constants.COPYFILE_EXCL);
  }
}

/** Without overwrite, link() refuses a file that appeared meanwhile (another program); rename() where there are no hard links. */
function publish(temporary: string, target: string, overwrite: boolean): void {
  if (overwrite) return renameSync(temporary, target);
  try {
    linkSync(temporary, target);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') {
      throw new UserError(`${target} is zojuist door een ander programma gemaakt; er is niets overschreven (gebruik --forceer).`);
    }
    if (!noHardLinks(error)) throw error;
    if (lstatOrUndefined(target)) throw new UserError(`${target} bestaat al; er is niets overschreven (gebruik --forceer).`);
    renameSync(temporary, target);
  }
}

function noHardLinks(error: unknown): boolean {
  return ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK'].includes(errorCode(error) ?? '');
}

function writeJournal(dir: string, journal: Omit<Journal, 'toelichting'>): void {
  const full: Journal = {
    toelichting:
      'Werkbestand van integriteitsplan terwijl het documenten wegschrijft. Niet aanpassen: de volgende run in deze map ruimt het op.',
    ...journal,
  };
  const temporary = join(dir, workName(journalName.slice(1), 'tmp'));
  writeTemporary(temporary, new TextEncoder().encode(`${JSON.stringify(full, null, 2)}\n`), join(dir, journalName));
  renameSync(temporary, join(dir, journalName));
  syncFolder(dir);
}

/** Puts every replaced file back and removes every new one; only files this write made (by inode) are touched. */
function rollBack(dir: string, entries: readonly Entry[]): void {
  for (const entry of [...entries].reverse()) {
    const target = join(dir, entry.name);
    if (entry.backup && lstatOrUndefined(join(dir, entry.backup))) {
      renameSync(join(dir, entry.backup), target);
      // Both names of one file (not moved yet): rename() leaves both, so drop the spare one.
      removeIfThere(join(dir, entry.backup));
    } else if (!entry.backup) {
      const current = lstatOrUndefined(target, true);
      if (current && current.ino.toString() === entry.inode) removeIfThere(target);
    }
    removeIfThere(join(dir, entry.temporary));
  }
  syncFolder(dir);
}

function finish(dir: string, entries: readonly Entry[]): void {
  for (const entry of entries) {
    removeIfThere(join(dir, entry.temporary));
    if (entry.backup) removeIfThere(join(dir, entry.backup));
  }
  removeIfThere(join(dir, journalName));
  syncFolder(dir);
}

/** Completes what an earlier, killed run left in this folder: its journal first, then any stray work files. */
function recover(dir: string, options: WriteOptions): void {
  const journalPath = join(dir, journalName);
  let text: string | undefined;
  try {
    text = readFileSync(journalPath, 'utf8');
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw writeError(error, journalPath);
  }
  if (text !== undefined) {
    const journal = parseJournal(text);
    if (!journal) {
      throw new UserError(
        `In ${dir} staat een werkbestand ${journalName} dat niet van integriteitsplan is of beschadigd is; er is niets geschreven. ` +
          'Verwijder het als u zeker weet dat er geen andere run bezig is, en probeer het opnieuw.',
      );
    }
    if (journal.state === 'prepared') {
      rollBack(dir, journal.files);
      const replaced = journal.files.filter((entry) => entry.backup).length;
      options.onNotice?.(
        `een eerder afgebroken run in ${dir} is teruggedraaid${replaced > 0 ? `: de vorige versie van ${replaced} ${replaced === 1 ? 'bestand is' : 'bestanden zijn'} teruggezet` : ''}.`,
      );
    }
    finish(dir, journal.files);
  }
  const strays = readdirSync(dir).filter((name) => workFile.test(name));
  for (const name of strays) removeIfThere(join(dir, name));
  if (strays.length > 0) {
    options.onNotice?.(
      `${strays.length} ${strays.length === 1 ? 'tijdelijk bestand' : 'tijdelijke bestanden'} van een eerder afgebroken run in ${dir} opgeruimd.`,
    );
  }
}

function parseJournal(text: string): Journal | undefined {
  try {
    const parsed = journalSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string): Stats | undefined;
function lstatOrUndefined(path: string, bigint: true): BigIntStats | undefined;
function lstatOrUndefined(path: string, bigint?: true) {
  try {
    return bigint ? lstatSync(path, { bigint: true }) : lstatSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw writeError(error, path);
  }
}

/** Makes the renames in a folder durable; where a file system cannot sync a folder, there is nothing more to do. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows and some network drives cannot open or sync a folder.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function removeIfThere(path: string): void {
  rmSync(path, { force: true });
}

function writeError(error: unknown, path: string, action: 'schrijven' | 'maken' = 'schrijven', what?: string): unknown {
  const mapped = fileSystemError(error, path, action, what);
  return mapped instanceof UserError && mapped !== error
    ? new UserError(`${mapped.message} Er is niets geschreven.`, [], { cause: error })
    : mapped;
}
