/**
 * Postings: sorted-list helpers (binary search, intersection with galloping, union) and the one
 * lookup the rest of the index is built on, `matchSegments`: which segments contain a term.
 * Every list here is a Uint32Array sorted ascending without duplicates, and every result is one
 * too (often a view into the layout's `postings`: read-only by contract).
 */
import { wordCodeAt } from './hangul';
import type { IndexLayout } from './layout';

export const EMPTY = new Uint32Array(0);

/**
 * Candidates left after intersecting a term's bigram lists are checked against the text when
 * there are at most this many: bigrams that merely co-occur in a segment do not count.
 */
const VERIFY_LIMIT = 1500;

export function bigramKey(s: string, i: number): number {
  return s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
}

/** First index in `a[lo, hi)` whose value is ≥ x (hi when none). */
export function lowerBound(a: Uint32Array, x: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (a[m] < x) lo = m + 1;
    else hi = m;
  }
  return lo;
}

export function inSorted(a: Uint32Array, x: number): boolean {
  const i = lowerBound(a, x);
  return i < a.length && a[i] === x;
}

/** Values in both lists. Gallops through b when a is over 4× shorter, else a linear merge. */
function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let n = 0;
  if (a.length * 4 < b.length) {
    // Galloping: probe b at growing steps from the last position, then binary search the gap.
    let lo = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      let bound = 1;
      while (lo + bound - 1 < b.length && b[lo + bound - 1] < x) bound <<= 1;
      lo = lowerBound(b, x, lo + (bound >>> 1), Math.min(b.length, lo + bound));
      if (lo >= b.length) break;
      if (b[lo] === x) out[n++] = x;
    }
  } else {
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else {
        out[n++] = a[i];
        i++;
        j++;
      }
    }
  }
  return out.subarray(0, n);
}

/** Values in any of the lists (one list is returned as is). */
function unionSorted(lists: Uint32Array[]): Uint32Array {
  if (lists.length === 1) return lists[0];
  let total = 0;
  for (const l of lists) total += l.length;
  const all = new Uint32Array(total);
  let o = 0;
  for (const l of lists) {
    all.set(l, o);
    o += l.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i];
  return all.subarray(0, n);
}

/** The posting list of one bigram key (EMPTY when the key is not indexed). */
function postingsOf(layout: IndexLayout, key: number): Uint32Array {
  const { keys, postStart, postings } = layout;
  const i = lowerBound(keys, key);
  if (i >= keys.length || keys[i] !== key) return EMPTY;
  return postings.subarray(postStart[i], postStart[i + 1]);
}

/**
 * Segments whose compact text contains the compact `term`. One character: the union of the
 * lists of every key starting with it. More: the intersection of its bigrams' lists, smallest
 * first, verified against the text when few are left. `cache` (per query) keeps each term's
 * answer, since the front-end and the scorer ask for the same terms.
 */
export function matchSegments(layout: IndexLayout, term: string, cache?: Map<string, Uint32Array>): Uint32Array {
  const hit = cache?.get(term);
  if (hit) return hit;
  let result: Uint32Array;
  if (term.length === 0) result = EMPTY;
  else if (term.length === 1) {
    const { keys, postStart, postings } = layout;
    const c = term.charCodeAt(0) * 65536;
    const a = lowerBound(keys, c);
    const b = lowerBound(keys, c + 65536);
    const lists: Uint32Array[] = [];
    for (let i = a; i < b; i++) lists.push(postings.subarray(postStart[i], postStart[i + 1]));
    result = lists.length ? unionSorted(lists) : EMPTY;
  } else result = matchBigrams(layout, term);
  cache?.set(term, result);
  return result;
}

function matchBigrams(layout: IndexLayout, term: string): Uint32Array {
  const seen = new Set<number>();
  const lists: Uint32Array[] = [];
  for (let i = 0; i + 1 < term.length; i++) {
    const k = bigramKey(term, i);
    if (seen.has(k)) continue;
    seen.add(k);
    const l = postingsOf(layout, k);
    if (l.length === 0) return EMPTY;
    lists.push(l);
  }
  lists.sort((x, y) => x.length - y.length);
  let result = lists[0];
  for (let i = 1; i < lists.length && result.length > 0; i++) result = intersect(result, lists[i]);
  if (term.length > 2 && lists.length > 1 && result.length <= VERIFY_LIMIT) {
    const out = new Uint32Array(result.length);
    let n = 0;
    for (let i = 0; i < result.length; i++) if (segmentContains(layout, result[i], term)) out[n++] = result[i];
    result = out.subarray(0, n);
  }
  return result;
}

/** Whether segment s contains the compact term, ignoring spaces and punctuation. */
function segmentContains(layout: IndexLayout, s: number, term: string): boolean {
  const text = layout.segAll.substring(layout.segOff[s], layout.segOff[s + 1]);
  if (text.includes(term)) return true;
  // Slow path: the term may span spaces or punctuation, or differ in case. Compared code unit
  // by code unit in compact space (no compact copy of the text).
  const m = term.length;
  const t0 = term.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    if (wordCodeAt(text, i) !== t0) continue;
    let k = 1;
    let j = i + 1;
    while (k < m && j < text.length) {
      const c = wordCodeAt(text, j++);
      if (c < 0) continue;
      if (c !== term.charCodeAt(k)) break;
      k++;
    }
    if (k === m) return true;
  }
  return false;
}
