import { longDate, monthAndYear } from '../../src/plan/dates.js';
import { countingDateTimeFormats } from '../support/intl.js';

/*
 * The documents' dates come from the month names of templates/maanden.yaml, not from the platform's locale data
 * (which costs ~30 ms to load): they must read exactly as Intl's Dutch spells them, for every day a plan can have.
 */
test('every date from 2000 to 2100 reads as Intl writes it in Dutch, in full and as month and year', () => {
  const dutchDate = new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dutchMonth = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const ours: string[] = [];
  const intl: string[] = [];
  for (let day = new Date(Date.UTC(2000, 0, 1)); day.getUTCFullYear() <= 2100; day.setUTCDate(day.getUTCDate() + 1)) {
    const iso = day.toISOString().slice(0, 10);
    ours.push(longDate(iso), monthAndYear(iso));
    intl.push(dutchDate.format(day), dutchMonth.format(day));
  }
  expect(ours).toHaveLength(2 * 36_890);
  expect(ours).toEqual(intl);
  expect(longDate('2027-01-15')).toBe('15 januari 2027');
  expect(monthAndYear('2030-03-01')).toBe('maart 2030');
});

test('the documents make no Intl.DateTimeFormat for their dates', async () => {
  await countingDateTimeFormats((formats) => {
    expect(longDate('2028-12-01')).toBe('1 december 2028');
    expect(monthAndYear('2029-05-31')).toBe('mei 2029');
    expect(formats()).toBe(0);
  });
});

test('a date that is not JJJJ-MM-DD is a mistake of the program, not a strange text in a document', () => {
  expect(() => longDate('15-01-2027')).toThrow('not an ISO date');
  expect(() => monthAndYear('2027-13-01')).toThrow('not an ISO date');
});
