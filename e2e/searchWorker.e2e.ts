/**
 * The index lifecycle with the BUILT worker the Electron app starts (out/main/chunks/searchWorker-*.js):
 * built off the main thread, persisted, and reloaded from the cache when the content is unchanged.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { searchDocuments } from '../src/main/app/guideDeskServices';
import { ContentLibrary } from '../src/main/services/contentLibrary';
import { SearchService } from '../src/main/services/searchService';
import { REPO_ROOT } from './support/rendererApp';

const chunks = join(REPO_ROOT, 'out/main/chunks');
const workerFile = readdirSync(chunks).find((name) => name.startsWith('searchWorker') && name.endsWith('.js'));
const cacheDir = mkdtempSync(join(tmpdir(), 'guidedesk-cache-'));

describe('search index lifecycle with the built worker', () => {
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('builds in the worker, persists, and a restart loads the cache instead of rebuilding', async () => {
    expect(workerFile, 'the build emits a search worker chunk').toBeDefined();
    const library = new ContentLibrary(join(REPO_ROOT, 'content'));
    const { snapshot } = await library.load();
    const docs = searchDocuments(snapshot);

    const first = new SearchService({ cacheDir, workerPath: join(chunks, workerFile!) });
    await first.load(docs, '', snapshot.fingerprint);
    expect(first.status()).toMatchObject({ state: 'ready', source: 'built', size: docs.length });
    expect(first.search('ㅇㅈㄱㅈ').results[0]?.title).toBe('이중결제 취소요청(타사 주차권)');
    await first.dispose();

    const restarted = new SearchService({ cacheDir, workerPath: join(chunks, workerFile!) });
    await restarted.load(docs, '', snapshot.fingerprint);
    expect(restarted.status()).toMatchObject({ state: 'ready', source: 'cache', size: docs.length });
    expect(restarted.search('속초시').results[0]?.matches.some((m) => m.label.startsWith('정책'))).toBe(true);
    await restarted.dispose();
  });
});
