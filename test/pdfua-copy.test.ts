import { readFileSync } from 'node:fs';
import { bundledChecker, sharedChecker } from './support/pdfua.js';

/**
 * The repository carries a copy of ../shared/tools/check_pdfua.py so that a clone without ../shared (CI) checks every
 * PDF too; where the shared one is present, the copy must be the same file.
 */
const shared = sharedChecker();
(shared ? test : test.skip)('the copy of check_pdfua.py is the shared one, byte for byte', () => {
  expect(readFileSync(bundledChecker).equals(readFileSync(shared!))).toBe(true);
});

test('the copy of check_pdfua.py is in the repository', () => {
  expect(readFileSync(bundledChecker, 'utf8')).toMatch(/^#!\/usr\/bin\/python3\n"""check_pdfua\.py/);
});
