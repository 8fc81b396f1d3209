import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { capitalise, fileSystemError } from './fs-errors.js';
import { firstLineNotUtf8, lineAt, utf16Order } from './encoding.js';
import { UserError } from './problem.js';

/*
 * Reading a text file the user gave us (answers, a knowledge base copy, a template): only a regular
 * file or a pipe, never more than a size that is generous for its kind (so /dev/zero or a 5 GB file
 * cannot exhaust memory), and only UTF-8: a file saved as UTF-16 or Windows-1252 is refused with a
 * message about the encoding instead of being read as garbled text or a stream of odd YAML errors.
 */

export interface TextFileKind {
  /** The file in the user's words, lower case: "het antwoordenbestand", "het sjabloon". */
  what: string;
  maxBytes: number;
}

const saveAsUtf8 = 'sla het op als UTF-8 (in Kladblok: Opslaan als → Codering: UTF-8)';

export async function readTextFile(path: string, shown: string, kind: TextFileKind): Promise<string> {
  return decodeText(await readBytes(path, shown, kind), shown, kind);
}

async function readBytes(path: string, shown: string, kind: TextFileKind): Promise<Uint8Array> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw fileSystemError(error, shown, 'lezen', kind.what);
  });
  try {
    const info = await handle.stat();
    if (info.isDirectory())
      throw fileSystemError(Object.assign(new Error(), { code: 'EISDIR' }), shown, 'lezen', kind.what);
    if (!info.isFile() && !info.isFIFO()) {
      throw new UserError(
        `Kan ${kind.what} ${shown} niet lezen: dit is geen gewoon bestand. Geef een gewoon bestand op.`,
      );
    }
    const limit = kind.maxBytes;
    const buffer = Buffer.alloc(Math.min(info.isFile() ? info.size : limit, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) throw tooLarge(shown, kind);
    return buffer.subarray(0, length);
  } catch (error) {
    throw fileSystemError(error, shown, 'lezen', kind.what);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function tooLarge(shown: string, kind: TextFileKind): UserError {
  return new UserError(
    `${capitalise(kind.what)} ${shown} is groter dan ${formatBytes(kind.maxBytes)}; zo groot kan het niet zijn. Controleer of u het goede bestand hebt opgegeven.`,
  );
}

/** Pure: the bytes as text, or a UserError about the encoding naming the first line that is not UTF-8. */
export function decodeText(bytes: Uint8Array, shown: string, kind: Pick<TextFileKind, 'what'>): string {
  const subject = `${capitalise(kind.what)} ${shown}`;
  const utf16 = utf16Order(bytes);
  if (utf16) {
    throw new UserError(`${subject} is opgeslagen als UTF-16 (${utf16}), niet als UTF-8.`, [
      { file: shown, key: '', line: 1, message: `opgeslagen als UTF-16 (${utf16}); ${saveAsUtf8}` },
    ]);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new UserError(
      `${subject} is geen tekstbestand (het bevat nul-tekens, zoals een Word- of programmabestand).`,
      [
        {
          file: shown,
          key: '',
          line: lineAt(bytes, nul),
          message: 'geef een tekstbestand op (YAML, JSON of Markdown)',
        },
      ],
    );
  }
  if (!isUtf8(bytes)) {
    throw new UserError(`${subject} is geen UTF-8-bestand (waarschijnlijk Windows-1252 of ANSI).`, [
      {
        file: shown,
        key: '',
        line: firstLineNotUtf8(bytes),
        message: `deze regel bevat een teken dat geen UTF-8 is (waarschijnlijk Windows-1252); ${saveAsUtf8}`,
      },
    ]);
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} kB`;
}
