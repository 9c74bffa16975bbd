/**
 * The Electron-free services of GuideDesk, wired and started in order: content library → search
 * index → library indexer, with the IPC handlers over them. The Electron composition root
 * (src/main/index.ts) and the renderer end-to-end bridge both run GuideDesk through this class,
 * so what the tests drive is what the app runs.
 *
 * Lifecycle (see ../services/lifecycle.ts): construction wires and acquires nothing; `start()`
 * starts the services in that order (the folder is read when it resolves; the index may still be
 * building, see `indexed`); `dispose()` disposes them in reverse: listeners dropped, the worker of
 * a running build terminated, the folder watcher closed. It is idempotent.
 */
import { createIpcRouter, type IpcRouter } from '../ipc/router';
import { UserGestureGate } from '../security/userGesture';
import { ContentLibrary } from '../services/contentLibrary';
import { ServiceHost, type Service } from '../services/lifecycle';
import { SearchService } from '../services/searchService';
import { createGuideDeskHandlers, type HandlerDependencies, type PdfExporter } from './guideDeskHandlers';
import { LibraryIndexer } from './libraryIndexer';

export { SYNONYMS_FILE, readSynonyms, searchDocuments } from './libraryIndexer';

export interface GuideDeskServicesOptions {
  contentRoot: string;
  /** Where the search index is persisted between runs; omit to keep it in memory only. */
  cacheDir?: string;
  /** Built search worker script; omit to build the index on the calling thread. */
  searchWorkerPath?: string;
  /** Which renderer URL counts as our own window. */
  isTrustedUrl: (url: string) => boolean;
  openExternal: HandlerDependencies['openExternal'];
  /** Where the windows' input events are noted (the app's window factory feeds it); a new gate when omitted. */
  userGestures?: UserGestureGate;
  /** Follow the folder: re-read and re-index on every change. */
  watch?: boolean;
  today?: HandlerDependencies['today'];
  log?: (message: string) => void;
}

export class GuideDeskServices implements Service {
  readonly name = 'guidedesk services';
  readonly library: ContentLibrary;
  readonly search: SearchService;
  readonly indexer: LibraryIndexer;
  /** The validated IPC boundary over the handlers; bind it to a transport once started. */
  readonly router: IpcRouter;
  /** The windows' input events as main saw them: what lets a link open outside. */
  readonly userGestures: UserGestureGate;
  private readonly host: ServiceHost;
  private pdfExporter: PdfExporter | null = null;

  constructor(options: GuideDeskServicesOptions) {
    const log = options.log ?? (() => {});
    this.host = new ServiceHost(log);
    this.library = new ContentLibrary(options.contentRoot, { today: options.today, watch: options.watch });
    this.search = new SearchService({ cacheDir: options.cacheDir, workerPath: options.searchWorkerPath, log });
    this.indexer = new LibraryIndexer(this.library, this.search, log);
    this.userGestures = options.userGestures ?? new UserGestureGate();
    const handlers = createGuideDeskHandlers({
      library: this.library,
      search: this.search,
      openExternal: options.openExternal,
      pdfExporter: () => this.pdfExporter,
      userGestures: this.userGestures,
      today: options.today,
    });
    this.router = createIpcRouter(handlers, options.isTrustedUrl, log);
  }

  async start(): Promise<void> {
    await this.host.start(this.library);
    await this.host.start(this.search);
    await this.host.start(this.indexer);
  }

  /**
   * Binds what `savePdf` prints with: the Electron app binds printToPDF of its window once the window
   * service runs; the renderer end-to-end bridge binds Chromium's. Until then `savePdf` is unavailable.
   */
  setPdfExporter(exporter: PdfExporter | null): void {
    this.pdfExporter = exporter;
  }

  /** Resolves once the search index is built or loaded. */
  get indexed(): Promise<void> {
    return this.indexer.indexed;
  }

  /** Calls `listener` after each content change reached the index. Returns the unsubscribe. */
  onLibraryChanged(listener: () => void): () => void {
    return this.indexer.onChanged(listener);
  }

  dispose(): Promise<void> {
    return this.host.dispose();
  }
}

/** Creates and starts the services; if a start fails, what started is disposed and the error thrown. */
export async function startGuideDeskServices(options: GuideDeskServicesOptions): Promise<GuideDeskServices> {
  const services = new GuideDeskServices(options);
  try {
    await services.start();
  } catch (error) {
    await services.dispose().catch(() => {});
    throw error;
  }
  return services;
}
