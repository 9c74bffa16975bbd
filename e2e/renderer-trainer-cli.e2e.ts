/**
 * The command line's briefing, as a trainer hands it out: `guidedesk changes --format html` (the
 * built CLI) opened in Chromium and printed to PDF the way the app prints, then read back: A4,
 * Korean fonts embedded, a page per guide, every change in the text, the same guides as the app's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeBriefing } from '../src/main/core/versions';
import { ContentLibrary } from '../src/main/services/contentLibrary';
import type { ChangeBriefing } from '../src/shared/briefing';
import {
  briefingGuides,
  KOREAN_FONT,
  missingFromPrintedBriefing,
  picturePages,
  playwrightPdfOptions,
  readPdf,
  squeeze,
} from './renderer-trainer-support';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from './support/chromium';
import { REPO_ROOT, SCREENSHOT_DIR } from './support/rendererApp';

function guidedesk(...args: string[]) {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/guidedesk.js'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('guidedesk changes --format html, printed in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let briefing: ChangeBriefing;

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error(CHROMIUM_INSTALL_HINT);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    dir = mkdtempSync(join(tmpdir(), 'guidedesk-cli-briefing-'));
    const library = new ContentLibrary(join(REPO_ROOT, 'content'));
    await library.load();
    briefing = changeBriefing(library.snapshot.versions, library.snapshot.histories, {
      since: '2024-12-01',
      until: null,
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints as A4 pages a class can read: one guide a page, Korean fonts, every change in the text', async () => {
    const result = guidedesk('changes', '--since', '2024-12-01', '--format', 'html');
    expect(result.code, result.stderr).toBe(0);
    const htmlPath = join(dir, 'briefing.html');
    writeFileSync(htmlPath, result.stdout);

    const context = await browser.newContext({ locale: 'ko-KR' });
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    await page.goto(pathToFileURL(htmlPath).href);
    // Self-contained: the page asked for nothing but itself.
    expect(requests).toEqual([pathToFileURL(htmlPath).href]);
    expect(await page.locator('article.briefing-guide').count()).toBe(briefing.guideCount);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'trainer-cli-html.png') });
    const pdfPath = join(dir, 'briefing.pdf');
    await page.pdf(playwrightPdfOptions(pdfPath));
    await context.close();

    const pdf = readPdf(pdfPath);
    expect(pdf.pageSize).toContain('(A4)');
    expect(pdf.pages).toBeGreaterThanOrEqual(briefing.guideCount);
    expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(pdf.fonts.some((f) => KOREAN_FONT.test(f.name))).toBe(true);
    expect(missingFromPrintedBriefing(pdf, briefing)).toEqual([]);
    expect(squeeze(pdf.pageTexts[0])).toContain(
      squeeze(`가이드 ${briefing.guideCount}건 · 변경 ${briefing.changeCount}건`),
    );
    picturePages(pdfPath, join(SCREENSHOT_DIR, 'trainer-cli-pdf'), 2);
  });

  it('and as Markdown lists the same guides, in the same order', () => {
    const result = guidedesk('changes', '--since', '2024-12-01', '--format', 'md');
    expect(result.code, result.stderr).toBe(0);
    const titles = [...result.stdout.matchAll(/^### (.+) · (?:새 가이드|변경|사용 중지)$/gm)].map((m) =>
      m[1].replaceAll('\\', ''),
    );
    expect(titles).toEqual(briefingGuides(briefing).map((g) => g.title));
  });
});
