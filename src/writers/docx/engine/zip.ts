import { deflateRaw } from 'pako';
import { crc32 } from 'node:zlib';

/*
 * The zip file of a DOCX, written in one pass. Its bytes are those JSZip 3.10 wrote for us before (DOS platform,
 * DEFLATE level 6 with pako, no data descriptors, no comments): a document keeps exactly the bytes it had. pako
 * rather than node:zlib because Node's zlib compresses to other bytes (it is Chromium's variant, whose output can
 * differ by processor and Node version), and the same tree must give the same file on every machine. No zip library
 * writes these bytes from given data; this writer only needs what a DOCX needs: files with ASCII names.
 */

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const LOCAL_FILE = 0x04034b50;
const CENTRAL_FILE = 0x02014b50;
const CENTRAL_END = 0x06054b50;
/** Version needed to extract (1.0) and version made by (DOS, 2.0), as JSZip writes them. */
const VERSION_NEEDED = 10;
const MADE_BY_DOS = 0x0014;
const STORE = 0;
const DEFLATE = 8;
/** The earliest time a zip entry can carry (MS-DOS time starts in 1980). */
const ZIP_EPOCH = Date.UTC(1980, 0, 1);

/** MS-DOS time and date fields of a moment, in UTC (as JSZip writes them). */
function dosDateTime(date: Date): { time: number; day: number } {
  const at = new Date(Math.max(date.getTime(), ZIP_EPOCH));
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    day: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/**
 * The small parts compressed before, by their bytes (as latin1 text): styles, numbering, settings, headers and
 * footers come back the same in every document of a run, and pako sets up and clears its tables of over 300 KB for
 * each part, however small. Bounded, for a long run over many plans.
 */
const compressedParts = new Map<string, Uint8Array>();
const SMALL_PART = 32 * 1024;
const MAX_COMPRESSED_PARTS = 1_000;

/** The entry's data as the zip holds it: compressed with DEFLATE, or as it is when empty (as JSZip does). */
function compress(data: Uint8Array): Uint8Array {
  if (data.length === 0) return data;
  if (data.length > SMALL_PART) return deflateRaw(data, { level: 6 });
  const key = Buffer.from(data.buffer, data.byteOffset, data.length).toString('latin1');
  let compressed = compressedParts.get(key);
  if (compressed === undefined) {
    compressed = deflateRaw(data, { level: 6 });
    if (compressedParts.size >= MAX_COMPRESSED_PARTS) compressedParts.clear();
    compressedParts.set(key, compressed);
  }
  return compressed;
}

/**
 * A zip file of the entries in the order given, each compressed with DEFLATE (stored when empty) and dated `date` (not before 1980).
 * The same entries and date give the same bytes.
 */
export function zip(entries: readonly ZipEntry[], date: Date): Uint8Array {
  const { time, day } = dosDateTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    if (!/^[\x20-\x7e]+$/.test(name))
      throw new Error(`DOCX zip: entry name ${JSON.stringify(name)} is not plain ASCII`);
    const compressed = compress(data);
    const fileName = Buffer.from(name, 'latin1');
    // The fields local and central headers share, from "version needed" to "extra field length".
    const common = Buffer.alloc(26);
    common.writeUInt16LE(VERSION_NEEDED, 0);
    common.writeUInt16LE(0, 2); // flags
    common.writeUInt16LE(data.length === 0 ? STORE : DEFLATE, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(day, 8);
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(compressed.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(fileName.length, 22);
    common.writeUInt16LE(0, 24); // extra field length

    const local = Buffer.alloc(4);
    local.writeUInt32LE(LOCAL_FILE, 0);
    locals.push(local, common, fileName, Buffer.from(compressed.buffer, compressed.byteOffset, compressed.length));

    const head = Buffer.alloc(6);
    head.writeUInt32LE(CENTRAL_FILE, 0);
    head.writeUInt16LE(MADE_BY_DOS, 4);
    // Comment length, disk number, internal and external attributes (a file, on DOS): all 0; then where it starts.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    centrals.push(head, common, tail, fileName);
    offset += 4 + common.length + fileName.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(CENTRAL_END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const bytes = Buffer.concat([...locals, directory, end]);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
