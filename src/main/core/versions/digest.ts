/**
 * Change digest for trainers (`changes --since`): which guides changed on or after a day, what
 * happened (archived / took effect), and a short summary of what differs.
 */
import type {
  ChangeDigestEntry,
  ChangeEvent,
  ChangeSummary,
  DiffSection,
  GuideHistory,
  GuideVersion,
  IsoDate,
} from '../../../shared/guide';

export type { ChangeDigestEntry, ChangeEvent, ChangeSummary };
import { addDays } from './dates';
import { ARCHIVE_DATE_LABEL, diffVersions } from './diff';
import { versionInForce } from './history';

/** How many change labels a summary lists. */
export const DIGEST_LABEL_LIMIT = 5;

const KIND_ORDER: Record<ChangeEvent['kind'], number> = { archived: 0, effective: 1, dated: 2 };

/**
 * Every guide with a version archived on/after `since`, a version taking effect on/after `since`,
 * or a newly introduced in-text effective date on/after `since`. Entries keep the order of
 * `histories` (by title, as `buildHistories` sorts them).
 */
export function changesSince(versions: GuideVersion[], histories: GuideHistory[], since: IsoDate): ChangeDigestEntry[] {
  const byPath = new Map(versions.map((v) => [v.path, v]));
  const entries: ChangeDigestEntry[] = [];
  for (const h of histories) {
    if (h.versions.length === 0) continue;
    const events: ChangeEvent[] = [];
    for (const s of h.versions) {
      if (s.archivedAt && s.archivedAt >= since) events.push({ kind: 'archived', date: s.archivedAt, path: s.path });
      if (s.validFrom && s.validFrom >= since) events.push({ kind: 'effective', date: s.validFrom, path: s.path });
    }
    const newest = h.versions[h.versions.length - 1];
    const newestV = byPath.get(newest.path);
    const prevV = h.versions.length > 1 ? byPath.get(h.versions[h.versions.length - 2].path) : undefined;
    if (newestV) {
      const known = new Set(prevV?.effectiveDates ?? []);
      for (const d of newestV.effectiveDates ?? []) {
        if (d >= since && !known.has(d) && d !== newest.validFrom)
          events.push({ kind: 'dated', date: d, path: newest.path });
      }
    }
    if (events.length === 0) continue;
    events.sort((x, y) =>
      x.date < y.date
        ? -1
        : x.date > y.date
          ? 1
          : KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0),
    );

    const target = h.currentPath ?? newest.path;
    let base = versionInForce(h, addDays(since, -1)) ?? h.versions[0];
    // Only a step-level date is new since `since`: summarise the edit that introduced it.
    if (base.path === target && h.versions.length > 1 && events.every((e) => e.kind === 'dated')) {
      base = h.versions[h.versions.length - 2];
    }
    const fromV = byPath.get(base.path);
    const toV = byPath.get(target);
    let summary: ChangeSummary | null = null;
    if (fromV && toV) {
      const diff = diffVersions(fromV, toV);
      const counts: Partial<Record<DiffSection, number>> = {};
      const labels: string[] = [];
      // The archive date itself is already an event; counting it would add noise to every entry.
      const changes = diff.changes.filter((c) => !(c.section === 'dates' && c.label === ARCHIVE_DATE_LABEL));
      for (const c of changes) {
        counts[c.section] = (counts[c.section] ?? 0) + 1;
        const label = c.label ?? c.section;
        if (labels.length < DIGEST_LABEL_LIMIT && !labels.includes(label)) labels.push(label);
      }
      summary = { from: fromV.path, to: toV.path, total: changes.length, counts, labels };
    }
    entries.push({ id: h.id, title: h.title, retired: h.retired, currentPath: h.currentPath, events, summary });
  }
  return entries;
}
