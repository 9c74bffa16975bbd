import { describe, expect, it } from 'vitest';
import * as shared from '../../../src/shared/dates';
import { addDays, isIsoDate } from '../../../src/main/core/versions/dates';

describe('core date helpers on the shared validator', () => {
  it('validates with the one shared validator', () => {
    expect(isIsoDate).toBe(shared.isIsoDate);
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it('refuses to shift a date that does not exist instead of rolling it over', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow('not a YYYY-MM-DD date: 2024-02-30');
    expect(() => addDays('2023-02-29', -1)).toThrow('not a YYYY-MM-DD date');
    expect(() => addDays('2024-13-01', 0)).toThrow('not a YYYY-MM-DD date');
  });

  it('shifts across month, leap-day and year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -366)).toBe('2024-01-01');
    // Date.UTC would read year 99 as 1999.
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });
});
