import { useCallback, useState } from 'react';
import { addDays, isIsoDate } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/guide';
import { readStored, writeStored } from '../lib/storage';

export const VISITS_KEY = 'guidedesk.changes.visits';

/** How far back 변경 사항 looks on a trainer's first visit. */
export const FIRST_VISIT_DAYS = 90;

/** The trainer's visits to 변경 사항: the day of the latest, and the visit day before it. */
export interface Visits {
  last: IsoDate;
  before: IsoDate | null;
}

function isVisits(value: unknown): value is Visits {
  if (typeof value !== 'object' || value === null) return false;
  const { last, before } = value as Record<string, unknown>;
  return isIsoDate(last) && (before === null || isIsoDate(before));
}

/** The day of the trainer's previous visit as seen on `today` (a visit earlier today does not count). */
export function previousVisit(visits: Visits | null, today: IsoDate): IsoDate | null {
  if (!visits) return null;
  if (visits.last < today) return visits.last;
  return visits.before !== null && visits.before < today ? visits.before : null;
}

/** The visits once the trainer has been here `today`. */
export function visitedOn(visits: Visits | null, today: IsoDate): Visits {
  return { last: today, before: previousVisit(visits, today) };
}

export interface ChangesPeriod {
  /** YYYY-MM-DD as typed (anything else asks nothing). */
  since: string;
  /** YYYY-MM-DD as typed, or '' for "up to now". */
  until: string;
  /** The day of the previous visit, or null on a first visit. */
  lastVisit: IsoDate | null;
  /** The period the page opens with: since the last visit, else the last 90 days. */
  defaultSince: IsoDate | null;
  setPeriod(since: string, until?: string): void;
  setUntil(until: string): void;
  /** Remembers that the trainer opened 변경 사항 today. */
  recordVisit(): void;
}

/**
 * 변경 사항's period, kept while other screens are shown. It opens at the trainer's previous visit
 * (remembered in the window's own storage, see lib/storage.ts), or 90 days back on a first visit.
 */
export function useChangesPeriod(today: IsoDate | null): ChangesPeriod {
  // Read once: visiting the page today must not move the default while the window is open.
  const [visits] = useState(() => readStored(VISITS_KEY, isVisits));
  const [picked, setPicked] = useState<{ since: string; until: string } | null>(null);
  const lastVisit = today ? previousVisit(visits, today) : null;
  const defaultSince = today ? (lastVisit ?? addDays(today, -FIRST_VISIT_DAYS)) : null;
  const since = picked?.since ?? defaultSince ?? '';
  const until = picked?.until ?? '';
  const setPeriod = useCallback(
    (nextSince: string, nextUntil = '') => setPicked({ since: nextSince, until: nextUntil }),
    [],
  );
  const setUntil = useCallback(
    (nextUntil: string) => setPicked((p) => ({ since: p?.since ?? defaultSince ?? '', until: nextUntil })),
    [defaultSince],
  );
  const recordVisit = useCallback(() => {
    // From what is stored now: another visit may have been recorded since the window opened.
    if (today) writeStored(VISITS_KEY, visitedOn(readStored(VISITS_KEY, isVisits), today));
  }, [today]);
  return { since, until, lastVisit, defaultSince, setPeriod, setUntil, recordVisit };
}
