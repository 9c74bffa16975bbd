/**
 * Derived tables: everything a shard computes from its layout, never persisted. This is the one
 * place that holds them. Tables "built with the shard" are made when an index is built or loaded
 * and are in the benchmark's retained-memory figure. Tables "built on first use" are made by the
 * first query that needs them (a lazy slot each, declared together below) and are not in that
 * figure: about 6–7 MB at 20k versions with the default filter, plus ~5 MB of per-reference
 * arrays once an archived or `asOf` filter is used. None of them changes a score or a result;
 * they only cut the work per query (docs/search.md, "Query-time tables").
 */
import { choseongOf, compact, jamoOf } from './hangul';
import { segmentCount, versionCount, type IndexLayout } from './layout';
import { bigramKey, lowerBound } from './postings';
import { FIELD_POLICY } from './prepare';

/** Per segment, the (version, field) of its references laid out sequentially (CSR by segment). */
export interface RefWalk {
  /** Per segment (length segments + 1): its references are `[start[s], start[s + 1])`. */
  start: Uint32Array;
  /** Per reference: the version of the entry. */
  ver: Uint32Array;
  /** Per reference: the field of the entry. */
  field: Uint8Array;
}

/** Positions of each adjacent character pair of a string, CSR by sorted pair key. */
export interface PairPositions {
  /** Distinct pair keys (`bigramKey`), ascending. */
  keys: Uint32Array;
  /** Per key (length keys + 1): its positions are `pos[start[k]…start[k + 1])`. */
  start: Uint32Array;
  /** Start offsets of the pairs, ascending within a key. */
  pos: Uint32Array;
}

/** For typo candidates: each vocabulary word in jamo, and the words that contain a syllable. */
export interface JamoTables {
  /** Per word: `jamoOf(word)`. */
  jamo: string[];
  /** Syllable (or other character) → ids of the words containing it, ascending. */
  bySyllable: Map<string, number[]>;
}

/** Segment tiers for a very common first term (see scorer.ts, `visitTiered`). */
export const TIER_STRONG = 0;
export const TIER_POLICY = 1;
export const TIER_OTHER = 2;
const TIER_BOILERPLATE = 3;

/** Distinct weights whose pre-filled arrays are kept (`uniformWeights`); more allocate per call. */
const UNIFORM_WEIGHTS_KEPT = 8;

export class ShardTables {
  // ----- built with the shard

  /** Per version: its guide number (guide ids numbered in first-seen order). */
  readonly guideOf: Uint32Array;
  readonly guideCount: number;
  /** Per word: offset of its first character in `vocabAll` (after each `'\n'`), ascending. */
  readonly vocabStarts: Uint32Array;
  /** `vocabAll` with each syllable replaced by its 초성 (same offsets, same `'\n'` separators). */
  readonly vocabChoseong: string;
  /** Per segment: the strongest field (lowest field number) among the entries using it. */
  readonly segBestField: Uint8Array;

  // ----- built on first use (lazy slots: null until the first query that needs them)

  /** Per entry: its version (length entries). */
  private entVersionSlot: Uint32Array | null = null;
  /** References of current versions only (what the default filter walks). */
  private currentRefsSlot: RefWalk | null = null;
  /** Version and field of every reference (archived and `asOf` filters). */
  private allRefsSlot: RefWalk | null = null;
  /** Per segment: its tier (TIER_*). */
  private segTiersSlot: Uint8Array | null = null;
  /** Per version: length of the compact title, capped at 65535. */
  private titleLengthsSlot: Uint16Array | null = null;
  /** Pair positions in `vocabChoseong` (초성 expansion). */
  private choseongPairsSlot: PairPositions | null = null;
  /** Jamo forms of the vocabulary (typo candidates). */
  private jamoSlot: JamoTables | null = null;
  /** Weight → a read-only array of segments-many copies of it. */
  private readonly uniformWeightsSlot = new Map<number, Float32Array>();
  /** Scratch: the tier queues (tiers 1, 2, 3), segments-many positions each. */
  private tierQueuesSlot: Uint32Array[] | null = null;
  /** Scratch: versions-many scores for k-th best selection. */
  private selectionSlot: Float64Array | null = null;
  /** The eligibility of the last filter used (one filter at a time: a counselor's session). */
  private eligibilitySlot: { key: string; elig: Uint8Array } | null = null;

  constructor(private readonly layout: IndexLayout) {
    const n = versionCount(layout);
    const ids = new Map<string, number>();
    this.guideOf = new Uint32Array(n);
    layout.metas.forEach((m, v) => {
      let g = ids.get(m.id);
      if (g === undefined) {
        g = ids.size;
        ids.set(m.id, g);
      }
      this.guideOf[v] = g;
    });
    this.guideCount = ids.size;
    const starts: number[] = [];
    const va = layout.vocabAll;
    for (let i = 0; i < va.length - 1; i++) if (va.charCodeAt(i) === 10) starts.push(i + 1);
    this.vocabStarts = Uint32Array.from(starts);
    this.vocabChoseong = choseongOf(va);
    const nSeg = segmentCount(layout);
    this.segBestField = new Uint8Array(nSeg).fill(255);
    const { entSeg, entField } = layout;
    for (let e = 0; e < entSeg.length; e++) {
      const sg = entSeg[e];
      if (entField[e] < this.segBestField[sg]) this.segBestField[sg] = entField[e];
    }
  }

  /** Vocabulary word i. */
  word(i: number): string {
    const s = this.vocabStarts[i];
    return this.layout.vocabAll.substring(s, this.layout.vocabAll.indexOf('\n', s));
  }

  get entVersion(): Uint32Array {
    if (this.entVersionSlot) return this.entVersionSlot;
    const { entStart } = this.layout;
    const n = entStart.length - 1;
    const out = new Uint32Array(entStart[n]);
    for (let v = 0; v < n; v++) out.fill(v, entStart[v], entStart[v + 1]);
    return (this.entVersionSlot = out);
  }

  /**
   * Per segment, the (version, field) of its entries in current versions only: the default
   * filter walks these instead of all references, so it neither touches archived versions nor
   * jumps through entry → version lookups. Same order as `refs` restricted to current versions,
   * so scores are identical to a walk over all references.
   */
  get currentRefs(): RefWalk {
    if (this.currentRefsSlot) return this.currentRefsSlot;
    const { refStart, refs, entField, metas } = this.layout;
    const entVersion = this.entVersion;
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
    return (this.currentRefsSlot = { start, ver, field });
  }

  /** Every reference's (version, field), parallel to `refs` (start is the layout's `refStart`). */
  get allRefs(): RefWalk {
    if (this.allRefsSlot) return this.allRefsSlot;
    const { refs, refStart, entField } = this.layout;
    const entVersion = this.entVersion;
    const ver = new Uint32Array(refs.length);
    for (let r = 0; r < refs.length; r++) ver[r] = entVersion[refs[r]];
    const field = new Uint8Array(refs.length);
    for (let r = 0; r < refs.length; r++) field[r] = entField[refs[r]];
    return (this.allRefsSlot = { start: refStart, ver, field });
  }

  /**
   * Evaluation tier per segment for very common terms: TIER_STRONG (title, category, response
   * steps), TIER_POLICY, TIER_OTHER (question, scripts, body), TIER_BOILERPLATE (a segment used
   * by more than 1% of the versions, at least 64 entries: it tells guides apart least).
   */
  get segTiers(): Uint8Array {
    if (this.segTiersSlot) return this.segTiersSlot;
    const { refStart } = this.layout;
    const nSeg = refStart.length - 1;
    const boiler = Math.max(64, Math.ceil(versionCount(this.layout) / 100));
    const policy = FIELD_POLICY; // an imported binding: read once, not per segment
    const out = new Uint8Array(nSeg);
    for (let s = 0; s < nSeg; s++) {
      const f = this.segBestField[s];
      out[s] =
        refStart[s + 1] - refStart[s] > boiler
          ? TIER_BOILERPLATE
          : f < policy
            ? TIER_STRONG
            : f === policy
              ? TIER_POLICY
              : TIER_OTHER;
    }
    return (this.segTiersSlot = out);
  }

  get titleLengths(): Uint16Array {
    return (this.titleLengthsSlot ??= new Uint16Array(
      this.layout.metas.map((m) => Math.min(65535, compact(m.title).length)),
    ));
  }

  /**
   * Positions of each adjacent pair of characters in `vocabChoseong`. A 초성 string is almost
   * all of a dozen frequent consonants, so a plain indexOf scan for `ㄱㄷㄱㄷ` stops at nearly
   * every character; the rarest pair of the query narrows it down.
   */
  get choseongPairs(): PairPositions {
    if (this.choseongPairsSlot) return this.choseongPairsSlot;
    const all = this.vocabChoseong;
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
    return (this.choseongPairsSlot = { keys, start, pos });
  }

  get jamoTables(): JamoTables {
    if (this.jamoSlot) return this.jamoSlot;
    const n = this.vocabStarts.length;
    const jamo = new Array<string>(n);
    const bySyllable = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const w = this.word(i);
      jamo[i] = jamoOf(w);
      const seen = new Set<string>();
      for (const ch of w) {
        if (seen.has(ch)) continue;
        seen.add(ch);
        const list = bySyllable.get(ch);
        if (list) list.push(i);
        else bySyllable.set(ch, [i]);
      }
    }
    return (this.jamoSlot = { jamo, bySyllable });
  }

  /** A read-only view of n copies of w (shared: a frequent term does not allocate its weights). */
  uniformWeights(w: number, n: number): Float32Array {
    let a = this.uniformWeightsSlot.get(w);
    if (!a) {
      if (this.uniformWeightsSlot.size >= UNIFORM_WEIGHTS_KEPT) return new Float32Array(n).fill(w);
      a = new Float32Array(segmentCount(this.layout)).fill(w);
      this.uniformWeightsSlot.set(w, a);
    }
    return a.subarray(0, n);
  }

  /** Scratch for the tier queues (tiers 1, 2, 3): up to segments-many positions each. */
  get tierQueues(): Uint32Array[] {
    const n = segmentCount(this.layout);
    return (this.tierQueuesSlot ??= [new Uint32Array(n), new Uint32Array(n), new Uint32Array(n)]);
  }

  /** Scratch for k-th best selection: room for one score per version. */
  get selectionBuffer(): Float64Array {
    return (this.selectionSlot ??= new Float64Array(versionCount(this.layout)));
  }

  /** The eligibility for a filter key, computed by `compute` unless it was the last one used. */
  eligibility(key: string, compute: () => Uint8Array): Uint8Array {
    if (this.eligibilitySlot?.key === key) return this.eligibilitySlot.elig;
    const elig = compute();
    this.eligibilitySlot = { key, elig };
    return elig;
  }

  /** Forgets the cached eligibility (the tombstones changed). */
  forgetEligibility(): void {
    this.eligibilitySlot = null;
  }
}
