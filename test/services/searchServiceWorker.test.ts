/**
 * The search index build when its worker fails, with real worker threads (fixture scripts) and
 * real files: killed mid-build, a missing or throwing script, a hung worker. Each time the
 * worker is restarted after a delay; when it keeps failing, a small pack is built on the main
 * thread and a large one keeps answering from what is ready and is tried again later. The
 * search response says so (`notice`), and nothing needs a restart to heal.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchIndex, parseSynonyms } from '../../src/main/core/search';
import { SearchService, type SearchRecoveryPolicy } from '../../src/main/services/searchService';
import { PACK, SYNONYMS_TXT } from '../core/search/fixture';

const SCRIPTED = join(__dirname, 'fixtures/scriptedWorker.cjs');
const fixture = (name: string) => join(__dirname, 'fixtures', name);

/** Short waits so the tests run in a second; the shipped defaults are in searchService.ts. */
const FAST: Partial<SearchRecoveryPolicy> = {
  workerRestartDelaysMs: [10, 20],
  workerSilenceMs: () => 10_000,
  rebuildDelaysMs: [20],
};

let dir: string;
let plan: string;
const services: SearchService[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gd-search-worker-'));
  plan = join(dir, 'plan.txt');
  process.env.GD_WORKER_PLAN = plan;
});
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.dispose()));
  delete process.env.GD_WORKER_PLAN;
  await rm(dir, { recursive: true, force: true });
});

async function scripted(...behaviours: string[]): Promise<void> {
  await writeFile(plan, behaviours.join('\n'));
}
const starts = async () => Number(await readFile(`${plan}.starts`, 'utf8').catch(() => '0'));

function service(workerPath: string, recovery: Partial<SearchRecoveryPolicy> = {}) {
  const logs: string[] = [];
  const s = new SearchService({ workerPath, log: (m) => logs.push(m), recovery: { ...FAST, ...recovery } });
  services.push(s);
  return { s, logs };
}

const reference = SearchIndex.build(PACK, { synonyms: parseSynonyms(SYNONYMS_TXT) });
const ids = (r: { results: { id: string }[] }) => r.results.map((x) => x.id);
/** Waits long enough for a worker to start (tsx compiles the real worker) and build, on a busy machine. */
const BUILT = { timeout: 20_000 };
const ARCHIVED_QUERY = ['이중결제', { archived: 'only' as const }] as const;

// Each test starts real workers through tsx, several times: allow for a busy machine.
describe('search worker failures', { timeout: 60_000 }, () => {
  it('killed mid-build: restarted, and archived versions become searchable without a content change', async () => {
    await scripted('die-before-done', 'ok');
    const { s, logs } = service(SCRIPTED);
    await s.load(PACK, SYNONYMS_TXT, 'fp');
    expect(await starts()).toBe(2);
    expect(s.status()).toMatchObject({ state: 'ready', partial: false, size: PACK.length, workerFailures: 1 });
    expect(ids(s.search(...ARCHIVED_QUERY))).toEqual(ids(reference.search(...ARCHIVED_QUERY)));
    expect(ids(s.search(...ARCHIVED_QUERY)).length).toBeGreaterThan(0);
    // Healed: nothing left to tell the counselor.
    expect(s.search('이중결제').notice).toBeUndefined();
    expect(logs.join('\n')).toMatch(/search worker attempt 1 failed: it exited \(code 9\)/);
  });

  it.each([
    ['throws as it loads', 'throw'],
    ['exits on the request', 'exit'],
  ])('a worker that %s: restarted, then the small pack is built on the main thread and answered', async (_, how) => {
    await scripted(how);
    const { s, logs } = service(SCRIPTED);
    await s.load(PACK, SYNONYMS_TXT, 'fp');
    expect(await starts()).toBe(3);
    expect(s.status()).toMatchObject({ state: 'ready', size: PACK.length, fallback: true, workerFailures: 3 });
    expect(s.search('속초시').results).toEqual(reference.search('속초시').results);
    expect(s.search('속초시').notice).toMatchObject({ code: 'worker-fallback' });
    expect(logs.join('\n')).toMatch(/on the main thread/);
  });

  it('a missing worker script: built on the main thread at once, and said so', async () => {
    const { s } = service(fixture('no-such-worker.js'));
    await s.load(PACK, SYNONYMS_TXT, 'fp');
    expect(s.status()).toMatchObject({ state: 'ready', fallback: true, workerFailures: 1 });
    expect(s.status().workerError).toMatch(/not found/);
    expect(ids(s.search('분실물'))).toEqual(ids(reference.search('분실물')));
    expect(s.search('분실물').notice).toMatchObject({ code: 'worker-fallback' });
  });

  it('a hung worker times out and is restarted; it is not "indexing" for ever', async () => {
    await scripted('hang', 'ok');
    // Long enough for the real worker to start on a busy machine; the hung one never answers.
    const { s, logs } = service(SCRIPTED, { workerSilenceMs: () => 1000 });
    const loading = s.load(PACK, SYNONYMS_TXT, 'fp');
    await vi.waitFor(() => expect(s.status().workerFailures).toBeGreaterThanOrEqual(1), BUILT);
    // While the restarted worker builds, the pane can say why it takes longer.
    if (s.status().state === 'building') expect(s.search('이중결제').notice).toMatchObject({ code: 'worker-retrying' });
    await loading;
    expect(s.status()).toMatchObject({ state: 'ready', partial: false, fallback: false });
    expect(s.search('이중결제').indexing).toBeUndefined();
    expect(logs.join('\n')).toMatch(/search worker attempt 1 failed: no answer for 1000 ms; restarting/);
  });

  it('too large to build on the main thread: answers from what is ready, says so, and heals when the worker does', async () => {
    await scripted('die-before-done');
    const { s, logs } = service(SCRIPTED, { inlineFallbackMaxDocs: 4 });
    await expect(s.load(PACK, SYNONYMS_TXT, 'fp')).rejects.toThrow(/search worker failed 3 time/);
    // The partial index (current versions) still answers the default search.
    expect(s.status()).toMatchObject({ state: 'error', partial: true, fallback: false });
    expect(ids(s.search('속초시'))).toEqual(ids(reference.search('속초시')));
    const notice = s.search('속초시').notice;
    expect(notice).toMatchObject({ code: 'index-incomplete', retrying: true });
    expect(logs.join('\n')).toMatch(/not built on the main thread/);

    // The worker works again (an update finished, memory came back): the scheduled rebuild heals.
    await scripted('ok');
    await vi.waitFor(() => expect(s.status().state).toBe('ready'), BUILT);
    expect(s.status()).toMatchObject({ partial: false, size: PACK.length });
    expect(ids(s.search(...ARCHIVED_QUERY))).toEqual(ids(reference.search(...ARCHIVED_QUERY)));
    expect(s.search('속초시').notice).toBeUndefined();
  });

  it('nothing ready and nothing buildable: says the index is unavailable instead of answering nothing silently', async () => {
    await scripted('throw');
    const { s } = service(SCRIPTED, { inlineFallbackMaxDocs: 4, rebuildDelaysMs: [60_000] });
    await expect(s.load(PACK, SYNONYMS_TXT, 'fp')).rejects.toThrow();
    const answer = s.search('이중결제');
    expect(answer.results).toEqual([]);
    expect(answer.notice).toMatchObject({ code: 'index-unavailable', retrying: true });
    expect(s.status().state).toBe('error');
  });

  it('changes that arrive while the build is failing reach the rebuilt index', async () => {
    await scripted('die-before-done');
    const { s } = service(SCRIPTED, { inlineFallbackMaxDocs: 4, rebuildDelaysMs: [50] });
    await expect(s.load(PACK, SYNONYMS_TXT, 'fp')).rejects.toThrow();
    s.applyChanges([], ['taxi/택시 분실물 접수.md'], 'fp-2');
    await scripted('ok');
    await vi.waitFor(() => expect(s.status().state).toBe('ready'), BUILT);
    expect(ids(s.search('분실물', { archived: 'include' }))).not.toContain('taxi-lost-item');
    expect(s.status().fingerprint).toBe('fp-2');
  });

  it('dispose while waiting to restart: no worker starts again and load settles', async () => {
    await scripted('exit');
    const { s } = service(SCRIPTED, { workerRestartDelaysMs: [60_000] });
    const loading = s.load(PACK, SYNONYMS_TXT, 'fp');
    await vi.waitFor(() => expect(s.status().workerFailures).toBe(1), BUILT);
    await s.dispose();
    await expect(loading).resolves.toBeUndefined();
    expect(await starts()).toBe(1);
  });
});
