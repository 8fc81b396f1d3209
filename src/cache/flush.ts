/*
 * Caches that collect entries while the program runs and write them once when the command is done. Apart from
 * store.ts (and its node:crypto) because every command, `--help` too, calls flushCaches at its end.
 */

const flushes = new Set<() => void>();

/**
 * Registers a cache that collects entries while the program runs (the PDF fonts' text measurements) and writes them
 * when the command is done: a single write instead of one per document.
 */
export function onFlush(flush: () => void): void {
  flushes.add(flush);
}

/** Writes what the caches collected; the command line calls it when a command is done. Never throws. */
export function flushCaches(): void {
  for (const flush of flushes) {
    try {
      flush();
    } catch {
      // Nothing to do: the cache is an optimisation.
    }
  }
}
