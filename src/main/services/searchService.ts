/**
 * Search index lifecycle (Node, no Electron): build off the main thread when a worker script is
 * given (inline otherwise, for tests and the CLI), persist the serialized index in a cache folder
 * keyed by the content fingerprint and the index format version, reload it when the content is
 * unchanged, set a corrupt cache aside and rebuild, and apply per-file changes.
 *
 * While a build runs, `search` answers from what is ready (the previous index, or the worker's
 * partial index of current versions) and marks the response `indexing: true`.
 *
 * Faults heal without a restart, and every response says what is wrong (`notice`):
 * - the cache is an optimisation: a cache path that cannot be read or written (a file where the
 *   folder should be, a folder at the file's path, EACCES, a full disk) leaves the index in
 *   memory; it is logged once and the write is retried a few times (`cacheRetryDelaysMs`);
 * - the worker runs under supervision (supervisedWorker.ts): killed, throwing, missing or hung,
 *   it is restarted after a delay; if it keeps failing, a pack small enough to build on the main
 *   thread without freezing the app is built there, a larger one keeps answering from what is
 *   ready and the build is tried again later (`rebuildDelaysMs`). See docs/search.md.
 *
 * Lifecycle (see lifecycle.ts): `start()` removes temp files left by a crashed write and caps the
 * set-aside corrupt caches; a worker lives only while a build runs, the cache is read by `load`;
 * `dispose()` stops a running build, its restarts and every retry, and from then on `load` and
 * `applyChanges` do nothing.
 */
import { createHash } from 'node:crypto';
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchNotice, SearchResponse } from '../../shared/ipc';
import {
  INDEX_FORMAT_VERSION,
  SearchIndex,
  parseSynonyms,
  type SearchDocInput,
  type SearchOptions,
  type SynonymTable,
} from '../core/search';
import {
  DEFAULT_SET_ASIDE,
  pruneSetAside,
  readRecord,
  removeStaleTempFiles,
  writeRecordAtomic,
  type SetAsidePolicy,
} from './atomicFile';
import type { Service } from './lifecycle';
import type { BuildReply, BuildRequest } from './searchWorker';
import {
  SupervisedWorker,
  WorkerJobCancelledError,
  WorkerJobFailedError,
  backoffDelay,
  type AttemptFailure,
} from './supervisedWorker';

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
  /** Failed worker attempts of the current (or last) build. */
  workerFailures: number;
  /** Why the worker's last attempt failed, or null. */
  workerError: string | null;
  /** The index answering was built on the main thread because the worker kept failing. */
  fallback: boolean;
  /** Why the cache could not be read or written (the index then lives in memory only), or null. */
  cacheError: string | null;
  /** Failed cache writes since the last one that worked. */
  cacheFailures: number;
  /** What the search pane should say, or null when nothing is wrong. */
  notice: SearchNotice | null;
}

/** How the service recovers from faults. The defaults suit the app; tests shorten the waits. */
export interface SearchRecoveryPolicy {
  /** Worker attempts per build, the first included. */
  workerAttempts: number;
  /** Waits before the worker's 1st, 2nd… restart within a build (the last repeats). */
  workerRestartDelaysMs: readonly number[];
  /** Longest silence of the worker's first attempt, for a build of `versions` (doubles per restart). */
  workerSilenceMs: (versions: number) => number;
  /**
   * Largest pack built on the main thread when the worker keeps failing. Building blocks the
   * main process (every IPC call, the window's events) for its whole duration: ~0.4 s per 1,000
   * versions on this machine, so 2,000 versions cost under a second, once; 20,000 would freeze
   * the app for 6–7 s (longer on a slow desk) and a worker that died of memory would take the
   * app with it. Larger packs answer from what is ready and retry the worker later instead.
   */
  inlineFallbackMaxDocs: number;
  /** Waits before a failed build is tried again (the last repeats). */
  rebuildDelaysMs: readonly number[];
  /** Waits before an unwritten cache is written again; after the last one, the next `load` tries. */
  cacheRetryDelaysMs: readonly number[];
  /** Set-aside corrupt caches kept in the cache folder. */
  setAside: SetAsidePolicy;
}

export const DEFAULT_RECOVERY: SearchRecoveryPolicy = {
  workerAttempts: 3,
  workerRestartDelaysMs: [1000, 5000],
  // 20k versions build in ~6.5 s here: 30 s + 3 ms a version gives a slow desk ~10× that.
  workerSilenceMs: (versions) => 30_000 + 3 * versions,
  inlineFallbackMaxDocs: 2000,
  rebuildDelaysMs: [60_000, 5 * 60_000, 15 * 60_000],
  cacheRetryDelaysMs: [30_000, 2 * 60_000, 10 * 60_000],
  setAside: DEFAULT_SET_ASIDE,
};

export interface SearchServiceOptions {
  cacheDir?: string;
  workerPath?: string;
  log?: (message: string) => void;
  recovery?: Partial<SearchRecoveryPolicy>;
}

const CACHE_PREFIX = 'search-index-';

/** An index built for one fingerprint and the bytes it is persisted as. */
interface Built {
  index: SearchIndex;
  /** The serialized index of exactly the docs given (before any later change), or null to serialize. */
  bytes: Uint8Array | null;
  fallback: boolean;
}

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
  private generation = 0;
  /** What the running (or failed) build indexes; null once an index of it answers. */
  private request: { docs: SearchDocInput[]; fingerprint: string } | null = null;
  /** Changes since `request.docs` were taken, applied to the build's result. */
  private pending: { changed: SearchDocInput[]; removed: string[] }[] = [];
  private readonly worker: SupervisedWorker<BuildRequest, BuildReply> | null;
  private workerFailures = 0;
  private workerError: string | null = null;
  private fallback = false;
  private rebuilds = 0;
  private rebuildTimer: ReturnType<typeof setTimeout> | null = null;
  private cacheError: string | null = null;
  private cacheProblemKey: string | null = null;
  private cacheFailures = 0;
  private cacheTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly log: (m: string) => void;
  private readonly policy: SearchRecoveryPolicy;

  constructor(private readonly opts: SearchServiceOptions = {}) {
    this.log = opts.log ?? (() => {});
    this.policy = { ...DEFAULT_RECOVERY, ...opts.recovery };
    this.worker = opts.workerPath
      ? new SupervisedWorker<BuildRequest, BuildReply>({
          script: opts.workerPath,
          name: 'search worker',
          log: this.log,
          attempts: this.policy.workerAttempts,
          restartDelaysMs: this.policy.workerRestartDelaysMs,
          onFailure: (failure: AttemptFailure) => {
            this.workerFailures++;
            this.workerError = failure.message;
          },
        })
      : null;
  }

  /** Removes what a crash left in the cache folder: temp files of dead writers, surplus set-aside files. */
  async start(): Promise<void> {
    const dir = this.opts.cacheDir;
    if (!dir) return;
    await removeStaleTempFiles(dir, this.log);
    await pruneSetAside(dir, this.policy.setAside, this.log);
  }

  /** Cache file for a fingerprint (exposed for tests and diagnostics). */
  cacheFile(fingerprint: string): string | null {
    if (!this.opts.cacheDir) return null;
    const key = createHash('sha256').update(`v${INDEX_FORMAT_VERSION}\0${fingerprint}`).digest('hex').slice(0, 32);
    return join(this.opts.cacheDir, `${CACHE_PREFIX}${key}.bin`);
  }

  /**
   * Makes the index match `docs`. Reuses the persisted index when the fingerprint is unchanged;
   * otherwise builds (in the worker when configured) and persists. Resolves when the full index
   * answers searches; rejects when the build failed (a retry is then scheduled, and `search`
   * says so).
   */
  async load(docs: SearchDocInput[], synonymsText: string, fingerprint: string): Promise<void> {
    if (this.disposed) return;
    this.clearTimers();
    const gen = ++this.generation;
    this.synonyms = parseSynonyms(synonymsText);
    this.index?.setSynonyms(this.synonyms);
    this.fingerprint = fingerprint;
    this.error = null;
    this.pending = [];
    this.request = { docs, fingerprint };
    this.rebuilds = 0;
    // Each load reports the cache's problems afresh (once), or none if it works again.
    this.cacheError = null;
    this.cacheProblemKey = null;
    this.cacheFailures = 0;
    this.state = 'building';
    const file = this.cacheFile(fingerprint);
    if (file) {
      const t0 = performance.now();
      const cached = await this.readCache(file);
      if (gen !== this.generation) return;
      if (cached) {
        this.install(cached, 'cache', performance.now() - t0, false);
        this.fallback = false;
        this.request = null;
        this.state = 'ready';
        return;
      }
    }
    await this.build(gen);
  }

  /** Builds `request`, installs the result with the pending changes, persists it. */
  private async build(gen: number): Promise<void> {
    const request = this.request!;
    this.partial = this.index !== null;
    this.state = 'building';
    this.workerFailures = 0;
    this.workerError = null;
    try {
      const t0 = performance.now();
      const built = await this.buildIndex(request.docs, gen);
      if (gen !== this.generation) return;
      for (const p of this.pending) built.index.update(p.changed, p.removed);
      this.pending = [];
      this.install(built.index, 'built', performance.now() - t0, false);
      this.fallback = built.fallback;
      this.request = null;
      this.rebuilds = 0;
      this.state = 'ready';
      const file = this.cacheFile(request.fingerprint);
      if (file) await this.saveCache(file, built.bytes!);
    } catch (error) {
      if (gen !== this.generation || error instanceof WorkerJobCancelledError) return;
      this.state = 'error';
      this.error = (error as Error).message;
      this.log(`search index build failed: ${this.error}`);
      this.scheduleRebuild();
      throw error;
    }
  }

  /** The index of `docs`: in the worker when there is one, on this thread otherwise or as the last resort. */
  private async buildIndex(docs: SearchDocInput[], gen: number): Promise<Built> {
    const inline = (fallback: boolean): Built => {
      const index = SearchIndex.build(docs, { synonyms: this.synonyms });
      // Serialized before any pending change is applied: the cache holds exactly these docs.
      return { index, bytes: this.opts.cacheDir ? index.serialize() : null, fallback };
    };
    if (!this.worker) return inline(false);
    try {
      const { index, bytes } = await this.worker.run({
        request: { docs },
        silenceTimeoutMs: this.policy.workerSilenceMs(docs.length),
        onMessage: (reply) => this.onWorkerReply(reply, gen),
      });
      return { index, bytes, fallback: false };
    } catch (error) {
      if (!(error instanceof WorkerJobFailedError) || gen !== this.generation) throw error;
      const refusal =
        docs.length > this.policy.inlineFallbackMaxDocs
          ? `${docs.length} versions are more than the ${this.policy.inlineFallbackMaxDocs} the main thread builds without freezing the app`
          : error.outOfMemory
            ? 'the worker ran out of memory, and so would the app'
            : null;
      if (refusal) {
        this.log(`search index not built on the main thread: ${refusal}`);
        throw error;
      }
      this.log(`search worker kept failing; building the index of ${docs.length} versions on the main thread`);
      return inline(true);
    }
  }

  /** One message of the worker: the partial index is installed, the full one ends the job. */
  private onWorkerReply(reply: BuildReply, gen: number): { index: SearchIndex; bytes: Uint8Array } | undefined {
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type === 'done')
      return { index: SearchIndex.deserialize(reply.data, { synonyms: this.synonyms }), bytes: reply.data };
    // Answer from current versions while the rest builds, unless an older full index exists.
    if (reply.type === 'partial' && gen === this.generation && (this.index === null || this.partial)) {
      const idx = SearchIndex.deserialize(reply.data, { synonyms: this.synonyms });
      for (const p of this.pending) idx.update(p.changed, p.removed);
      this.install(idx, 'built', 0, true);
    }
    return undefined;
  }

  private install(index: SearchIndex, source: SearchServiceStatus['source'], ms: number, partial: boolean): void {
    index.setSynonyms(this.synonyms);
    this.index = index;
    this.source = source;
    this.buildMs = Math.round(ms);
    this.partial = partial;
  }

  /** A failed build is tried again later, from the same docs plus the changes since. */
  private scheduleRebuild(): void {
    if (this.disposed || !this.request) return;
    const delay = backoffDelay(this.policy.rebuildDelaysMs, ++this.rebuilds);
    this.log(`search index build will be tried again in ${Math.round(delay / 1000)} s`);
    this.rebuildTimer = setTimeout(() => {
      this.rebuildTimer = null;
      void this.build(++this.generation).catch(() => {});
    }, delay);
    this.rebuildTimer.unref?.();
  }

  private clearTimers(): void {
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.rebuildTimer = null;
    this.cacheTimer = null;
  }

  /** The cached index, or null when there is none usable (what was wrong is reported). */
  private async readCache(file: string): Promise<SearchIndex | null> {
    const outcome = await readRecord(file, (payload) => SearchIndex.deserialize(payload, { synonyms: this.synonyms }), {
      log: this.log,
      setAside: this.policy.setAside,
    });
    if (outcome.kind === 'ok') return outcome.value;
    if (outcome.kind === 'unreadable') this.cacheProblem('cannot be read', outcome.error);
    return null;
  }

  /**
   * Records a cache problem. It is logged once: retries that fail the same way (same operation,
   * same error code; a temp file's random name in the message does not count) log nothing.
   */
  private cacheProblem(operation: 'cannot be read' | 'not written', error: NodeJS.ErrnoException): void {
    const key = `${operation}:${error.code ?? error.message}`;
    this.cacheError = `search index cache ${operation} (${error.message}); searching from memory`;
    if (key !== this.cacheProblemKey) this.log(this.cacheError);
    this.cacheProblemKey = key;
  }

  /** Writes the cache; on failure, tries again after each of `cacheRetryDelaysMs`. */
  private async saveCache(file: string, bytes: Uint8Array): Promise<void> {
    if (await this.persist(file, bytes)) return;
    if (this.disposed || this.cacheFailures > this.policy.cacheRetryDelaysMs.length) return;
    const gen = this.generation;
    this.cacheTimer = setTimeout(
      () => {
        this.cacheTimer = null;
        if (gen === this.generation) void this.saveCache(file, bytes);
      },
      this.policy.cacheRetryDelaysMs[this.cacheFailures - 1],
    );
    this.cacheTimer.unref?.();
  }

  private async persist(file: string, bytes: Uint8Array): Promise<boolean> {
    try {
      await writeRecordAtomic(file, bytes);
    } catch (error) {
      this.cacheFailures++;
      this.cacheProblem('not written', error as NodeJS.ErrnoException);
      return false;
    }
    if (this.cacheError) this.log(`search index cache written: ${file}`);
    this.cacheError = null;
    this.cacheProblemKey = null;
    this.cacheFailures = 0;
    // Older caches (other fingerprints or formats) are of no further use.
    const dir = this.opts.cacheDir!;
    const keep = file.slice(dir.length + 1);
    for (const name of await readdir(dir).catch(() => [])) {
      if (name.startsWith(CACHE_PREFIX) && name.endsWith('.bin') && name !== keep)
        await unlink(join(dir, name)).catch(() => {});
    }
    return true;
  }

  search(query: string, options?: SearchOptions): SearchResponse {
    const building = this.state === 'building';
    const notice = this.notice();
    const res: SearchResponse = this.index
      ? this.index.search(query, options)
      : { query: query.normalize('NFC').trim(), interpretedAs: [], tookMs: 0, results: [] };
    if (building || this.partial) res.indexing = true;
    if (notice) res.notice = notice;
    return res;
  }

  /** What is wrong with search now, most serious first; null when nothing is. */
  private notice(): SearchNotice | null {
    if (this.state === 'error')
      return {
        code: this.index ? 'index-incomplete' : 'index-unavailable',
        detail: this.error ?? '',
        retrying: this.rebuildTimer !== null,
      };
    if (this.state === 'building' && this.workerFailures > 0)
      return { code: 'worker-retrying', detail: this.workerError ?? '', retrying: true };
    if (this.fallback) return { code: 'worker-fallback', detail: this.workerError ?? '', retrying: false };
    if (this.cacheError)
      return { code: 'cache-unavailable', detail: this.cacheError, retrying: this.cacheTimer !== null };
    return null;
  }

  /**
   * Applies per-file changes (changed versions replace by path; removed paths go). Cheap: the
   * index keeps them in a small overlay (see docs/search.md). Until a build of the latest docs
   * answers (building, or failed and waiting to retry) they are also kept for the build's
   * result. The cache is not rewritten here: the next `load` with the new fingerprint rebuilds
   * off the main thread and persists (folding the overlay synchronously here would block the
   * main thread for seconds at 20k versions). `fingerprint`, when given, is what `status()`
   * reports from now on.
   */
  applyChanges(changed: SearchDocInput[], removedPaths: string[], fingerprint?: string): void {
    if (this.disposed) return;
    if (this.request) this.pending.push({ changed, removed: removedPaths });
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
      workerFailures: this.workerFailures,
      workerError: this.workerError,
      fallback: this.fallback,
      cacheError: this.cacheError,
      cacheFailures: this.cacheFailures,
      notice: this.notice(),
    };
  }

  /** Stops a running build, its restarts and every retry; the index answering now keeps answering `search`. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.generation++;
    this.clearTimers();
    await this.worker?.dispose();
  }
}
