import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchService } from '../../../src/main/services/searchService';
import { PACK, SYNONYMS_TXT, TAXI_CHANGED, makeDoc } from './fixture';

const WORKER = resolve(__dirname, '../../../src/main/services/searchWorker.ts');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gd-search-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SearchService', () => {
  it('builds inline, persists, and reuses the cache when the content is unchanged', async () => {
    const a = new SearchService({ cacheDir: dir });
    await a.load(PACK, SYNONYMS_TXT, 'fp-1');
    expect(a.status()).toMatchObject({ state: 'ready', source: 'built', size: PACK.length, partial: false });
    expect(a.search('속초시').results[0].id).toBe('double-payment');
    const files = await readdir(dir);
    expect(files.filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);

    const b = new SearchService({ cacheDir: dir });
    // Docs are not needed when the cache matches: an empty list proves the cache was used.
    await b.load([], SYNONYMS_TXT, 'fp-1');
    expect(b.status()).toMatchObject({ state: 'ready', source: 'cache', size: PACK.length });
    expect(b.search('중복결제').results[0].id).toBe('double-payment');
    expect(b.search('속초시').results).toEqual(a.search('속초시').results);
  });

  it('rebuilds when the fingerprint changes and drops the stale cache file', async () => {
    const a = new SearchService({ cacheDir: dir });
    await a.load(PACK, '', 'fp-1');
    const first = await readdir(dir);
    const b = new SearchService({ cacheDir: dir });
    await b.load(PACK.slice(0, 4), '', 'fp-2');
    expect(b.status()).toMatchObject({ source: 'built', size: 4 });
    const second = await readdir(dir);
    expect(second).toHaveLength(1);
    expect(second[0]).not.toBe(first[0]);
  });

  it('sets a corrupt cache aside and rebuilds', async () => {
    const a = new SearchService({ cacheDir: dir });
    const file = a.cacheFile('fp-x')!;
    await writeFile(file, 'not an index');
    const logs: string[] = [];
    const b = new SearchService({ cacheDir: dir, log: (m) => logs.push(m) });
    await b.load(PACK, '', 'fp-x');
    expect(b.status()).toMatchObject({ state: 'ready', source: 'built' });
    const files = await readdir(dir);
    expect(files.some((f) => f.includes('.corrupt-'))).toBe(true);
    expect(logs.join()).toMatch(/set aside/);
    // The rebuilt index replaced it and loads.
    const c = new SearchService({ cacheDir: dir });
    await c.load([], '', 'fp-x');
    expect(c.status().source).toBe('cache');
    expect((await readFile(file)).length).toBeGreaterThan(100);
  });

  it('a truncated cache file is also set aside', async () => {
    const a = new SearchService({ cacheDir: dir });
    await a.load(PACK, '', 'fp-t');
    const file = a.cacheFile('fp-t')!;
    const data = await readFile(file);
    await writeFile(file, data.subarray(0, Math.floor(data.length / 3)));
    const b = new SearchService({ cacheDir: dir });
    await b.load(PACK, '', 'fp-t');
    expect(b.status().source).toBe('built');
    expect((await readdir(dir)).some((f) => f.includes('.corrupt-'))).toBe(true);
  });

  it('applies per-file changes', async () => {
    const s = new SearchService({});
    await s.load(PACK, SYNONYMS_TXT, 'fp');
    const added = makeDoc({
      id: 'kick',
      path: '킥보드 신고.md',
      title: '킥보드 방치 신고',
      category: ['공통_고객', '신고'],
    });
    s.applyChanges([added], ['taxi/택시 분실물 접수.md']);
    expect(s.search('킥보드').results[0].id).toBe('kick');
    expect(s.search('분실물').results.map((r) => r.id)).not.toContain('taxi-lost-item');
  });

  it('answers empty (not failing) before anything is loaded', () => {
    const s = new SearchService({});
    expect(s.search('이중결제')).toMatchObject({ results: [], interpretedAs: [] });
    expect(s.status().state).toBe('empty');
  });

  it('builds in a worker thread and says the answer is partial while building', async () => {
    const s = new SearchService({
      cacheDir: dir,
      workerPath: WORKER,
    });
    const loading = s.load(PACK, SYNONYMS_TXT, 'fp-w');
    const during = s.search('이중결제');
    expect(during.indexing).toBe(true);
    expect(s.status().state).toBe('building');
    await loading;
    expect(s.status()).toMatchObject({ state: 'ready', source: 'built', size: PACK.length, partial: false });
    const after = s.search('이중결제', { archived: 'include' });
    expect(after.indexing).toBeUndefined();
    expect(after.results[0].id).toBe('double-payment');
    await s.dispose();
  });
});

describe('SearchService while a worker build runs', () => {
  it('applies changes that arrive while the worker builds to the build result', async () => {
    const s = new SearchService({ workerPath: WORKER });
    const loading = s.load(PACK, SYNONYMS_TXT, 'fp-during');
    expect(s.status().state).toBe('building');
    // Nothing answers yet: the change can only reach the index through the running build.
    expect(s.status().size).toBe(0);
    const added = makeDoc({
      id: 'kick',
      path: '킥보드 신고.md',
      title: '킥보드 방치 신고',
      category: ['공통_고객', '신고'],
    });
    s.applyChanges([TAXI_CHANGED, added], ['내비 경로 오류 신고.md'], 'fp-after');
    await loading;
    expect(s.status()).toMatchObject({ state: 'ready', source: 'built', partial: false, fingerprint: 'fp-after' });
    expect(s.status().size).toBe(PACK.length);
    expect(s.search('킥보드').results[0].id).toBe('kick');
    expect(s.search('우산 분실').results[0].id).toBe('taxi-lost-item');
    // The old text of the changed guide and the removed guide are gone.
    expect(s.search('퀵비용').results.map((r) => r.id)).not.toContain('taxi-lost-item');
    expect(s.search('진출입로').results).toEqual([]);
    await s.dispose();
  });

  it('dispose during a worker build stops the worker and installs nothing', async () => {
    const postMessage = vi.spyOn(Worker.prototype, 'postMessage');
    try {
      const s = new SearchService({ cacheDir: dir, workerPath: WORKER, log: () => {} });
      const loading = s.load(PACK, SYNONYMS_TXT, 'fp-cancel');
      // The cache read comes first; the worker starts once it found no cache.
      await vi.waitFor(() => expect(postMessage).toHaveBeenCalledTimes(1));
      const worker = postMessage.mock.contexts[0] as Worker;
      const exited = new Promise<number>((done) => worker.once('exit', done));
      const replies: string[] = [];
      worker.on('message', (reply: { type: string }) => replies.push(reply.type));
      await s.dispose();
      // Resolves (a cancelled build is not a failure); a worker still running would never exit.
      await expect(loading).resolves.toBeUndefined();
      expect(typeof (await exited)).toBe('number');
      // Stopped by dispose, not after finishing its build: it never sent the index.
      expect(replies).not.toContain('done');
      expect(s.status()).toMatchObject({ size: 0, source: null, error: null });
      expect(s.search('이중결제').results).toEqual([]);
      // Nothing was persisted either.
      expect((await readdir(dir)).filter((f) => f.endsWith('.bin'))).toEqual([]);
    } finally {
      postMessage.mockRestore();
    }
  });
});
