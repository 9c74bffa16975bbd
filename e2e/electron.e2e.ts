/**
 * The Electron layer: Playwright's _electron against the BUILT app. It runs wherever an Electron
 * binary exists; elsewhere every test is reported as skipped with the reason, never a silent pass.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from './support/electronBinary';
import { REPO_ROOT, SCREENSHOT_DIR } from './support/rendererApp';

const binary = findElectronBinary(REPO_ROOT);
const skipReason = 'reason' in binary ? `Electron layer skipped: ${binary.reason}` : null;
if (skipReason) {
  console.warn(skipReason);
  mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'test-results', 'skipped-layers.txt'), `${skipReason}\n`);
}

describe('Electron app', () => {
  let app: ElectronApplication | null = null;
  let page: Page;

  beforeAll(async () => {
    if (!('path' in binary)) return;
    app = await electron.launch({
      executablePath: binary.path,
      args: [REPO_ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, GUIDEDESK_CONTENT: join(REPO_ROOT, 'content') },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens one sandboxed, isolated window without Node', async (ctx) => {
    if (!app) return ctx.skip(skipReason!);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    // Sandboxed, isolated and Node-free as seen from the page: no Node globals, only our one API.
    expect(
      await page.evaluate(() => [
        typeof (globalThis as { require?: unknown }).require,
        typeof (globalThis as { process?: unknown }).process,
      ]),
    ).toEqual(['undefined', 'undefined']);
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { guidedesk: object }).guidedesk).sort()),
    ).toContain('search');
  });

  it('shows the embedded pack and opens the original guide', async (ctx) => {
    if (!app) return ctx.skip(skipReason!);
    await page.getByText('이중결제 취소요청(타사 주차권)').first().click();
    await expect
      .poll(() => page.getByRole('heading', { name: /이중결제 취소요청\(타사 주차권\)/ }).count())
      .toBeGreaterThan(0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'electron-guide.png') });
  });

  it('cannot reach the network or navigate away', async (ctx) => {
    if (!app) return ctx.skip(skipReason!);
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
    const before = page.url();
    await page.evaluate(() => (window.location.href = 'https://example.com/'));
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
  });
});
