/**
 * The desk when its search worker keeps failing, in Chromium against the real services: the
 * built renderer, the real content library, search service and IPC router (launchRendererApp),
 * with one fault injected: the search worker script is one that throws as it loads
 * (test/services/fixtures/throwingWorker.cjs). The service restarts it with backoff, then
 * builds the small embedded pack on the main thread; the counselor still gets the right
 * answer, and the search pane says, in Korean, that the worker failed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeBrowser, launchRendererApp, type RendererApp } from './support/rendererApp';

const THROWING_WORKER = join(__dirname, '../test/services/fixtures/throwingWorker.cjs');

// launchRendererApp starts the real services; only the worker script they are given is swapped.
vi.mock('../src/main/app/guideDeskServices', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/main/app/guideDeskServices')>();
  return {
    ...actual,
    startGuideDeskServices: (options: Parameters<typeof actual.startGuideDeskServices>[0]) =>
      actual.startGuideDeskServices({ ...options, searchWorkerPath: THROWING_WORKER }),
  };
});

describe('renderer when the search worker keeps failing (real bridge)', () => {
  let app: RendererApp;

  beforeAll(async () => {
    app = await launchRendererApp({ today: '2025-03-01' });
    await app.page.getByTestId('guide-list').waitFor();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('the worker really failed every attempt and the index was built without it', () => {
    expect(app.services.search.status()).toMatchObject({ state: 'ready', fallback: true, workerFailures: 3 });
    expect(app.services.search.status().workerError).toMatch(/broken/);
  });

  it('answers the query and shows the Korean note in the search pane', async () => {
    const { page } = app;
    const expected = app.services.library.snapshot.byPath.get('이중결제 취소요청(타사 주차권).md')!.id;
    const note = page.getByTestId('search-notice');
    // Before any query: the library snapshot carries the notice.
    await expect.poll(() => note.getAttribute('data-code')).toBe('worker-fallback');
    await page.getByTestId('search-input').focus();
    await page.keyboard.type('이중결제');
    await expect.poll(() => page.getByTestId('result').first().getAttribute('data-id')).toBe(expected);
    await expect.poll(() => page.getByTestId('list-status').getAttribute('data-query')).toBe('이중결제');
    expect(await note.getAttribute('data-code')).toBe('worker-fallback');
    expect(await note.textContent()).toBe('검색 색인 작업이 실패해 대체 방식으로 색인했습니다. 결과는 정상입니다.');
    expect(await note.getAttribute('title')).toMatch(/broken/);
    expect(await note.isVisible()).toBe(true);
    await app.screenshot('search-worker-fallback');
  });
});
