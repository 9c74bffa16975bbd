/**
 * Change digest for trainers (`changes --since`): which guides changed on or after a day, what
 * happened (archived / took effect), and a short summary of what differs.
 */
import type {
  ChangeDigestEntry,
  ChangeEvent,
  ChangeSummary,
  DiffChange,
  DiffSection,
  GuideHistory,
  GuideVersion,
  IsoDate,
} from '../../../shared/guide';

export type { ChangeDigestEntry, ChangeEvent, ChangeSummary };
import { ARCHIVE_DATE_LABEL, diffVersions } from './diff';
import { baseForDated, eventsInPeriod, versionAtEnd, versionBefore } from './period';

/** How many change labels a summary lists. */
export const DIGEST_LABEL_LIMIT = 5;

/** The diff's changes without the `보관일` archive-date change: the archive is already an event. */
export function withoutArchiveDate(changes: DiffChange[]): DiffChange[] {
  return changes.filter((c) => !(c.section === 'dates' && c.label === ARCHIVE_DATE_LABEL));
}

function summarise(from: GuideVersion, to: GuideVersion): ChangeSummary {
  const changes = withoutArchiveDate(diffVersions(from, to).changes);
  const counts: Partial<Record<DiffSection, number>> = {};
  const labels: string[] = [];
  for (const c of changes) {
    counts[c.section] = (counts[c.section] ?? 0) + 1;
    const label = c.label ?? c.section;
    if (labels.length < DIGEST_LABEL_LIMIT && !labels.includes(label)) labels.push(label);
  }
  return { from: from.path, to: to.path, total: changes.length, counts, labels };
}

/**
 * Every guide with a version archived on/after `since`, a version taking effect on/after `since`,
 * or a newly introduced in-text effective date on/after `since` (and, with `until`, on or before
 * that day, summarised up to the version in force then). Entries keep the order of `histories`
 * (by title, as `buildHistories` sorts them).
 */
export function changesSince(
  versions: GuideVersion[],
  histories: GuideHistory[],
  since: IsoDate,
  until: IsoDate | null = null,
): ChangeDigestEntry[] {
  const byPath = new Map(versions.map((v) => [v.path, v]));
  const period = { since, until };
  const entries: ChangeDigestEntry[] = [];
  for (const h of histories) {
    if (h.versions.length === 0) continue;
    const events = eventsInPeriod(h, byPath, period);
    if (events.length === 0) continue;
    const target = versionAtEnd(h, period);
    if (!target) continue;
    // Only a step-level date is new since `since`: summarise the edit that introduced it.
    const base = baseForDated(h, versionBefore(h, period) ?? h.versions[0], target, events);
    const fromV = byPath.get(base.path);
    const toV = byPath.get(target.path);
    const summary = fromV && toV ? summarise(fromV, toV) : null;
    entries.push({ id: h.id, title: h.title, retired: h.retired, currentPath: h.currentPath, events, summary });
  }
  return entries;
}
