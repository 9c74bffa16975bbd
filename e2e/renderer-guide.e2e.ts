/**
 * The guide view as a counselor uses it mid-call: response steps, the policy table with copyable
 * phone numbers, script cards whose 복사 puts exactly the parsed `scripts[].text` on the clipboard,
 * filling blanks, and expired dates.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideVersion } from '../src/shared/guide';
import { closeBrowser, launchRendererApp, type RendererApp } from './support/rendererApp';

const ORIGINAL_PATH = '(보관-24.12.5)이중결제 취소요청(타사 주차권).md';
const CURRENT_PATH = '이중결제 취소요청(타사 주차권).md';
const TODAY = '2025-03-01';

const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const resetClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.writeText('(비움)'));

describe('renderer guide view (real bridge)', () => {
  let app: RendererApp;
  let original: GuideVersion;

  beforeAll(async () => {
    app = await launchRendererApp({ today: TODAY });
    original = app.services.library.snapshot.byPath.get(ORIGINAL_PATH)!;
    expect(original).toBeDefined();
    const { page } = app;
    // Open the archived original: archived-only filter, then the first result.
    await page.locator('[data-testid=archived-filter] button[data-value=only]').click();
    await page.getByTestId('search-input').focus();
    await page.keyboard.insertText('이중결제');
    await page.locator(`[data-testid=result]`, { hasText: '이중결제' }).first().click();
    await page.locator(`[data-testid=guide-view][data-path="${ORIGINAL_PATH}"]`).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows the 4 response steps and 3 policy rows with 033-636-4240', async () => {
    const { page } = app;
    const steps = await page.locator('[data-testid=response-steps] li').allTextContents();
    expect(steps).toEqual(original.responseSteps);
    expect(steps).toHaveLength(4);
    expect(await page.getByTestId('policy-row').count()).toBe(3);
    const phones = await page.getByTestId('phone').allTextContents();
    expect(phones).toContain('033-636-4240');
    expect(await page.getByTestId('breadcrumb').textContent()).toContain('이중결제');
    await app.screenshot('guide-original-top');
  });

  it('copies step ③ exactly as parsed, without counselor notes', async () => {
    const { page } = app;
    const step3 = original.scripts[2];
    expect(step3.step).toBe(3);
    expect(step3.text).toContain('주차패스 결제 건은 바로 취소처리');
    await resetClipboard(page);
    const card = page.locator(`[data-testid=script-card][data-step="3"]`);
    await card.scrollIntoViewIfNeeded();
    await card.getByTestId('copy-script').click();
    await expect.poll(() => readClipboard(page)).toBe(step3.text);
    const copied = await readClipboard(page);
    expect(copied).not.toMatch(/[*※]/);
    await expect.poll(() => card.getByTestId('copy-script').textContent()).toContain('복사됨');
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain('복사됨');
    await app.screenshot('guide-copied-step3');
  });

  it('keeps counselor notes apart from the customer-facing text', async () => {
    const { page } = app;
    const withNotes = original.scripts.find((s) => s.notes.length > 0)!;
    expect(withNotes).toBeDefined();
    const card = page.locator(`[data-testid=script-card][data-step="${withNotes.step}"]`);
    const memo = await card.getByTestId('counselor-notes').first().textContent();
    expect(memo).toContain('상담사 참고');
    expect(memo).toContain(withNotes.notes[0]);
    expect(await card.getByTestId('script-text').first().textContent()).not.toContain(withNotes.notes[0]);
  });

  it('copies a phone number with one click', async () => {
    const { page } = app;
    await resetClipboard(page);
    const phone = page.getByTestId('phone').filter({ hasText: '033-636-4240' });
    await phone.click();
    await expect.poll(() => readClipboard(page)).toBe('033-636-4240');
    await expect.poll(() => phone.textContent()).toContain('복사됨');
  });

  it('fills blanks into a separate copy; the plain copy stays exact', async () => {
    const { page } = app;
    const step1 = original.scripts[0];
    expect(step1.placeholders).toEqual(expect.arrayContaining(['20OO-OO-OO', 'OOO']));
    const card = page.locator(`[data-testid=script-card][data-step="${step1.step}"]`);
    expect(await card.getByTestId('placeholder').count()).toBeGreaterThanOrEqual(2);
    await card.getByTestId('fill-form').locator('summary').click();
    const dateInput = card.locator('[data-testid=fill-input][data-placeholder="20OO-OO-OO"]');
    expect(await dateInput.inputValue()).toBe(TODAY);
    await card.locator('[data-testid=fill-input][data-placeholder="OOO"]').fill('강남역');
    await resetClipboard(page);
    await card.getByTestId('copy-filled').click();
    const expected = step1.text.replaceAll('20OO-OO-OO', TODAY).replace(/(?<!O)OOO(?!O)/g, '강남역');
    await expect.poll(() => readClipboard(page)).toBe(expected);
    const filled = await readClipboard(page);
    expect(filled).toContain(`${TODAY} 강남역 주차장`);
    expect(filled).not.toMatch(/OOO|20OO/);
    await app.screenshot('guide-fill');

    await resetClipboard(page);
    await card.getByTestId('copy-script').click();
    await expect.poll(() => readClipboard(page)).toBe(step1.text);
  });

  it('copies a script with Alt+number from anywhere', async () => {
    const { page } = app;
    await resetClipboard(page);
    await page.getByTestId('search-input').focus();
    await page.keyboard.press('Alt+3');
    await expect.poll(() => readClipboard(page)).toBe(original.scripts[2].text);
  });

  it('marks expired dates 만료 against the app’s today, and not the current version’s', async () => {
    const { page } = app;
    expect(original.expiryDates).toContain('2024-12-31');
    const expired = page.locator('[data-testid=expiry-date][data-expired=true]');
    expect(await expired.count()).toBe(1);
    expect(await expired.textContent()).toContain('2024-12-31');
    expect(await expired.textContent()).toContain('만료');
    expect(await page.getByTestId('effective-date').allTextContents()).toContain('2024-11-27');

    await page.getByTestId('open-current').click();
    await page.locator(`[data-testid=guide-view][data-path="${CURRENT_PATH}"]`).waitFor();
    const current = page.getByTestId('expiry-date');
    expect(await current.allTextContents()).toEqual(['2025-06-30까지']);
    expect(await current.getAttribute('data-expired')).toBe('false');
    expect(await page.getByTestId('archived-banner').count()).toBe(0);
    await app.screenshot('guide-current');
  });
});
