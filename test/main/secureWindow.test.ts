import { describe, expect, it, vi } from 'vitest';
import { externalUrlRefusal, isAllowedRequest } from '../../src/main/security/policy';

/** A recording stand-in for the parts of Electron the window factory touches. */
const recorded = vi.hoisted(() => ({
  windowOptions: [] as Record<string, unknown>[],
  contentsHandlers: new Map<string, (...args: unknown[]) => void>(),
  windowOpenHandler: null as null | ((details: { url: string }) => { action: string }),
  permissionRequest: null as null | ((c: unknown, permission: string, cb: (granted: boolean) => void) => void),
  permissionCheck: null as null | ((c: unknown, permission: string) => boolean),
  beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  loaded: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (event: string, handler: (...args: unknown[]) => void) => recorded.contentsHandlers.set(event, handler),
      setWindowOpenHandler: (handler: typeof recorded.windowOpenHandler) => (recorded.windowOpenHandler = handler),
    };
    constructor(options: Record<string, unknown>) {
      recorded.windowOptions.push(options);
    }
    once() {}
    show() {}
    loadURL(url: string) {
      recorded.loaded.push(url);
      return Promise.resolve();
    }
  }
  const defaultSession = {
    setPermissionRequestHandler: (h: typeof recorded.permissionRequest) => (recorded.permissionRequest = h),
    setPermissionCheckHandler: (h: typeof recorded.permissionCheck) => (recorded.permissionCheck = h),
    webRequest: { onBeforeRequest: (h: typeof recorded.beforeRequest) => (recorded.beforeRequest = h) },
  };
  return { BrowserWindow, session: { defaultSession } };
});

const RENDERER = 'file:///opt/guidedesk/out/renderer/index.html';

describe('secure window factory', async () => {
  const { createSecureWindow } = await import('../../src/main/electron/secureWindow');
  const log = vi.fn();
  createSecureWindow({
    preloadPath: '/opt/guidedesk/out/preload/index.cjs',
    rendererUrl: RENDERER,
    title: 'GuideDesk',
    log,
  });

  it('isolates the renderer', () => {
    const prefs = recorded.windowOptions[0].webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/opt/guidedesk/out/preload/index.cjs',
    });
    expect(recorded.loaded).toEqual([RENDERER]);
  });

  it('blocks in-window navigation, redirects, webviews and window.open', () => {
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      recorded.contentsHandlers.get(event)!({ preventDefault }, 'https://evil.example/');
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(recorded.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('denies every permission but writing to the clipboard', () => {
    const answer = (permission: string) => {
      let granted: boolean | undefined;
      recorded.permissionRequest!(null, permission, (g) => (granted = g));
      return granted;
    };
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
    ]) {
      expect(answer(permission), permission).toBe(false);
      expect(recorded.permissionCheck!(null, permission)).toBe(false);
    }
    expect(answer('clipboard-sanitized-write')).toBe(true);
  });

  it('refuses every network request the renderer makes', () => {
    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      recorded.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(cancelled('https://t.kakao.com/launch?page=coupon')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('file:///opt/guidedesk/out/renderer/assets/index.js')).toBe(false);
  });
});

describe('request and link policy', () => {
  it('allows the dev server and its websocket only in dev', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173/')).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isAllowedRequest('https://cdn.example/x.js', 'http://localhost:5173/')).toBe(false);
  });

  it.each([
    ['https://t.kakao.com/launch?page=coupon', true, null],
    ['http://example.com', true, null],
    ['https://example.com', false, 'links open only from a click'],
    ['file:///C:/Windows/System32/calc.exe', true, 'file: links are not opened'],
    ['smb://host/share', true, 'smb: links are not opened'],
    ['search-ms:query=x', true, 'search-ms: links are not opened'],
    ['javascript:alert(1)', true, 'javascript: links are not opened'],
    ['//evil.example/x', true, 'not a valid address'],
    ['../../etc/passwd', true, 'not a valid address'],
  ])('openExternal(%s, click=%s) → %s', (url, clicked, refusal) => {
    expect(externalUrlRefusal(url, clicked)).toBe(refusal);
  });
});
