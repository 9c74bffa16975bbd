/**
 * Changes over time, for the 변경 사항 timeline: how many guides changed per week or month, by the
 * top level of 상담 유형. One change is one guide changing on one day, whatever the events of that
 * day (a copy archived and its successor taking effect on the same day are one change).
 */
import type { GuideHistory, GuideVersion, IsoDate } from '../../../shared/guide';
import type { ChangeTimeline, TimelineBucket, TimelineUnit } from '../../../shared/briefing';
import { daysInMonth, parseIsoDate } from '../../../shared/dates';
import { topCategory } from './briefing';
import { addDays } from './dates';
import { eventsInPeriod } from './period';

const collator = new Intl.Collator('ko', { sensitivity: 'variant', numeric: true });

/** Day of the week, 0 = Monday … 6 = Sunday (Sakamoto's method on the proleptic Gregorian calendar). */
export function weekday(date: IsoDate): number {
  const parts = parseIsoDate(date);
  if (!parts) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = parts.month < 3 ? parts.year - 1 : parts.year;
  const sunday0 =
    (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + offsets[parts.month - 1] + parts.day) % 7;
  return (sunday0 + 6) % 7;
}

/** The first and last day of the week (Monday–Sunday) or month holding `date`. */
export function bucketOf(date: IsoDate, unit: TimelineUnit): { start: IsoDate; end: IsoDate } {
  if (unit === 'week') {
    const start = addDays(date, -weekday(date));
    return { start, end: addDays(start, 6) };
  }
  const parts = parseIsoDate(date)!;
  const month = `${date.slice(0, 7)}`;
  return { start: `${month}-01`, end: `${month}-${String(daysInMonth(parts.year, parts.month)).padStart(2, '0')}` };
}

/** Each guide's change days, with the category it is filed under. */
function changeDays(versions: GuideVersion[], histories: GuideHistory[]): { category: string; date: IsoDate }[] {
  const byPath = new Map(versions.map((v) => [v.path, v]));
  const always = { since: '0001-01-01', until: null };
  const days: { category: string; date: IsoDate }[] = [];
  for (const h of histories) {
    if (h.versions.length === 0) continue;
    const shown = byPath.get(h.currentPath ?? h.versions[h.versions.length - 1].path);
    const category = topCategory(shown?.category ?? []);
    for (const date of new Set(eventsInPeriod(h, byPath, always).map((e) => e.date))) days.push({ category, date });
  }
  return days;
}

/** The timeline of every change in the library, in weeks or months, buckets without gaps. */
export function changeTimeline(
  versions: GuideVersion[],
  histories: GuideHistory[],
  unit: TimelineUnit,
): ChangeTimeline {
  const days = changeDays(versions, histories);
  if (days.length === 0) return { unit, categories: [], buckets: [], total: 0, first: null, last: null };
  const dates = days.map((d) => d.date).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  const buckets: TimelineBucket[] = [];
  const byStart = new Map<IsoDate, TimelineBucket>();
  for (let at = bucketOf(first, unit); at.start <= last; at = bucketOf(addDays(at.end, 1), unit)) {
    const bucket: TimelineBucket = { start: at.start, end: at.end, counts: {}, total: 0 };
    buckets.push(bucket);
    byStart.set(at.start, bucket);
  }
  const perCategory = new Map<string, number>();
  for (const { category, date } of days) {
    const bucket = byStart.get(bucketOf(date, unit).start)!;
    bucket.counts[category] = (bucket.counts[category] ?? 0) + 1;
    bucket.total += 1;
    perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
  }
  const categories = [...perCategory].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).map(([name]) => name);
  return { unit, categories, buckets, total: days.length, first, last };
}
