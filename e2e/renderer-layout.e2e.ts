/**
 * Layout as a counselor sees it mid-call: the guide list keeps the opened guide in view without
 * cutting the rows around it, and the guide view stays usable on a 1366×768 laptop and in a
 * ~900 px window docked beside the chat tool (no sideways scrolling, copy buttons reachable).
 */
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
      return { top: r.top - box.top, bottom: r.bottom - box.top, selected: row.getAttribute('aria-selected') === 'true' };
    });
    const visible = rows.filter((r) => r.bottom > pad + 0.5 && r.top < list.clientHeight - 0.5);
    return { pad, height: list.clientHeight, scrollTop: list.scrollTop, max: list.scrollHeight - list.clientHeight, visible, selected: rows.find((r) => r.selected) };
  });
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
});
