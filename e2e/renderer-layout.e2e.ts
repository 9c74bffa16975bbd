/**
 * Layout as a counselor sees it mid-call: the guide list keeps the opened guide in view without
 * cutting the rows around it, and the guide view stays usable on a 1366×768 laptop and in a
 * ~900 px window docked beside the chat tool (no sideways scrolling, copy buttons reachable).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchRendererApp, type RendererApp } from './support/rendererApp';

const CURRENT_PATH = '이중결제 취소요청(타사 주차권).md';

/** Where the list's rows sit against its visible area (CSS px, relative to the list's box). */
function listGeometry(page: Page) {
  return page.evaluate(() => {
    const list = document.getElementById('result-list')!;
    const box = list.getBoundingClientRect();
    const pad = parseFloat(getComputedStyle(list).paddingTop) || 0;
    const rows = [...list.querySelectorAll<HTMLElement>('[role=option]')].map((row) => {
      const r = row.getBoundingClientRect();
      return {
        top: r.top - box.top,
        bottom: r.bottom - box.top,
        selected: row.getAttribute('aria-selected') === 'true',
      };
    });
    const visible = rows.filter((r) => r.bottom > pad + 0.5 && r.top < list.clientHeight - 0.5);
    return {
      pad,
      height: list.clientHeight,
      scrollTop: list.scrollTop,
      max: list.scrollHeight - list.clientHeight,
      visible,
      selected: rows.find((r) => r.selected),
    };
  });
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function noHorizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const content = document.querySelector<HTMLElement>('[data-testid=content]')!;
    const pane = document.querySelector<HTMLElement>('.search-pane')!;
    return {
      page: root.scrollWidth <= innerWidth,
      content: content.scrollWidth <= content.clientWidth,
      pane: pane.scrollWidth <= pane.clientWidth,
    };
  });
}

describe('renderer layout (real bridge)', () => {
  let app: RendererApp;

  beforeAll(async () => {
    app = await launchRendererApp({ today: '2025-03-01' });
    await app.page.getByTestId('guide-list').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('opening a guide keeps it in view and cuts no row at the top of the list', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    // The counselor scrolled the list by hand and stopped half-way through a row.
    await page.evaluate(() => {
      const list = document.getElementById('result-list')!;
      const row = list.querySelectorAll<HTMLElement>('[role=option]')[3];
      list.scrollTop = row.offsetTop + row.offsetHeight / 2;
    });
    const before = await listGeometry(page);
    expect(before.visible[0].top).toBeLessThan(before.pad - 1);
    // Open the last row the list shows (cut at the bottom) with the mouse, without Playwright scrolling.
    const target = before.visible[before.visible.length - 1];
    const box = (await page.locator('#result-list').boundingBox())!;
    await page.mouse.click(box.x + 40, box.y + Math.min(target.top + 8, before.height - 4));
    await page.getByTestId('guide-view').waitFor();
    await expect.poll(async () => (await listGeometry(page)).selected?.bottom).toBeLessThanOrEqual(before.height);
    const after = await listGeometry(page);
    expect(after.selected!.top).toBeGreaterThanOrEqual(0);
    expect(after.visible[0].top).toBeGreaterThanOrEqual(after.pad - 1);
    await app.screenshot('layout-list-opened');

    // Keyboard: ↑/↓ through the list never leaves a half row at the top (until the list's very
    // end, where the last row sits on the bottom edge).
    await page.getByTestId('search-input').focus();
    for (const key of [...Array(14).fill('PageUp'), ...Array(20).fill('ArrowDown'), ...Array(20).fill('ArrowUp')]) {
      await page.keyboard.press(key);
      const g = await listGeometry(page);
      expect(g.selected!.top).toBeGreaterThanOrEqual(0);
      expect(g.selected!.bottom).toBeLessThanOrEqual(g.height + 0.5);
      if (g.scrollTop < g.max - 1) expect(g.visible[0].top).toBeGreaterThanOrEqual(g.pad - 1);
    }
  });

  for (const [width, height] of [
    [1366, 768],
    [900, 760],
  ] as const) {
    it(`stays usable at ${width}×${height}: no sideways scrolling, policy rows and copy buttons in reach`, async () => {
      const { page } = app;
      await page.setViewportSize({ width, height });
      await page.getByTestId('search-input').focus();
      await page.keyboard.press('Escape');
      await page.keyboard.insertText('이중결제');
      await expect.poll(() => page.getByTestId('result').count()).toBeGreaterThan(0);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('guide-view').getAttribute('data-path')).toBe(CURRENT_PATH);
      // The guide gets most of a narrow window; the list keeps a usable width.
      const widths = await page.evaluate(() => ({
        pane: document.querySelector('.search-pane')!.getBoundingClientRect().width,
        content: document.querySelector('[data-testid=content]')!.getBoundingClientRect().width,
      }));
      expect(widths.pane).toBeGreaterThanOrEqual(250);
      expect(widths.content).toBeGreaterThan(widths.pane * 1.8);
      expect(await noHorizontalOverflow(page)).toEqual({ page: true, content: true, pane: true });

      // Every phone number and copy button lies inside the guide column, on one line.
      const content = (await page.getByTestId('content').boundingBox())!;
      for (const button of await page.locator('[data-testid=phone], [data-testid=copy-script]').all()) {
        await button.scrollIntoViewIfNeeded();
        const box = (await button.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(content.x);
        expect(box.x + box.width).toBeLessThanOrEqual(content.x + content.width);
        const oneLine = await button.evaluate(
          (el) => el.getBoundingClientRect().height < parseFloat(getComputedStyle(el).lineHeight) * 1.8,
        );
        expect(oneLine).toBe(true);
      }
      await page.getByTestId('policy-table').scrollIntoViewIfNeeded();
      await app.screenshot(`layout-${width}-policy`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('[data-testid=script-card][data-step="3"]').scrollIntoViewIfNeeded();
      await app.screenshot(`layout-${width}-scripts`);

      for (const screen of ['nav-changes', 'nav-files'] as const) {
        await page.getByTestId(screen).click();
        await page.locator('main h2').first().waitFor();
        expect(await noHorizontalOverflow(page)).toEqual({ page: true, content: true, pane: true });
        await app.screenshot(`layout-${width}-${screen}`);
        expect(await seriousViolations(page)).toEqual([]);
      }
      await page.getByRole('button', { name: '가이드', exact: true }).click();
      await page.getByTestId('compare').click();
      await page.getByTestId('diff-view').waitFor();
      expect(await noHorizontalOverflow(page)).toEqual({ page: true, content: true, pane: true });
      await app.screenshot(`layout-${width}-diff`);
      await page.getByRole('button', { name: '가이드', exact: true }).click();
      await page.getByTestId('guide-view').waitFor();
    });
  }

  it('shows each script’s shortcut on its copy button and the way back to search', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 860 });
    const button = page.locator('[data-testid=script-card][data-step="3"] [data-testid=copy-script]');
    expect((await button.textContent())?.replace(/\s+/g, ' ')).toBe('복사 (Alt+3)');
    expect(await button.getAttribute('aria-keyshortcuts')).toBe('Alt+3');
    expect(await button.getAttribute('aria-label')).toContain('Alt+3');
    expect(await page.getByTestId('guide-keys').textContent()).toContain('Ctrl+K 검색창으로');
    expect(await page.getByTestId('guide-keys').textContent()).toContain('Esc 새 검색');
    // From the open guide, Ctrl+K goes back to the search box with the query kept (for the next
    // result); Esc starts a new search.
    await page.getByTestId('guide-title').focus();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    expect(await page.getByTestId('search-input').inputValue()).toBe('이중결제');
    await page.getByTestId('guide-title').focus();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
  });

  it('the 복사됨 confirmation is announced and never blocks the next click', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 900, height: 760 });
    const region = page.getByTestId('toast');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    expect(await region.getAttribute('role')).toBe('status');
    await page.getByTestId('search-input').focus();
    await page.keyboard.press('Alt+2');
    await expect.poll(() => region.textContent()).toContain('복사됨 · 스크립트 ②');
    // Whatever lies under the confirmation still gets the click.
    const toast = (await region.locator('.toast').boundingBox())!;
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid=toast]') === null,
      [toast.x + toast.width / 2, toast.y + toast.height / 2],
    );
    expect(hit).toBe(true);
    // Focus stayed where the counselor was.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await app.screenshot('layout-toast');
  });

  it('result snippets: the title match is marked on the title, each match is a labelled line of at most two lines', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 900, height: 760 });
    await page.getByTestId('search-input').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.insertText('이중결제');
    const first = page.getByTestId('result').first();
    await expect.poll(() => first.locator('.result-title mark').count()).toBeGreaterThan(0);
    const labels = await first.getByTestId('match-label').allTextContents();
    expect(labels).not.toContain('제목');
    expect(labels.some((l) => /^스크립트 [①-⑨]$/.test(l))).toBe(true);
    for (const match of await page.getByTestId('match').all()) {
      const lines = await match.evaluate(
        (el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight),
      );
      expect(lines).toBeLessThanOrEqual(2.2);
    }
    await app.screenshot('layout-900-results');
  });

  it('date pickers are labelled, described and work from the keyboard, with 오늘 and 초기화', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 900, height: 760 });
    const today = '2025-03-01';
    const asOf = page.getByTestId('as-of');
    expect(await asOf.evaluate((el: HTMLInputElement) => el.labels?.[0]?.textContent)).toBe('이용일 기준');
    expect(await page.locator(`#${await asOf.getAttribute('aria-describedby')}`).textContent()).toContain('현재 버전');
    await page.getByTestId('as-of-today').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => asOf.inputValue()).toBe(today);
    // The field takes ↑/↓ from the keyboard.
    await asOf.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => asOf.inputValue()).not.toBe(today);
    expect(await asOf.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByTestId('as-of-clear').click();
    await expect.poll(() => asOf.inputValue()).toBe('');
    expect(await page.getByTestId('as-of-hint').textContent()).toContain('현재 버전');
    await app.screenshot('layout-as-of');

    await page.getByTestId('nav-changes').click();
    const since = page.getByTestId('since');
    await since.waitFor();
    expect(await since.evaluate((el: HTMLInputElement) => el.labels?.[0]?.textContent)).toBe(
      '이 날짜 이후 바뀐 가이드',
    );
    expect(await since.getAttribute('aria-describedby')).toBe('since-hint');
    await since.fill('');
    expect(await page.getByTestId('since-hint').textContent()).toContain('빠른 선택');
    await page.locator('.changes [role=group] button', { hasText: '최근 1년' }).click();
    await expect.poll(() => since.inputValue()).toBe('2024-03-01');
    await page.getByTestId('change-list').waitFor();
    await page.getByRole('button', { name: '가이드', exact: true }).click();
  });
});
