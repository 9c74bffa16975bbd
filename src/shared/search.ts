/**
 * The search contract: what a search is asked and what it answers. Shared by the search core
 * (producer, `src/main/core/search`), the IPC contract (`./ipc`), the CLI (`search` prints a
 * `SearchResponse` as JSON, see docs/cli.md) and the renderer (display). Types only.
 * Field names are public: add fields, never rename.
 */
import type { IsoDate } from './guide';

/** How a search treats archived versions (`(보관-…)` copies of a guide). */
export type ArchivedFilter = 'exclude' | 'include' | 'only';

/** How to search. Every field is optional; `{}` searches the current guides, 20 at most. */
export interface SearchOptions {
  /**
   * Most guides to return (default 20). Results are guides, not versions: the versions of one
   * guide compete and only the best one is returned, so `limit` counts distinct guide ids.
   */
  limit?: number;
  /**
   * Which versions take part (default `'exclude'`):
   * - `'exclude'`: each guide's current version only (the one a counselor opens);
   * - `'include'`: every version, grouped by guide; the best-scoring version wins, and a tie goes
   *   to the current version, then to the newest (`validFrom`), then to the smaller path;
   * - `'only'`: archived versions only.
   * Ignored when `asOf` is given.
   */
  archived?: ArchivedFilter;
  /**
   * `YYYY-MM-DD`: search the versions in force on that date instead, whatever `archived` says:
   * those whose `[validFrom, validTo]` contains it (a null bound is open).
   */
  asOf?: IsoDate;
  /**
   * A prefix of the 상담 유형 path, its levels separated by `▶`, `>` or `/` (`주차_고객`,
   * `주차_고객 ▶ 환불`, `주차_고객/환불`). Levels compare in compact form (spacing and punctuation
   * ignored); every level but the last must be equal, the last may be a prefix (`택시` matches
   * `택시_고객`).
   */
  category?: string;
}

/**
 * Which part of a guide a match is in. The Q&A question is reported as `script` (label `질문`):
 * to a counselor it is part of the scripted answer.
 */
export type MatchField = 'title' | 'category' | 'responseSteps' | 'policy' | 'script' | 'body';

/** One place where a result matched. */
export interface SearchMatch {
  field: MatchField;
  /** Korean label of the place: `제목`, `상담 유형`, `응대 순서`, `정책: 속초시 공영주차장`, `스크립트 ③`, `본문`. */
  label: string;
  /** The matching sentence, cut to about 90 characters around the first highlight (`…` marks a cut). */
  snippet: string;
  /** `[start, end)` offsets into `snippet` of the matched text, sorted, not overlapping. */
  highlights: [number, number][];
}

/** One guide found: its best version under the filter. */
export interface SearchResult {
  /** Guide id (shared by all versions of the guide). */
  id: string;
  title: string;
  /** Path of the winning version, relative to the content root. */
  path: string;
  archived: boolean;
  archivedAt: IsoDate | null;
  /** Relevance, rounded to 3 decimals; comparable only within one response. */
  score: number;
  /** The 상담 유형 path, top level first. */
  category: string[];
  /** Where it matched, strongest fields first, at most 4; a body match only when nothing else matched. */
  matches: SearchMatch[];
}

export interface SearchResponse {
  /** The query as searched: NFC, trimmed. */
  query: string;
  /** How the query was understood, for display (`dlwndrufwp → 이중결제`, `ㅇㅈㄱㅈ: 초성`); empty for plain queries. */
  interpretedAs: string[];
  /** Time spent in the index, in milliseconds. */
  tookMs: number;
  /** Best first. */
  results: SearchResult[];
  /** True while the index is still being (re)built and this answer came from what was ready. */
  indexing?: boolean;
}
