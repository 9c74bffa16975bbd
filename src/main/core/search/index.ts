/**
 * GuideDesk search index: a syllable-bigram inverted index over deduplicated sentence segments
 * of guide versions, with a Korean query front-end (see query.ts) and results grouped by guide.
 * Pure: no I/O. Design and measurements: docs/search.md.
 */
import type { GuideVersion, VersionSummary } from '../../../shared/guide';
import type { MatchField, SearchMatch, SearchOptions, SearchResponse, SearchResult } from '../../../shared/search';
import {
  boundedEditDistance,
  choseongOf,
  compact,
  compactNFC,
  compactWithMap,
  jamoOf,
  stripParticle,
  withinOneEdit,
  wordCodeAt,
} from './hangul';
import {
  FIELD_BODY,
  FIELD_TITLE,
  FIELD_WEIGHT,
  FIELDS,
  prepareDoc,
  type PreparedDoc,
  type VersionMeta,
} from './prepare';
import { planQuery, type QueryContext, type QueryPlan } from './query';
import type { SynonymTable } from './synonyms';

export { parseSynonyms, emptySynonyms, type SynonymTable } from './synonyms';
export { interpretQuery, planQuery, type QueryContext, type QueryPlan } from './query';

export interface SearchDocInput {
  version: GuideVersion;
  summary: VersionSummary;
  isCurrent: boolean;
}

export type {
  ArchivedFilter,
  MatchField,
  SearchMatch,
  SearchOptions,
  SearchResponse,
  SearchResult,
} from '../../../shared/search';

/** Bumped whenever the serialized layout or the indexing rules change. */
export const INDEX_FORMAT_VERSION = 4;

const MAGIC = 0x47445358; // 'GDSX'
const DEFAULT_LIMIT = 20;
const VERIFY_LIMIT = 1500;
const SNIPPET_BEFORE = 24;
const SNIPPET_LENGTH = 90;
const MAX_MATCHES = 4;
/** A first term whose segments have more references than this is evaluated in tiers. */
const COMMON_REFS = 40000;
const FIELD_POLICY = 3;
/** Candidates carried from a very common first term into the next terms. */
const MAX_CANDIDATES = 1000;

interface Arrays {
  /** Per version: first entry (length versions+1). */
  entStart: Uint32Array;
  entField: Uint8Array;
  entLabel: Uint32Array;
  entSeg: Uint32Array;
  /** Per segment: offset into segAll (length segments+1). */
  segOff: Uint32Array;
  /** Per segment: first ref (length segments+1); refs are entry ids. */
  refStart: Uint32Array;
  refs: Uint32Array;
  /** Sorted bigram keys (c1 * 65536 + c2) and their posting lists of segment ids. */
  keys: Uint32Array;
  postStart: Uint32Array;
  postings: Uint32Array;
  /** Per vocabulary word: segment frequency. */
  vocabFreq: Uint32Array;
}

interface Core extends Arrays {
  metas: VersionMeta[];
  labels: string[];
  segAll: string;
  /** '\n' + words joined by '\n' + '\n'. */
  vocabAll: string;
}

// ---------------------------------------------------------------------------------------------
// Growable typed array

class U32 {
  a = new Uint32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Uint32Array {
    return this.a.slice(0, this.n);
  }
}

/** Open-addressing hash map from bigram key (uint32) to id; -1 when absent. */
class KeyTable {
  private keys = new Uint32Array(1 << 17);
  private vals = new Int32Array(1 << 17).fill(-1);
  private n = 0;
  get(k: number): number {
    const mask = this.keys.length - 1;
    let i = (Math.imul(k, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const v = this.vals[i];
      if (v < 0) return -1;
      if (this.keys[i] === k) return v;
      i = (i + 1) & mask;
    }
  }
  set(k: number, v: number): void {
    if ((this.n + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = (Math.imul(k, 0x9e3779b1) >>> 0) & mask;
    while (this.vals[i] >= 0) i = (i + 1) & mask;
    this.keys[i] = k;
    this.vals[i] = v;
    this.n++;
  }
  private grow(): void {
    const ok = this.keys;
    const ov = this.vals;
    this.keys = new Uint32Array(ok.length * 2);
    this.vals = new Int32Array(ov.length * 2).fill(-1);
    this.n = 0;
    for (let i = 0; i < ok.length; i++) if (ov[i] >= 0) this.set(ok[i], ov[i]);
  }
}

function bigramKey(s: string, i: number): number {
  return s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
}

// ---------------------------------------------------------------------------------------------
// Build

/** Builds from docs produced one at a time (a prepared doc is garbage as soon as it is interned). */
function buildCore(count: number, docAt: (i: number) => PreparedDoc): Core {
  const segIds = new Map<string, number>();
  const segTexts: string[] = [];
  const labelIds = new Map<string, number>();
  const labels: string[] = [];
  const entStart = new Uint32Array(count + 1);
  const metaList: VersionMeta[] = [];
  const entField = new U32();
  const entLabel = new U32();
  const entSeg = new U32();
  for (let v = 0; v < count; v++) {
    const d = docAt(v);
    metaList.push(d.meta);
    entStart[v] = entSeg.n;
    for (const e of d.entries) {
      let s = segIds.get(e.text);
      if (s === undefined) {
        s = segTexts.length;
        segIds.set(e.text, s);
        segTexts.push(e.text);
      }
      let l = labelIds.get(e.label);
      if (l === undefined) {
        l = labels.length;
        labelIds.set(e.label, l);
        labels.push(e.label);
      }
      entField.push(e.field);
      entLabel.push(l);
      entSeg.push(s);
    }
  }
  entStart[count] = entSeg.n;
  segIds.clear();
  const nSeg = segTexts.length;
  const nEnt = entSeg.n;
  const entSegA = entSeg.done();

  // Segment → entries (CSR).
  const refStart = new Uint32Array(nSeg + 1);
  for (let e = 0; e < nEnt; e++) refStart[entSegA[e] + 1]++;
  for (let s = 0; s < nSeg; s++) refStart[s + 1] += refStart[s];
  const refs = new Uint32Array(nEnt);
  const fill = refStart.slice(0, nSeg);
  for (let e = 0; e < nEnt; e++) refs[fill[entSegA[e]]++] = e;

  // One flat string for all segment texts: no slice of a source file stays pinned.
  const segOff = new Uint32Array(nSeg + 1);
  let off = 0;
  for (let s = 0; s < nSeg; s++) {
    segOff[s] = off;
    off += segTexts[s].length;
  }
  segOff[nSeg] = off;
  const segAll = flatten(segTexts.join(''));

  // Bigram postings: pass 1 collects each segment's distinct keys, pass 2 lays them out.
  const keyIds = new KeyTable();
  const keyList: number[] = [];
  let counts = new Uint32Array(1 << 16);
  let lastSeg = new Int32Array(1 << 16).fill(-1);
  const segKeyStart = new Uint32Array(nSeg + 1);
  const segKeys = new U32();
  const vocabCount = new Map<string, number>();
  for (let s = 0; s < nSeg; s++) {
    segKeyStart[s] = segKeys.n;
    const text = segTexts[s];
    // Bigrams of the compact form, computed in place (no compact copy of the text).
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const cur = wordCodeAt(text, i);
      if (cur < 0) continue;
      const p = prev;
      prev = cur;
      if (p < 0) continue;
      const k = p * 65536 + cur;
      let id = keyIds.get(k);
      if (id < 0) {
        id = keyList.length;
        keyIds.set(k, id);
        keyList.push(k);
        if (id >= counts.length) {
          const nc = new Uint32Array(counts.length * 2);
          nc.set(counts);
          counts = nc;
          const nl = new Int32Array(lastSeg.length * 2).fill(-1);
          nl.set(lastSeg);
          lastSeg = nl;
        }
      }
      if (lastSeg[id] !== s) {
        lastSeg[id] = s;
        counts[id]++;
        segKeys.push(id);
      }
    }
    collectWords(text, vocabCount);
  }
  segKeyStart[nSeg] = segKeys.n;
  const order = keyList.map((_, i) => i).sort((a, b) => keyList[a] - keyList[b]);
  const nKeys = keyList.length;
  const keys = new Uint32Array(nKeys);
  const postStart = new Uint32Array(nKeys + 1);
  const rank = new Uint32Array(nKeys);
  let p = 0;
  order.forEach((id, r) => {
    keys[r] = keyList[id];
    postStart[r] = p;
    rank[id] = r;
    p += counts[id];
  });
  postStart[nKeys] = p;
  const postings = new Uint32Array(p);
  const cursor = postStart.slice(0, nKeys);
  const sk = segKeys.done();
  for (let s = 0; s < nSeg; s++) {
    for (let i = segKeyStart[s]; i < segKeyStart[s + 1]; i++) postings[cursor[rank[sk[i]]]++] = s;
  }

  // Vocabulary: words (and particle-stripped stems), titles, category names.
  for (const m of metaList) {
    bump(vocabCount, compact(m.title), 1);
    for (const c of m.category) bump(vocabCount, compact(c), 1);
  }
  const words = [...vocabCount.entries()].filter(
    ([w]) => w.length >= 2 && w.length <= 24 && (/[가-힣]/.test(w) || /^[a-z]{3,}$/.test(w)),
  );
  words.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocabFreq = new Uint32Array(words.map(([, n]) => n));
  const vocabAll = flatten('\n' + words.map(([w]) => w).join('\n') + '\n');

  // Metadata through JSON: real copies, nothing pinned.
  const metas = JSON.parse(JSON.stringify(metaList)) as VersionMeta[];
  return {
    metas,
    labels: JSON.parse(JSON.stringify(labels)) as string[],
    segAll,
    vocabAll,
    entStart,
    entField: Uint8Array.from(entField.done()),
    entLabel: entLabel.done(),
    entSeg: entSegA,
    segOff,
    refStart,
    refs,
    keys,
    postStart,
    postings,
    vocabFreq,
  };
}

function bump(m: Map<string, number>, w: string, n: number): void {
  if (w) m.set(w, (m.get(w) ?? 0) + n);
}

const ALL_HANGUL = /^[가-힣]+$/;

function collectWords(text: string, into: Map<string, number>): void {
  for (const raw of text.split(' ')) {
    if (raw.length < 2) continue;
    const w = ALL_HANGUL.test(raw) ? raw : compactNFC(raw);
    if (w.length < 2 || w.length > 24) continue;
    bump(into, w, 1);
    const stem = stripParticle(w);
    if (stem) bump(into, stem, 1);
  }
}

/** Returns a flat string that shares no storage with its inputs. */
function flatten(s: string): string {
  // Number coercion forces V8 to flatten a cons-string; a round trip through UTF-16 code units
  // in chunks makes a fresh sequential string.
  if (s.length < 64) return s.split('').join('');
  const parts: string[] = [];
  const CH = 8192;
  for (let i = 0; i < s.length; i += CH) {
    const codes = new Uint16Array(Math.min(CH, s.length - i));
    for (let j = 0; j < codes.length; j++) codes[j] = s.charCodeAt(i + j);
    parts.push(String.fromCharCode.apply(null, codes as unknown as number[]));
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Sorted-list helpers

function lowerBound(a: Uint32Array, x: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (a[m] < x) lo = m + 1;
    else hi = m;
  }
  return lo;
}

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

const EMPTY = new Uint32Array(0);
/** Changed files kept in the overlay before update() compacts into one index. */
const OVERLAY_MAX = 256;

interface RunResult {
  groups: GroupHits[];
  best: number[];
}

interface Ranked {
  src: SearchIndex;
  v: number;
  score: number;
  run: RunResult;
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function inSorted(a: Uint32Array, x: number): boolean {
  const i = lowerBound(a, x);
  return i < a.length && a[i] === x;
}

// ---------------------------------------------------------------------------------------------
// The index

interface GroupHits {
  segs: Uint32Array;
  /** Weight of the best alternative per segment (parallel to segs). */
  weights: Float32Array;
  idf: number;
  alts: string[];
  /** Every segment has the same weight (one alternative matched). */
  uniform: boolean;
}

export class SearchIndex {
  private core: Core;
  private synonyms: SynonymTable | undefined;
  private guideOf: Uint32Array;
  private guideIds: string[];
  private vocabStarts: Uint32Array;
  private vocabChoAll: string;
  private bySyllable: Map<string, number[]> | null = null;
  private vocabJamo: string[] | null = null;
  private eligCache: { key: string; elig: Uint8Array } | null = null;
  /** Versions of the main index replaced or removed by update(). */
  private dead: Uint8Array | null = null;
  private deadCount = 0;
  /** Changed files since the last build, indexed on their own. */
  private overlay: SearchIndex | null = null;
  private overlayDocs: PreparedDoc[] = [];
  // Scratch arrays (per search), sized by version count.
  private mark: Int32Array;
  private score: Float64Array;
  private gBest: Float64Array;
  private gCount: Uint16Array;
  private gMark: Int32Array;
  private gTitle: Int32Array;
  private titleHits: Uint8Array;
  private guideMark: Int32Array;
  private guideBest: Uint32Array;
  /** Per segment: the strongest field (lowest field number) among the entries using it. */
  private segBestField: Uint8Array;
  private segBits: Uint32Array;
  private segPos: Uint32Array;
  private epoch = 0;

  private constructor(core: Core, synonyms?: SynonymTable) {
    this.core = core;
    this.synonyms = synonyms;
    const n = core.metas.length;
    const ids = new Map<string, number>();
    this.guideIds = [];
    this.guideOf = new Uint32Array(n);
    core.metas.forEach((m, v) => {
      let g = ids.get(m.id);
      if (g === undefined) {
        g = this.guideIds.length;
        ids.set(m.id, g);
        this.guideIds.push(m.id);
      }
      this.guideOf[v] = g;
    });
    // Word start offsets within vocabAll (after each '\n').
    const starts: number[] = [];
    const va = core.vocabAll;
    for (let i = 0; i < va.length - 1; i++) if (va.charCodeAt(i) === 10) starts.push(i + 1);
    this.vocabStarts = Uint32Array.from(starts);
    this.vocabChoAll = choseongOf(va);
    this.mark = new Int32Array(n);
    this.score = new Float64Array(n);
    this.gBest = new Float64Array(n);
    this.gCount = new Uint16Array(n);
    this.gMark = new Int32Array(n);
    this.gTitle = new Int32Array(n);
    this.titleHits = new Uint8Array(n);
    this.guideMark = new Int32Array(this.guideIds.length);
    this.guideBest = new Uint32Array(this.guideIds.length);
    const nSeg = core.segOff.length - 1;
    this.segBestField = new Uint8Array(nSeg).fill(255);
    this.segBits = new Uint32Array((nSeg + 31) >>> 5);
    this.segPos = new Uint32Array(nSeg);
    for (let e = 0; e < core.entSeg.length; e++) {
      const sg = core.entSeg[e];
      if (core.entField[e] < this.segBestField[sg]) this.segBestField[sg] = core.entField[e];
    }
  }

  static build(docs: SearchDocInput[], options?: { synonyms?: SynonymTable }): SearchIndex {
    const core = buildCore(docs.length, (i) => prepareDoc(docs[i].version, docs[i].summary, docs[i].isCurrent));
    return new SearchIndex(core, options?.synonyms);
  }

  /** Number of indexed guide versions. */
  get size(): number {
    return this.core.metas.length - this.deadCount + (this.overlay?.size ?? 0);
  }

  setSynonyms(synonyms: SynonymTable | undefined): void {
    this.synonyms = synonyms;
    this.overlay?.setSynonyms(synonyms);
  }

  // ----- low-level lookups

  private segText(s: number): string {
    return this.core.segAll.substring(this.core.segOff[s], this.core.segOff[s + 1]);
  }

  private postingsOf(key: number): Uint32Array {
    const { keys, postStart, postings } = this.core;
    const i = lowerBound(keys, key);
    if (i >= keys.length || keys[i] !== key) return EMPTY;
    return postings.subarray(postStart[i], postStart[i + 1]);
  }

  /** Segments whose compact text contains `term` (compact). */
  private matchSegments(term: string, cache?: Map<string, Uint32Array>): Uint32Array {
    const hit = cache?.get(term);
    if (hit) return hit;
    let result: Uint32Array;
    if (term.length === 0) result = EMPTY;
    else if (term.length === 1) {
      const { keys, postStart, postings } = this.core;
      const c = term.charCodeAt(0) * 65536;
      const a = lowerBound(keys, c);
      const b = lowerBound(keys, c + 65536);
      const lists: Uint32Array[] = [];
      for (let i = a; i < b; i++) lists.push(postings.subarray(postStart[i], postStart[i + 1]));
      result = lists.length ? unionSorted(lists) : EMPTY;
    } else {
      const seen = new Set<number>();
      const lists: Uint32Array[] = [];
      for (let i = 0; i + 1 < term.length; i++) {
        const k = bigramKey(term, i);
        if (seen.has(k)) continue;
        seen.add(k);
        const l = this.postingsOf(k);
        if (l.length === 0) {
          lists.length = 0;
          break;
        }
        lists.push(l);
      }
      if (lists.length === 0) result = EMPTY;
      else {
        lists.sort((x, y) => x.length - y.length);
        result = lists[0];
        for (let i = 1; i < lists.length && result.length > 0; i++) result = intersect(result, lists[i]);
        if (term.length > 2 && lists.length > 1 && result.length <= VERIFY_LIMIT) {
          const out = new Uint32Array(result.length);
          let n = 0;
          for (let i = 0; i < result.length; i++) if (this.segmentContains(result[i], term)) out[n++] = result[i];
          result = out.subarray(0, n);
        }
      }
    }
    cache?.set(term, result);
    return result;
  }

  /** Whether segment s contains the compact term, ignoring spaces and punctuation. */
  private segmentContains(s: number, term: string): boolean {
    const all = this.core.segAll;
    const a = this.core.segOff[s];
    const b = this.core.segOff[s + 1];
    const text = all.substring(a, b);
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

  // ----- vocabulary

  private wordAt(pos: number): number {
    // Index of the word containing position pos of vocabAll.
    let lo = 0;
    let hi = this.vocabStarts.length - 1;
    while (lo < hi) {
      const m = (lo + hi + 1) >>> 1;
      if (this.vocabStarts[m] <= pos) lo = m;
      else hi = m - 1;
    }
    return lo;
  }

  private word(i: number): string {
    const s = this.vocabStarts[i];
    return this.core.vocabAll.substring(s, this.core.vocabAll.indexOf('\n', s));
  }

  /** Ranks candidate words: whole-word and word-start matches, then frequency. */
  private rankWords(found: Map<number, number>, qlen: number, limit: number): string[] {
    // Scores from word lengths (no strings yet); only the words taken become strings.
    const n = found.size;
    const ids = new Uint32Array(n);
    const sc = new Float64Array(n);
    const va = this.core.vocabAll;
    const starts = this.vocabStarts;
    let k = 0;
    for (const [i, at] of found) {
      const end = i + 1 < starts.length ? starts[i + 1] - 1 : va.length - 1;
      const coverage = qlen / (end - starts[i]);
      const startBonus = at === 0 ? 1 : 0.5;
      ids[k] = i;
      sc[k++] = coverage * startBonus * Math.log2(2 + this.core.vocabFreq[i]);
    }
    // Best first, ties in discovery order (what the stable sort gave), one pick at a time:
    // `limit` is small and most of `found` is never needed.
    const taken = new Uint8Array(n);
    const out: string[] = [];
    const take = (j: number): void => {
      const w = this.word(ids[j]);
      if (!out.some((o) => w.includes(o))) out.push(w); // `이중결제가` adds nothing over `이중결제`
    };
    let picked = 0;
    for (; picked < n && picked < 16 && out.length < limit; picked++) {
      let best = -1;
      for (let j = 0; j < n; j++) if (!taken[j] && (best < 0 || sc[j] > sc[best])) best = j;
      taken[best] = 1;
      take(best);
    }
    if (out.length < limit && picked < n) {
      // Many skipped (words containing one already taken): sort the rest once.
      const rest: number[] = [];
      for (let j = 0; j < n; j++) if (!taken[j]) rest.push(j);
      rest.sort((a, b) => sc[b] - sc[a] || a - b);
      for (let r = 0; r < rest.length && out.length < limit; r++) take(rest[r]);
    }
    return out;
  }

  private choPairs: { keys: Uint32Array; start: Uint32Array; pos: Uint32Array } | null = null;
  /**
   * Positions of each adjacent pair of characters in vocabChoAll (CSR by sorted pair key). A
   * 초성 string is almost all of a dozen frequent consonants, so a plain indexOf scan for
   * `ㄱㄷㄱㄷ` stops at nearly every character; the rarest pair of the query narrows it down.
   */
  private choseongPairs(): { keys: Uint32Array; start: Uint32Array; pos: Uint32Array } {
    if (this.choPairs) return this.choPairs;
    const all = this.vocabChoAll;
    const n = Math.max(0, all.length - 1);
    const pk = new Uint32Array(n);
    for (let i = 0; i < n; i++) pk[i] = bigramKey(all, i);
    const keys = Uint32Array.from(new Set(pk)).sort();
    const count = new Uint32Array(keys.length + 1);
    const slot = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      slot[i] = lowerBound(keys, pk[i]);
      count[slot[i] + 1]++;
    }
    for (let k = 0; k < keys.length; k++) count[k + 1] += count[k];
    const start = count.slice();
    const pos = new Uint32Array(n);
    const fill = count.subarray(0, keys.length).slice();
    for (let i = 0; i < n; i++) pos[fill[slot[i]]++] = i;
    this.choPairs = { keys, start, pos };
    return this.choPairs;
  }

  private expandChoseong(cho: string, limit: number): string[] {
    const all = this.vocabChoAll;
    const found = new Map<number, number>();
    let guard = 0;
    const add = (pos: number): void => {
      const i = this.wordAt(pos);
      if (!found.has(i)) found.set(i, pos - this.vocabStarts[i]);
    };
    if (cho.length < 2) {
      let pos = all.indexOf(cho);
      while (pos >= 0 && guard++ < 5000) {
        add(pos);
        pos = all.indexOf(cho, pos + 1);
      }
    } else {
      // Candidates from the query's rarest character pair, verified in place, in text order.
      const { keys, start, pos } = this.choseongPairs();
      let bestOff = -1;
      let bestLen = Infinity;
      let a = 0;
      for (let r = 0; r + 1 < cho.length; r++) {
        const k = lowerBound(keys, bigramKey(cho, r));
        const len = k < keys.length && keys[k] === bigramKey(cho, r) ? start[k + 1] - start[k] : 0;
        if (len < bestLen) {
          bestLen = len;
          bestOff = r;
          a = k;
        }
      }
      for (let j = 0; j < bestLen && guard < 5000; j++) {
        const p = pos[start[a] + j] - bestOff;
        if (p < 0 || !all.startsWith(cho, p)) continue;
        guard++;
        add(p);
      }
    }
    return this.rankWords(found, cho.length, limit);
  }

  private expandPattern(source: string, limit: number): string[] {
    let re: RegExp;
    try {
      re = new RegExp(`(?:${source})`, 'g');
    } catch {
      return [];
    }
    const all = this.core.vocabAll;
    const found = new Map<number, number>();
    let m: RegExpExecArray | null;
    let guard = 0;
    let qlen = 1;
    while ((m = re.exec(all)) && guard++ < 5000) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (m[0].includes('\n')) continue;
      const i = this.wordAt(m.index);
      qlen = m[0].length;
      if (!found.has(i)) found.set(i, m.index - this.vocabStarts[i]);
    }
    return this.rankWords(found, qlen, limit);
  }

  private ensureJamo(): void {
    if (this.bySyllable) return;
    const n = this.vocabStarts.length;
    this.vocabJamo = new Array<string>(n);
    this.bySyllable = new Map();
    for (let i = 0; i < n; i++) {
      const w = this.word(i);
      this.vocabJamo[i] = jamoOf(w);
      const seen = new Set<string>();
      for (const ch of w) {
        if (seen.has(ch)) continue;
        seen.add(ch);
        const list = this.bySyllable.get(ch);
        if (list) list.push(i);
        else this.bySyllable.set(ch, [i]);
      }
    }
  }

  /**
   * Index words within one jamo edit (two for long words). A one-jamo typo leaves every other
   * character intact, so candidates are the words sharing a character with the term; only
   * those are compared.
   */
  private typoCandidates(term: string, limit: number): string[] {
    if (!(/[가-힣]/.test(term) && term.length >= 2) && !/^[a-z]{4,}$/.test(term)) return [];
    this.ensureJamo();
    const q = jamoOf(term);
    const maxDist = q.length >= 12 ? 2 : 1;
    const seen = new Set<number>();
    const hits: { i: number; d: number }[] = [];
    for (const ch of new Set(term)) {
      for (const i of this.bySyllable!.get(ch) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const w = this.vocabJamo![i];
        if (Math.abs(w.length - q.length) > maxDist) continue;
        const d = withinOneEdit(q, w) ? (q === w ? 0 : 1) : maxDist > 1 ? boundedEditDistance(q, w, maxDist) : 99;
        if (d <= maxDist) hits.push({ i, d });
      }
    }
    hits.sort((a, b) => a.d - b.d || this.core.vocabFreq[b.i] - this.core.vocabFreq[a.i]);
    return hits.slice(0, limit).map((h) => this.word(h.i));
  }

  private context(cache: Map<string, Uint32Array>, ovCache: Map<string, Uint32Array>): QueryContext {
    const ov = this.overlay;
    const merge = (a: string[], b: string[] | undefined, limit: number) =>
      b ? [...new Set([...a, ...b])].slice(0, limit) : a;
    return {
      frequency: (t) => this.matchSegments(t, cache).length + (ov ? ov.matchSegments(t, ovCache).length : 0),
      expandChoseong: (c, l) => merge(this.expandChoseong(c, l), ov?.expandChoseong(c, l), l),
      expandPattern: (src, l) => merge(this.expandPattern(src, l), ov?.expandPattern(src, l), l),
      typoCandidates: (t, l) => merge(this.typoCandidates(t, l), ov?.typoCandidates(t, l), l),
      synonyms: this.synonyms,
    };
  }

  /** How a query would be understood (for display), without searching. */
  interpret(raw: string): string[] {
    return planQuery(raw, this.context(new Map(), new Map())).interpretedAs;
  }

  // ----- filters

  private eligibility(o: SearchOptions): Uint8Array {
    const key = `${o.archived ?? 'exclude'}|${o.asOf ?? ''}|${o.category ?? ''}`;
    if (this.eligCache?.key === key) return this.eligCache.elig;
    const metas = this.core.metas;
    const elig = new Uint8Array(metas.length);
    const catPrefix = o.category ? splitCategory(o.category) : null;
    for (let v = 0; v < metas.length; v++) {
      const m = metas[v];
      let ok: boolean;
      if (o.asOf) ok = (m.validFrom === null || m.validFrom <= o.asOf) && (m.validTo === null || o.asOf <= m.validTo);
      else if (o.archived === 'include') ok = true;
      else if (o.archived === 'only') ok = m.archived;
      else ok = m.isCurrent;
      if (ok && catPrefix) ok = categoryHasPrefix(m.category, catPrefix);
      if (ok && this.dead && this.dead[v]) ok = false;
      elig[v] = ok ? 1 : 0;
    }
    this.eligCache = { key, elig };
    return elig;
  }

  // ----- search

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const t0 = performance.now();
    const cache = new Map<string, Uint32Array>();
    const ovCache = new Map<string, Uint32Array>();
    const plan = planQuery(query, this.context(cache, ovCache));
    const response: SearchResponse = { query: plan.query, interpretedAs: plan.interpretedAs, tookMs: 0, results: [] };
    if (plan.groups.length === 0) {
      response.tookMs = round(performance.now() - t0);
      return response;
    }
    const limit = options.limit ?? DEFAULT_LIMIT;
    const main = this.run(plan, options, limit, cache, null);
    const ranked: Ranked[] = main.best.map((v) => ({ src: this, v, score: this.score[v], run: main }));
    if (this.overlay) {
      // Changed files live in a small overlay; it scores with the main index's term weights.
      const ov = this.overlay.run(plan, options, limit, ovCache, main.groups);
      const byId = new Map<string, number>();
      ranked.forEach((r, i) => byId.set(r.src.core.metas[r.v].id, i));
      for (const v of ov.best) {
        const r: Ranked = { src: this.overlay, v, score: this.overlay.score[v], run: ov };
        const at = byId.get(this.overlay.core.metas[v].id);
        if (at === undefined) ranked.push(r);
        else if (r.score > ranked[at].score || (r.score === ranked[at].score && this.overlay.core.metas[v].isCurrent))
          ranked[at] = r;
      }
      ranked.sort((x, y) => y.score - x.score || cmpStr(x.src.core.metas[x.v].title, y.src.core.metas[y.v].title));
    }
    response.results = ranked.slice(0, limit).map((r) => r.src.resultOf(r.v, r.run, plan));
    response.tookMs = round(performance.now() - t0);
    return response;
  }

  /** Scores this index's versions for a plan; returns its groups and best version per guide. */
  private run(
    plan: QueryPlan,
    options: SearchOptions,
    limit: number,
    cache: Map<string, Uint32Array>,
    idfFrom: GroupHits[] | null,
  ): RunResult {
    const elig = this.eligibility(options);
    const groups = plan.groups.map((g) => this.groupHits(g.alts, cache));
    if (idfFrom) groups.forEach((g, i) => (g.idf = idfFrom[i].idf || g.idf));
    const currentOnly = !options.asOf && (options.archived ?? 'exclude') === 'exclude';
    let cands = this.evaluate(groups, plan, elig, true, limit, currentOnly);
    if (cands.length === 0 && groups.length > 1) cands = this.evaluate(groups, plan, elig, false, limit, currentOnly);
    return { groups, best: this.bestPerGuide(cands, limit) };
  }

  private groupHits(alts: { text: string; weight: number }[], cache: Map<string, Uint32Array>): GroupHits {
    const lists: Uint32Array[] = [];
    const ws: number[] = [];
    for (const a of alts) {
      const l = this.matchSegments(a.text, cache);
      if (l.length) {
        lists.push(l);
        ws.push(a.weight);
      }
    }
    const nSeg = this.core.segOff.length - 1;
    if (lists.length === 0)
      return { segs: EMPTY, weights: new Float32Array(0), idf: 0, alts: alts.map((a) => a.text), uniform: true };
    if (lists.length === 1) {
      const w = this.uniformWeights(ws[0], lists[0].length);
      return {
        segs: lists[0],
        weights: w,
        idf: idf(nSeg, lists[0].length),
        alts: alts.map((a) => a.text),
        uniform: true,
      };
    }
    // Merge, keeping the best weight per segment: linear merges, smallest lists first.
    const idx = lists.map((_, i) => i).sort((a, b) => lists[a].length - lists[b].length);
    let segs = lists[idx[0]];
    let weights = this.uniformWeights(ws[idx[0]], segs.length);
    for (let k = 1; k < idx.length; k++) {
      const b = lists[idx[k]];
      const wb = ws[idx[k]];
      const outS = new Uint32Array(segs.length + b.length);
      const outW = new Float32Array(segs.length + b.length);
      let i = 0;
      let j = 0;
      let n = 0;
      while (i < segs.length && j < b.length) {
        const x = segs[i];
        const y = b[j];
        if (x < y) {
          outS[n] = x;
          outW[n++] = weights[i++];
        } else if (x > y) {
          outS[n] = y;
          outW[n++] = wb;
          j++;
        } else {
          outS[n] = x;
          outW[n++] = weights[i] > wb ? weights[i] : wb;
          i++;
          j++;
        }
      }
      while (i < segs.length) {
        outS[n] = segs[i];
        outW[n++] = weights[i++];
      }
      while (j < b.length) {
        outS[n] = b[j++];
        outW[n++] = wb;
      }
      segs = outS.subarray(0, n);
      weights = outW.subarray(0, n);
    }
    return { segs, weights, idf: idf(nSeg, segs.length), alts: alts.map((a) => a.text), uniform: false };
  }

  /**
   * Scores versions. With `all`, a version must match every group (AND); otherwise any (OR),
   * scored by what it matched. Returns the candidate version ids.
   */
  private evaluate(
    groups: GroupHits[],
    plan: QueryPlan,
    elig: Uint8Array,
    all: boolean,
    limit: number,
    currentOnly: boolean,
  ): number[] {
    const { refStart, entStart, entSeg } = this.core;
    const nV = entStart.length - 1;
    const avgEnt = entSeg.length / Math.max(1, nV);
    const order = groups.map((_, i) => i).sort((a, b) => groups[a].segs.length - groups[b].segs.length);
    if (all && order.some((i) => groups[i].segs.length === 0)) return [];
    if (!all) {
      // Any-term fallback: very common terms alone say little and cost the most; keep the rare ones.
      const nSeg = refStart.length - 1;
      const rare = order.filter((i) => groups[i].segs.length > 0 && groups[i].segs.length <= nSeg * 0.02);
      const firstNonEmpty = order.find((i) => groups[i].segs.length > 0);
      order.splice(0, order.length, ...(rare.length ? rare : firstNonEmpty !== undefined ? [firstNonEmpty] : []));
    }
    const candEpoch = ++this.epoch;
    let cands: number[] = [];
    // Version/field per reference: current versions only when the filter allows nothing else.
    let vStart: Uint32Array;
    let vVer: Uint32Array;
    let vField: Uint8Array;
    if (currentOnly) {
      const c = this.currentRefs();
      vStart = c.start;
      vVer = c.ver;
      vField = c.field;
    } else {
      vStart = refStart;
      vVer = this.refVersionOf();
      vField = this.refFieldOf();
    }
    let first = true;
    for (const gi of order) {
      const g = groups[gi];
      if (g.segs.length === 0) continue;
      const ge = ++this.epoch;
      const touched: number[] = [];
      // References this group would visit (counted only up to what the alternative costs).
      const candCost = all && !first ? cands.length * avgEnt : Infinity;
      let refCount = 0;
      const countUpTo = all && !first ? candCost + g.segs.length : COMMON_REFS;
      for (let i = 0; i < g.segs.length && refCount <= countUpTo; i++)
        refCount += refStart[g.segs[i] + 1] - refStart[g.segs[i]];
      const perCandidate = all && !first && candCost + g.segs.length < refCount;
      if (perCandidate) {
        // Few candidates left: mark this group's segments, then look the candidates' entries up.
        this.walkCandidates(g, cands, ge, touched);
      }
      const tiered = all && first && refCount > COMMON_REFS;
      const needMark = all && !first;
      if (!perCandidate) {
        if (tiered) this.visitTiered(g, limit * 5, ge, elig, vStart, vVer, vField, touched);
        else
          for (let i = 0; i < g.segs.length; i++)
            this.visitSeg(g.segs[i], g.weights[i], ge, needMark, candEpoch, elig, vStart, vVer, vField, touched);
      }
      if (all) {
        const next = this.addGroupScores(touched, g.idf, ge, first, candEpoch);
        if (!first) {
          // Drop candidates that missed this group.
          for (const v of cands) if (this.gMark[v] !== ge) this.mark[v] = 0;
          cands = next;
        } else cands = next;
        if (cands.length === 0) return [];
        if (first && cands.length > MAX_CANDIDATES && order.length > 1) {
          // Very common first term: keep the strongest candidates for the remaining terms.
          const cut = this.kthBestScore(cands, MAX_CANDIDATES);
          const kept: number[] = [];
          for (const v of cands) {
            if (this.score[v] >= cut && kept.length < MAX_CANDIDATES) kept.push(v);
            else this.mark[v] = 0;
          }
          cands = kept;
        }
      } else {
        for (const v of touched) {
          const add = g.idf * (this.gBest[v] + 0.15 * Math.min(this.gCount[v] - 1, 8));
          if (this.mark[v] !== candEpoch) {
            this.mark[v] = candEpoch;
            this.score[v] = add;
            this.titleHits[v] = this.gTitle[v] === ge ? 1 : 0;
            cands.push(v);
          } else {
            this.score[v] += add;
            if (this.gTitle[v] === ge) this.titleHits[v]++;
          }
        }
      }
      first = false;
    }
    // Bonuses: the whole query as one phrase; the title covered by the query.
    const idfSum = groups.reduce((a, g) => a + g.idf, 0);
    if (plan.phrase && groups.length > 1) {
      const ps = this.matchSegments(plan.phrase);
      const pe = ++this.epoch;
      this.addPhraseBonus(ps, pe, candEpoch, 0.8 * idfSum, vStart, vVer, vField);
    }
    const qlen = plan.groups.reduce((a, g) => a + g.display.length, 0);
    for (const v of cands) {
      if (this.titleHits[v] >= groups.length) {
        const tl = Math.max(1, this.titleLength(v));
        this.score[v] += idfSum * 3 * Math.min(1, qlen / tl);
      }
    }
    return cands;
  }

  /**
   * Adds segment s's references to the group scratch (best weight, count, title) of eligible
   * versions; with needMark only of current candidates. Small and monomorphic on purpose: it
   * stays optimised while the big evaluate() is recompiled.
   */
  private visitSeg(
    s: number,
    aw: number,
    ge: number,
    needMark: boolean,
    candEpoch: number,
    elig: Uint8Array,
    vStart: Uint32Array,
    vVer: Uint32Array,
    vField: Uint8Array,
    touched: number[],
  ): void {
    const { gMark, gBest, gCount, gTitle, mark } = this;
    for (let r = vStart[s]; r < vStart[s + 1]; r++) {
      const v = vVer[r];
      if (!elig[v]) continue;
      if (needMark && mark[v] !== candEpoch) continue;
      const f = vField[r];
      const w = FIELD_WEIGHT[f] * aw;
      if (gMark[v] !== ge) {
        gMark[v] = ge;
        gBest[v] = w;
        gCount[v] = 1;
        touched.push(v);
      } else {
        if (w > gBest[v]) gBest[v] = w;
        if (gCount[v] < 60000) gCount[v]++;
      }
      if (f === FIELD_TITLE) gTitle[v] = ge;
    }
  }

  /** Per-candidate check of group g: walks the candidates' entries against a segment bitset. */
  private walkCandidates(g: GroupHits, cands: number[], ge: number, touched: number[]): void {
    const { entStart, entSeg, entField } = this.core;
    const { gMark, gBest, gCount, gTitle } = this;
    // A bitset (nSeg / 8 bytes) stays in cache; positions are needed only for mixed weights.
    const bits = this.segBits;
    bits.fill(0);
    const segs = g.segs;
    const uniform = g.uniform;
    const w0 = g.weights[0];
    for (let i = 0; i < segs.length; i++) {
      const sg = segs[i];
      bits[sg >>> 5] |= 1 << (sg & 31);
    }
    if (!uniform) for (let i = 0; i < segs.length; i++) this.segPos[segs[i]] = i;
    for (let c = 0; c < cands.length; c++) {
      const v = cands[c];
      for (let e = entStart[v]; e < entStart[v + 1]; e++) {
        const sg = entSeg[e];
        if ((bits[sg >>> 5] & (1 << (sg & 31))) === 0) continue;
        const f = entField[e];
        const w = FIELD_WEIGHT[f] * (uniform ? w0 : g.weights[this.segPos[sg]]);
        if (gMark[v] !== ge) {
          gMark[v] = ge;
          gBest[v] = w;
          gCount[v] = 1;
          touched.push(v);
        } else {
          if (w > gBest[v]) gBest[v] = w;
          if (gCount[v] < 60000) gCount[v]++;
        }
        if (f === FIELD_TITLE) gTitle[v] = ge;
        // Entries run strongest field first (title only at the start), so with one weight the
        // first match already gave the best weight; past 9 matches the count bonus is capped.
        if (uniform && gCount[v] >= 9) break;
      }
    }
  }

  /** AND pass: adds one group's contribution to the versions it touched; returns them. */
  private addGroupScores(touched: number[], idfG: number, ge: number, first: boolean, candEpoch: number): number[] {
    const { gBest, gCount, gTitle, mark, score, titleHits } = this;
    const next: number[] = [];
    for (let k = 0; k < touched.length; k++) {
      const v = touched[k];
      const add = idfG * (gBest[v] + 0.15 * Math.min(gCount[v] - 1, 8));
      const t = gTitle[v] === ge ? 1 : 0;
      if (first) {
        mark[v] = candEpoch;
        score[v] = add;
        titleHits[v] = t;
      } else {
        score[v] += add;
        titleHits[v] += t;
      }
      next.push(v);
    }
    return next;
  }

  /** The whole query inside one segment: a bonus per candidate, from its strongest such entry. */
  private addPhraseBonus(
    ps: Uint32Array,
    pe: number,
    candEpoch: number,
    k: number,
    vStart: Uint32Array,
    vVer: Uint32Array,
    vField: Uint8Array,
  ): void {
    const { gMark, mark, score } = this;
    for (let i = 0; i < ps.length; i++) {
      const s = ps[i];
      for (let r = vStart[s]; r < vStart[s + 1]; r++) {
        const v = vVer[r];
        if (mark[v] !== candEpoch || gMark[v] === pe) continue;
        gMark[v] = pe;
        score[v] += k * FIELD_WEIGHT[vField[r]];
      }
    }
  }

  /**
   * A very common first term, in tiers. 0: title, category, response steps; 1: policies; 2: other
   * fields; 3: boilerplate sentences shared by many versions (they tell guides apart least and
   * cost the most). One pass visits tier 0 and queues the others' positions, in order; later
   * tiers run only while fewer than `enough` versions were found.
   */
  private visitTiered(
    g: GroupHits,
    enough: number,
    ge: number,
    elig: Uint8Array,
    vStart: Uint32Array,
    vVer: Uint32Array,
    vField: Uint8Array,
    touched: number[],
  ): void {
    const segTier = this.segTiers();
    const [q1, q2, q3] = this.tierQueues();
    let n1 = 0;
    let n2 = 0;
    let n3 = 0;
    const segs = g.segs;
    const ws = g.weights;
    for (let i = 0; i < segs.length; i++) {
      const t = segTier[segs[i]];
      if (t === 0) this.visitSeg(segs[i], ws[i], ge, false, 0, elig, vStart, vVer, vField, touched);
      else if (t === 1) q1[n1++] = i;
      else if (t === 2) q2[n2++] = i;
      else q3[n3++] = i;
    }
    if (touched.length < enough)
      for (let k = 0; k < n1; k++)
        this.visitSeg(segs[q1[k]], ws[q1[k]], ge, false, 0, elig, vStart, vVer, vField, touched);
    if (touched.length < enough)
      for (let k = 0; k < n2; k++)
        this.visitSeg(segs[q2[k]], ws[q2[k]], ge, false, 0, elig, vStart, vVer, vField, touched);
    // Boilerplate only as far as needed: its versions all score alike.
    for (let k = 0; k < n3 && touched.length < enough; k++)
      this.visitSeg(segs[q3[k]], ws[q3[k]], ge, false, 0, elig, vStart, vVer, vField, touched);
  }

  private curRefs: { start: Uint32Array; ver: Uint32Array; field: Uint8Array } | null = null;
  /**
   * Per segment, the (version, field) of its entries in current versions only, laid out
   * sequentially: the default filter (current versions) walks these instead of all refs, so it
   * neither touches archived versions nor jumps through entry → version lookups. Same order as
   * `refs` restricted to current versions, so scores are identical.
   */
  private currentRefs(): { start: Uint32Array; ver: Uint32Array; field: Uint8Array } {
    if (this.curRefs) return this.curRefs;
    const { refStart, refs, entField, metas } = this.core;
    const entVersion = this.entVersionOf();
    const nSeg = refStart.length - 1;
    const cur = new Uint8Array(metas.length);
    for (let v = 0; v < metas.length; v++) cur[v] = metas[v].isCurrent ? 1 : 0;
    const start = new Uint32Array(nSeg + 1);
    let n = 0;
    for (let r = 0; r < refs.length; r++) if (cur[entVersion[refs[r]]]) n++;
    const ver = new Uint32Array(n);
    const field = new Uint8Array(n);
    n = 0;
    for (let s = 0; s < nSeg; s++) {
      start[s] = n;
      for (let r = refStart[s]; r < refStart[s + 1]; r++) {
        const e = refs[r];
        const v = entVersion[e];
        if (!cur[v]) continue;
        ver[n] = v;
        field[n++] = entField[e];
      }
    }
    start[nSeg] = n;
    this.curRefs = { start, ver, field };
    return this.curRefs;
  }

  private segTierArr: Uint8Array | null = null;
  /**
   * Evaluation tier per segment for very common terms. 0: title, category, response steps;
   * 1: policies; 2: other fields; 3: boilerplate sentences shared by many versions.
   */
  private segTiers(): Uint8Array {
    if (this.segTierArr) return this.segTierArr;
    const { refStart } = this.core;
    const nSeg = refStart.length - 1;
    const boiler = Math.max(64, Math.ceil((this.core.entStart.length - 1) / 100));
    const out = new Uint8Array(nSeg);
    for (let s = 0; s < nSeg; s++) {
      const f = this.segBestField[s];
      out[s] = refStart[s + 1] - refStart[s] > boiler ? 3 : f < FIELD_POLICY ? 0 : f === FIELD_POLICY ? 1 : 2;
    }
    this.segTierArr = out;
    return out;
  }

  private uniformW = new Map<number, Float32Array>();
  /** A read-only view of n copies of w (shared: a frequent term does not allocate its weights). */
  private uniformWeights(w: number, n: number): Float32Array {
    let a = this.uniformW.get(w);
    if (!a) {
      if (this.uniformW.size >= 8) return new Float32Array(n).fill(w);
      a = new Float32Array(this.core.refStart.length - 1).fill(w);
      this.uniformW.set(w, a);
    }
    return a.subarray(0, n);
  }

  private tierBufs: Uint32Array[] | null = null;
  /** Scratch for the tier queues (tiers 1, 2, 3): up to nSeg positions each. */
  private tierQueues(): Uint32Array[] {
    const n = this.core.refStart.length - 1;
    if (!this.tierBufs) this.tierBufs = [new Uint32Array(n), new Uint32Array(n), new Uint32Array(n)];
    return this.tierBufs;
  }

  private selBuf: Float64Array | null = null;
  /** The k-th largest score among versions vs (k ≤ vs.length), by selection: no full sort. */
  private kthBestScore(vs: number[], k: number): number {
    if (!this.selBuf || this.selBuf.length < vs.length) this.selBuf = new Float64Array(this.score.length);
    const a = this.selBuf;
    const n = vs.length;
    for (let i = 0; i < n; i++) a[i] = this.score[vs[i]];
    // Quickselect for index n - k of the ascending order.
    const want = n - k;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const pivot = a[(lo + hi) >>> 1];
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) {
          const t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (want <= j) hi = j;
      else if (want >= i) lo = i;
      else break;
    }
    return a[want];
  }

  private refVer: Uint32Array | null = null;
  private refFld: Uint8Array | null = null;
  /** Version per reference (parallel to refs), for filters that include archived versions. */
  private refVersionOf(): Uint32Array {
    if (this.refVer) return this.refVer;
    const { refs } = this.core;
    const entVersion = this.entVersionOf();
    const out = new Uint32Array(refs.length);
    for (let r = 0; r < refs.length; r++) out[r] = entVersion[refs[r]];
    this.refVer = out;
    return out;
  }

  /** Field per reference (parallel to refs). */
  private refFieldOf(): Uint8Array {
    if (this.refFld) return this.refFld;
    const { refs, entField } = this.core;
    const out = new Uint8Array(refs.length);
    for (let r = 0; r < refs.length; r++) out[r] = entField[refs[r]];
    this.refFld = out;
    return out;
  }

  private entVersionArr: Uint32Array | null = null;
  private entVersionOf(): Uint32Array {
    if (this.entVersionArr) return this.entVersionArr;
    const { entStart } = this.core;
    const n = entStart.length - 1;
    const out = new Uint32Array(entStart[n]);
    for (let v = 0; v < n; v++) out.fill(v, entStart[v], entStart[v + 1]);
    this.entVersionArr = out;
    return out;
  }

  private titleLens: Uint16Array | null = null;
  private titleLength(v: number): number {
    if (!this.titleLens) {
      this.titleLens = new Uint16Array(this.core.metas.map((m) => Math.min(65535, compact(m.title).length)));
    }
    return this.titleLens[v];
  }

  private bestPerGuide(cands: number[], limit: number): number[] {
    const metas = this.core.metas;
    const ge = ++this.epoch;
    const winners: number[] = [];
    for (const v of cands) {
      const g = this.guideOf[v];
      if (this.guideMark[g] !== ge) {
        this.guideMark[g] = ge;
        this.guideBest[g] = v;
        winners.push(g);
      } else if (better(v, this.guideBest[g], this.score, metas)) this.guideBest[g] = v;
    }
    let best = winners.map((g) => this.guideBest[g]);
    if (best.length > limit * 4) {
      // Only the top `limit` need ordering: cut at the limit-th best score first.
      const cut = this.kthBestScore(best, limit);
      // Frequent words tie a lot: keep those above the cut, then the lowest ids among the ties
      // (the order the final sort would give them), without sorting every tie.
      const above: number[] = [];
      const ties: number[] = [];
      for (const v of best) {
        const sc = this.score[v];
        if (sc > cut) above.push(v);
        else if (sc === cut) ties.push(v);
      }
      if (above.length + ties.length > limit && ties.length > 1) {
        const t = Uint32Array.from(ties).sort();
        for (let i = 0; i < t.length && above.length < limit; i++) above.push(t[i]);
        best = above;
      } else best = above.concat(ties);
    }
    // Ties (common for frequent words) break by index order: deterministic and cheap.
    best.sort((a, b) => this.score[b] - this.score[a] || a - b);
    return best.slice(0, limit);
  }

  private resultOf(v: number, run: RunResult, plan: QueryPlan): SearchResult {
    const alts = new Set<string>();
    for (const g of run.groups) for (const a of g.alts) if (a) alts.add(a);
    if (plan.phrase) alts.add(plan.phrase);
    const lists = run.groups.map((g) => g.segs).filter((l) => l.length > 0);
    const m = this.core.metas[v];
    return {
      id: m.id,
      title: m.title,
      path: m.path,
      archived: m.archived,
      archivedAt: m.archivedAt,
      score: Math.round(this.score[v] * 1000) / 1000,
      category: [...m.category],
      matches: this.matchesOf(v, [...alts], lists),
    };
  }

  /** Where version v matched: best segment per (field, label), strongest fields first. */
  private matchesOf(v: number, alts: string[], lists: Uint32Array[]): SearchMatch[] {
    const { entStart, entField, entLabel, entSeg, labels } = this.core;
    const byLabel = new Map<
      string,
      { f: number; order: number; text: string; hl: [number, number][]; covered: number }
    >();
    for (let e = entStart[v]; e < entStart[v + 1]; e++) {
      const seg = entSeg[e];
      // Entries come strongest field first: once enough places are found, stop looking.
      if (byLabel.size >= MAX_MATCHES && entField[e] !== entField[e - 1]) break;
      if (!lists.some((l) => inSorted(l, seg))) continue;
      const text = this.segText(seg);
      const { compact: c, map } = compactWithMap(text);
      const hl: [number, number][] = [];
      let covered = 0;
      for (const a of alts) {
        if (a.length === 0) continue;
        let at = c.indexOf(a);
        let found = false;
        while (at >= 0) {
          hl.push([map[at], map[at + a.length - 1] + 1]);
          found = true;
          at = c.indexOf(a, at + a.length);
        }
        if (found) covered += a.length;
      }
      if (hl.length === 0) continue;
      const f = entField[e];
      const key = `${f}|${labels[entLabel[e]]}`;
      const prev = byLabel.get(key);
      if (!prev || covered > prev.covered) {
        byLabel.set(key, { f, order: prev?.order ?? e, text, hl: mergeRanges(hl), covered });
      }
    }
    let list = [...byLabel.entries()].sort(
      (a, b) => a[1].f - b[1].f || b[1].covered - a[1].covered || a[1].order - b[1].order,
    );
    // The body repeats the structured fields in other words (bullets, joined lines): show it only
    // when the match is nowhere else.
    if (list.some(([, x]) => x.f !== FIELD_BODY)) list = list.filter(([, x]) => x.f !== FIELD_BODY);
    return list.slice(0, MAX_MATCHES).map(([key, x]) => {
      const label = key.slice(key.indexOf('|') + 1);
      return {
        field: (FIELDS[x.f] === 'question' ? 'script' : FIELDS[x.f]) as MatchField,
        label,
        ...snippetOf(x.text, x.hl),
      };
    });
  }

  // ----- incremental update

  /** Replaces changed versions (by path) and removes deleted ones. */
  update(changed: SearchDocInput[], removedPaths: string[]): void {
    const drop = new Set<string>(removedPaths);
    for (const c of changed) drop.add(c.summary.path ?? c.version.path);
    // Tombstones for the main index; changed files go to a small overlay index.
    const metas = this.core.metas;
    for (let v = 0; v < metas.length; v++) {
      if (drop.has(metas[v].path) && !this.dead?.[v]) {
        this.dead ??= new Uint8Array(metas.length);
        this.dead[v] = 1;
        this.deadCount++;
      }
    }
    this.overlayDocs = this.overlayDocs.filter((d) => !drop.has(d.meta.path));
    for (const c of changed) this.overlayDocs.push(prepareDoc(c.version, c.summary, c.isCurrent));
    this.eligCache = null;
    if (this.overlayDocs.length + this.deadCount > Math.max(OVERLAY_MAX, metas.length / 10)) {
      this.compact();
      return;
    }
    const docs = this.overlayDocs;
    this.overlay = docs.length
      ? new SearchIndex(
          buildCore(docs.length, (i) => docs[i]),
          this.synonyms,
        )
      : null;
  }

  /** Folds tombstones and the overlay into one index again (a full rebuild from stored segments). */
  compact(): void {
    if (this.overlayDocs.length === 0 && this.deadCount === 0) return;
    const { metas, entStart, entField, entLabel, entSeg, labels } = this.core;
    const keptVersions: number[] = [];
    for (let v = 0; v < metas.length; v++) if (!this.dead?.[v]) keptVersions.push(v);
    const extra = this.overlayDocs;
    // Unchanged versions are rebuilt from their stored segments; only changed files were parsed.
    const docAt = (i: number): PreparedDoc => {
      if (i >= keptVersions.length) return extra[i - keptVersions.length];
      const v = keptVersions[i];
      const entries = [];
      for (let e = entStart[v]; e < entStart[v + 1]; e++) {
        entries.push({ field: entField[e], label: labels[entLabel[e]], text: this.segText(entSeg[e]) });
      }
      return { meta: metas[v], entries };
    };
    const fresh = new SearchIndex(buildCore(keptVersions.length + extra.length, docAt), this.synonyms);
    Object.assign(this, fresh);
  }

  // ----- serialization

  serialize(): Uint8Array {
    this.compact();
    const c = this.core;
    const header = JSON.stringify({
      format: INDEX_FORMAT_VERSION,
      metas: c.metas.map((m) => [
        m.id,
        m.path,
        m.title,
        m.archived ? 1 : 0,
        m.archivedAt,
        m.validFrom,
        m.validTo,
        m.isCurrent ? 1 : 0,
        m.category,
      ]),
      labels: c.labels,
    });
    const enc = new TextEncoder();
    const blobs: Uint8Array[] = [
      enc.encode(header),
      utf16(c.segAll),
      utf16(c.vocabAll),
      ...ARRAY_NAMES.map((n) => new Uint8Array(c[n].buffer, c[n].byteOffset, c[n].byteLength)),
    ];
    let total = 12;
    for (const b of blobs) total += 4 + pad4(b.length);
    const out = new Uint8Array(total);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, MAGIC, true);
    dv.setUint32(4, INDEX_FORMAT_VERSION, true);
    dv.setUint32(8, blobs.length, true);
    let o = 12;
    for (const b of blobs) {
      dv.setUint32(o, b.length, true);
      out.set(b, o + 4);
      o += 4 + pad4(b.length);
    }
    return out;
  }

  static deserialize(data: Uint8Array | string, options?: { synonyms?: SynonymTable }): SearchIndex {
    if (typeof data === 'string') throw new Error('search index: expected binary data');
    // Typed-array views need 4-byte alignment; copy once if the buffer is not aligned.
    const buf = data.byteOffset % 4 === 0 ? data : data.slice();
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    if (buf.byteLength < 12 || dv.getUint32(0, true) !== MAGIC) throw new Error('search index: bad magic');
    if (dv.getUint32(4, true) !== INDEX_FORMAT_VERSION) throw new Error('search index: format version mismatch');
    const count = dv.getUint32(8, true);
    if (count !== 3 + ARRAY_NAMES.length) throw new Error('search index: bad layout');
    const blobs: Uint8Array[] = [];
    let o = 12;
    for (let i = 0; i < count; i++) {
      if (o + 4 > buf.byteLength) throw new Error('search index: truncated');
      const len = dv.getUint32(o, true);
      if (o + 4 + len > buf.byteLength) throw new Error('search index: truncated');
      blobs.push(buf.subarray(o + 4, o + 4 + len));
      o += 4 + pad4(len);
    }
    const dec = new TextDecoder('utf-8', { fatal: true });
    const header = JSON.parse(dec.decode(blobs[0])) as { format: number; metas: unknown[][]; labels: string[] };
    const metas: VersionMeta[] = header.metas.map((r) => ({
      id: r[0] as string,
      path: r[1] as string,
      title: r[2] as string,
      archived: r[3] === 1,
      archivedAt: r[4] as string | null,
      validFrom: r[5] as string | null,
      validTo: r[6] as string | null,
      isCurrent: r[7] === 1,
      category: r[8] as string[],
    }));
    const arrays = {} as Record<(typeof ARRAY_NAMES)[number], Uint32Array | Uint8Array>;
    ARRAY_NAMES.forEach((n, i) => {
      const b = blobs[3 + i];
      // Views into the (4-byte aligned) buffer: no copy, the loaded bytes are the index.
      if (n !== 'entField' && b.length % 4 !== 0) throw new Error('search index: bad array block');
      arrays[n] = n === 'entField' ? b : new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
    });
    const core: Core = {
      metas,
      labels: header.labels,
      segAll: fromUtf16(blobs[1]),
      vocabAll: fromUtf16(blobs[2]),
      ...(arrays as unknown as Arrays),
    };
    validate(core);
    return new SearchIndex(core, options?.synonyms);
  }
}

const ARRAY_NAMES = [
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
] as const;

function validate(c: Core): void {
  const nV = c.metas.length;
  const nSeg = c.segOff.length - 1;
  const ok =
    c.entStart.length === nV + 1 &&
    c.entField.length === c.entStart[nV] &&
    c.entSeg.length === c.entField.length &&
    c.refStart.length === nSeg + 1 &&
    c.segOff[nSeg] === c.segAll.length &&
    c.postStart.length === c.keys.length + 1 &&
    c.postStart[c.keys.length] === c.postings.length;
  if (!ok) throw new Error('search index: inconsistent data');
}

/** Raw UTF-16LE: Korean is 2 bytes a character (3 in UTF-8) and decodes at memory speed. */
function utf16(s: string): Uint8Array {
  const u = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return new Uint8Array(u.buffer);
}

const UTF16 = new TextDecoder('utf-16le');

function fromUtf16(b: Uint8Array): string {
  if (b.length % 2) throw new Error('search index: bad text block');
  return UTF16.decode(b);
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

function idf(n: number, df: number): number {
  return Math.log(1 + n / (1 + df));
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function better(v: number, cur: number, score: Float64Array, metas: VersionMeta[]): boolean {
  if (score[v] !== score[cur]) return score[v] > score[cur];
  if (metas[v].isCurrent !== metas[cur].isCurrent) return metas[v].isCurrent;
  const a = metas[v].validFrom ?? '';
  const b = metas[cur].validFrom ?? '';
  return a !== b ? a > b : metas[v].path < metas[cur].path;
}

function splitCategory(s: string): string[] {
  return s
    .normalize('NFC')
    .split(/\s*(?:▶|>|\/)\s*/)
    .map((x) => compact(x))
    .filter((x) => x.length > 0);
}

function categoryHasPrefix(category: string[], prefix: string[]): boolean {
  if (prefix.length > category.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const c = compact(category[i]);
    if (i === prefix.length - 1 ? !c.startsWith(prefix[i]) : c !== prefix[i]) return false;
  }
  return true;
}

function mergeRanges(r: [number, number][]): [number, number][] {
  r.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const x of r) {
    const last = out[out.length - 1];
    if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]);
    else out.push([x[0], x[1]]);
  }
  return out;
}

function snippetOf(text: string, hl: [number, number][]): { snippet: string; highlights: [number, number][] } {
  if (text.length <= SNIPPET_LENGTH) return { snippet: text, highlights: hl };
  const first = hl[0]?.[0] ?? 0;
  let start = Math.max(0, first - SNIPPET_BEFORE);
  const sp = text.lastIndexOf(' ', start);
  if (start > 0 && sp >= 0 && start - sp < 10) start = sp + 1;
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  const pre = start > 0 ? '…' : '';
  const post = end < text.length ? '…' : '';
  const shift = pre.length - start;
  const highlights = hl
    .filter(([a, b]) => a < end && b > start)
    .map(([a, b]) => [Math.max(a, start) + shift, Math.min(b, end) + shift] as [number, number]);
  return { snippet: pre + text.slice(start, end) + post, highlights };
}
