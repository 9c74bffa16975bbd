/**
 * Keeps the search index following the content library: the first index at start, then each
 * folder change applied per file. Listeners hear of a change once the index reflects it, so a
 * window that searches right away sees the new content.
 *
 * Lifecycle (see ../services/lifecycle.ts): `start()` subscribes to the library (already started)
 * and begins the first index; `dispose()` unsubscribes and drops every listener. It does not wait
 * for a build in flight: the search service, disposed next, stops it.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchDocInput } from '../core/search';
import type { ContentLibrary, LibraryChange, LibrarySnapshot } from '../services/contentLibrary';
import { DisposableStore, toDisposable, type Service } from '../services/lifecycle';
import type { SearchService } from '../services/searchService';

export const SYNONYMS_FILE = 'synonyms.txt';

/** Search documents for every version, each knowing whether it is its guide's current version. */
export function searchDocuments(snapshot: LibrarySnapshot): SearchDocInput[] {
  const docs: SearchDocInput[] = [];
  for (const history of snapshot.histories) {
    for (const summary of history.versions) {
      const version = snapshot.byPath.get(summary.path);
      if (version) docs.push({ version, summary, isCurrent: summary.path === history.currentPath });
    }
  }
  return docs;
}

/** The content pack's synonym list, or empty when the folder has none. */
export async function readSynonyms(root: string): Promise<string> {
  try {
    return (await readFile(join(root, SYNONYMS_FILE), 'utf8')).replace(/^\uFEFF/, '').normalize('NFC');
  } catch {
    return '';
  }
}

function fingerprintOf(snapshot: LibrarySnapshot, synonyms: string): string {
  return createHash('sha256').update(snapshot.fingerprint).update('\0').update(synonyms).digest('hex');
}

export class LibraryIndexer implements Service {
  readonly name = 'library indexer';
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new DisposableStore();
  private indexedSynonyms: string | null = null;
  private firstIndex: Promise<void> | null = null;
  private disposed = false;

  constructor(
    private readonly library: ContentLibrary,
    private readonly search: SearchService,
    private readonly log: (message: string) => void = () => {},
  ) {}

  start(): void {
    const onChanged = (change: LibraryChange) => this.follow(change);
    const onError = (error: Error) => this.log(`content folder: ${error.message}`);
    this.library.on('changed', onChanged);
    this.library.on('error', onError);
    this.subscriptions.add(toDisposable(() => void this.library.off('changed', onChanged)));
    this.subscriptions.add(toDisposable(() => void this.library.off('error', onError)));
    this.firstIndex = this.index(this.library.snapshot);
    this.firstIndex.catch((error: unknown) => this.log(`search index failed: ${String(error)}`));
  }

  /** Resolves once the first index is built or loaded (or its build was stopped by disposal). */
  get indexed(): Promise<void> {
    if (!this.firstIndex) throw new Error('the library indexer has not started');
    return this.firstIndex;
  }

  /** Calls `listener` after each folder change reached the index. Returns the unsubscribe. */
  onChanged(listener: () => void): () => void {
    const entry = () => listener();
    if (!this.disposed) this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.listeners.clear();
    await this.subscriptions.dispose();
  }

  private follow(change: LibraryChange): void {
    if (this.disposed) return;
    void this.reindex(change)
      .catch((error: unknown) => this.log(`search index update failed: ${String(error)}`))
      .finally(() => this.notify());
  }

  private notify(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        this.log(`library change listener failed: ${String(error)}`);
      }
    }
  }

  private async index(snapshot: LibrarySnapshot): Promise<void> {
    const synonyms = await readSynonyms(snapshot.root);
    this.indexedSynonyms = synonyms;
    await this.search.load(searchDocuments(snapshot), synonyms, fingerprintOf(snapshot, synonyms));
  }

  /**
   * Applies a folder change to the index per changed file. A changed file can move its siblings'
   * validity windows and which copy is current, so every version of a touched guide is re-indexed.
   */
  private async reindex(change: LibraryChange): Promise<void> {
    const synonyms = await readSynonyms(change.snapshot.root);
    if (synonyms !== this.indexedSynonyms || this.search.status().state !== 'ready') return this.index(change.snapshot);
    const touched = new Set<string>();
    for (const path of change.changedPaths) {
      const version = change.snapshot.byPath.get(path);
      if (version) touched.add(version.id);
    }
    for (const path of change.removedPaths) {
      const id = change.previousIds.get(path);
      if (id) touched.add(id);
    }
    const docs = searchDocuments(change.snapshot).filter((doc) => touched.has(doc.version.id));
    const unparsed = change.changedPaths.filter((path) => !change.snapshot.byPath.has(path));
    this.search.applyChanges(docs, [...change.removedPaths, ...unparsed], fingerprintOf(change.snapshot, synonyms));
  }
}
