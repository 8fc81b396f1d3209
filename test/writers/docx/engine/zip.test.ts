import JSZip from 'jszip';
import { inflateRawSync } from 'node:zlib';
import { zip } from '../../../../src/writers/docx/engine/zip.js';

const entries = [
  { name: '[Content_Types].xml', data: new TextEncoder().encode('<?xml version="1.0"?><Types/>') },
  { name: 'word/document.xml', data: new TextEncoder().encode('<w:document>'.padEnd(70_000, 'tekst ëé ')) },
  { name: 'word/media/leeg.bin', data: new Uint8Array(0) },
  { name: 'word/media/beeld.bin', data: Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251) },
];

/** What JSZip 3.10 wrote for the DOCX writer before it zipped in one pass, with the same options. */
async function jszipBytes(date: Date): Promise<Uint8Array> {
  const reference = new JSZip();
  for (const { name, data } of entries) reference.file(name, data, { date, createFolders: false });
  return reference.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}

describe('the DOCX zip writer', () => {
  test('writes the bytes JSZip wrote before, so documents keep their bytes', async () => {
    for (const date of [new Date('2027-01-15T00:00:00Z'), new Date('2031-12-31T23:59:59Z')]) {
      expect(Buffer.from(zip(entries, date)).equals(Buffer.from(await jszipBytes(date)))).toBe(true);
    }
  });

  test('gives the same bytes for the same entries and date, and dates before 1980 as 1980', async () => {
    const date = new Date('2027-03-01T12:00:00Z');
    expect(Buffer.from(zip(entries, date)).equals(Buffer.from(zip(entries, date)))).toBe(true);
    const early = zip(entries, new Date('1970-01-01T00:00:00Z'));
    expect(Buffer.from(early).equals(Buffer.from(await jszipBytes(new Date('1980-01-01T00:00:00Z'))))).toBe(true);
  });

  test('compresses a small part it has compressed before to the same bytes, and one changed by a byte anew', async () => {
    const date = new Date('2027-01-15T00:00:00Z');
    const first = zip(entries, date);
    const changed = entries.map((entry) => ({ ...entry, data: Uint8Array.from(entry.data) }));
    changed[0]!.data[changed[0]!.data.length - 1] = 0x41;
    const read = await JSZip.loadAsync(zip(changed, date));
    expect(await read.file('[Content_Types].xml')!.async('string')).toBe('<?xml version="1.0"?><Types/A');
    expect(Buffer.from(zip(entries, date)).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(first).equals(Buffer.from(await jszipBytes(date)))).toBe(true);
  });

  test('is read back whole by another zip reader', async () => {
    const read = await JSZip.loadAsync(zip(entries, new Date('2027-01-15T00:00:00Z')));
    expect(Object.keys(read.files)).toEqual(entries.map((entry) => entry.name));
    for (const { name, data } of entries) {
      expect(Buffer.from(await read.file(name)!.async('uint8array')).equals(Buffer.from(data))).toBe(true);
    }
  });

  test('compresses every entry with DEFLATE', () => {
    const bytes = Buffer.from(zip(entries.slice(1, 2), new Date('2027-01-15T00:00:00Z')));
    expect(bytes.readUInt16LE(8)).toBe(8);
    const compressedSize = bytes.readUInt32LE(18);
    expect(compressedSize).toBeLessThan(entries[1]!.data.length / 10);
    const nameLength = bytes.readUInt16LE(26);
    const data = inflateRawSync(bytes.subarray(30 + nameLength, 30 + nameLength + compressedSize));
    expect(data.equals(Buffer.from(entries[1]!.data))).toBe(true);
  });

  test('refuses a name that is not plain ASCII rather than write it differently from before', () => {
    expect(() => zip([{ name: 'wórd.xml', data: new Uint8Array(1) }], new Date())).toThrow(/not plain ASCII/);
  });
});
