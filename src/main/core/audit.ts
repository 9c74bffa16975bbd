/**
 * Health checks across the whole library, for content teams: links to guides that are not in the
 * folder, current guides that still quote a date already past, and current guides past their
 * front-matter review date. Pure: `today` is an argument.
 */
import type { GuideHistory, GuideVersion, IsoDate, Problem } from '../../shared/guide';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** A link meant to reach another guide of the pack: a relative file path or a `guide:` id. */
function pointsIntoPack(href: string): boolean {
  if (href.startsWith('#')) return false;
  return href.toLowerCase().startsWith('guide:') || !SCHEME.test(href);
}

/**
 * The `review-overdue` warning for a version whose front-matter `reviewBy` day has passed (the day
 * itself is still in time), naming the owner when the file gives one; null when it is not due.
 */
export function reviewOverdue(version: GuideVersion, today: IsoDate): Problem | null {
  if (!version.reviewBy || version.reviewBy >= today) return null;
  const who = version.owner ?? 'its owner';
  return {
    severity: 'warning',
    code: 'review-overdue',
    message: `review date ${version.reviewBy} (reviewBy) has passed (today ${today}): ${who} should review the guide and move reviewBy on`,
  };
}

/** Problems per version path. Versions without findings are absent. */
export function auditLibrary(
  versions: GuideVersion[],
  histories: GuideHistory[],
  today: IsoDate,
): Map<string, Problem[]> {
  const current = new Set(histories.map((h) => h.currentPath).filter((p): p is string => p !== null));
  const findings = new Map<string, Problem[]>();
  const add = (path: string, problem: Problem) => findings.set(path, [...(findings.get(path) ?? []), problem]);
  for (const version of versions) {
    for (const link of version.links) {
      if (link.target === null && pointsIntoPack(link.href)) {
        add(version.path, {
          severity: 'warning',
          code: 'broken-link',
          message: `link "${link.text}" → ${link.href} matches no guide in this folder`,
        });
      }
    }
    if (!current.has(version.path)) continue;
    const overdue = reviewOverdue(version, today);
    if (overdue) add(version.path, overdue);
    for (const date of version.expiryDates) {
      if (date < today) {
        add(version.path, {
          severity: 'warning',
          code: 'expired-date',
          message: `the current version quotes ${date} as a deadline (사용기한/까지), which has passed (today ${today})`,
        });
      }
    }
  }
  return findings;
}
