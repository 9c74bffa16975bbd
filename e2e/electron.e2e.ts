/**
 * The Electron layer: Playwright's _electron against the BUILT app. It runs wherever an Electron
 * binary exists; elsewhere every test is reported as skipped with the reason, never a silent pass.
 * Waits are on signals (the main process's log lines, polled state), never on fixed times.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideDeskApi } from '../src/shared/ipc';
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
  /** What the main process logged (`[guidedesk] blocked navigation to …`). */
  const logged: string[] = [];

  beforeAll(async () => {
    if (!('path' in binary)) return;
    app = await electron.launch({
      executablePath: binary.path,
      args: [REPO_ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, GUIDEDESK_CONTENT: join(REPO_ROOT, 'content') },
    });
    app.process().stdout?.on('data', (chunk: Buffer) => logged.push(...chunk.toString('utf8').split('\n')));
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    // shell.openExternal would start a real browser: record instead, as the test's stand-in.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { __opened: string[] }).__opened = opened;
      shell.openExternal = async (url: string) => void opened.push(url);
    });
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

  it('loads the renderer from app://guidedesk, with no DevTools and no default menu', async (ctx) => {
    if (!app) return ctx.skip(skipReason!);
    expect(page.url()).toBe('app://guidedesk/index.html');
    const chrome = await app.evaluate(({ BrowserWindow, Menu }) => {
      const contents = BrowserWindow.getAllWindows()[0].webContents;
      contents.openDevTools();
      return { menu: Menu.getApplicationMenu(), devTools: contents.isDevToolsOpened() };
    });
    expect(chrome).toEqual({ menu: null, devTools: false });
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
  });

  it('shows the embedded pack and opens the original guide', async (ctx) => {
    if (!app) return ctx.skip(skipReason!);
    const item = page.getByText('이중결제 취소요청(타사 주차권)').first();
    await item.waitFor();
    await item.click();
    await expect
      .poll(() => page.getByRole('heading', { name: /이중결제 취소요청\(타사 주차권\)/ }).count())
      .toBeGreaterThan(0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'electron-guide.png') });
  });

  it('opens a web link outside from a real click only', async (ctx) => {
    if (!app) return ctx.skip(skipReason!);
    const opened = () => app!.evaluate(() => (globalThis as unknown as { __opened: string[] }).__opened);
    await page.getByTestId('search-input').fill('이중결제 취소요청');
    await page.keyboard.press('Enter');
    const link = page.getByTestId('external-link').first();
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await expect.poll(opened).toEqual([new URL(href).href]);
    const scripted = await page.evaluate(
      (url) => (window as unknown as { guidedesk: GuideDeskApi }).guidedesk.openExternal({ url }),
      href,
    );
    expect(scripted).toEqual({ opened: false, reason: 'links open only from a click' });
    expect(await opened()).toHaveLength(1);
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
    // The signal: main logs the navigation it blocked.
    await expect
      .poll(() => logged.some((line) => line.includes('blocked navigation to https://example.com/')))
      .toBe(true);
    expect(page.url()).toBe(before);
  });
});
