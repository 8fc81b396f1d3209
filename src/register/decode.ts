import { isUtf8 } from 'node:buffer';
import { firstLineNotUtf8, lineAt, utf16Order } from '../validation/encoding.js';
import { UserError } from '../validation/problem.js';

/*
 * The register file's bytes, checked to be UTF-8 text. Only UTF-8 (with or without BOM) is read: a
 * file in another encoding — the Windows-1252 of a plain "CSV" from Excel, the UTF-16 of its
 * "Unicode-tekst", or no text at all such as a workbook — is refused with a message about the
 * encoding, rather than read as garbled text that no longer matches the labels.
 */

const saveAsUtf8 = 'sla het bestand op als CSV UTF-8 (in Excel: Opslaan als → "CSV UTF-8 (door komma\'s gescheiden)")';

/**
 * Pure: the bytes as UTF-8 without a BOM, every line ending (\r\n, \r) made \n so that line numbers
 * are counted one way. The bytes are not copied into a string: the CSV reader parses them as they are.
 */
export function utf8Register(bytes: Uint8Array, file: string): Uint8Array {
  const utf16 = utf16Order(bytes);
  if (utf16) {
    throw new UserError(
      `Het meldingenregister ${file} is opgeslagen als UTF-16 (${utf16}, in Excel "Unicode-tekst"), niet als UTF-8.`,
      [{ file, key: '', line: 1, message: saveAsUtf8 }],
    );
  }
  if (startsWith(bytes, zipSignature)) {
    throw new UserError(
      `Het meldingenregister ${file} is een Excel-werkmap (of een ander zip-bestand), geen CSV-bestand.`,
      [{ file, key: '', line: 1, message: saveAsUtf8 }],
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new UserError(
      `Het meldingenregister ${file} is geen tekstbestand (het bevat nul-tekens, zoals een programma- of Excel-bestand).`,
      [{ file, key: '', line: lineAt(bytes, nul), message: saveAsUtf8 }],
    );
  }
  if (!isUtf8(bytes)) {
    throw new UserError(
      `Het meldingenregister ${file} is geen UTF-8-bestand (waarschijnlijk Windows-1252, zoals Excel een gewoon CSV-bestand opslaat).`,
      [
        {
          file,
          key: '',
          line: firstLineNotUtf8(bytes),
          message: `deze regel bevat een teken dat geen UTF-8 is; ${saveAsUtf8}`,
        },
      ],
    );
  }
  return unixLineEnds(startsWith(bytes, utf8Bom) ? bytes.subarray(utf8Bom.length) : bytes);
}

const utf8Bom = [0xef, 0xbb, 0xbf];
const zipSignature = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** \r\n and a lone \r (old Mac) become \n; a copy only when there is a \r at all. */
function unixLineEnds(bytes: Uint8Array): Uint8Array {
  let cr = bytes.indexOf(0x0d);
  if (cr < 0) return bytes;
  const out = new Uint8Array(bytes.length);
  let length = 0;
  let start = 0;
  for (; cr >= 0; cr = bytes.indexOf(0x0d, start)) {
    out.set(bytes.subarray(start, cr), length);
    length += cr - start;
    out[length++] = 0x0a;
    start = bytes[cr + 1] === 0x0a ? cr + 2 : cr + 1;
  }
  out.set(bytes.subarray(start), length);
  length += bytes.length - start;
  return out.subarray(0, length);
}
