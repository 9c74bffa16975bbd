/**
 * Calendar-date helpers for `YYYY-MM-DD` strings. Pure, UTC-based, so no time zone can shift a day.
 */
import type { IsoDate } from '../../../shared/guide';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** `date` shifted by `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const m = ISO_RE.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** Compare two ISO dates; `null` sorts first. */
export function compareDates(a: IsoDate | null | undefined, b: IsoDate | null | undefined): number {
  if (a == null) return b == null ? 0 : -1;
  if (b == null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
