/**
 * What the left pane lists: search results while a query is typed, otherwise every guide of the
 * library, filtered by the chips and sorted the way Korean readers expect (numbers in order).
 */
import type { ArchivedFilter, GuideListItem, SearchResponse } from '../../../shared/ipc';

export type SearchResult = SearchResponse['results'][number];

export type ListItem = { kind: 'result'; result: SearchResult } | { kind: 'guide'; guide: GuideListItem };

export interface Filters {
  archived: ArchivedFilter;
  /** A top-level 상담 유형, or '' for every one. */
  category: string;
  /** YYYY-MM-DD: open the version in force that day; '' for the current version. */
  asOf: string;
}

export const initialFilters: Filters = { archived: 'exclude', category: '', asOf: '' };

const collator = new Intl.Collator('ko', { numeric: true });

/** The top-level categories of the library, for the 분류 chips. */
export function categoriesOf(guides: readonly GuideListItem[]): string[] {
  const set = new Set<string>();
  for (const g of guides) if (g.category[0]) set.add(g.category[0]);
  return [...set].sort(collator.compare);
}

export function resultItems(response: SearchResponse | null): ListItem[] {
  return (response?.results ?? []).map((result) => ({ kind: 'result' as const, result }));
}

/** The list shown while the search box is empty. */
export function guideItems(guides: readonly GuideListItem[], filters: Filters): ListItem[] {
  return guides
    .filter((g) => !filters.category || g.category[0] === filters.category)
    .filter((g) => (filters.archived === 'only' ? g.retired || g.versionCount > 1 : true))
    .sort((a, b) => collator.compare(a.category.join(' '), b.category.join(' ')) || collator.compare(a.title, b.title))
    .map((guide) => ({ kind: 'guide' as const, guide }));
}

/**
 * What opening a list item asks for: a result opens the version it found; a guide opens its
 * default version, or with 이용일 기준 set, the version in force that day (found by its id).
 */
export function openTarget(item: ListItem, asOf: string): { ref: string; asOf?: string } {
  if (item.kind === 'result') return { ref: item.result.path };
  if (asOf) return { ref: item.guide.id, asOf };
  return { ref: item.guide.defaultPath };
}
