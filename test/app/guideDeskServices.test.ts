import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { GuideDeskServices, startGuideDeskServices } from '../../src/main/app/guideDeskServices';
import { LibraryIndexer } from '../../src/main/app/libraryIndexer';
import { ContentLibrary } from '../../src/main/services/contentLibrary';
import { SearchService } from '../../src/main/services/searchService';

/** Every worker the search service starts, with whether it has exited. */
const workers = vi.hoisted(() => [] as { exited: boolean }[]);
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  class RecordedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      const record = { exited: false };
      workers.push(record);
      this.on('exit', () => (record.exited = true));
    }
  }
  return { ...actual, Worker: RecordedWorker };
});

const REPO = join(__dirname, '../..');
const SILENT_WORKER = join(__dirname, 'fixtures/silentWorker.cjs');
const folderWatchers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'FSEventWrap').length;

describe('GuideDesk services lifecycle', () => {
  const root = mkdtempSync(join(tmpdir(), 'guidedesk-lifecycle-'));
  cpSync(join(REPO, 'content'), root, { recursive: true });
  const options = { contentRoot: root, isTrustedUrl: () => true, openExternal: async () => {} };
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('starts library, search index and indexer in that order and disposes them in reverse', async () => {
    const spies = [
      vi.spyOn(ContentLibrary.prototype, 'start'),
      vi.spyOn(SearchService.prototype, 'start'),
      vi.spyOn(LibraryIndexer.prototype, 'start'),
    ];
    const disposals = [
      vi.spyOn(LibraryIndexer.prototype, 'dispose'),
      vi.spyOn(SearchService.prototype, 'dispose'),
      vi.spyOn(ContentLibrary.prototype, 'dispose'),
    ];
    const services = new GuideDeskServices(options);
    expect(services.library.loaded).toBe(false);
    await services.start();
    expect(services.library.loaded).toBe(true);
    await services.indexed;
    await services.dispose();
    await services.dispose();
    const order = (spy: (typeof spies)[number] | (typeof disposals)[number]) => spy.mock.invocationCallOrder;
    for (const spy of [...spies, ...disposals]) expect(spy).toHaveBeenCalledOnce();
    const calls = [...spies, ...disposals].map((spy) => order(spy)[0]);
    expect(calls).toEqual([...calls].sort((a, b) => a - b));
  });

  it('stops a running build: the worker is terminated and `indexed` settles', async () => {
    workers.length = 0;
    const services = await startGuideDeskServices({ ...options, searchWorkerPath: SILENT_WORKER });
    await vi.waitFor(() => expect(workers).toHaveLength(1));
    expect(services.search.status().state).toBe('building');
    await services.dispose();
    await services.indexed;
    await vi.waitFor(() => expect(workers[0].exited).toBe(true));
    // After dispose nothing starts a new build.
    await services.search.load([], '', 'after-dispose');
    expect(workers).toHaveLength(1);
  });

  it('closes the folder watcher and removes every listener', async () => {
    const before = folderWatchers();
    const services = await startGuideDeskServices({ ...options, watch: true });
    await services.indexed;
    expect(services.library.watching).toBe(true);
    expect(folderWatchers()).toBeGreaterThan(before);
    expect(services.library.listenerCount('changed')).toBe(1);
    services.onLibraryChanged(() => {});
    expect(services.indexer.listenerCount).toBe(1);

    await services.dispose();
    expect(services.library.watching).toBe(false);
    // Closing handles completes on the event loop, not synchronously.
    await vi.waitFor(() => expect(folderWatchers()).toBe(before));
    expect(services.library.listenerCount('changed')).toBe(0);
    expect(services.library.listenerCount('error')).toBe(0);
    expect(services.indexer.listenerCount).toBe(0);
    services.onLibraryChanged(() => {});
    expect(services.indexer.listenerCount).toBe(0);
  });

  it('an unsubscribed listener hears no more changes', async () => {
    const services = await startGuideDeskServices({ ...options, watch: true });
    await services.indexed;
    const heard: string[] = [];
    const unsubscribe = services.onLibraryChanged(() => heard.push('gone'));
    const next = new Promise<void>((resolve) =>
      services.onLibraryChanged(() => {
        heard.push('kept');
        resolve();
      }),
    );
    unsubscribe();
    writeFileSync(join(root, '구독 확인.md'), '---\ntitle: 구독 확인\n---\n\n:::script ① 안내\n확인합니다.\n:::\n');
    await next;
    expect(heard).toEqual(['kept']);
    expect(services.search.search('구독 확인').results[0]?.title).toBe('구독 확인');
    await services.dispose();
  });
});
