/** Small, valid values of the contract's types for renderer tests. */
import type { GuideVersion, VersionSummary } from '../../src/shared/guide';
import type { GuideListItem, GuideView, LibrarySnapshot, SearchResponse } from '../../src/shared/ipc';
import { makeVersion } from '../core/versions/factory';

export const TODAY = '2025-03-01';

export function guideItem(id: string, title: string, category: string[], extra: Partial<GuideListItem> = {}) {
  return { id, title, category, defaultPath: `${title}.md`, retired: false, versionCount: 1, ...extra };
}

export function snapshot(guides: GuideListItem[], extra: Partial<LibrarySnapshot> = {}): LibrarySnapshot {
  return {
    contentRoot: '/content',
    guides,
    files: guides.map((g) => ({
      path: g.defaultPath,
      status: 'ok' as const,
      encoding: 'utf-8' as const,
      problems: [],
    })),
    today: TODAY,
    indexing: false,
    ...extra,
  };
}

/** An answer to `query` listing one result per path, in that order. */
export function response(query: string, paths: string[]): SearchResponse {
  return {
    query,
    interpretedAs: [],
    tookMs: 1,
    results: paths.map((path, i) => ({
      id: `id-${path}`,
      title: path.replace(/\.md$/, ''),
      path,
      archived: false,
      archivedAt: null,
      score: paths.length - i,
      category: ['주차_고객'],
      matches: [],
    })),
  };
}

export function version(path: string, id: string, extra: Partial<GuideVersion> = {}): GuideVersion {
  return makeVersion({ path, id, title: path.replace(/\.md$/, ''), category: ['주차_고객', '결제'], ...extra });
}

/** The view main returns for one version of a guide with a single version. */
export function guideView(path: string, id: string, extra: Partial<GuideVersion> = {}): GuideView {
  const summary: VersionSummary = { path, archived: false, archivedAt: null, validFrom: null, validTo: null };
  return {
    version: version(path, id, extra),
    html: '<p>본문</p>',
    renderProblems: [],
    history: { id, title: path, versions: [summary], currentPath: path, retired: false },
    today: TODAY,
  };
}
