/**
 * Calendar-date helpers for `YYYY-MM-DD` strings. Pure, UTC-based, so no time zone can shift a day.
 * Validation is the shared contract's (src/shared/dates.ts), so the core, the IPC boundary and the
 * command line accept exactly the same dates.
 */
import { isIsoDate, parseIsoDate } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/guide';

export { isIsoDate };

/** `date` shifted by `days` calendar days (negative goes back). Throws on a date that is not real. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const shifted = new Date(0);
  shifted.setUTCFullYear(parts.year, parts.month - 1, parts.day + days);
  return shifted.toISOString().slice(0, 10);
}

/** Compare two ISO dates; `null` sorts first. */
export function compareDates(a: IsoDate | null | undefined, b: IsoDate | null | undefined): number {
  if (a == null) return b == null ? 0 : -1;
  if (b == null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
