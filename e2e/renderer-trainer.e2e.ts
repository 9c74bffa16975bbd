/**
 * The trainer's desk, keyboard only, in the built renderer against the real services: pick a
 * period, read every change of all guides on one page, switch the diffs to side by side, walk the
 * timeline and read its table, then print and save the briefing as a PDF a class can read.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeBriefing, changeTimeline } from '../src/main/core/versions';
import { pdfFileName } from '../src/main/electron/pdfExport';
import type { ChangeBriefing, ChangePeriod } from '../src/shared/briefing';
import type { SavePdfRequest } from '../src/shared/ipc';
import {
  briefingGuides,
  KOREAN_FONT,
  missingFromPrintedBriefing,
  picturePages,
  playwrightPdfOptions,
  readPdf,
  seriousViolations,
  squeeze,
  tabTo,
} from './renderer-trainer-support';
import { closeBrowser, launchRendererApp, SCREENSHOT_DIR, type RendererApp } from './support/rendererApp';

const TODAY = '2026-12-03';

/** The briefing on screen, as the DOM shows it: guide ids by group, and diff lines per guide. */
async function shownBriefing(page: Page) {
  return page.$$eval('[data-testid=briefing-group]', (groups) =>
    groups.map((g) => ({
      category: g.getAttribute('data-category'),
      guides: [...g.querySelectorAll('[data-testid=change-entry]')].map((e) => ({
        id: e.getAttribute('data-id'),
        changes: e.querySelectorAll('[data-testid=diff-change]').length,
      })),
    })),
  );
}

describe('the trainer’s desk (real bridge, keyboard only)', () => {
  let app: RendererApp;
  let outDir: string;
  const saved: { request: SavePdfRequest; path: string }[] = [];
  const briefingFor = (period: ChangePeriod): ChangeBriefing => {
    const { versions, histories } = app.services.library.snapshot;
    return changeBriefing(versions, histories, period);
  };

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'guidedesk-trainer-'));
    app = await launchRendererApp({ today: TODAY });
    // PDF로 저장 goes through the real IPC handler; Chromium's printToPDF stands in for Electron's.
    app.services.setPdfExporter(async (request) => {
      const path = join(outDir, pdfFileName(request));
      await app.page.pdf(playwrightPdfOptions(path));
      saved.push({ request, path });
      return { saved: true, path };
    });
    await app.page.getByTestId('guide-list').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('opens 변경 사항 on the last 90 days at a first visit, and offers the newest change’s month when that is empty', async () => {
    const { page } = app;
    await tabTo(page, '[data-testid=nav-changes]', { back: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('changes-view').waitFor();
    expect(await page.getByTestId('since').inputValue()).toBe('2026-09-04');
    expect(await page.getByTestId('until').inputValue()).toBe('');
    const empty = page.getByTestId('changes-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('2026-09-04 이후 바뀐 가이드가 없습니다.');
    expect(await empty.textContent()).toContain('가장 최근 변경은 2025-06-01입니다.');
    await app.screenshot('trainer-first-visit-empty');

    await tabTo(page, '[data-testid=empty-newest-month]');
    await page.keyboard.press('Enter');
    await page.getByTestId('change-list').waitFor();
    expect(await page.getByTestId('since').inputValue()).toBe('2025-06-01');
    expect(await page.getByTestId('until').inputValue()).toBe('2025-06-30');
    const june = briefingFor({ since: '2025-06-01', until: '2025-06-30' });
    expect(await shownBriefing(page)).toEqual(
      june.groups.map((g) => ({
        category: g.category,
        guides: g.guides.map((x) => ({ id: x.id, changes: x.changes.length })),
      })),
    );
  });

  it('remembers the visit: the next day the page opens at the day of the previous visit', async () => {
    const { page } = app;
    const stored = await page.evaluate(() => localStorage.getItem('guidedesk.changes.visits'));
    expect(JSON.parse(stored!)).toEqual({ last: TODAY, before: null });
    // A visit recorded on an earlier day, as a trainer who came by in May would have it.
    await page.evaluate(() => localStorage.setItem('guidedesk.changes.visits', '{"last":"2025-05-15","before":null}'));
    await page.reload();
    await page.getByTestId('guide-list').waitFor();
    await tabTo(page, '[data-testid=nav-changes]', { back: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('change-list').waitFor();
    expect(await page.getByTestId('since').inputValue()).toBe('2025-05-15');
    const pick = page.getByTestId('pick-last-visit');
    expect(await pick.textContent()).toBe('지난 방문(2025-05-15) 이후');
    expect(await pick.getAttribute('aria-pressed')).toBe('true');
    const ids = (await shownBriefing(page)).flatMap((g) => g.guides.map((x) => x.id));
    expect(ids).toEqual(briefingGuides(briefingFor({ since: '2025-05-15', until: null })).map((g) => g.id));
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('guidedesk.changes.visits')))!)).toEqual({
      last: TODAY,
      before: '2025-05-15',
    });
  });

  it('reads every change of the whole history on one page: by category, newest first, each diff inline', async () => {
    const { page } = app;
    await tabTo(page, '[data-testid=pick-all]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('since').inputValue()).toBe('2024-07-01');
    const all = briefingFor({ since: '2024-07-01', until: null });
    await expect.poll(() => page.getByTestId('change-entry').count()).toBe(all.guideCount);
    expect(await shownBriefing(page)).toEqual(
      all.groups.map((g) => ({
        category: g.category,
        guides: g.guides.map((x) => ({ id: x.id, changes: x.changes.length })),
      })),
    );
    // Groups and guides run newest first.
    const latest = all.groups.map((g) => g.latest);
    expect([...latest].sort().reverse()).toEqual(latest);
    expect(await page.getByTestId('briefing-meta').textContent()).toContain(
      `가이드 ${all.guideCount}건 · 변경 ${all.changeCount}건`,
    );
    // A new guide shows what it holds, plain; a changed one marks its reworded words inline.
    const fresh = page.locator('[data-testid=change-entry][data-kind=new]').first();
    expect(await fresh.locator('del, ins').count()).toBe(0);
    const reworded = page
      .locator('[data-testid=change-entry][data-kind=changed] [data-op=changed] .diff-merged')
      .first();
    expect(await reworded.locator('del[data-kind=removed]').count()).toBeGreaterThan(0);
    expect(await reworded.locator('ins[data-kind=added]').count()).toBeGreaterThan(0);
    await app.screenshot('trainer-briefing-inline');
    expect(await seriousViolations(page)).toEqual([]);

    // One guide folds away from the keyboard and comes back.
    await tabTo(page, '[data-testid=change-toggle]');
    const first = page.getByTestId('change-entry').first();
    await page.keyboard.press('Enter');
    expect(await first.getAttribute('data-expanded')).toBe('false');
    expect(await first.locator('.briefing-body').isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await first.locator('.briefing-body').isVisible()).toBe(true);
  });

  it('walks the timeline by keyboard, reads its numbers as a table, and picks a month with Enter', async () => {
    const { page } = app;
    const { versions, histories } = app.services.library.snapshot;
    const months = changeTimeline(versions, histories, 'month');
    await tabTo(page, '[data-testid=timeline-bar][tabindex="0"]', { back: true });
    await page.keyboard.press('Home');
    const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(await focusedLabel()).toMatch(/^2024년 7월: 변경 \d+건/);
    await page.keyboard.press('End');
    expect(await focusedLabel()).toMatch(/^2025년 6월: 변경 1건 \(결제_고객 1건\)$/);
    await page.keyboard.press('ArrowLeft');
    const december = months.buckets.find((b) => b.start === '2024-12-01')!;
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    expect(await focusedLabel()).toContain(`2024년 12월: 변경 ${december.total}건`);
    // Not by colour alone: each category fills with its own pattern, and each bar says its count.
    const fills = await page.$$eval('[data-testid=timeline-chart] rect[fill^="url(#"]', (rects) => [
      ...new Set(rects.map((r) => r.getAttribute('fill'))),
    ]);
    expect(fills.length).toBe(months.categories.length);
    await app.screenshot('trainer-timeline');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('until').inputValue()).toBe('2024-12-31');
    expect(await page.getByTestId('since').inputValue()).toBe('2024-12-01');
    const ids = (await shownBriefing(page)).flatMap((g) => g.guides.map((x) => x.id));
    expect(ids).toEqual(briefingGuides(briefingFor({ since: '2024-12-01', until: '2024-12-31' })).map((g) => g.id));

    await tabTo(page, '[data-testid=timeline-table] summary');
    await page.keyboard.press('Enter');
    const rows = page.getByTestId('timeline-row');
    await expect.poll(() => rows.count()).toBe(months.buckets.length);
    const decemberRow = page.locator('[data-testid=timeline-row][data-start="2024-12-01"] td');
    expect(await decemberRow.last().textContent()).toBe(String(december.total));
    expect(await seriousViolations(page)).toEqual([]);

    await tabTo(page, '[data-testid=timeline-week]', { back: true });
    await page.keyboard.press('Enter');
    const weeks = changeTimeline(versions, histories, 'week');
    await expect.poll(() => page.getByTestId('timeline-bar').count()).toBe(weeks.buckets.length);
    // Weeks inside the period picked are marked as such.
    const inPeriod = await page.$$eval('[data-testid=timeline-bar].in-period', (bars) =>
      bars.map((b) => b.getAttribute('data-start')),
    );
    expect(inPeriod).toEqual(
      weeks.buckets.filter((b) => b.end >= '2024-12-01' && b.start <= '2024-12-31').map((b) => b.start),
    );
  });

  it('switches the diffs to side by side, the two sides of every change level, here and in 버전 비교', async () => {
    const { page } = app;
    await tabTo(page, '[data-testid=layout-columns]', { back: true });
    await page.keyboard.press('Enter');
    await page.locator('.briefing [data-testid=diff-body][data-layout=columns]').first().waitFor();
    // December 2024, picked on the timeline: the seed guide was replaced on the 5th.
    const seed = page.locator('[data-testid=change-entry][data-id="이중결제취소요청(타사주차권)"]');
    const policy = seed.locator('[data-testid=diff-change]', { hasText: '정책: 속초시 공영주차장' });
    expect(await policy.locator('[data-side=before] del[data-kind=removed]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('6242')]),
    );
    expect(await policy.locator('[data-side=after] ins[data-kind=added]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('0000')]),
    );
    const offsets = await page.$$eval('.briefing .diff-pair', (pairs) =>
      pairs.map((pair) => {
        const [a, b] = [...pair.children].map((c) => c.getBoundingClientRect());
        return Math.abs(a.top - b.top) + Math.abs(a.bottom - b.bottom) + (a.right <= b.left ? 0 : 1000);
      }),
    );
    expect(offsets.length).toBeGreaterThan(3);
    expect(Math.max(...offsets)).toBeLessThan(1);
    await page.locator('[data-testid=change-entry][data-id="이중결제취소요청(타사주차권)"]').scrollIntoViewIfNeeded();
    await app.screenshot('trainer-briefing-columns');
    expect(await seriousViolations(page)).toEqual([]);

    // The choice carries to 버전 비교, opened from the briefing.
    await tabTo(
      page,
      '[data-testid=change-entry][data-id="이중결제취소요청(타사주차권)"] [data-testid=change-compare]',
    );
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=diff-view][data-layout=columns]').waitFor();
    const sides = page.locator('[data-testid=diff-change][data-op=changed]').first().locator('.diff-side');
    expect(await sides.count()).toBe(2);
    expect(await sides.nth(0).locator('del[data-kind=removed]').count()).toBeGreaterThan(0);
    expect(await sides.nth(1).locator('ins[data-kind=added]').count()).toBeGreaterThan(0);
    expect(await sides.nth(0).locator('ins').count()).toBe(0);
    await app.screenshot('trainer-diff-columns');
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(page, '[data-testid=layout-inline]', { back: true });
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=diff-view][data-layout=inline]').waitFor();
    await tabTo(page, '[data-testid=nav-changes]', { back: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('change-list').waitFor();
  });

  it('prints the briefing on A4: one guide a page, Korean fonts embedded, every change in the text', async () => {
    const { page } = app;
    await tabTo(page, '[data-testid=pick-all]', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('until').inputValue()).toBe('');
    const all = briefingFor({ since: '2024-07-01', until: null });
    await expect.poll(() => page.getByTestId('change-entry').count()).toBe(all.guideCount);

    // PDF로 저장 from the keyboard, through the IPC handler.
    await tabTo(page, '[data-testid=save-pdf]', { back: true });
    await page.keyboard.press('Enter');
    const status = page.getByTestId('pdf-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^PDF로 저장했습니다: /);
    expect(saved.at(-1)!.request).toEqual({ document: 'briefing', title: '2024-07-01 이후' });
    const path = saved.at(-1)!.path;
    expect(await status.textContent()).toBe(`PDF로 저장했습니다: ${path}`);
    expect(statSync(path).size).toBeGreaterThan(10_000);

    const pdf = readPdf(path);
    expect(pdf.pageSize).toContain('(A4)');
    expect(pdf.pages).toBeGreaterThanOrEqual(all.guideCount);
    expect(pdf.pages).toBeLessThanOrEqual(all.guideCount * 4);
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(pdf.fonts.some((f) => KOREAN_FONT.test(f.name))).toBe(true);
    expect(missingFromPrintedBriefing(pdf, all)).toEqual([]);
    picturePages(path, join(SCREENSHOT_DIR, 'trainer-briefing-pdf'), 3);
    // No app chrome on paper: not the search box, the guide list, the screen tabs or the buttons.
    const text = squeeze(pdf.pageTexts.join(''));
    for (const chrome of ['보관본제외', '파일상태', 'PDF로저장', '모두접기', '변경추이', '가이드열기']) {
      expect(text, chrome).not.toContain(chrome);
    }
  });

  it('prints a guide and a diff the same way', async () => {
    const { page } = app;
    await tabTo(page, 'input[data-testid=search-input]', { back: true });
    await page.keyboard.insertText('이중결제');
    await page.getByTestId('result').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('guide-view').waitFor();
    const guidePdf = join(outDir, 'guide.pdf');
    await page.pdf(playwrightPdfOptions(guidePdf));
    const guide = readPdf(guidePdf);
    const guideText = squeeze(guide.pageTexts.join(''));
    expect(guide.pageSize).toContain('(A4)');
    expect(guideText).toContain(squeeze('이중결제 취소요청(타사 주차권)'));
    expect(guideText).toContain('033-636-4240');
    expect(guideText).not.toContain('보관본제외');

    await tabTo(page, '[data-testid=compare]');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=diff-change]').first().waitFor();
    const diffPdf = join(outDir, 'diff.pdf');
    await page.pdf(playwrightPdfOptions(diffPdf));
    const diffText = squeeze(readPdf(diffPdf).pageTexts.join(''));
    expect(diffText).toContain('버전비교');
    expect(diffText).toContain('637-6242639-0000');
    expect(diffText).not.toContain('가이드로돌아가기');
  });

  it('made no request outside the local server', () => {
    expect(app.blockedRequests).toEqual([]);
  });
});
