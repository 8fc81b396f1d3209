import { isUtf8 } from 'node:buffer';

/*
 * What the readers of user files (text-file.ts for answers, knowledge and templates; register/decode.ts for the
 * meldingen register) need to know about bytes that are not the UTF-8 they accept, to say where and why.
 */

/**
 * 'little-endian' or 'big-endian' when the bytes are UTF-16: by its BOM, or without one by the zero bytes that every
 * ASCII character (keys, column names, separators, dates) has in one half of its pair.
 */
export function utf16Order(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  const sample = bytes.subarray(0, Math.min(bytes.length, 1024) & ~1);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  // Mostly ASCII: nearly every pair has its zero on the same side, and the other side never.
  if (oddZeros >= pairs * 0.7 && evenZeros === 0) return 'little-endian';
  if (evenZeros >= pairs * 0.7 && oddZeros === 0) return 'big-endian';
  return undefined;
}

/** The 1-based line of a byte offset. A newline byte is never part of another character in UTF-8 or Windows-1252. */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < offset; at = bytes.indexOf(0x0a, at + 1)) line++;
  return line;
}

/** The 1-based line of the first line that is not UTF-8, in bytes that as a whole are not. */
export function firstLineNotUtf8(bytes: Uint8Array): number {
  let line = 1;
  for (let start = 0; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    if (end < 0 || !isUtf8(bytes.subarray(start, end))) return line;
    start = end + 1;
  }
}
