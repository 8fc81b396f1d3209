import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFilesAtomically } from '../../src/output/atomic.js';
import { fileNamePart } from '../../src/output/filenames.js';
import { UserError } from '../../src/validation/problem.js';

const bytes = (text: string) => new TextEncoder().encode(text);
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'atomic-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('writes every file, creating the folder, and leaves no temporary files', async () => {
  await writeFilesAtomically([{ path: join(dir, 'sub', 'a.txt'), bytes: bytes('a') }, { path: join(dir, 'sub', 'b.txt'), bytes: bytes('b') }], false);
  expect(readdirSync(join(dir, 'sub')).sort()).toEqual(['a.txt', 'b.txt']);
});

test('a failure on a later file leaves none of the set behind', async () => {
  const attempt = writeFilesAtomically(
    [{ path: join(dir, 'eerste.txt'), bytes: bytes('1') }, { path: join(dir, `${'lang'.repeat(80)}.txt`), bytes: bytes('2') }],
    false,
  );
  await expect(attempt).rejects.toBeInstanceOf(UserError);
  await expect(attempt).rejects.toThrow(/de naam of het pad is te lang/);
  expect(readdirSync(dir)).toEqual([]);
});

test('refuses existing files without overwrite and replaces them with it', async () => {
  const target = join(dir, 'plan.txt');
  writeFileSync(target, 'eigen werk');
  await expect(writeFilesAtomically([{ path: target, bytes: bytes('nieuw') }], false)).rejects.toThrow(/--forceer/);
  expect(readFileSync(target, 'utf8')).toBe('eigen werk');
  await writeFilesAtomically([{ path: target, bytes: bytes('nieuw') }], true);
  expect(readFileSync(target, 'utf8')).toBe('nieuw');
  expect(readdirSync(dir)).toEqual(['plan.txt']);
});

test('two documents with the same target are refused before anything is written', async () => {
  const path = join(dir, 'zelfde.txt');
  await expect(writeFilesAtomically([{ path, bytes: bytes('1') }, { path, bytes: bytes('2') }], true)).rejects.toThrow(/hetzelfde bestand/);
  expect(existsSync(path)).toBe(false);
});

test('file name parts are plain ASCII without separators, however hostile the name', () => {
  expect(fileNamePart('../../etc/Gemeente *Ünïcode* / B&W')).toBe('etc-gemeente-unicode-b-w');
  expect(fileNamePart('...')).toBe('organisatie');
  expect(fileNamePart('Provincie Noord-Holland', 10)).toBe('provincie');
});
