/**
 * The one validator for calendar dates written `YYYY-MM-DD` (ISO 8601 calendar dates, the only
 * date form that crosses the IPC boundary, the command line and the version model). Only real
 * dates pass: `2024-02-29` does, `2023-02-29`, `2024-02-30` and `2024-13-01` do not. Pure and
 * independent of time zones: validation involves no `Date`, and `addDays` counts in UTC, so no host
 * clock or zone can shift a day.
 * (`Date.parse` is not a validator: it rolls `2024-02-30` over to March 1st.)
 */
import type { IsoDate } from './guide';

export interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31, within the month's length. */
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`, by the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The parts of a real calendar date written `YYYY-MM-DD`, or null for anything else. */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** `date` shifted by `days` calendar days (negative goes back). Throws on a date that is not real. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const shifted = new Date(0);
  shifted.setUTCFullYear(parts.year, parts.month - 1, parts.day + days);
  return shifted.toISOString().slice(0, 10);
}

/** True when `value` is a string holding a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}
