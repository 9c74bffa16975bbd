/**
 * Search index lifecycle (Node, no Electron): build off the main thread when a worker script is
 * given (inline otherwise, for tests and the CLI), persist the serialized index in a cache folder
 * keyed by the content fingerprint and the index format version, reload it when the content is
 * unchanged, set a corrupt cache aside and rebuild, and apply per-file changes.
 *
 * While a build runs, `search` answers from what is ready (the previous index, or the worker's
 * partial index of current versions) and marks the response `indexing: true`.
 *
 * Lifecycle (see lifecycle.ts): `start()` acquires nothing (a worker lives only while a build
 * runs, the cache is read by `load`); `dispose()` terminates a running build's worker, and from
 * then on `load` and `applyChanges` do nothing.
 */
import { createHash } from 'node:crypto';
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  INDEX_FORMAT_VERSION,
  SearchIndex,
  parseSynonyms,
  type SearchDocInput,
  type SearchOptions,
  type SearchResponse,
  type SynonymTable,
} from '../core/search';
import { readRecord, writeRecordAtomic } from './atomicFile';
import type { Service } from './lifecycle';
import type { BuildReply } from './searchWorker';

export interface SearchServiceStatus {
  state: 'empty' | 'building' | 'ready' | 'error';
  /** Versions in the index answering searches now. */
  size: number;
  /** True when searches are answered from a partial or previous index. */
  partial: boolean;
  /** Where the current index came from. */
  source: 'cache' | 'built' | null;
  buildMs: number | null;
  fingerprint: string | null;
  error: string | null;
}

export interface SearchServiceOptions {
  cacheDir?: string;
  workerPath?: string;
  log?: (message: string) => void;
}

const CACHE_PREFIX = 'search-index-';

export class SearchService implements Service {
  readonly name = 'search index';
  private disposed = false;
  private index: SearchIndex | null = null;
  private synonyms: SynonymTable | undefined;
  private state: SearchServiceStatus['state'] = 'empty';
  private partial = false;
  private source: SearchServiceStatus['source'] = null;
  private buildMs: number | null = null;
  private fingerprint: string | null = null;
  private error: string | null = null;
  private worker: Worker | null = null;
  private generation = 0;
  /** Changes that arrived during a build, applied to its result. */
  private pending: { changed: SearchDocInput[]; removed: string[] }[] = [];
  private readonly log: (m: string) => void;

  constructor(private readonly opts: SearchServiceOptions = {}) {
    this.log = opts.log ?? (() => {});
  }

  start(): void {}

  /** Cache file for a fingerprint (exposed for tests and diagnostics). */
  cacheFile(fingerprint: string): string | null {
    if (!this.opts.cacheDir) return null;
    const key = createHash('sha256').update(`v${INDEX_FORMAT_VERSION}\0${fingerprint}`).digest('hex').slice(0, 32);
    return join(this.opts.cacheDir, `${CACHE_PREFIX}${key}.bin`);
  }

  /**
   * Makes the index match `docs`. Reuses the persisted index when the fingerprint is unchanged;
   * otherwise builds (in the worker when configured) and persists. Resolves when the full index
   * answers searches.
   */
  async load(docs: SearchDocInput[], synonymsText: string, fingerprint: string): Promise<void> {
    if (this.disposed) return;
    const gen = ++this.generation;
    this.synonyms = parseSynonyms(synonymsText);
    this.index?.setSynonyms(this.synonyms);
    this.fingerprint = fingerprint;
    this.error = null;
    this.pending = [];
    this.state = 'building';
    const file = this.cacheFile(fingerprint);
    if (file) {
      const t0 = performance.now();
      const outcome = await readRecord(
        file,
        (payload) => SearchIndex.deserialize(payload, { synonyms: this.synonyms }),
        {
          log: this.log,
        },
      );
      const cached = outcome.kind === 'ok' ? outcome.value : undefined;
      if (gen !== this.generation) return;
      if (cached) {
        this.install(cached, 'cache', performance.now() - t0, false);
        this.state = 'ready';
        return;
      }
    }
    this.partial = this.index !== null;
    try {
      const t0 = performance.now();
      let built: SearchIndex;
      if (this.opts.workerPath) built = await this.buildInWorker(docs, gen);
      else built = SearchIndex.build(docs, { synonyms: this.synonyms });
      if (gen !== this.generation) return;
      for (const p of this.pending) built.update(p.changed, p.removed);
      this.pending = [];
      this.install(built, 'built', performance.now() - t0, false);
      this.state = 'ready';
      if (file) await this.persist(file, built);
    } catch (error) {
      if (gen !== this.generation) return;
      this.state = 'error';
      this.error = (error as Error).message;
      this.log(`search index build failed: ${this.error}`);
      throw error;
    }
  }

  private install(index: SearchIndex, source: SearchServiceStatus['source'], ms: number, partial: boolean): void {
    index.setSynonyms(this.synonyms);
    this.index = index;
    this.source = source;
    this.buildMs = Math.round(ms);
    this.partial = partial;
  }

  private buildInWorker(docs: SearchDocInput[], gen: number): Promise<SearchIndex> {
    return new Promise<SearchIndex>((resolve, reject) => {
      this.worker?.terminate().catch(() => {});
      const path = this.opts.workerPath!;
      // A .ts entry (tests, `tsx` runs) is loaded through tsx's CommonJS hook; built apps pass .js.
      const worker = path.endsWith('.ts')
        ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(path)});`, { eval: true })
        : new Worker(path);
      this.worker = worker;
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        if (this.worker === worker) this.worker = null;
        worker.terminate().catch(() => {});
        fn();
      };
      worker.on('message', (reply: BuildReply) => {
        if (reply.type === 'error') finish(() => reject(new Error(reply.message)));
        else if (reply.type === 'partial') {
          // Answer from current versions while the rest builds, unless an older full index exists.
          if (gen === this.generation && (this.index === null || this.partial)) {
            const idx = SearchIndex.deserialize(reply.data, { synonyms: this.synonyms });
            for (const p of this.pending) idx.update(p.changed, p.removed);
            this.install(idx, 'built', 0, true);
          }
        } else {
          try {
            const idx = SearchIndex.deserialize(reply.data, { synonyms: this.synonyms });
            finish(() => resolve(idx));
          } catch (error) {
            finish(() => reject(error as Error));
          }
        }
      });
      worker.on('error', (error) => finish(() => reject(error)));
      worker.on('exit', (code) => finish(() => reject(new Error(`search worker exited (${code})`))));
      worker.postMessage({ docs });
    });
  }

  private async persist(file: string, index: SearchIndex): Promise<void> {
    try {
      await writeRecordAtomic(file, index.serialize());
      // Older caches (other fingerprints or formats) are of no further use.
      const dir = this.opts.cacheDir!;
      const keep = file.slice(dir.length + 1);
      for (const name of await readdir(dir)) {
        if (name.startsWith(CACHE_PREFIX) && name.endsWith('.bin') && name !== keep)
          await unlink(join(dir, name)).catch(() => {});
      }
    } catch (error) {
      this.log(`search index cache not written: ${(error as Error).message}`);
    }
  }

  search(query: string, options?: SearchOptions): SearchResponse {
    const building = this.state === 'building';
    if (!this.index)
      return {
        query: query.normalize('NFC').trim(),
        interpretedAs: [],
        tookMs: 0,
        results: [],
        ...(building ? { indexing: true } : {}),
      };
    const res = this.index.search(query, options);
    if (building || this.partial) res.indexing = true;
    return res;
  }

  /**
   * Applies per-file changes (changed versions replace by path; removed paths go). Cheap: the
   * index keeps them in a small overlay (see docs/search.md). During a build they are applied to
   * the index answering now and again to the build's result. The cache is not rewritten here:
   * the next `load` with the new fingerprint rebuilds off the main thread and persists (folding
   * the overlay synchronously here would block the main thread for seconds at 20k versions).
   * `fingerprint`, when given, is what `status()` reports from now on.
   */
  applyChanges(changed: SearchDocInput[], removedPaths: string[], fingerprint?: string): void {
    if (this.disposed) return;
    if (this.state === 'building') this.pending.push({ changed, removed: removedPaths });
    // The index now matches the new content; its cache file (old fingerprint) is left as is.
    if (fingerprint) this.fingerprint = fingerprint;
    if (!this.index) return;
    this.index.update(changed, removedPaths);
  }

  status(): SearchServiceStatus {
    return {
      state: this.state,
      size: this.index?.size ?? 0,
      partial: this.state === 'building' || this.partial,
      source: this.source,
      buildMs: this.buildMs,
      fingerprint: this.fingerprint,
      error: this.error,
    };
  }

  /** Stops a running build; the index answering now keeps answering `search`. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.generation++;
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
