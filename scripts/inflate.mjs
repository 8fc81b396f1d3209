/**
 * tiny-inflate's function (`inflate(source, dest)`: raw DEFLATE data into the typed array `dest`, returning `dest`,
 * or the part of it filled when the data was shorter) done by node:zlib. The bundle's PDF libraries (bundle.mjs) use
 * it in place of tiny-inflate, whose JavaScript unpacks the Unicode tables of fontkit, unicode-properties and
 * linebreak on every start several times slower: the same bytes (test/writers/pdf/engine/inflate.test.ts).
 */
import { inflateRawSync } from 'node:zlib';

export function inflate(source, dest) {
  const inflated = inflateRawSync(source);
  dest.set(inflated.length > dest.length ? inflated.subarray(0, dest.length) : inflated);
  return inflated.length < dest.length ? dest.slice(0, inflated.length) : dest;
}
