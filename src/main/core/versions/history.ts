/**
 * Guide histories: which files are versions of one guide, in which order, and when each was in force.
 *
 * Validity windows (decided here, relied on by `show --as-of`, `search --as-of` and `changes`):
 *
 * - An archive prefix `(보관-24.12.5)` means the copy was REPLACED on 2024-12-05. The archived copy is
 *   in force through 2024-12-04 (`validTo`), and its successor from 2024-12-05 (`validFrom`).
 *   So `versionInForce(h, '2024-12-05')` is the successor and `'2024-12-04'` is the archived copy.
 * - `validFrom` of a version, in order of preference:
 *     1. its front-matter `effective` (`GuideVersion.effectiveFrom`), the version-level statement;
 *     2. the previous version's archive day (the day it was replaced);
 *     3. for the oldest version only: its earliest in-text `…부터 적용` date (before its own archive
 *        day when archived), since nothing older bounds it;
 *     4. otherwise null (unknown: in force from the beginning of time).
 *   In-text `…부터 적용` dates of a later version are NOT used for its `validFrom`: in real guides they
 *   date one step (`④ 쿠폰 지급 (25.1.2부터 적용)`) while the archive prefix dates the replacement.
 * - `validTo` of a version is the day before the next version's `validFrom` (so windows tile with no
 *   gap and no overlap); for the last archived version of a retired guide the day before its own
 *   archive day; null for the current version.
 */
import type { GuideHistory, GuideVersion, IsoDate, VersionSummary } from '../../../shared/guide';
import { addDays, compareDates } from './dates';

const collator = new Intl.Collator('ko', { sensitivity: 'variant', numeric: true });

/** Code-point order, so ties break identically on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The version's own latest stated effective date (front matter first), or null. */
function latestEffective(v: GuideVersion): IsoDate | null {
  if (v.effectiveFrom) return v.effectiveFrom;
  const dates = v.effectiveDates ?? [];
  return dates.length > 0 ? [...dates].sort()[dates.length - 1] : null;
}

function compareArchived(a: GuideVersion, b: GuideVersion): number {
  return (
    compareDates(a.archivedAt, b.archivedAt) ||
    compareDates(latestEffective(a), latestEffective(b)) ||
    compareStrings(a.path, b.path)
  );
}

/** Among non-archived copies, the one with the latest effective date wins; ties: first path. */
function compareCurrentCandidates(a: GuideVersion, b: GuideVersion): number {
  return -compareDates(latestEffective(a), latestEffective(b)) || compareStrings(a.path, b.path);
}

function ownValidFrom(v: GuideVersion, previous: GuideVersion | undefined): IsoDate | null {
  if (v.effectiveFrom) return v.effectiveFrom;
  if (previous?.archivedAt) return previous.archivedAt;
  if (previous) return null;
  // Oldest version: the earliest in-text effective date that lies before its own archive day.
  const candidates = [...(v.effectiveDates ?? [])].sort().filter((d) => !v.archivedAt || d < v.archivedAt);
  return candidates[0] ?? null;
}

function buildOne(id: string, copies: GuideVersion[]): GuideHistory {
  const archived = copies.filter((v) => v.archived).sort(compareArchived);
  const live = copies.filter((v) => !v.archived).sort(compareCurrentCandidates);
  const current = live[0];
  const ordered = current ? [...archived, current] : archived;

  const validFrom = ordered.map((v, i) => ownValidFrom(v, ordered[i - 1]));
  const versions: VersionSummary[] = ordered.map((v, i) => {
    let validTo: IsoDate | null = null;
    const nextFrom = i + 1 < ordered.length ? validFrom[i + 1] : null;
    if (nextFrom) validTo = addDays(nextFrom, -1);
    else if (v.archived && v.archivedAt) validTo = addDays(v.archivedAt, -1);
    return {
      path: v.path,
      archived: v.archived,
      archivedAt: v.archivedAt,
      validFrom: validFrom[i],
      validTo,
    };
  });

  const newest = ordered[ordered.length - 1];
  const history: GuideHistory = {
    id,
    title: newest.title,
    versions,
    currentPath: current ? current.path : null,
    retired: !current,
  };
  if (live.length > 1)
    history.conflicts = live
      .slice(1)
      .map((v) => v.path)
      .sort(compareStrings);
  return history;
}

/**
 * Group versions by guide id, order each guide's versions oldest → newest (archived copies by archive
 * date, then the current copy), compute validity windows, and sort guides by title (Korean order).
 */
export function buildHistories(versions: GuideVersion[]): GuideHistory[] {
  const byId = new Map<string, GuideVersion[]>();
  for (const v of versions) {
    const list = byId.get(v.id);
    if (list) list.push(v);
    else byId.set(v.id, [v]);
  }
  const histories = [...byId].map(([id, copies]) => buildOne(id, copies));
  return histories.sort((a, b) => collator.compare(a.title, b.title) || compareStrings(a.id, b.id));
}

/**
 * The version in force on `date`, or null when none is: before the oldest version's known start,
 * or after a retired guide's last day. Windows tile, so at most one version matches; when dates are
 * missing and several could match, the newest wins.
 */
export function versionInForce(history: GuideHistory, date: IsoDate): VersionSummary | null {
  for (let i = history.versions.length - 1; i >= 0; i--) {
    const v = history.versions[i];
    if (v.validFrom !== null && date < v.validFrom) continue;
    if (v.validTo !== null && date > v.validTo) continue;
    return v;
  }
  return null;
}

function normalizeRef(s: string): string {
  return s.normalize('NFC').trim().replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * Find a guide by id or by the path of any of its files (versions or conflicting copies).
 * Exact id first, then path, then the same after NFC normalisation; finally a title typed with
 * spaces matches an id derived from the title with whitespace removed.
 */
export function findHistory(histories: GuideHistory[], idOrPath: string): GuideHistory | null {
  const exact =
    histories.find((h) => h.id === idOrPath) ??
    histories.find((h) => h.versions.some((v) => v.path === idOrPath) || h.conflicts?.includes(idOrPath));
  if (exact) return exact;
  const ref = normalizeRef(idOrPath);
  if (!ref) return null;
  const norm = (s: string) => normalizeRef(s);
  const found =
    histories.find((h) => norm(h.id) === ref) ??
    histories.find(
      (h) => h.versions.some((v) => norm(v.path) === ref) || (h.conflicts ?? []).some((p) => norm(p) === ref),
    );
  if (found) return found;
  const squeezed = ref.replace(/\s+/g, '');
  return (
    histories.find((h) => norm(h.id).replace(/\s+/g, '') === squeezed) ??
    histories.find((h) => norm(h.title).replace(/\s+/g, '') === squeezed) ??
    null
  );
}
