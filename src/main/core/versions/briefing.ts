/**
 * The trainer's change briefing: every guide with an event in a period, with its whole structured
 * diff from the version in force before the period to the one in force at its end, grouped by the
 * top level of 상담 유형 and ordered newest first, so a class reads the latest news first.
 */
import type { GuideHistory, GuideVersion } from '../../../shared/guide';
import {
  UNCATEGORISED,
  type BriefingGroup,
  type BriefingGuide,
  type ChangeBriefing,
  type ChangePeriod,
} from '../../../shared/briefing';
import { diffVersions, introduceVersion, isPlainTextDiff } from './diff';
import { withoutArchiveDate } from './digest';
import { baseForDated, eventsInPeriod, versionAtEnd, versionBefore } from './period';

const collator = new Intl.Collator('ko', { sensitivity: 'variant', numeric: true });

/** The group a guide is filed under: the first part of its 상담 유형 path. */
export function topCategory(category: readonly string[]): string {
  return category[0]?.trim() || UNCATEGORISED;
}

/** One guide's entry for the period, or null when nothing happened to it then. */
export function briefGuide(
  history: GuideHistory,
  byPath: ReadonlyMap<string, GuideVersion>,
  period: ChangePeriod,
): BriefingGuide | null {
  const events = eventsInPeriod(history, byPath, period);
  const end = versionAtEnd(history, period);
  if (events.length === 0 || !end) return null;
  const to = byPath.get(end.path);
  if (!to) return null;
  const before = versionBefore(history, period);
  const base = before ? baseForDated(history, before, end, events) : null;
  const from = base ? byPath.get(base.path) : undefined;
  const last = history.versions[history.versions.length - 1];
  const retiredInPeriod =
    history.retired && end.path === last.path && events.some((e) => e.path === last.path && e.kind === 'archived');
  let changes;
  let plainText;
  if (from) {
    changes = withoutArchiveDate(diffVersions(from, to).changes);
    plainText = isPlainTextDiff(from, to);
  } else {
    changes = introduceVersion(to);
    plainText = isPlainTextDiff(to, to);
  }
  return {
    id: history.id,
    title: history.title,
    category: to.category,
    kind: retiredInPeriod ? 'retired' : from ? 'changed' : 'new',
    retired: history.retired,
    currentPath: history.currentPath,
    latest: events[events.length - 1].date,
    events,
    from: from?.path ?? null,
    to: to.path,
    fromTitle: from?.rawTitle ?? null,
    toTitle: to.rawTitle,
    changes,
    plainText,
  };
}

function newestFirst(a: BriefingGuide, b: BriefingGuide): number {
  if (a.latest !== b.latest) return a.latest > b.latest ? -1 : 1;
  return collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The briefing of these guides' entries for `period`: groups newest first, guides in each newest first. */
export function groupBriefing(period: ChangePeriod, entries: readonly BriefingGuide[]): ChangeBriefing {
  const byGroup = new Map<string, BriefingGuide[]>();
  for (const guide of entries) {
    const key = topCategory(guide.category);
    const list = byGroup.get(key);
    if (list) list.push(guide);
    else byGroup.set(key, [guide]);
  }
  const groups: BriefingGroup[] = [...byGroup].map(([category, guides]) => {
    guides.sort(newestFirst);
    return { category, latest: guides[0].latest, guides };
  });
  groups.sort((a, b) =>
    a.latest !== b.latest ? (a.latest > b.latest ? -1 : 1) : collator.compare(a.category, b.category),
  );
  return {
    period,
    guideCount: entries.length,
    changeCount: entries.reduce((n, g) => n + g.changes.length, 0),
    groups,
  };
}

/** The briefing for `period` (all at once; the app's handler computes it guide by guide, see `briefGuide`). */
export function changeBriefing(
  versions: GuideVersion[],
  histories: GuideHistory[],
  period: ChangePeriod,
): ChangeBriefing {
  const byPath = new Map(versions.map((v) => [v.path, v]));
  const entries: BriefingGuide[] = [];
  for (const history of histories) {
    const guide = history.versions.length > 0 ? briefGuide(history, byPath, period) : null;
    if (guide) entries.push(guide);
  }
  return groupBriefing(period, entries);
}
