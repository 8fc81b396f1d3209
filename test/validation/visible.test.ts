import { visible } from '../../src/validation/visible.js';

test('control characters and direction marks are written out, other text stays as it is', () => {
  expect(visible('Fraude, diefstal en verduistering – één')).toBe('Fraude, diefstal en verduistering – één');
  expect(visible('\u001b]52;c;SGVsbG8=\u0007')).toBe('\\x1b]52;c;SGVsbG8=\\x07');
  expect(visible('a\u001b[2Jb\tc\nd\re\u0000f\u007f')).toBe('a\\x1b[2Jb\\x09c\\x0ad\\x0de\\x00f\\x7f');
  expect(visible('\u009b2J\u0085')).toBe('\\x9b2J\\x85');
  expect(visible('\u202egeen\u2066x\u2069\u200f')).toBe('\\u202egeen\\u2066x\\u2069\\u200f');
});

test('long text is cut at 60 characters, never inside an emoji or an escape', () => {
  expect(visible('x'.repeat(60))).toBe('x'.repeat(60));
  expect(visible('x'.repeat(61))).toBe(`${'x'.repeat(60)}…`);
  expect(visible('😀'.repeat(100))).toBe(`${'😀'.repeat(60)}…`);
  expect(visible(`${'x'.repeat(59)}\u001b[2J`)).toBe(`${'x'.repeat(59)}\\x1b…`);
  expect(visible('y'.repeat(5_000_000)).length).toBe(61);
});
