import { isoDate, parseDate } from '../../src/validation/dates.js';

const jan15 = { ok: true, date: { year: 2027, month: 1, day: 15 } };

test.each(['2027-01-15', '15-01-2027', '15-1-2027', ' 15 januari 2027 ', '15 jan 2027', '15 JAN. 2027'])(
  '%j is 15 January 2027 where month names are accepted',
  (text) => {
    expect(parseDate(text, { monthNames: true })).toEqual(jan15);
  },
);

test('without month names (the register) only the numeric forms count', () => {
  expect(parseDate('15-1-2027', { monthNames: false })).toEqual(jan15);
  expect(parseDate('15 januari 2027', { monthNames: false })).toEqual({ ok: false, reason: 'form' });
});

test('a day that does not exist is told apart from text in no known form', () => {
  expect(parseDate('29 februari 2027', { monthNames: true })).toEqual({ ok: false, reason: 'nonexistent' });
  expect(parseDate('29-02-2028', { monthNames: true })).toMatchObject({ ok: true });
  for (const text of ['15 janvier 2027', '2027-1-15', '15/01/2027', '15-01-27', 'vandaag', ''])
    expect(parseDate(text, { monthNames: true })).toEqual({ ok: false, reason: 'form' });
});

test('the answers keep one form', () => {
  expect(isoDate({ year: 2027, month: 3, day: 4 })).toBe('2027-03-04');
});

test('years below 100 are those years, not 1900 onwards (the callers set their own range)', () => {
  expect(parseDate('01-01-0001', { monthNames: false })).toEqual({ ok: true, date: { year: 1, month: 1, day: 1 } });
});
