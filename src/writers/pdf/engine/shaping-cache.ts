import { onFlush, type CacheStore } from '../../../cache/store.js';
import { fontFilesKey } from './fonts.js';
import type { ShapingBook, StoredRun } from './patches/stored-shaping.js';

/*
 * The text measurements of the PDF fonts between runs: for each font file, the book of shaped words of
 * patches/stored-shaping.ts. Read once per process when the first PDF is made; what this process shaped is added
 * and written back when the command is done (flushCaches). The key covers the font files, fontkit's version and
 * this program's code, so another font, fontkit or way of storing never reads an old book.
 */

const ENTRY = 'tekstmaten';
/** Words per font the stored book keeps at most; past that it starts over with the words of this run. */
const MAX_STORED_WORDS = 100_000;

type Stored = Record<string, [string, StoredRun][]>;

class Book implements ShapingBook {
  readonly used = new Map<string, unknown>();
  readonly added = new Map<string, StoredRun>();

  constructor(private readonly stored: Map<string, unknown>) {}

  get(text: string): unknown {
    const entry = this.added.get(text) ?? this.stored.get(text);
    if (entry !== undefined) this.used.set(text, entry);
    return entry;
  }

  add(text: string, run: StoredRun): void {
    this.added.set(text, run);
  }

  /** What to store: the stored words and the new ones, or only this run's if that would be too many; the new ones count as stored from now on. */
  takeEntries(): [string, unknown][] {
    for (const [text, run] of this.added) this.stored.set(text, run);
    if (this.stored.size > MAX_STORED_WORDS) {
      const kept = new Map([...this.used, ...this.added]);
      this.stored.clear();
      for (const [text, run] of kept) this.stored.set(text, run);
    }
    this.added.clear();
    return [...this.stored];
  }
}

export interface ShapingCache {
  /** The book of a font file (by its virtual name). */
  book(file: string): ShapingBook;
}

function readStored(cache: CacheStore, key: Buffer): Stored {
  const bytes = cache.read(ENTRY, key);
  if (bytes === undefined) return {};
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Stored) : {};
  } catch {
    return {};
  }
}

/** The shaping cache of these fonts (virtual name → TTF bytes), read from `cache` and written back to it. */
export function loadShapingCache(fonts: ReadonlyMap<string, Uint8Array>, cache: CacheStore): ShapingCache {
  const names = [...fonts.keys()].sort();
  const key = fontFilesKey(ENTRY, fonts);
  const stored = readStored(cache, key);
  const books = new Map<string, Book>();
  for (const name of names) {
    const entries = stored[name];
    books.set(name, new Book(new Map(Array.isArray(entries) ? entries.filter((e) => Array.isArray(e)) : [])));
  }
  onFlush(() => {
    if (![...books.values()].some((book) => book.added.size > 0)) return;
    const payload = Object.fromEntries([...books].map(([name, book]) => [name, book.takeEntries()]));
    cache.write(ENTRY, key, Buffer.from(JSON.stringify(payload), 'utf8'));
  });
  return {
    book: (file) => {
      const book = books.get(file);
      if (book === undefined) throw new Error(`no shaping book for font ${file}`);
      return book;
    },
  };
}
