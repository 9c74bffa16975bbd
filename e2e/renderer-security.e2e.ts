/**
 * A hostile guide file in the content folder must stay text: no script runs, no Node, no request
 * leaves the machine, no unsafe link opens. The built page carries the strict CSP.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchRendererApp, RENDERER_DIR, REPO_ROOT, type RendererApp } from './support/rendererApp';

const HOSTILE_PATH = '악성 가이드.md';
const HOSTILE = `# 악성 가이드

**1. 상담 유형 : 기타_고객 ▶ 보안 ▶ 시험**

<script>window.__pwned = 'script'</script>
<img src="https://evil.example/pixel.png" onerror="window.__pwned = 'img'">
<iframe src="https://evil.example/"></iframe>

![추적 이미지](https://evil.example/track.png)

| 왼쪽 | 가운데 |
| :--- | :---: |
| 값 | 값 |

**Q. 이 링크를 눌러도 되나요?**

**① 안내**

[자바스크립트](javascript:window.__pwned='link') [대소문자](JaVaScRiPt:window.__pwned='case') [엔티티](&#106;avascript:window.__pwned='entity')
[공유폴더](smb://evil.example/share) [검색](search-ms:query=x) [파일](file:///C:/Windows/System32/calc.exe) [데이터](data:text/html,<script>alert(1)</script>)
`;

describe('renderer security (real bridge, hostile content)', () => {
  let app: RendererApp;
  let contentRoot: string;

  beforeAll(async () => {
    contentRoot = mkdtempSync(join(tmpdir(), 'guidedesk-hostile-'));
    cpSync(join(REPO_ROOT, 'content'), contentRoot, { recursive: true });
    writeFileSync(join(contentRoot, HOSTILE_PATH), HOSTILE);
    app = await launchRendererApp({ contentRoot });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    rmSync(contentRoot, { recursive: true, force: true });
  });

  it('serves the page under a strict Content-Security-Policy that stops inline script', async () => {
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
    expect(html).toContain("script-src 'self'");
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("connect-src 'none'");
    const ran = await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = "window.__inline = 'ran'";
      document.body.append(script);
      return (window as unknown as { __inline?: string }).__inline ?? null;
    });
    expect(ran).toBeNull();
    const fetched = await app.page.evaluate(() =>
      fetch('https://evil.example/x').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
  });

  it('renders the hostile guide as inert text and opens none of its unsafe links', async () => {
    const { page } = app;
    await page.getByTestId('search-input').fill('악성 가이드');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=guide-view][data-path="${HOSTILE_PATH}"]`).waitFor();
    await page.getByTestId('raw').locator('summary').click();
    const raw = page.locator('[data-testid=raw] .markdown');
    await raw.waitFor();
    expect(await raw.locator('script, iframe, img, [onerror], [style]').count()).toBe(0);
    expect(await raw.textContent()).toContain('<script>');
    const hrefs = await raw.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:|tel:)/);
    for (const text of ['자바스크립트', '공유폴더', '파일', '검색']) {
      const link = raw.getByText(text, { exact: false }).first();
      if (await link.count()) await link.click();
    }
    // The guide's link list offers only web links; links with an unsafe scheme are not links at all.
    const listed = await page
      .getByTestId('links')
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const href of listed) expect(href).toMatch(/^https?:/);
    expect(await page.getByTestId('links').textContent()).not.toMatch(/javascript|smb:|search-ms|file:|data:/i);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    expect(app.openedExternally).toEqual([]);
    expect(new URL(page.url()).origin).toBe(new URL(app.url).origin);
    expect(app.blockedRequests.filter((url) => url.includes('evil.example'))).toEqual([]);
    await app.screenshot('security-hostile-guide');
  });
});
