/**
 * Wires the Electron-free services together: content library → search index → IPC handlers.
 * The Electron composition root and the renderer end-to-end bridge both start GuideDesk through
 * this function, so what the tests drive is what the app runs.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchDocInput } from '../core/search';
import { createIpcRouter, type IpcRouter } from '../ipc/router';
import { ContentLibrary, type LibraryChange, type LibrarySnapshot } from '../services/contentLibrary';
import { SearchService } from '../services/searchService';
import { createGuideDeskHandlers, type HandlerDependencies } from './guideDeskHandlers';

export const SYNONYMS_FILE = 'synonyms.txt';

export interface GuideDeskServicesOptions {
  contentRoot: string;
  /** Where the search index is persisted between runs; omit to keep it in memory only. */
  cacheDir?: string;
  /** Built search worker script; omit to build the index on the calling thread. */
  searchWorkerPath?: string;
  /** Which renderer URL counts as our own window. */
  isTrustedUrl: (url: string) => boolean;
  openExternal: HandlerDependencies['openExternal'];
  watch?: boolean;
  today?: HandlerDependencies['today'];
  log?: (message: string) => void;
}

export interface GuideDeskServices {
  library: ContentLibrary;
  search: SearchService;
  router: IpcRouter;
  /** Resolves once the library is read; the search index may still be building. */
  ready: Promise<void>;
  /** Resolves once the search index is built or loaded. */
  indexed: Promise<void>;
  onLibraryChanged(listener: () => void): void;
  close(): void;
}

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

export function startGuideDeskServices(options: GuideDeskServicesOptions): GuideDeskServices {
  const log = options.log ?? (() => {});
  const library = new ContentLibrary(options.contentRoot, { today: options.today });
  const search = new SearchService({ cacheDir: options.cacheDir, workerPath: options.searchWorkerPath });
  const listeners = new Set<() => void>();
  const handlers = createGuideDeskHandlers({
    library,
    search,
    openExternal: options.openExternal,
    today: options.today,
  });
  const router = createIpcRouter(handlers, options.isTrustedUrl, log);

  let indexedSynonyms: string | null = null;
  const fingerprintOf = (snapshot: LibrarySnapshot, synonyms: string) =>
    createHash('sha256').update(snapshot.fingerprint).update('\0').update(synonyms).digest('hex');

  const index = async (snapshot: LibrarySnapshot) => {
    const synonyms = await readSynonyms(snapshot.root);
    indexedSynonyms = synonyms;
    await search.load(searchDocuments(snapshot), synonyms, fingerprintOf(snapshot, synonyms));
  };

  /**
   * Applies a folder change to the index per changed file. A changed file can move its siblings'
   * validity windows and which copy is current, so every version of a touched guide is re-indexed.
   */
  const reindex = async (change: LibraryChange) => {
    const synonyms = await readSynonyms(change.snapshot.root);
    if (synonyms !== indexedSynonyms || search.status().state !== 'ready') return index(change.snapshot);
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
    search.applyChanges(docs, [...change.removedPaths, ...unparsed], fingerprintOf(change.snapshot, synonyms));
  };

  const ready = library.load().then(() => undefined);
  const indexed = ready.then(() => index(library.snapshot));
  indexed.catch((error: unknown) => log(`search index failed: ${String(error)}`));

  library.on('changed', (change) => {
    void reindex(change)
      .catch((error: unknown) => log(`search index update failed: ${String(error)}`))
      .finally(() => listeners.forEach((listener) => listener()));
  });
  library.on('error', (error) => log(`content folder: ${error.message}`));
  if (options.watch) void ready.then(() => library.watch());

  return {
    library,
    search,
    router,
    ready,
    indexed,
    onLibraryChanged: (listener) => listeners.add(listener),
    close: () => library.close(),
  };
}
