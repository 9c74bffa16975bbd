/**
 * Issue 11, item 14: the renderer is served from `app://guidedesk` with exact path checks, and
 * trusted by exact origin and path (not `file:`, whose host reaches other machines).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, resolveAppRequest } from '../../src/main/security/appProtocol';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../../src/main/security/csp';
import { trustedUrlMatcher } from '../../src/main/security/origin';

const handled = vi.hoisted(() => ({
  schemes: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
}));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => handled.schemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => handled.handlers.set(scheme, handler),
    unhandle: (scheme: string) => handled.handlers.delete(scheme),
  },
}));

const RENDERER_DIR = '/opt/guidedesk/out/renderer';

describe('app:// request rules', () => {
  it.each([
    ['app://guidedesk/index.html', `${RENDERER_DIR}/index.html`],
    ['app://guidedesk/', `${RENDERER_DIR}/index.html`],
    ['app://guidedesk/assets/index-abc.js', `${RENDERER_DIR}/assets/index-abc.js`],
    ['app://guidedesk/assets/index.css?v=1#x', `${RENDERER_DIR}/assets/index.css`],
    ['app://guidedesk/assets/%ED%95%9C.png', `${RENDERER_DIR}/assets/한.png`],
    // URL parsing resolves dot segments (also %2e%2e) before the handler sees them: they stay inside.
    ['app://guidedesk/../main/index.js', `${RENDERER_DIR}/main/index.js`],
    ['app://guidedesk/%2e%2e/%2e%2e/assets/x.js', `${RENDERER_DIR}/assets/x.js`],
  ])('%s → %s', (url, file) => {
    expect(resolveAppRequest(url, RENDERER_DIR)).toMatchObject({ file });
  });

  it.each([
    ['app://evil.example/index.html', 403],
    ['app://guidedesk:8080/index.html', 403],
    ['app://user:pass@guidedesk/index.html', 403],
    ['file:///opt/guidedesk/out/renderer/index.html', 403],
    ['https://guidedesk/index.html', 403],
    ['app://guidedesk/assets/..%2f..%2f..%2fetc%2fpasswd', 403],
    ['app://guidedesk/assets/..%5c..%5cmain%5cindex.js', 403],
    ['app://guidedesk/assets//index.js', 403],
    ['app://guidedesk/index.html%00.png', 403],
    ['app://guidedesk/C:/Windows/win.ini', 403],
    ['app://guidedesk/%E0%A4%A', 400],
    ['app://guidedesk/assets/secret.txt', 404],
    ['app://guidedesk/preload.cjs', 404],
  ])('%s is refused (%i)', (url, status) => {
    expect(resolveAppRequest(url, RENDERER_DIR)).toMatchObject({ status });
  });
});

describe('the Electron app:// handler', async () => {
  const { AppProtocol, registerAppScheme } = await import('../../src/main/electron/appProtocol');
  const dir = mkdtempSync(join(tmpdir(), 'guidedesk-renderer-'));
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>GuideDesk</title>');
  writeFileSync(join(dir, 'renderer', 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.js'), 'secret');
  symlinkSync(join(dir, 'secret.js'), join(dir, 'renderer', 'assets', 'linked.js'));
  const log = vi.fn();
  const service = new AppProtocol(join(dir, 'renderer'), log);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('registers app: as a standard, secure scheme, served only while the service runs', () => {
    registerAppScheme();
    expect(handled.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    service.start();
    expect(handled.handlers.has('app')).toBe(true);
    service.dispose();
    expect(handled.handlers.has('app')).toBe(false);
    service.start();
  });

  it('serves the entry page with the CSP header and nosniff, and the scripts beside it', async () => {
    const handler = handled.handlers.get('app')!;
    const page = await handler(new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>GuideDesk</title>');
    const script = await handler(new Request('app://guidedesk/assets/index.js'));
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('refuses what is not a file of the renderer, and says so in the log', async () => {
    const handler = handled.handlers.get('app')!;
    const status = async (url: string, init?: RequestInit) => (await handler(new Request(url, init))).status;
    expect(await status('app://guidedesk/assets/missing.js')).toBe(404);
    expect(await status('app://guidedesk/assets/..%2f..%2fsecret.js')).toBe(403);
    // A link inside the renderer folder to a file outside it is not served either.
    expect(await status('app://guidedesk/assets/linked.js')).toBe(403);
    expect(await status('app://evil/index.html')).toBe(403);
    expect(await status(APP_ENTRY_URL, { method: 'POST', body: 'x' })).toBe(405);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused app://guidedesk/assets/..%2f..%2fsecret.js'));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused app://guidedesk/assets/linked.js'));
  });
});

describe('the renderer is trusted by exact origin and path', () => {
  const isApp = trustedUrlMatcher(APP_ENTRY_URL);

  it.each([
    [APP_ENTRY_URL, true],
    ['app://guidedesk/index.html#guide', true],
    ['app://guidedesk/', true],
    ['app://guidedesk/other.html', false],
    ['app://guidedesk/assets/index.html', false],
    ['app://evil.example/index.html', false],
    ['app://user@guidedesk/index.html', false],
    ['file:///opt/guidedesk/out/renderer/index.html', false],
    ['https://guidedesk/index.html', false],
    ['not a url', false],
  ])('%s → %s', (url, trusted) => {
    expect(isApp(url)).toBe(trusted);
  });

  it('a file: renderer is trusted only on this machine: not file://host/… nor a UNC path', () => {
    const isFile = trustedUrlMatcher('file:///opt/guidedesk/out/renderer/index.html');
    expect(isFile('file:///opt/guidedesk/out/renderer/index.html')).toBe(true);
    expect(isFile('file://evil.example/opt/guidedesk/out/renderer/index.html')).toBe(false);
    expect(isFile('file://server/share/opt/guidedesk/out/renderer/index.html')).toBe(false);
  });
});

describe('the Content-Security-Policy', () => {
  it('allows no data: and no inline code in the built app', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('data:');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });

  it('in development admits only nonce-carrying scripts and the dev server', () => {
    const policy = devContentSecurityPolicy('abc', 'http://localhost:5173/');
    expect(policy).toContain("script-src 'self' 'nonce-abc'");
    expect(policy).toContain("connect-src 'self' ws://localhost:5173");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('data:');
  });
});
