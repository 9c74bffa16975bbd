/**
 * The index layout: everything one built (or loaded) index is, as flat arrays and two strings.
 * This is the data contract between build.ts (which writes it), codec.ts (which persists it as
 * is) and the readers (postings, scorer, matches, vocabulary). Nothing else is stored; what a
 * query needs beyond this is derived in tables.ts and never persisted.
 *
 * Index spaces (all dense, from 0):
 * - version `v` < versions: the docs in the order given to the build (`metas[v]`);
 * - entry `e` < entries: one (field, label, segment) triple; a version's entries are contiguous;
 * - segment `s` < segments: one distinct sentence-sized text, numbered in first-seen order
 *   (versions in order, entries in order). Versions of a guide share most of their segments;
 * - reference `r` < entries: the entries regrouped by segment (`refs[r]` is an entry id);
 * - key `k` < keys: one distinct bigram, in ascending key order;
 * - word `w` < words: one vocabulary word, in vocabulary order (most frequent first).
 *
 * Offsets come as CSR pairs: the items of `x` are `[xStart[x], xStart[x + 1])`, so every
 * `*Start`/`*Off` array has one more element than there are `x`, starts at 0 and never decreases.
 */
import type { VersionMeta } from './prepare';

export interface IndexArrays {
  /** Per version (length versions + 1): its entries are `[entStart[v], entStart[v + 1])`. */
  entStart: Uint32Array;
  /**
   * Per entry: field number (index into `FIELDS` of prepare.ts; 0 = title is the strongest).
   * Within a version the field never decreases: entries run strongest field first, and the
   * scorer's and match collector's early exits rely on it.
   */
  entField: Uint8Array;
  /** Per entry: index into `labels` (`제목`, `정책: 속초시 공영주차장`, `스크립트 ③`, …). */
  entLabel: Uint32Array;
  /** Per entry: its segment. */
  entSeg: Uint32Array;
  /** Per segment (length segments + 1): its text is `segAll.substring(segOff[s], segOff[s + 1])`. */
  segOff: Uint32Array;
  /** Per segment (length segments + 1): the entries using it are `refs[refStart[s]…refStart[s + 1])`. */
  refStart: Uint32Array;
  /**
   * Per reference: an entry id. Grouped by segment, ascending entry id within a segment (so also
   * ascending version id): a walk over a segment's references visits versions in index order.
   */
  refs: Uint32Array;
  /**
   * Per key, sorted ascending, distinct: a bigram `c1 * 65536 + c2` of two adjacent code units of
   * a segment's compact form (`wordCodeAt` in hangul.ts: lower case, word characters only, so a
   * bigram may span a space or punctuation of the original text).
   */
  keys: Uint32Array;
  /** Per key (length keys + 1): its posting list is `postings[postStart[k]…postStart[k + 1])`. */
  postStart: Uint32Array;
  /** Posting lists: segment ids, ascending and distinct within each key's list. */
  postings: Uint32Array;
  /**
   * Per word, parallel to the words of `vocabAll`: how often it occurs, counting each distinct
   * segment once (however many versions share it), plus one per version title and per category
   * name it is. Used only to rank expansions; never increases along the vocabulary.
   */
  vocabFreq: Uint32Array;
}

export interface IndexLayout extends IndexArrays {
  /** Per version: what a result shows and the filters test. */
  metas: VersionMeta[];
  /** Distinct entry labels, in first-seen order. */
  labels: string[];
  /** All segment texts concatenated (one flat string: no slice of a source file stays pinned). */
  segAll: string;
  /**
   * The vocabulary: `'\n' + words.join('\n') + '\n'`, most frequent first (ties in code-unit
   * order). A word is a compact token (or particle-stripped stem) of the segments, a compact
   * title or category name; 2–24 characters, with a Hangul syllable or 3+ Latin letters only.
   * Kept as one string so a regular expression or `indexOf` scans all words at once.
   */
  vocabAll: string;
}

/** Array fields in their persisted order (codec.ts writes and reads them in this order). */
export const ARRAY_NAMES = [
  'entStart',
  'entField',
  'entLabel',
  'entSeg',
  'segOff',
  'refStart',
  'refs',
  'keys',
  'postStart',
  'postings',
  'vocabFreq',
] as const satisfies readonly (keyof IndexArrays)[];

export function versionCount(layout: IndexLayout): number {
  return layout.metas.length;
}

export function segmentCount(layout: IndexLayout): number {
  return layout.segOff.length - 1;
}

/** The text of segment s (a fresh slice of `segAll`). */
export function segmentText(layout: IndexLayout, s: number): string {
  return layout.segAll.substring(layout.segOff[s], layout.segOff[s + 1]);
}
