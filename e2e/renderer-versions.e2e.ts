/**
 * Versions for trainers and counselors: the archive banner, the diff between the archived original
 * and the current version with word-level marks, the 변경 사항 page, and the archived filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchRendererApp, type RendererApp } from './support/rendererApp';

const ORIGINAL_PATH = '(보관-24.12.5)이중결제 취소요청(타사 주차권).md';
const CURRENT_PATH = '이중결제 취소요청(타사 주차권).md';
const TITLE = '이중결제 취소요청(타사 주차권)';

describe('renderer versions (real bridge)', () => {
  let app: RendererApp;
  let guideId: string;

  beforeAll(async () => {
    app = await launchRendererApp({ today: '2025-03-01' });
    guideId = app.services.library.snapshot.byPath.get(CURRENT_PATH)!.id;
    await app.page.getByTestId('guide-list').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows the archive banner with its date and one click to the current version', async () => {
    const { page } = app;
    await page.locator('[data-testid=guide-item]', { hasText: TITLE }).first().click();
    await page.locator(`[data-testid=guide-view][data-path="${CURRENT_PATH}"]`).waitFor();
    const items = page.getByTestId('version-item');
    expect(await items.count()).toBe(2);
    expect(await page.getByTestId('version-list').textContent()).toContain('2024-12-04');
    await page.locator(`[data-testid=version-item][data-path="${ORIGINAL_PATH}"] button`, { hasText: '열기' }).click();
    await page.locator(`[data-testid=guide-view][data-path="${ORIGINAL_PATH}"]`).waitFor();
    const banner = await page.getByTestId('archived-banner').textContent();
    expect(banner).toContain('보관본 · 2024-12-05 보관');
    await app.screenshot('versions-archived');
    await page.getByTestId('open-current').click();
    await page.locator(`[data-testid=guide-view][data-path="${CURRENT_PATH}"]`).waitFor();
    await page.locator(`[data-testid=version-item][data-path="${ORIGINAL_PATH}"] button`, { hasText: '열기' }).click();
    await page.locator(`[data-testid=guide-view][data-path="${ORIGINAL_PATH}"]`).waitFor();
  });

  it('compares the original with the current version, marking removed and added words', async () => {
    const { page } = app;
    await page.getByTestId('compare').click();
    await page.getByTestId('diff-view').waitFor();
    expect(await page.getByTestId('diff-from').inputValue()).toBe(ORIGINAL_PATH);
    expect(await page.getByTestId('diff-to').inputValue()).toBe(CURRENT_PATH);
    const changed = page.locator('[data-testid=diff-change][data-op=changed]');
    await changed.first().waitFor();

    const phoneChange = changed.filter({ hasText: '속초시' }).first();
    const removed = (await phoneChange.locator('del[data-kind=removed]').allTextContents()).join(' ');
    const added = (await phoneChange.locator('ins[data-kind=added]').allTextContents()).join(' ');
    expect(removed).toContain('6242');
    expect(added).toContain('0000');
    expect(removed).not.toContain('0000');
    expect(await phoneChange.textContent()).toContain('정책: 속초시 공영주차장');

    // The coupon's expiry moved from 24.12.31 to 25.6.30 somewhere in the diff.
    const allRemoved = (await page.locator('[data-testid=diff-change] del[data-kind=removed]').allTextContents()).join(
      ' ',
    );
    const allAdded = (await page.locator('[data-testid=diff-change] ins[data-kind=added]').allTextContents()).join(' ');
    expect(allRemoved).toMatch(/24\.12\.31|2024-12-31/);
    expect(allAdded).toMatch(/25\.6\.30|2025-06-30/);
    // The added response step is marked as an addition.
    const addedStep = page.locator('[data-section=responseSteps] [data-testid=diff-change]', {
      hasText: '재발 방지 안내',
    });
    expect(await addedStep.count()).toBeGreaterThan(0);
    await app.screenshot('versions-diff');
  });

  it('lists this guide on the 변경 사항 page for a day before 2024-12-05, and not for a later day', async () => {
    const { page } = app;
    await page.getByTestId('nav-changes').click();
    await page.getByTestId('since').fill('2024-12-01');
    const entry = page.locator(`[data-testid=change-entry][data-id="${guideId}"]`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain('2024-12-05');
    await app.screenshot('versions-changes');

    await page.getByTestId('since').fill('2025-03-01');
    await page.getByTestId('changes-empty').or(page.locator('[data-testid=change-list]')).first().waitFor();
    await expect.poll(() => entry.count()).toBe(0);

    await page.getByTestId('since').fill('2024-12-01');
    await entry.waitFor();
    await entry.getByTestId('change-compare').click();
    await page.locator('[data-testid=diff-change][data-op=changed]').first().waitFor();
    await page.getByTestId('nav-changes').click();
    await entry.getByTestId('change-open').click();
    await page.locator(`[data-testid=guide-view][data-path="${CURRENT_PATH}"]`).waitFor();
  });

  it('includes archived results only when the archived filter says so', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.keyboard.insertText('페이백');
    const archivedResults = page.locator('[data-testid=result]', { has: page.getByTestId('archived-badge') });
    await page.getByTestId('empty-results').or(page.getByTestId('results')).first().waitFor();
    expect(await archivedResults.count()).toBe(0);

    await page.locator('[data-testid=archived-filter] button[data-value=include]').click();
    await expect.poll(() => archivedResults.count()).toBeGreaterThan(0);
    expect(await archivedResults.first().textContent()).toContain('페이백');
    expect(
      await page.locator('[data-testid=archived-filter] button[data-value=include]').getAttribute('aria-pressed'),
    ).toBe('true');
    await app.screenshot('versions-archived-filter');

    await page.locator('[data-testid=archived-filter] button[data-value=exclude]').click();
    await expect.poll(() => archivedResults.count()).toBe(0);
  });

  it('says a retired guide is no longer used, with no current version to go to', async () => {
    const { page } = app;
    const retired = app.services.library.snapshot.histories.find((h) => h.retired)!;
    expect(retired).toBeDefined();
    await page.keyboard.press('Escape');
    await page.locator(`[data-testid=guide-item][data-id="${retired.id}"]`).click();
    await page.locator(`[data-testid=guide-view][data-path="${retired.versions.at(-1)!.path}"]`).waitFor();
    expect(await page.getByTestId('retired-note').textContent()).toBe('이 가이드는 더 이상 사용되지 않습니다');
    expect(await page.getByTestId('open-current').count()).toBe(0);
    await app.screenshot('versions-retired');
  });

  it('the as-of date opens the version in force that day', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.getByTestId('as-of').fill('2024-12-01');
    await page.getByTestId('search-input').focus();
    await page.keyboard.insertText('이중결제');
    await expect.poll(() => page.getByTestId('result').first().getAttribute('data-id')).toBe(guideId);
    await expect.poll(() => page.getByTestId('result').first().getByTestId('archived-badge').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=guide-view][data-path="${ORIGINAL_PATH}"]`).waitFor();
    await page.getByTestId('as-of').fill('2025-01-10');
    await page.getByTestId('search-input').focus();
    await expect.poll(() => page.getByTestId('result').first().getByTestId('archived-badge').count()).toBe(0);
  });
});
