/**
 * A shard: one immutable layout with what answers queries over it — derived tables, the
 * vocabulary and the scorer — plus tombstones for versions replaced or removed since it was
 * built. A `SearchIndex` (index.ts) is a main shard and, after updates, a small overlay shard.
 */
import type { SearchOptions, SearchResult } from '../../../shared/search';
import { currentOnly, eligibleVersions, filterKey } from './filters';
import { groupHits, type GroupHits } from './groups';
import { versionCount, type IndexLayout } from './layout';
import { resultOf } from './matches';
import { matchSegments } from './postings';
import type { QueryPlan } from './query';
import { Scorer } from './scorer';
import { ShardTables } from './tables';
import { Vocabulary } from './vocabulary';

/** One shard's answer to a plan: its resolved groups and its best version per guide, best first. */
export interface RunResult {
  groups: GroupHits[];
  best: number[];
}

export class Shard {
  readonly tables: ShardTables;
  readonly vocabulary: Vocabulary;
  readonly scorer: Scorer;
  /** Per version: 1 once replaced or removed by an update (null until the first). */
  private dead: Uint8Array | null = null;
  private deadCountValue = 0;

  constructor(readonly layout: IndexLayout) {
    this.tables = new ShardTables(layout);
    this.vocabulary = new Vocabulary(layout, this.tables);
    this.scorer = new Scorer(layout, this.tables);
  }

  /** Versions stored, tombstones included. */
  get versions(): number {
    return versionCount(this.layout);
  }

  get deadCount(): number {
    return this.deadCountValue;
  }

  /** Live versions. */
  get size(): number {
    return this.versions - this.deadCountValue;
  }

  isDead(v: number): boolean {
    return this.dead !== null && this.dead[v] === 1;
  }

  /** Tombstones every version whose path is in `paths`. */
  remove(paths: ReadonlySet<string>): void {
    const metas = this.layout.metas;
    for (let v = 0; v < metas.length; v++) {
      if (paths.has(metas[v].path) && !this.dead?.[v]) {
        this.dead ??= new Uint8Array(metas.length);
        this.dead[v] = 1;
        this.deadCountValue++;
      }
    }
    this.tables.forgetEligibility();
  }

  /** How many segments contain the compact term (the front-end's "is it in the index?"). */
  frequency(term: string, cache: Map<string, Uint32Array>): number {
    return matchSegments(this.layout, term, cache).length;
  }

  /**
   * Scores this shard's versions for a plan. `idfFrom`: term weights of another shard to use
   * instead of this one's (an overlay scores with the main index's, so that a changed file's
   * scores compare with the rest).
   */
  run(
    plan: QueryPlan,
    options: SearchOptions,
    limit: number,
    cache: Map<string, Uint32Array>,
    idfFrom: GroupHits[] | null,
  ): RunResult {
    const elig = this.tables.eligibility(filterKey(options), () =>
      eligibleVersions(this.layout.metas, options, this.dead),
    );
    const groups = plan.groups.map((g) => groupHits(this.layout, this.tables, g.alts, cache));
    if (idfFrom) groups.forEach((g, i) => (g.idf = idfFrom[i].idf || g.idf));
    const current = currentOnly(options);
    let cands = this.scorer.evaluate(groups, plan, elig, true, limit, current);
    if (cands.length === 0 && groups.length > 1)
      cands = this.scorer.evaluate(groups, plan, elig, false, limit, current);
    return { groups, best: this.scorer.bestPerGuide(cands, limit) };
  }

  /** The public result for version v of the last `run` (its score is still in the scorer). */
  resultOf(v: number, run: RunResult, plan: QueryPlan): SearchResult {
    return resultOf(this.layout, v, this.scorer.score[v], run.groups, plan);
  }
}
