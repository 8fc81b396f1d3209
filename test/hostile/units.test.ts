import { fileSystemError } from '../../src/validation/fs-errors.js';
import { UserError } from '../../src/validation/problem.js';
import { closestMatch } from '../../src/validation/suggest.js';
import { controlCharacterProblem } from '../../src/validation/text.js';
import { decodeText } from '../../src/validation/text-file.js';

/** The classes behind the hostile cases, one rule each, for every member of the class. */

describe('every errno a user can cause becomes a Dutch message naming the path and what to do', () => {
  const codes = [
    'ENOENT',
    'ENOTDIR',
    'EEXIST',
    'EISDIR',
    'ELOOP',
    'EACCES',
    'EPERM',
    'EROFS',
    'ENOSPC',
    'EDQUOT',
    'EFBIG',
    'ENAMETOOLONG',
    'EINVAL',
    'EBUSY',
    'ETXTBSY',
    'EMFILE',
    'ENFILE',
    'EIO',
    'ENXIO',
    'ENODEV',
    'EXDEV',
    'ESTALE',
    'ETIMEDOUT',
    'ENOTSUP',
    'EOPNOTSUPP',
  ];
  const actions = ['lezen', 'schrijven', 'maken'] as const;
  test.each(codes.flatMap((code) => actions.map((action) => [code, action] as [string, (typeof actions)[number]])))(
    '%s when %s',
    (code, action) => {
      const error = fileSystemError(
        Object.assign(new Error(`${code}: english`), { code }),
        '/pad/naar/x',
        action,
        'het bestand',
      );
      expect(error).toBeInstanceOf(UserError);
      const message = (error as UserError).message;
      expect(message).toMatch(new RegExp(`^Kan het bestand /pad/naar/x niet ${action}: [a-z].+\\. [A-Z].+\\.$`));
      expect(message).not.toMatch(/english|E[A-Z]{3,}/);
    },
  );
  test('anything else stays what it was, to be reported as a bug', () => {
    const bug = new TypeError('x is undefined');
    expect(fileSystemError(bug, '/pad', 'lezen')).toBe(bug);
  });
});

describe('encodings', () => {
  const kind = { what: 'het bestand' };
  test('UTF-8 with or without BOM is text', () => {
    expect(decodeText(Buffer.from('\ufeffa: é\n'), 'x', kind)).toBe('a: é\n');
    expect(decodeText(Buffer.from('a: é\n'), 'x', kind)).toBe('a: é\n');
  });
  test.each([
    ['UTF-16 LE with BOM', Buffer.from('\ufeffnaam: x\n', 'utf16le'), /UTF-16 \(little-endian\)/],
    ['UTF-16 LE', Buffer.from('naam: x\n', 'utf16le'), /UTF-16 \(little-endian\)/],
    ['UTF-16 BE', Buffer.from('naam: x\n', 'utf16le').swap16(), /UTF-16 \(big-endian\)/],
    ['Windows-1252', Buffer.from('a: 1\nnaam: caf\u00e9\n', 'latin1'), /geen UTF-8-bestand/],
    ['binary', Buffer.from([1, 2, 0, 3]), /geen tekstbestand/],
  ])('%s is refused with a message about the encoding', (_name, bytes, message) => {
    expect(() => decodeText(bytes, 'x', kind)).toThrow(message);
  });
  test('the first line that is not UTF-8 is named', () => {
    try {
      decodeText(Buffer.from('a: 1\nb: 2\nc: caf\u00e9\n', 'latin1'), 'x', kind);
    } catch (error) {
      expect((error as UserError).problems[0]?.line).toBe(3);
    }
    expect.assertions(1);
  });
});

describe('control characters', () => {
  test.each(
    [...Array(32).keys()]
      .filter((c) => c !== 9 && c !== 10)
      .concat([0x7f, 0x85, 0x9b, 0x9d, 0x2028, 0x2029, 0x202a, 0x202e, 0x2066, 0x2069, 0xfeff]),
  )('U+%s is refused everywhere', (code) => {
    expect(controlCharacterProblem(`a${String.fromCharCode(code)}b`, { multiline: true })).toMatch(
      new RegExp(`U\\+${code.toString(16).toUpperCase().padStart(4, '0')}.* op positie 2`),
    );
  });
  test('line breaks and tabs only where a text may have paragraphs', () => {
    expect(controlCharacterProblem('a\nb\tc', { multiline: true })).toBeUndefined();
    expect(controlCharacterProblem('a\nb', { multiline: false })).toMatch(/moet op één regel passen/);
    expect(controlCharacterProblem('Fryslân שלום 😀 \u200f', { multiline: false })).toBeUndefined();
    expect(controlCharacterProblem('a\ud800', { multiline: false })).toMatch(/half teken/);
  });
});

describe('suggestions ignore case, accents, spaces and underscores', () => {
  test.each([
    ['H2-GEDRAGSREGELS', 'h2-gedragsregels'],
    ['h2_gedragsregels', 'h2-gedragsregels'],
    ['h2 gedragsregels', 'h2-gedragsregels'],
    ['Gemeënte', 'gemeente'],
    ['h2-gedragsregel', 'h2-gedragsregels'],
  ])('%s → %s', (typed, meant) => {
    expect(closestMatch(typed, ['h2-gedragsregels', 'h4-handhaving', 'gemeente', 'provincie'])).toBe(meant);
  });
  test('nothing close: no suggestion', () => {
    expect(closestMatch('iets-heel-anders', ['h2-gedragsregels', 'gemeente'])).toBeUndefined();
  });
});
