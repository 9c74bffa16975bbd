/** How a version of a guide is named on screen (the timeline, the diff's pickers). */
import type { VersionSummary } from '../../../shared/guide';

export function versionLabel(v: VersionSummary, currentPath: string | null): string {
  if (v.path === currentPath) return '현재 버전';
  if (v.archived) return v.archivedAt ? `보관본 · ${v.archivedAt} 보관` : '보관본';
  return '사용 중인 사본';
}

export function validityText(v: VersionSummary): string {
  const from = v.validFrom ?? '처음';
  const to = v.validTo ?? '현재';
  return `${from} ~ ${to}`;
}

/** Orders two versions oldest first by their place in the history. */
export function chronological(paths: [string, string], versions: readonly VersionSummary[]): [string, string] {
  const index = (p: string) => versions.findIndex((v) => v.path === p);
  return index(paths[0]) <= index(paths[1]) ? paths : [paths[1], paths[0]];
}
