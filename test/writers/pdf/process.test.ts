import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkedPdf } from '../../support/pdf-tools.js';
import { sampleTree } from '../../fixtures/sample-tree.js';

/**
 * Same tree, same bytes across processes: this file runs itself again in a separate jest process, which
 * writes the hash of its PDF to a file; the outer run compares that hash with its own.
 */
const HASH_FILE = 'PDF_WRITER_HASH_FILE';
const sha256 = async (): Promise<string> =>
  createHash('sha256')
    .update(await checkedPdf(sampleTree()))
    .digest('hex');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const childOutput = process.env[HASH_FILE];

if (childOutput !== undefined) {
  it('writes the hash of the sample PDF (child process)', async () => {
    await writeFile(childOutput, await sha256());
  });
} else {
  it('writes the same bytes in another process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pdf-writer-process-'));
    const output = join(dir, 'hash.txt');
    try {
      await promisify(execFile)(
        process.execPath,
        [
          '--experimental-vm-modules',
          join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
          '--runTestsByPath',
          join(root, 'test', 'writers', 'pdf', 'process.test.ts'),
        ],
        { env: { ...process.env, [HASH_FILE]: output }, cwd: root },
      );
      expect(await readFile(output, 'utf8')).toBe(await sha256());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
