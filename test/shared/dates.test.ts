import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, isIsoDate, parseIsoDate } from '../../src/shared/dates';

describe('the shared ISO-date validator', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '2024-01-01', '1999-04-30', '2400-02-29'])(
    'accepts the real date %s',
    (date) => {
      expect(isIsoDate(date)).toBe(true);
      const [year, month, day] = date.split('-').map(Number);
      expect(parseIsoDate(date)).toEqual({ year, month, day });
    },
  );

  it.each([
    ['2024-02-30', 'February 30th (Date.parse rolls it to March 1st)'],
    ['2023-02-29', 'February 29th outside a leap year'],
    ['1900-02-29', 'February 29th in a century that is not a leap year'],
    ['2024-13-01', 'month 13'],
    ['2024-00-10', 'month 0'],
    ['2024-04-31', 'April 31st'],
    ['2024-01-00', 'day 0'],
    ['24.12.5', 'the export format'],
    ['2024-1-05', 'a one-digit month'],
    ['2024-01-05T00:00:00Z', 'a timestamp'],
    [' 2024-01-05', 'surrounding space'],
    ['２０２４-01-05', 'full-width digits'],
    ['', 'an empty string'],
  ])('refuses %s (%s)', (date) => {
    expect(isIsoDate(date)).toBe(false);
    expect(parseIsoDate(date)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 20240229, new Date(), ['2024-02-29']]) expect(isIsoDate(value)).toBe(false);
  });

  it('agrees with the UTC calendar on every day of years 1000 to 9999', () => {
    const day = 86_400_000;
    const first = Date.UTC(1000, 0, 1);
    const last = Date.UTC(9999, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: (last - first) / day }), (offset) => {
        const date = new Date(first + offset * day);
        const iso = date.toISOString().slice(0, 10);
        expect(isIsoDate(iso)).toBe(true);
        const month = date.getUTCMonth() + 1;
        expect(daysInMonth(date.getUTCFullYear(), month)).toBe(
          new Date(Date.UTC(date.getUTCFullYear(), month, 0)).getUTCDate(),
        );
      }),
    );
  });

  it('refuses every day past the end of its month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const pad = (n: number) => String(n).padStart(2, '0');
        const lastDay = daysInMonth(year, month);
        expect(isIsoDate(`${year}-${pad(month)}-${pad(lastDay)}`)).toBe(true);
        if (lastDay < 31) expect(isIsoDate(`${year}-${pad(month)}-${pad(lastDay + 1)}`)).toBe(false);
      }),
    );
  });
});
