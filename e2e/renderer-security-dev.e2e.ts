/**
 * Issue 11, item 16: `npm run dev` runs under a Content-Security-Policy too. The renderer's Vite
 * dev server is started from electron.vite.config.ts (the same `renderer` section electron-vite
 * uses), loaded in Chromium, and the page must work (React's refresh preamble carries the nonce)
 * while an injected inline script and a remote request are refused. (`eval` cannot be tried from
 * here: code Playwright evaluates runs outside the page's CSP; the policy has no 'unsafe-eval'.)
 */
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../electron.vite.config';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from './support/chromium';

type RendererConfig = { root: string; base: string; plugins: unknown[] };

/** Just enough of window.guidedesk for the shell to render: an empty library. */
function installEmptyApi() {
  const empty = { contentRoot: '/guides', guides: [], files: [], today: '2025-03-01', indexing: false };
  const api = {
    getLibrary: async () => empty,
    search: async (request: { query: string }) => ({ query: request.query, interpretedAs: [], tookMs: 0, results: [] }),
    openGuide: async () => Promise.reject(new Error('not-found')),
    diffVersions: async () => Promise.reject(new Error('not-found')),
    changesSince: async () => [],
    openExternal: async () => ({ opened: false }),
    onLibraryChanged: () => () => {},
  };
  Object.defineProperty(window, 'guidedesk', { value: Object.freeze(api) });
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
}

describe('the dev server page runs under a CSP (npm run dev)', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const renderer = (config as unknown as { renderer: RendererConfig }).renderer;
    server = await createServer({
      configFile: false,
      root: renderer.root,
      base: '/',
      plugins: renderer.plugins as never,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, hmr: true },
    });
    await server.listen();
    url = server.resolvedUrls!.local[0];
    const executablePath = findChromium();
    if (!executablePath) throw new Error(CHROMIUM_INSTALL_HINT);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves a nonce policy that lets the app (and hot reload) run and nothing else', async () => {
    const context = await browser.newContext();
    await context.addInitScript(installEmptyApi);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('search-input').waitFor();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    // The refresh preamble and Vite's client ran (they carry the nonce): React rendered, nothing was refused.
    const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect(await violations()).toEqual([]);

    const attempts = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = "window.__inline = 'ran'";
      document.body.append(script);
      const fetched = await fetch('https://evil.example/x').then(
        () => 'reached',
        () => 'blocked',
      );
      return { inline: (window as unknown as { __inline?: string }).__inline ?? null, fetched };
    });
    expect(attempts).toEqual({ inline: null, fetched: 'blocked' });
    await expect
      .poll(async () => (await violations()).map((v) => v.split(' ')[0]))
      .toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
    await context.close();
  });
});
