/**
 * Counts the Intl.DateTimeFormat objects made while `run` runs (the platform's Dutch locale data costs ~30 ms to
 * load, so the program makes them only where it must); `formats()` gives the count so far.
 */
export async function countingDateTimeFormats(run: (formats: () => number) => Promise<void> | void): Promise<void> {
  const original = Intl.DateTimeFormat;
  let made = 0;
  Intl.DateTimeFormat = new Proxy(original, {
    construct: (target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) => {
      made += 1;
      return new target(...args);
    },
  });
  try {
    await run(() => made);
  } finally {
    Intl.DateTimeFormat = original;
  }
}
