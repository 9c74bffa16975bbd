/**
 * The scorer: from a query's groups (groups.ts) to the best version per guide.
 *
 * Per group and version: the best field weight of a matching entry × the alternative's weight,
 * + 0.15 per further matching entry (at most 8), × the group's idf. With `all` (AND) every group
 * must match, rarest first; after the first group only its candidates are looked at. Without
 * (OR, the fallback when AND finds nothing) the rare groups score whatever they match. Bonuses:
 * the whole query as one phrase inside a segment, and a title covered by the query.
 *
 * Hot paths, reached by the queries that cost the most:
 * - a very common first term (over COMMON_REFS references) is evaluated in tiers and stops once
 *   it has enough versions (`visitTiered`);
 * - at most MAX_CANDIDATES versions carry a very common first term into the next terms, cut
 *   at the k-th best score by selection (`keepStrongest`, `kthBestScore`);
 * - few candidates left: the next group is checked per candidate against a segment bitset
 *   (`walkCandidates`) instead of walking the group's references;
 * - many guides found: the top `limit` are cut at the k-th best score before sorting
 *   (`bestPerGuide`).
 *
 * Why the hot loops are small methods of one class, each taking its arrays as parameters: the
 * reference walks, the per-candidate walk, the tiered walk, group scoring and the phrase bonus
 * each stay small and monomorphic, so they stay optimised while the bigger `evaluate` is not.
 * Measured on this machine (2026-11, Node 20, `npm run bench -- --sizes 20000`): TurboFan took
 * 50–140 ms to recompile `evaluate` after a deopt when those loops were inlined in it; meanwhile
 * they ran in baseline code and five-word queries took 2.5 ms instead of 0.3 ms in the
 * benchmark's query sequence. Keep them separate, and keep their argument types fixed.
 */
import type { GroupHits } from './groups';
import { segmentCount, type IndexLayout } from './layout';
import { matchSegments } from './postings';
import { FIELD_TITLE, FIELD_WEIGHT, type VersionMeta } from './prepare';
import type { QueryPlan } from './query';
import { TIER_OTHER, TIER_POLICY, TIER_STRONG, type ShardTables } from './tables';

/** A first term whose segments have more references than this is evaluated in tiers. */
const COMMON_REFS = 40000;
/** Candidates carried from a very common first term into the next terms. */
const MAX_CANDIDATES = 1000;
/** The tiered walk stops once it has this many versions per result asked for. */
const TIER_ENOUGH_PER_RESULT = 5;
/** Beyond this many guides per result asked for, the top-k is cut by selection before sorting. */
const SELECT_ABOVE_PER_RESULT = 4;

export class Scorer {
  /** Per version: the score of the last evaluation (meaningful for its candidates only). */
  readonly score: Float64Array;
  // Per-version scratch, valid where the epoch stamp matches (no clearing between queries).
  /** Candidate stamp: `mark[v] === candEpoch` while v is a candidate. */
  private readonly mark: Int32Array;
  /** Group stamp and, for the stamped versions, best weight, matching entries, title matched. */
  private readonly gMark: Int32Array;
  private readonly gBest: Float64Array;
  private readonly gCount: Uint16Array;
  private readonly gTitle: Int32Array;
  /** Per version: groups that matched its title. */
  private readonly titleHits: Uint8Array;
  // Per-guide scratch for bestPerGuide.
  private readonly guideMark: Int32Array;
  private readonly guideBest: Uint32Array;
  // Per-segment scratch for walkCandidates: a bitset and positions into the group's lists.
  private readonly segBits: Uint32Array;
  private readonly segPos: Uint32Array;
  private epoch = 0;

  constructor(
    private readonly layout: IndexLayout,
    private readonly tables: ShardTables,
  ) {
    const n = layout.metas.length;
    this.mark = new Int32Array(n);
    this.score = new Float64Array(n);
    this.gBest = new Float64Array(n);
    this.gCount = new Uint16Array(n);
    this.gMark = new Int32Array(n);
    this.gTitle = new Int32Array(n);
    this.titleHits = new Uint8Array(n);
    this.guideMark = new Int32Array(tables.guideCount);
    this.guideBest = new Uint32Array(tables.guideCount);
    const nSeg = segmentCount(layout);
    this.segBits = new Uint32Array((nSeg + 31) >>> 5);
    this.segPos = new Uint32Array(nSeg);
  }

  /**
   * Scores eligible versions. With `all`, a version must match every group (AND); otherwise any
   * (OR), scored by what it matched. Returns the candidate version ids; their scores are in
   * `score`. `currentOnly`: the filter admits current versions only (walks fewer references).
   */
  evaluate(
    groups: GroupHits[],
    plan: QueryPlan,
    elig: Uint8Array,
    all: boolean,
    limit: number,
    currentOnly: boolean,
  ): number[] {
    const order = this.groupOrder(groups, all);
    if (order === null) return [];
    const { refStart, entStart, entSeg } = this.layout;
    const avgEnt = entSeg.length / Math.max(1, entStart.length - 1);
    const candEpoch = ++this.epoch;
    let cands: number[] = [];
    const walk = currentOnly ? this.tables.currentRefs : this.tables.allRefs;
    const vStart = walk.start;
    const vVer = walk.ver;
    const vField = walk.field;
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
      } else if (all && first && refCount > COMMON_REFS) {
        this.visitTiered(g, limit * TIER_ENOUGH_PER_RESULT, ge, elig, vStart, vVer, vField, touched);
      } else {
        const needMark = all && !first;
        for (let i = 0; i < g.segs.length; i++)
          this.visitSeg(g.segs[i], g.weights[i], ge, needMark, candEpoch, elig, vStart, vVer, vField, touched);
      }
      if (all) {
        const next = this.addGroupScores(touched, g.idf, ge, first, candEpoch);
        // Drop candidates that missed this group.
        if (!first) for (const v of cands) if (this.gMark[v] !== ge) this.mark[v] = 0;
        cands = next;
        if (cands.length === 0) return [];
        // Very common first term: keep the strongest candidates for the remaining terms.
        if (first && cands.length > MAX_CANDIDATES && order.length > 1) cands = this.keepStrongest(cands);
      } else this.addAnyGroupScores(touched, g.idf, ge, candEpoch, cands);
      first = false;
    }
    this.addBonuses(cands, groups, plan, candEpoch, vStart, vVer, vField);
    return cands;
  }

  /** The best version per guide among the candidates, best first, at most `limit`. */
  bestPerGuide(cands: number[], limit: number): number[] {
    const metas = this.layout.metas;
    const guideOf = this.tables.guideOf;
    const ge = ++this.epoch;
    const winners: number[] = [];
    for (const v of cands) {
      const g = guideOf[v];
      if (this.guideMark[g] !== ge) {
        this.guideMark[g] = ge;
        this.guideBest[g] = v;
        winners.push(g);
      } else if (better(v, this.guideBest[g], this.score, metas)) this.guideBest[g] = v;
    }
    let best = winners.map((g) => this.guideBest[g]);
    if (best.length > limit * SELECT_ABOVE_PER_RESULT) {
      // Only the top `limit` need ordering: cut at the limit-th best score first.
      const cut = kthBestScore(this.score, best, limit, this.tables.selectionBuffer);
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

  /** Groups in evaluation order, rarest first; null when AND cannot match (an empty group). */
  private groupOrder(groups: GroupHits[], all: boolean): number[] | null {
    const order = groups.map((_, i) => i).sort((a, b) => groups[a].segs.length - groups[b].segs.length);
    if (all) return order.some((i) => groups[i].segs.length === 0) ? null : order;
    // Any-term fallback: very common terms alone say little and cost the most; keep the rare ones.
    const nSeg = segmentCount(this.layout);
    const rare = order.filter((i) => groups[i].segs.length > 0 && groups[i].segs.length <= nSeg * 0.02);
    if (rare.length) return rare;
    const firstNonEmpty = order.find((i) => groups[i].segs.length > 0);
    return firstNonEmpty !== undefined ? [firstNonEmpty] : [];
  }

  /** The MAX_CANDIDATES strongest candidates (ties at the cut: the first found, `cands` order). */
  private keepStrongest(cands: number[]): number[] {
    const cut = kthBestScore(this.score, cands, MAX_CANDIDATES, this.tables.selectionBuffer);
    const kept: number[] = [];
    for (const v of cands) {
      if (this.score[v] >= cut && kept.length < MAX_CANDIDATES) kept.push(v);
      else this.mark[v] = 0;
    }
    return kept;
  }

  /**
   * Adds segment s's references to the group scratch (best weight, count, title) of eligible
   * versions; with needMark only of current candidates.
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
    const { entStart, entSeg, entField } = this.layout;
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
        // The same per-reference update as in visitSeg, written out in this inner loop too.
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

  /**
   * A very common first term, in tiers (tables.ts, `segTiers`): strong fields, policies, other
   * fields, boilerplate sentences shared by many versions (they tell guides apart least and
   * cost the most). One pass visits the strong tier and queues the others' positions, in order;
   * later tiers run only while fewer than `enough` versions were found.
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
    const segTier = this.tables.segTiers;
    const [q1, q2, q3] = this.tables.tierQueues;
    let n1 = 0;
    let n2 = 0;
    let n3 = 0;
    const segs = g.segs;
    const ws = g.weights;
    // Imported bindings are property reads (getters in tsx's CommonJS output, which the bench and
    // the tests run): read once here, not per segment. Read in the loop, they made the bench's
    // `common` queries ~1.3× slower at 20k (in-process A/B against the previous code).
    const strong = TIER_STRONG;
    const policy = TIER_POLICY;
    const other = TIER_OTHER;
    for (let i = 0; i < segs.length; i++) {
      const t = segTier[segs[i]];
      if (t === strong) this.visitSeg(segs[i], ws[i], ge, false, 0, elig, vStart, vVer, vField, touched);
      else if (t === policy) q1[n1++] = i;
      else if (t === other) q2[n2++] = i;
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

  /** OR pass: adds one group's contribution; versions not yet candidates join `cands`. */
  private addAnyGroupScores(touched: number[], idfG: number, ge: number, candEpoch: number, cands: number[]): void {
    const { gBest, gCount, gTitle, mark, score, titleHits } = this;
    for (const v of touched) {
      const add = idfG * (gBest[v] + 0.15 * Math.min(gCount[v] - 1, 8));
      if (mark[v] !== candEpoch) {
        mark[v] = candEpoch;
        score[v] = add;
        titleHits[v] = gTitle[v] === ge ? 1 : 0;
        cands.push(v);
      } else {
        score[v] += add;
        if (gTitle[v] === ge) titleHits[v]++;
      }
    }
  }

  /** Bonuses: the whole query as one phrase in a segment; the title covered by the query. */
  private addBonuses(
    cands: number[],
    groups: GroupHits[],
    plan: QueryPlan,
    candEpoch: number,
    vStart: Uint32Array,
    vVer: Uint32Array,
    vField: Uint8Array,
  ): void {
    const idfSum = groups.reduce((a, g) => a + g.idf, 0);
    if (plan.phrase && groups.length > 1) {
      const ps = matchSegments(this.layout, plan.phrase);
      const pe = ++this.epoch;
      this.addPhraseBonus(ps, pe, candEpoch, 0.8 * idfSum, vStart, vVer, vField);
    }
    const qlen = plan.groups.reduce((a, g) => a + g.display.length, 0);
    for (const v of cands) {
      if (this.titleHits[v] >= groups.length) {
        const tl = Math.max(1, this.tables.titleLengths[v]);
        this.score[v] += idfSum * 3 * Math.min(1, qlen / tl);
      }
    }
  }

  /**
   * The whole query inside one segment: a bonus per candidate, once, weighted by the field of
   * the first such reference met (segments in id order).
   */
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
}

/**
 * The k-th largest score among versions vs (1 ≤ k ≤ vs.length), by quickselect over a copy in
 * `buf` (at least vs.length long): no full sort.
 */
export function kthBestScore(score: Float64Array, vs: number[], k: number, buf: Float64Array): number {
  const a = buf;
  const n = vs.length;
  for (let i = 0; i < n; i++) a[i] = score[vs[i]];
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

/** Whether version v beats version cur of the same guide: score, then current, newest, path. */
function better(v: number, cur: number, score: Float64Array, metas: VersionMeta[]): boolean {
  if (score[v] !== score[cur]) return score[v] > score[cur];
  if (metas[v].isCurrent !== metas[cur].isCurrent) return metas[v].isCurrent;
  const a = metas[v].validFrom ?? '';
  const b = metas[cur].validFrom ?? '';
  return a !== b ? a > b : metas[v].path < metas[cur].path;
}
