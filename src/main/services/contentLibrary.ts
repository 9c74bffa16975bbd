/**
 * The content library service: reads the guide folder, parses every file through the core,
 * groups versions into guide histories, and keeps that snapshot current while the folder changes.
 *
 * Contract: `snapshot` is always a complete, consistent view of the last successful read; a broken
 * file shows up in `files` with its problems and never hides the others. Watching is by folder
 * (editors save atomically by rename, which silences per-file watchers), with bursts coalesced.
 *
 * Lifecycle (see lifecycle.ts): `start()` reads the folder and, with `watch`, begins watching it;
 * `dispose()` closes the watcher, drops a pending reload and every listener, and waits for a read
 * in flight, which then emits nothing.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { watch, type FSWatcher } from 'node:fs';
import type { FileReport, GuideHistory, GuideVersion, IsoDate, Problem } from '../../shared/guide';
import { auditLibrary } from '../core/audit';
import { buildLibrary } from '../core/library';
import { buildHistories } from '../core/versions';
import { readContentFolder } from './contentFiles';
import type { Service } from './lifecycle';

export interface LibrarySnapshot {
  root: string;
  versions: GuideVersion[];
  files: FileReport[];
  histories: GuideHistory[];
  byPath: Map<string, GuideVersion>;
  historyById: Map<string, GuideHistory>;
  /** Content hash per readable file, for change detection and the search cache key. */
  fileHashes: Map<string, string>;
  /** Hash over every file's path and content: equal fingerprints mean equal content. */
  fingerprint: string;
}

export interface LibraryChange {
  snapshot: LibrarySnapshot;
  /** Files added or whose bytes changed since the previous read. */
  changedPaths: string[];
  removedPaths: string[];
  /** Guide id each path had in the previous read, so removals can be traced to their guide. */
  previousIds: Map<string, string>;
}

export interface ContentLibraryOptions {
  /** Quiet period after the last folder event before the folder is read again. */
  coalesceMs?: number;
  today?: () => IsoDate;
  /** Follow the folder after `start()`, emitting `changed`. */
  watch?: boolean;
}

export class ContentLibrary extends EventEmitter<{ changed: [LibraryChange]; error: [Error] }> implements Service {
  readonly name = 'content library';
  private current: LibrarySnapshot | null = null;
  private disposed = false;
  private watcher: FSWatcher | null = null;
  private reloadTimer: NodeJS.Timeout | null = null;
  private reloading: Promise<void> | null = null;

  constructor(
    readonly root: string,
    private readonly options: ContentLibraryOptions = {},
  ) {
    super();
  }

  /** Reads the folder; then watches it when the options say so. */
  async start(): Promise<void> {
    await this.load();
    // A folder event is coalesced for `coalesceMs`, so whoever subscribes right after start hears it.
    if (this.options.watch) this.watch();
  }

  get snapshot(): LibrarySnapshot {
    if (!this.current) throw new Error('content library has not been loaded yet');
    return this.current;
  }

  get loaded(): boolean {
    return this.current !== null;
  }

  async load(): Promise<LibraryChange> {
    const files = await readContentFolder(this.root);
    const { versions, reports } = buildLibrary(files);
    const fileHashes = new Map<string, string>();
    const whole = createHash('sha256');
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      if (!('bytes' in file)) continue;
      const hash = createHash('sha256').update(file.bytes).digest('hex');
      fileHashes.set(file.path, hash);
      whole.update(file.path).update('\0').update(hash).update('\n');
    }
    const histories = buildHistories(versions);
    markConflicts(reports, histories);
    addFindings(reports, auditLibrary(versions, histories, (this.options.today ?? localIsoDate)()));
    const previous = this.current;
    const snapshot: LibrarySnapshot = {
      root: this.root,
      versions,
      files: reports,
      histories,
      byPath: new Map(versions.map((v) => [v.path, v])),
      historyById: new Map(histories.map((h) => [h.id, h])),
      fileHashes,
      fingerprint: whole.digest('hex'),
    };
    const changedPaths = [...fileHashes]
      .filter(([path, hash]) => previous?.fileHashes.get(path) !== hash)
      .map(([p]) => p);
    const removedPaths = previous ? [...previous.fileHashes.keys()].filter((p) => !fileHashes.has(p)) : [];
    this.current = snapshot;
    const previousIds = new Map(previous ? previous.versions.map((v) => [v.path, v.id]) : []);
    return { snapshot, changedPaths, removedPaths, previousIds };
  }

  /** Watches the folder and reloads after a quiet period; emits `changed` when content differs. */
  watch(): void {
    if (this.watcher || this.disposed) return;
    try {
      this.watcher = watch(this.root, { recursive: true }, () => this.scheduleReload());
      this.watcher.on('error', (error) => this.report(error));
    } catch (error) {
      this.report(error);
    }
  }

  /** True while the folder is watched. */
  get watching(): boolean {
    return this.watcher !== null;
  }

  private report(error: unknown): void {
    // EventEmitter throws an 'error' nobody listens to; after dispose nobody does.
    if (!this.disposed) this.emit('error', error instanceof Error ? error : new Error(String(error)));
  }

  private scheduleReload(): void {
    if (this.disposed) return;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      void this.reload();
    }, this.options.coalesceMs ?? 300);
  }

  private async reload(): Promise<void> {
    if (this.reloading) {
      // A burst arrived while reading: read once more afterwards so nothing is missed.
      await this.reloading;
      this.scheduleReload();
      return;
    }
    const before = this.current?.fingerprint;
    this.reloading = this.load()
      .then((change) => {
        if (!this.disposed && change.snapshot.fingerprint !== before) this.emit('changed', change);
      })
      .catch((error: unknown) => this.report(error))
      .finally(() => {
        this.reloading = null;
      });
    await this.reloading;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = null;
    this.watcher?.close();
    this.watcher = null;
    this.removeAllListeners();
    await this.reloading;
  }
}

/** Local calendar date: what a counselor's wall calendar says. */
export function localIsoDate(date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function addFindings(reports: FileReport[], findings: Map<string, Problem[]>): void {
  for (const report of reports) {
    const problems = findings.get(report.path);
    if (!problems) continue;
    report.problems.push(...problems);
    if (report.status === 'ok') report.status = 'warning';
  }
}

/**
 * Two non-archived copies of one guide: only one can be current. The loser stays out of the
 * history, so its file report says why instead of the guide silently losing a file.
 */
function markConflicts(reports: FileReport[], histories: GuideHistory[]): void {
  const byPath = new Map(reports.map((report) => [report.path, report]));
  for (const history of histories) {
    for (const path of history.conflicts ?? []) {
      const report = byPath.get(path);
      if (!report) continue;
      report.problems.push({
        severity: 'warning',
        code: 'duplicate-current',
        message: `"${history.title}" has another current copy (${history.currentPath}); archive one of them with a (보관-YY.M.D) prefix`,
      });
      if (report.status === 'ok') report.status = 'warning';
    }
  }
}
