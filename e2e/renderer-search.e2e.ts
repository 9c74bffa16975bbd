/**
 * Search as counselors use it: Korean typed normally, mid-composition (IME), 초성 and wrong
 * keyboard layout; keyboard selection and opening; Esc; shortcuts; where a match was found.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchRendererApp, type RendererApp } from './support/rendererApp';

const CURRENT_PATH = '이중결제 취소요청(타사 주차권).md';

/**
 * Enter pressed before the answer arrives opens the first result for the typed text, not an older answer: forced. A third guide is open and an older answer is on screen; main holds the answer
 * for the typed text until Enter has been pressed; the view must go straight to that answer's guide.
 */
async function enterBeforeTheAnswer(app: RendererApp, guideId: string) {
  const input = () => app.page.getByTestId('search-input');
  const firstResultId = () => app.page.getByTestId('result').first().getAttribute('data-id');
  const clearAndType = async (page: Page, text: string) => {
    await page.keyboard.press('Escape');
    await expect.poll(() => input().inputValue()).toBe('');
    await page.keyboard.insertText(text);
  };
  const { page } = app;
  // An older answer on screen whose first result is another guide …
  await clearAndType(page, '택시');
  await expect.poll(firstResultId).not.toBe(guideId);
  await expect.poll(() => page.getByTestId('list-status').getAttribute('data-query')).toBe('택시');
  const olderFirst = await firstResultId();
  // … while a third guide is open, so opening either answer's first result shows.
  const snapshot = app.services.library.snapshot;
  const third = snapshot.histories.find((h) => h.id !== guideId && h.id !== olderFirst && h.currentPath)!;
  await page.keyboard.press('Escape');
  await page.locator(`[data-testid=guide-item][data-id="${third.id}"]`).click();
  await expect.poll(() => page.getByTestId('guide-view').getAttribute('data-path')).toBe(third.currentPath);
  await clearAndType(page, '택시');
  await expect.poll(firstResultId).toBe(olderFirst);
  // Every guide the view shows from here on, in order.
  await page.evaluate(() => {
    const shown = [document.querySelector('[data-testid=guide-view]')!.getAttribute('data-path')!];
    (window as unknown as { __shownPaths: string[] }).__shownPaths = shown;
    new MutationObserver(() => {
      const path = document.querySelector('[data-testid=guide-view]')?.getAttribute('data-path');
      if (path && shown.at(-1) !== path) shown.push(path);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-path'] });
  });
  // Force the race: the answer for 속초시 is held in main until Enter has been pressed.
  const service = app.services.search as unknown as { search: (query: string, options: unknown) => unknown };
  const original = service.search;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked!: () => void;
  const askedFor = new Promise<void>((resolve) => (asked = resolve));
  service.search = function (query, options) {
    if (query !== '속초시') return original.call(this, query, options);
    asked();
    return held.then(() => original.call(this, query, options));
  };
  try {
    await input().focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('속초시');
    await askedFor;
    await page.keyboard.press('Enter');
    // Enter was pressed while the answer is held: the list still shows the older query.
    expect(await page.getByTestId('list-status').getAttribute('data-query')).toBe('택시');
    release();
    await expect.poll(() => page.getByTestId('guide-view').getAttribute('data-path')).toBe(CURRENT_PATH);
    expect(await page.getByTestId('list-status').getAttribute('data-query')).toBe('속초시');
    // From the third guide straight to the answer for 속초시: the older answer's first result never showed.
    expect(await page.evaluate(() => (window as unknown as { __shownPaths: string[] }).__shownPaths)).toEqual([
      third.currentPath,
      CURRENT_PATH,
    ]);
  } finally {
    service.search = original;
    release();
  }
}

describe('renderer search (real bridge)', () => {
  let app: RendererApp;
  let guideId: string;

  const input = () => app.page.getByTestId('search-input');
  const firstResultId = () => app.page.getByTestId('result').first().getAttribute('data-id');
  const statusText = () => app.page.getByTestId('list-status').textContent();

  async function clearAndType(page: Page, text: string) {
    await page.keyboard.press('Escape');
    await expect.poll(() => input().inputValue()).toBe('');
    await page.keyboard.insertText(text);
  }

  beforeAll(async () => {
    app = await launchRendererApp({ today: '2025-03-01' });
    guideId = app.services.library.snapshot.byPath.get(CURRENT_PATH)!.id;
    await app.page.getByTestId('guide-list').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('finds 이중결제 for Korean typed key by key', async () => {
    const { page } = app;
    await input().focus();
    await page.keyboard.type('이중결제');
    await expect.poll(firstResultId).toBe(guideId);
    const first = page.getByTestId('result').first();
    expect(await first.textContent()).toContain('이중결제 취소요청(타사 주차권)');
    // Snippet highlights are rendered as <mark>.
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    await app.screenshot('search-korean');
  });

  it('queries during IME composition (이중결ㅈ while still composing) and after commit', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await input().focus();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.insertText', { text: '이중결' });
    await cdp.send('Input.imeSetComposition', { text: 'ㅈ', selectionStart: 1, selectionEnd: 1 });
    expect(await input().inputValue()).toBe('이중결ㅈ');
    // Still composing: the shown answer is for the composing text itself.
    await expect.poll(() => page.getByTestId('list-status').getAttribute('data-query')).toBe('이중결ㅈ');
    await expect.poll(firstResultId).toBe(guideId);
    expect(await page.getByTestId('list-status').textContent()).toMatch(/결과 \d+건/);
    await cdp.send('Input.imeSetComposition', { text: '제', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: '제' });
    expect(await input().inputValue()).toBe('이중결제');
    await expect.poll(() => page.getByTestId('list-status').getAttribute('data-query')).toBe('이중결제');
    await expect.poll(firstResultId).toBe(guideId);
    await cdp.detach();
  });

  it('finds it by 초성 and by a query typed in the wrong keyboard layout, saying how it read it', async () => {
    const { page } = app;
    await clearAndType(page, 'ㅇㅈㄱㅈ');
    await expect.poll(firstResultId).toBe(guideId);

    await clearAndType(page, 'dlwndrufwp');
    await expect.poll(firstResultId).toBe(guideId);
    const interpreted = page.getByTestId('interpreted-as');
    await interpreted.waitFor();
    expect(await interpreted.textContent()).toContain('dlwndrufwp');
    expect(await interpreted.textContent()).toContain('이중결제');
    await app.screenshot('search-layout');
  });

  it('moves the selection with ↑/↓, opens with Enter, clears with Esc', async () => {
    const { page } = app;
    await clearAndType(page, '주차');
    await expect.poll(() => page.getByTestId('result').count()).toBeGreaterThan(1);
    const selected = () => page.locator('[data-testid=result][aria-selected=true]').getAttribute('id');
    expect(await selected()).toBe('result-option-0');
    await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe('result-option-1');
    expect(await input().getAttribute('aria-activedescendant')).toBe('result-option-1');
    const secondId = await page.locator('#result-option-1').getAttribute('data-id');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('guide-view').waitFor();
    const openedPath = await page.getByTestId('guide-view').getAttribute('data-path');
    expect(app.services.library.snapshot.byPath.get(openedPath!)!.id).toBe(secondId);

    await clearAndType(page, '이중결제');
    await expect.poll(firstResultId).toBe(guideId);
    await input().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('guide-view').getAttribute('data-path')).toBe(CURRENT_PATH);
    // The window itself never scrolls: the header stays at the top, only the panes scroll.
    expect(
      await page.evaluate(() => [
        document.scrollingElement!.scrollTop,
        document.querySelector('header')!.getBoundingClientRect().top,
      ]),
    ).toEqual([0, 0]);
    // Enter moved focus into the guide; Esc brings it back to an empty search box and the list.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('guide-title');
    await page.keyboard.press('Escape');
    expect(await input().inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.getByTestId('guide-list').waitFor();
    await app.screenshot('search-opened');
  });

  // Leaves 속초시 in the box, which the next test relies on.
  it('Enter pressed before the answer arrives opens the first result for the typed text, not an older answer', () =>
    enterBeforeTheAnswer(app, guideId));

  it('focuses search with Ctrl+K and /', async () => {
    const { page } = app;
    await page.getByTestId('guide-title').focus();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.getByTestId('guide-title').focus();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    // The key only moved focus (and selected the query for retyping); it typed nothing.
    expect(await input().inputValue()).toBe('속초시');
    expect(await input().evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 3]);
  });

  it('shows where it matched: 속초시 → a 정책 match', async () => {
    const { page } = app;
    await clearAndType(page, '속초시');
    await expect.poll(firstResultId).toBe(guideId);
    const labels = await page.getByTestId('result').first().getByTestId('match-label').allTextContents();
    expect(labels.some((l) => l.startsWith('정책:'))).toBe(true);
    expect(labels.some((l) => l.includes('속초시'))).toBe(true);
    expect(await statusText()).toMatch(/결과 \d+건/);
    await app.screenshot('search-policy-match');
  });

  it('shows an empty state that says what the query was understood as', async () => {
    const { page } = app;
    await clearAndType(page, 'zzqqxxw');
    await page.getByTestId('empty-results').waitFor();
    expect(await page.getByTestId('empty-results').textContent()).toContain('zzqqxxw');
    expect(await page.getByTestId('result').count()).toBe(0);
  });

  it('filters by category chip', async () => {
    const { page } = app;
    await clearAndType(page, '취소');
    await expect.poll(() => page.getByTestId('result').count()).toBeGreaterThan(0);
    const categories = await page
      .locator('[data-testid=category-filter] button[data-value]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-value')!));
    const taxi = categories.find((c) => c.startsWith('택시'));
    expect(taxi).toBeDefined();
    await page.locator(`[data-testid=category-filter] button[data-value="${taxi}"]`).click();
    await expect
      .poll(async () => {
        const ids = await page.getByTestId('result').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
        return (
          ids.length > 0 &&
          ids.every((id) => app.services.library.snapshot.historyById.get(id) && categoryOf(id)?.[0] === taxi)
        );
      })
      .toBe(true);
    await page.locator('[data-testid=category-filter] button', { hasText: '전체' }).click();
  });

  function categoryOf(id: string): string[] | undefined {
    const snap = app.services.library.snapshot;
    const h = snap.historyById.get(id);
    return h ? snap.byPath.get(h.currentPath ?? h.versions.at(-1)!.path)?.category : undefined;
  }
});
