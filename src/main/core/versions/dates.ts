/**
 * Calendar-date helpers for `YYYY-MM-DD` strings. Pure, UTC-based, so no time zone can shift a day.
 * Validation is the shared contract's (src/shared/dates.ts), so the core, the IPC boundary and the
 * command line accept exactly the same dates.
 */
import { addDays, isIsoDate } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/guide';

export { addDays, isIsoDate };

/** Compare two ISO dates; `null` sorts first. */
export function compareDates(a: IsoDate | null | undefined, b: IsoDate | null | undefined): number {
  if (a == null) return b == null ? 0 : -1;
  if (b == null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
