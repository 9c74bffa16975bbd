/**
 * Query groups resolved against one shard: a group (one query term with its alternatives —
 * synonyms, expansions, typo fixes, each with a weight) becomes the segments matching any
 * alternative, each with the weight of its best alternative, and the group's idf.
 */
import { segmentCount, type IndexLayout } from './layout';
import { EMPTY, matchSegments } from './postings';
import type { Alternative } from './query';
import type { ShardTables } from './tables';

export interface GroupHits {
  /** Segments matching any alternative: ascending, distinct. */
  segs: Uint32Array;
  /** Weight of the best alternative per segment (parallel to segs). */
  weights: Float32Array;
  /** ln(1 + segments / (1 + matching segments)); an overlay takes the main index's (see shard.ts). */
  idf: number;
  /** The alternatives' texts (for highlighting). */
  alts: string[];
  /** Every segment has the same weight (one alternative matched). */
  uniform: boolean;
}

export function idf(n: number, df: number): number {
  return Math.log(1 + n / (1 + df));
}

export function groupHits(
  layout: IndexLayout,
  tables: ShardTables,
  alts: Alternative[],
  cache: Map<string, Uint32Array>,
): GroupHits {
  const lists: Uint32Array[] = [];
  const ws: number[] = [];
  for (const a of alts) {
    const l = matchSegments(layout, a.text, cache);
    if (l.length) {
      lists.push(l);
      ws.push(a.weight);
    }
  }
  const nSeg = segmentCount(layout);
  const texts = alts.map((a) => a.text);
  if (lists.length === 0) return { segs: EMPTY, weights: new Float32Array(0), idf: 0, alts: texts, uniform: true };
  if (lists.length === 1) {
    const weights = tables.uniformWeights(ws[0], lists[0].length);
    return { segs: lists[0], weights, idf: idf(nSeg, lists[0].length), alts: texts, uniform: true };
  }
  // Merge, keeping the best weight per segment: linear merges, smallest lists first.
  const idx = lists.map((_, i) => i).sort((a, b) => lists[a].length - lists[b].length);
  let segs = lists[idx[0]];
  let weights = tables.uniformWeights(ws[idx[0]], segs.length);
  for (let k = 1; k < idx.length; k++) {
    const merged = mergeWeighted(segs, weights, lists[idx[k]], ws[idx[k]]);
    segs = merged.segs;
    weights = merged.weights;
  }
  return { segs, weights, idf: idf(nSeg, segs.length), alts: texts, uniform: false };
}

/** Union of two segment lists; a segment in both keeps the larger weight. */
function mergeWeighted(
  segs: Uint32Array,
  weights: Float32Array,
  b: Uint32Array,
  wb: number,
): { segs: Uint32Array; weights: Float32Array } {
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
  return { segs: outS.subarray(0, n), weights: outW.subarray(0, n) };
}
