import { countingDateTimeFormats } from '../support/intl.js';

/*
 * The Dutch month names come from the platform's locale data, which costs ~30 ms to load: every `genereer` loads
 * the date parser, few answers files spell a month out. A file of its own, so that the parser is loaded here, after
 * Intl.DateTimeFormat counts what is made.
 */
test('the month names are made on the first date that names a month, once, and still read "15 januari 2027"', async () => {
  await countingDateTimeFormats(async (formats) => {
    const { parseDate } = await import('../../src/validation/dates.js');
    expect(parseDate('2027-01-15', { monthNames: true })).toMatchObject({ ok: true });
    expect(parseDate('15-1-2027', { monthNames: true })).toMatchObject({ ok: true });
    expect(formats()).toBe(0);

    expect(parseDate('15 januari 2027', { monthNames: true })).toEqual({
      ok: true,
      date: { year: 2027, month: 1, day: 15 },
    });
    const made = formats();
    expect(made).toBeGreaterThan(0);
    expect(parseDate('3 MRT. 2028', { monthNames: true })).toEqual({
      ok: true,
      date: { year: 2028, month: 3, day: 3 },
    });
    expect(formats()).toBe(made);
  });
});
