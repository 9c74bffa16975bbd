/**
 * GuideDesk search: a syllable-bigram inverted index over the deduplicated sentences of guide
 * versions, with a Korean query front-end, answering with guides (the best version of each).
 * Pure: no Electron, no I/O. This façade is the only module the rest of the app imports.
 *
 *     SearchIndex.build(docs, { synonyms? })         index.search(query, options?) → SearchResponse
 *     SearchIndex.deserialize(bytes, { synonyms? })  index.serialize() → Uint8Array
 *     index.update(changed, removedPaths)            index.compact()
 *     index.interpret(query) → string[]              index.size    index.setSynonyms(table)
 *     parseSynonyms(text) → SynonymTable             INDEX_FORMAT_VERSION
 *
 * The rooms behind it, in the order a query meets them (docs/search.md describes each):
 * query.ts (front-end: plan of term groups) over hangul.ts and synonyms.ts; vocabulary.ts
 * (expansions); postings.ts (term → segments); groups.ts (alternatives merged); filters.ts;
 * scorer.ts; matches.ts (labels, snippets). The data: prepare.ts (guide → entries), build.ts
 * (entries → layout), layout.ts (the arrays, documented as a contract), tables.ts (what is
 * derived from them, including every lazy cache), codec.ts (persistence), shard.ts (one layout
 * with its tables, vocabulary and scorer).
 */
import type { SearchOptions, SearchResponse } from '../../../shared/search';
import { buildLayout, storedDoc } from './build';
import { decodeLayout, encodeLayout } from './codec';
import { prepareDoc, type PreparedDoc, type SearchDocInput } from './prepare';
import { planQuery, type QueryContext } from './query';
import { Shard, type RunResult } from './shard';
import type { SynonymTable } from './synonyms';

export type {
  ArchivedFilter,
  MatchField,
  SearchMatch,
  SearchOptions,
  SearchResponse,
  SearchResult,
} from '../../../shared/search';
export type { SearchDocInput } from './prepare';
export { INDEX_FORMAT_VERSION } from './codec';
export { parseSynonyms, emptySynonyms, type SynonymTable } from './synonyms';

const DEFAULT_LIMIT = 20;
/** Changed files kept in the overlay before update() compacts into one index. */
const OVERLAY_MAX = 256;

interface Ranked {
  src: Shard;
  v: number;
  score: number;
  run: RunResult;
}

export class SearchIndex {
  /** Changed files since the last build, prepared, and indexed on their own in `overlay`. */
  private overlayDocs: PreparedDoc[] = [];
  private overlay: Shard | null = null;

  private constructor(
    private main: Shard,
    private synonyms: SynonymTable | undefined,
  ) {}

  static build(docs: SearchDocInput[], options?: { synonyms?: SynonymTable }): SearchIndex {
    const layout = buildLayout(docs.length, (i) => prepareDoc(docs[i].version, docs[i].summary, docs[i].isCurrent));
    return new SearchIndex(new Shard(layout), options?.synonyms);
  }

  /** Loads what `serialize` wrote; throws on truncated, foreign or inconsistent data. */
  static deserialize(data: Uint8Array | string, options?: { synonyms?: SynonymTable }): SearchIndex {
    return new SearchIndex(new Shard(decodeLayout(data)), options?.synonyms);
  }

  /** Number of indexed guide versions. */
  get size(): number {
    return this.main.size + (this.overlay?.size ?? 0);
  }

  setSynonyms(synonyms: SynonymTable | undefined): void {
    this.synonyms = synonyms;
  }

  /** How a query would be understood (for display), without searching. */
  interpret(raw: string): string[] {
    return planQuery(raw, this.context(new Map(), new Map())).interpretedAs;
  }

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
    const main = this.main.run(plan, options, limit, cache, null);
    const ranked: Ranked[] = main.best.map((v) => ({ src: this.main, v, score: this.main.scorer.score[v], run: main }));
    if (this.overlay)
      this.mergeOverlay(ranked, this.overlay, this.overlay.run(plan, options, limit, ovCache, main.groups));
    response.results = ranked.slice(0, limit).map((r) => r.src.resultOf(r.v, r.run, plan));
    response.tookMs = round(performance.now() - t0);
    return response;
  }

  /**
   * Changed versions (by path) replace their old copies; removed paths go. The old copies become
   * tombstones in the main shard and the changed files are indexed on their own in a small
   * overlay, until there are too many of either and everything is compacted into one shard.
   */
  update(changed: SearchDocInput[], removedPaths: string[]): void {
    const drop = new Set<string>(removedPaths);
    for (const c of changed) drop.add(c.summary.path ?? c.version.path);
    this.main.remove(drop);
    this.overlayDocs = this.overlayDocs.filter((d) => !drop.has(d.meta.path));
    for (const c of changed) this.overlayDocs.push(prepareDoc(c.version, c.summary, c.isCurrent));
    if (this.overlayDocs.length + this.main.deadCount > Math.max(OVERLAY_MAX, this.main.versions / 10)) {
      this.compact();
      return;
    }
    const docs = this.overlayDocs;
    this.overlay = docs.length ? new Shard(buildLayout(docs.length, (i) => docs[i])) : null;
  }

  /** Folds tombstones and the overlay into one shard again (a rebuild from stored segments). */
  compact(): void {
    if (this.overlayDocs.length === 0 && this.main.deadCount === 0) return;
    const main = this.main;
    const kept: number[] = [];
    for (let v = 0; v < main.versions; v++) if (!main.isDead(v)) kept.push(v);
    const extra = this.overlayDocs;
    // Unchanged versions are rebuilt from their stored segments; only changed files were parsed.
    const docAt = (i: number): PreparedDoc =>
      i >= kept.length ? extra[i - kept.length] : storedDoc(main.layout, kept[i]);
    this.main = new Shard(buildLayout(kept.length + extra.length, docAt));
    this.overlay = null;
    this.overlayDocs = [];
  }

  /** The whole index as bytes (compacted first): see codec.ts for the format. */
  serialize(): Uint8Array {
    this.compact();
    return encodeLayout(this.main.layout);
  }

  /** What the query front-end asks of the index: both shards, expansions merged. */
  private context(cache: Map<string, Uint32Array>, ovCache: Map<string, Uint32Array>): QueryContext {
    const main = this.main;
    const ov = this.overlay;
    const merge = (a: string[], b: string[] | undefined, limit: number) =>
      b ? [...new Set([...a, ...b])].slice(0, limit) : a;
    return {
      frequency: (t) => main.frequency(t, cache) + (ov ? ov.frequency(t, ovCache) : 0),
      expandChoseong: (c, l) => merge(main.vocabulary.expandChoseong(c, l), ov?.vocabulary.expandChoseong(c, l), l),
      expandPattern: (src, l) => merge(main.vocabulary.expandPattern(src, l), ov?.vocabulary.expandPattern(src, l), l),
      typoCandidates: (t, l) => merge(main.vocabulary.typoCandidates(t, l), ov?.vocabulary.typoCandidates(t, l), l),
      synonyms: this.synonyms,
    };
  }

  /**
   * Merges the overlay's best versions into the main ones, by guide id: the better of the two
   * stays (a tie goes to a current version), then everything is re-sorted (score, then title).
   */
  private mergeOverlay(ranked: Ranked[], overlay: Shard, ov: RunResult): void {
    const byId = new Map<string, number>();
    ranked.forEach((r, i) => byId.set(r.src.layout.metas[r.v].id, i));
    const metas = overlay.layout.metas;
    for (const v of ov.best) {
      const r: Ranked = { src: overlay, v, score: overlay.scorer.score[v], run: ov };
      const at = byId.get(metas[v].id);
      if (at === undefined) ranked.push(r);
      else if (r.score > ranked[at].score || (r.score === ranked[at].score && metas[v].isCurrent)) ranked[at] = r;
    }
    ranked.sort((x, y) => y.score - x.score || cmpStr(x.src.layout.metas[x.v].title, y.src.layout.metas[y.v].title));
  }
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
