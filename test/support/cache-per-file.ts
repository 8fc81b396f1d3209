import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDirVariable } from '../../src/cache/store.js';

/*
 * Every test file gets a cache folder of its own, empty at its start and removed at its end: tests exercise the
 * cache as a user's runs do (the first run fills it, later ones read it), never one left by another run.
 */
const dir = mkdtempSync(join(tmpdir(), 'integriteitsplan-cache-'));
const before = process.env[cacheDirVariable];
process.env[cacheDirVariable] = dir;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (before === undefined) delete process.env[cacheDirVariable];
  else process.env[cacheDirVariable] = before;
});
