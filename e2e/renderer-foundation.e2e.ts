/**
 * Renderer foundation: launch and focus, guide list, opening the archived original, the preload
 * surface, no Node in the page, external links through openExternal, accessibility on every
 * screen, file status with a broken file, live refresh, and no request leaving the local server.
 * Each test sets up the screen it needs, so any one of them run alone (`-t`) checks what it says.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeOperations, type GuideDeskApi } from '../src/shared/ipc';
import { closeBrowser, launchRendererApp, REPO_ROOT, type RendererApp } from './support/rendererApp';
import { relayUserInput } from './support/userGestures';

const ORIGINAL_PATH = '(보관-24.12.5)이중결제 취소요청(타사 주차권).md';
const CURRENT_PATH = '이중결제 취소요청(타사 주차권).md';
const TITLE = '이중결제 취소요청(타사 주차권)';

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Back to the guide list with an empty search box, from wherever the page is. */
async function showList(page: Page) {
  await page.getByRole('navigation', { name: '화면' }).getByRole('button', { name: '가이드', exact: true }).click();
  await page.getByTestId('search-input').focus();
  await page.keyboard.press('Escape');
  await page.getByTestId('guide-list').waitFor();
}

async function openOriginalFromList(page: Page) {
  await showList(page);
  await page.locator('[data-testid=guide-item]', { hasText: TITLE }).first().click();
  await page.locator(`[data-testid=guide-view][data-path="${CURRENT_PATH}"]`).waitFor();
  await page.locator(`[data-testid=version-item][data-path="${ORIGINAL_PATH}"] button`, { hasText: '열기' }).click();
  await page.locator(`[data-testid=guide-view][data-path="${ORIGINAL_PATH}"]`).waitFor();
}

/** Visits every screen, then: no CSP violation was even attempted, no request was blocked; the recorder is live. */
async function checkNoRequestLeaves(app: RendererApp) {
  const { page } = app;
  await openOriginalFromList(page);
  await page.getByTestId('raw').locator('summary').click();
  await page.locator('[data-testid=raw] .markdown').waitFor();
  await page.getByTestId('compare').click();
  await page.locator('[data-testid=diff-change]').first().waitFor();
  await page.getByTestId('nav-changes').click();
  await page.getByTestId('since').fill('2024-01-01');
  await page.getByTestId('change-entry').first().waitFor();
  await page.getByTestId('nav-files').click();
  await page.getByTestId('file-row').first().waitFor();
  const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(await violations()).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
  // The recorder is live: a remote image the page tried to load would be reported, not fetched.
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'https://evil.example/pixel.png';
    document.body.append(img);
  });
  await expect.poll(violations).toEqual(['img-src https://evil.example/pixel.png']);
  expect(app.blockedRequests).toEqual([]);
}

/** A click on a web link (list or 원문) opens it outside; a scripted call without a click opens nothing. */
async function checkExternalLinks(app: RendererApp) {
  const { page } = app;
  await openOriginalFromList(page);
  const before = page.url();
  expect(await page.getByTestId('external-link').count()).toBeGreaterThan(0);
  const link = page.getByTestId('external-link').first();
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^https?:\/\//);
  await link.click();
  await expect.poll(() => app.openedExternally).toContain(href);
  expect(page.url()).toBe(before);

  // Anchors inside the rendered original go the same way.
  await page.getByTestId('raw').locator('summary').click();
  const rawAnchor = page.locator('[data-testid=raw] .markdown a[href^="http"]').first();
  await rawAnchor.waitFor();
  const rawHref = (await rawAnchor.getAttribute('href'))!;
  const count = app.openedExternally.length;
  await rawAnchor.click();
  await expect.poll(() => app.openedExternally.length).toBe(count + 1);
  expect(app.openedExternally.at(-1)).toBe(new URL(rawHref).href);
  expect(page.url()).toBe(before);
  await app.screenshot('foundation-raw');

  // A call without a click just before it, as a script in the page would make, opens nothing.
  const refused = await page.evaluate(
    (url) => (window as unknown as { guidedesk: GuideDeskApi }).guidedesk.openExternal({ url }),
    href,
  );
  expect(refused).toEqual({ opened: false, reason: 'links open only from a click' });
  expect(app.openedExternally.length).toBe(count + 1);
}

describe('renderer foundation (real bridge)', () => {
  let app: RendererApp;

  beforeAll(async () => {
    app = await launchRendererApp({ today: '2025-03-01' });
    // Every Content-Security-Policy violation the page reports, so "nothing tried to load" is checked.
    await app.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    // Main opens a link only right after real input; here the page's trusted input stands in for it.
    await relayUserInput(app);
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('focuses the search box on launch and lists every guide, retired ones marked', async () => {
    const { page } = app;
    await page.reload();
    await page.getByTestId('guide-list').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    const histories = app.services.library.snapshot.histories;
    expect(histories.length).toBeGreaterThan(5);
    await expect.poll(() => page.getByTestId('guide-item').count()).toBe(histories.length);
    const retired = histories.filter((h) => h.retired).length;
    expect(retired).toBeGreaterThan(0);
    expect(await page.getByTestId('retired-badge').count()).toBe(retired);
    await app.screenshot('foundation-launch');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens the archived original guide and renders its Korean title', async () => {
    const { page } = app;
    await openOriginalFromList(page);
    const title = await page.getByTestId('guide-title').textContent();
    expect(title).toContain(TITLE);
    expect(await page.getByTestId('archived-banner').textContent()).toContain('2024-12-05');
    // Hangul really rendered with a CJK font: a syllable is wider than a Latin letter.
    const widths = await page.evaluate(() => {
      const span = document.createElement('span');
      document.body.append(span);
      span.textContent = '결';
      const hangul = span.getBoundingClientRect().width;
      span.textContent = 'l';
      const latin = span.getBoundingClientRect().width;
      span.remove();
      return { hangul, latin };
    });
    expect(widths.hangul).toBeGreaterThan(widths.latin * 1.5);
    await app.screenshot('foundation-original-guide');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('exposes exactly the contract on window.guidedesk and no Node in the page', async () => {
    const { page } = app;
    const keys = await page.evaluate(() => Object.keys((window as unknown as { guidedesk: object }).guidedesk).sort());
    expect(keys).toEqual([...invokeOperations, 'onLibraryChanged'].sort());
    const node = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(node).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
  });

  it('opens external links through openExternal from the click, never navigating the page', () =>
    checkExternalLinks(app));

  it('opens internal links to another guide in the app', async () => {
    const { page } = app;
    const snap = app.services.library.snapshot;
    const source = snap.versions.find((v) => !v.archived && v.links.some((l) => l.target));
    expect(source).toBeDefined();
    const link = source!.links.find((l) => l.target)!;
    const before = page.url();
    const external = app.openedExternally.length;
    await showList(page);
    await page.locator(`[data-testid=guide-item][data-id="${source!.id}"]`).click();
    await page.locator(`[data-testid=guide-view][data-path="${source!.path}"]`).waitFor();
    await page.getByTestId('internal-link').filter({ hasText: link.text }).first().click();
    const targetHistory = snap.historyById.get(link.target!)!;
    await page.locator(`[data-testid=guide-view][data-path="${targetHistory.currentPath}"]`).waitFor();
    expect(app.openedExternally.length).toBe(external);
    expect(page.url()).toBe(before);
  });

  it('has no serious accessibility violations on diff, changes and file status screens', async () => {
    const { page } = app;
    await openOriginalFromList(page);
    await page.getByTestId('compare').click();
    await page.locator('[data-testid=diff-change]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('nav-changes').click();
    await page.getByTestId('since').fill('2024-01-01');
    await page.getByTestId('change-entry').first().waitFor();
    await app.screenshot('foundation-changes');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('nav-files').click();
    await page.getByTestId('file-row').first().waitFor();
    expect(await page.getByTestId('file-row').count()).toBe(app.services.library.snapshot.files.length);
    await app.screenshot('foundation-files');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('tries no request outside the local server on any screen', () => checkNoRequestLeaves(app));
});

describe('file status and live refresh (copied content folder)', () => {
  let app: RendererApp;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'guidedesk-ui-'));
    cpSync(join(REPO_ROOT, 'content'), root, { recursive: true });
    writeFileSync(join(root, '깨진 파일.md'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00, 0x9c, 0x00]));
    app = await launchRendererApp({ contentRoot: root, today: '2025-03-01' });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows an error badge and the unreadable file with its reason', async () => {
    const { page } = app;
    const errors = app.services.library.snapshot.files.filter((f) => f.status === 'error');
    expect(errors.map((f) => f.path)).toContain('깨진 파일.md');
    expect((await page.getByTestId('error-badge').textContent())?.trim()).toBe(String(errors.length));
    await page.getByTestId('nav-files').click();
    const row = page.locator('[data-testid=file-row][data-status=error]', { hasText: '깨진 파일.md' });
    await row.waitFor();
    const message = errors.find((f) => f.path === '깨진 파일.md')!.problems[0].message;
    expect(await row.textContent()).toContain(message);
    expect(await row.textContent()).toContain('오류');
    expect(await row.textContent()).toContain('가이드 문서가 아닌 파일입니다');
    await app.screenshot('foundation-files-error');
  });

  it('refreshes the list and the open guide when the content folder changes', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=guide-item]', { hasText: TITLE }).first().click();
    await page.locator(`[data-testid=guide-view][data-path="${CURRENT_PATH}"]`).waitFor();
    app.services.library.watch();
    const file = join(root, CURRENT_PATH);
    const { readFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('재발 방지 안내', '재발 방지 안내 ▶ 만족도 조사 안내'));
    writeFileSync(join(root, '새 가이드 테스트.md'), '# 새 가이드 테스트\n\n본문입니다.\n');
    await expect
      .poll(() => page.locator('[data-testid=response-steps] li').allTextContents(), { timeout: 15_000 })
      .toContain('만족도 조사 안내');
    await expect
      .poll(() => page.locator('[data-testid=guide-item]', { hasText: '새 가이드 테스트' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
  });
});
