/**
 * What happened to one guide within a period of days: its dated events, and the two versions a
 * reader compares. Shared by the digest (`changes --since`) and the trainer's briefing, so both
 * list the same guides for the same days.
 */
import type { ChangeEvent, GuideHistory, GuideVersion, IsoDate, VersionSummary } from '../../../shared/guide';
import type { ChangePeriod } from '../../../shared/briefing';
import { addDays } from './dates';
import { versionInForce } from './history';

const KIND_ORDER: Record<ChangeEvent['kind'], number> = { archived: 0, effective: 1, dated: 2 };

function byDateKindPath(x: ChangeEvent, y: ChangeEvent): number {
  if (x.date !== y.date) return x.date < y.date ? -1 : 1;
  return KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
}

function inPeriod(date: IsoDate, period: ChangePeriod): boolean {
  return date >= period.since && (period.until === null || date <= period.until);
}

/**
 * The guide's events in the period, by date, then kind (archived, effective, dated), then path:
 * each copy archived in it, each version whose validity starts in it, and each in-text effective
 * date of the newest version that the version before it did not have (a step taking effect later
 * than the version itself).
 */
export function eventsInPeriod(
  history: GuideHistory,
  byPath: ReadonlyMap<string, GuideVersion>,
  period: ChangePeriod,
): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  const versions = history.versions;
  for (const s of versions) {
    if (s.archivedAt && inPeriod(s.archivedAt, period))
      events.push({ kind: 'archived', date: s.archivedAt, path: s.path });
    if (s.validFrom && inPeriod(s.validFrom, period))
      events.push({ kind: 'effective', date: s.validFrom, path: s.path });
  }
  const newest = versions[versions.length - 1];
  const newestVersion = newest ? byPath.get(newest.path) : undefined;
  if (newestVersion) {
    const previous = versions.length > 1 ? byPath.get(versions[versions.length - 2].path) : undefined;
    const known = new Set(previous?.effectiveDates ?? []);
    for (const d of newestVersion.effectiveDates ?? []) {
      if (inPeriod(d, period) && !known.has(d) && d !== newest.validFrom)
        events.push({ kind: 'dated', date: d, path: newest.path });
    }
  }
  return events.sort(byDateKindPath);
}

/** True when every event is a step-level date: the news is inside the newest version. */
export function onlyDated(events: readonly ChangeEvent[]): boolean {
  return events.length > 0 && events.every((e) => e.kind === 'dated');
}

/**
 * The version a step-level date should be compared from when `base` is already the version that
 * holds it: the one before it. Otherwise `base` itself.
 */
export function baseForDated(
  history: GuideHistory,
  base: VersionSummary,
  target: VersionSummary,
  events: readonly ChangeEvent[],
): VersionSummary {
  const versions = history.versions;
  if (base.path !== target.path || !onlyDated(events)) return base;
  const at = versions.findIndex((v) => v.path === target.path);
  return at > 0 ? versions[at - 1] : base;
}

/** The version in force the day before the period starts, or null when none was (a new guide). */
export function versionBefore(history: GuideHistory, period: ChangePeriod): VersionSummary | null {
  return versionInForce(history, addDays(period.since, -1));
}

/**
 * The version in force at the period's end: for an open-ended period the current copy (else the
 * newest); with `until`, the one in force that day, or a retired guide's last copy when it was
 * retired by then. Null when the guide had not started by `until`.
 */
export function versionAtEnd(history: GuideHistory, period: ChangePeriod): VersionSummary | null {
  const versions = history.versions;
  const newest = versions[versions.length - 1];
  if (!newest) return null;
  if (period.until === null) {
    return versions.find((v) => v.path === history.currentPath) ?? newest;
  }
  const inForce = versionInForce(history, period.until);
  if (inForce) return inForce;
  if (history.retired && newest.validTo !== null && newest.validTo < period.until) return newest;
  return null;
}
