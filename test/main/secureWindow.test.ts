import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../src/main/security/appProtocol';
import { externalUrlRefusal, isAllowedRequest } from '../../src/main/security/policy';
import { UserGestureGate } from '../../src/main/security/userGesture';

/** A recording stand-in for the parts of Electron the window factory touches. */
const recorded = vi.hoisted(() => ({
  windowOptions: [] as Record<string, unknown>[],
  contentsHandlers: new Map<string, (...args: unknown[]) => void>(),
  windowOpenHandler: null as null | ((details: { url: string }) => { action: string }),
  permissionRequest: null as null | ((c: unknown, permission: string, cb: (granted: boolean) => void) => void),
  permissionCheck: null as null | ((c: unknown, permission: string) => boolean),
  beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  loaded: [] as string[],
  applicationMenus: [] as unknown[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      id: 7,
      on: (event: string, handler: (...args: unknown[]) => void) => recorded.contentsHandlers.set(event, handler),
      once: (event: string, handler: (...args: unknown[]) => void) => recorded.contentsHandlers.set(event, handler),
      setWindowOpenHandler: (handler: typeof recorded.windowOpenHandler) => (recorded.windowOpenHandler = handler),
      closeDevTools: () => {},
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
  const Menu = { setApplicationMenu: (menu: unknown) => recorded.applicationMenus.push(menu) };
  return { BrowserWindow, Menu, session: { defaultSession } };
});

const RENDERER = APP_ENTRY_URL;

describe('secure window factory', async () => {
  const { applyAppChrome, createSecureWindow } = await import('../../src/main/electron/secureWindow');
  const log = vi.fn();
  let clock = 1000;
  const userGestures = new UserGestureGate(() => clock);
  createSecureWindow({
    preloadPath: '/opt/guidedesk/out/preload/index.cjs',
    rendererUrl: RENDERER,
    title: 'GuideDesk',
    log,
    userGestures,
    devTools: false,
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
      devTools: false,
      preload: '/opt/guidedesk/out/preload/index.cjs',
    });
    expect(recorded.loaded).toEqual(['app://guidedesk/index.html']);
  });

  it('removes the default menu (reload, DevTools) outside development only', () => {
    applyAppChrome({ devTools: true });
    expect(recorded.applicationMenus).toEqual([]);
    applyAppChrome({ devTools: false });
    expect(recorded.applicationMenus).toEqual([null]);
  });

  it("notes the window's real clicks and Enter as gestures, and nothing else", () => {
    const input = recorded.contentsHandlers.get('input-event')!;
    const keys = recorded.contentsHandlers.get('before-input-event')!;
    input({}, { type: 'mouseMove' });
    keys({}, { type: 'keyDown', key: 'a' });
    expect(userGestures.consume(7)).toBe(false);
    input({}, { type: 'mouseDown', button: 'left' });
    expect(userGestures.consume(8)).toBe(false);
    expect(userGestures.consume(7)).toBe(true);
    expect(userGestures.consume(7)).toBe(false);
    keys({}, { type: 'keyDown', key: 'Enter' });
    clock += 5001;
    expect(userGestures.consume(7)).toBe(false);
    input({}, { type: 'mouseDown', button: 'right' });
    expect(userGestures.consume(7)).toBe(false);
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
    expect(cancelled('file:///opt/guidedesk/out/renderer/assets/index.js')).toBe(true);
    expect(cancelled('file://evil.example/opt/guidedesk/out/renderer/assets/index.js')).toBe(true);
    expect(cancelled('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(cancelled('data:text/html,<script>alert(1)</script>')).toBe(true);
    expect(cancelled('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(cancelled('app://evil/index.html')).toBe(true);
    expect(cancelled('app://guidedesk/assets/index.js')).toBe(false);
  });
});

describe('request and link policy', () => {
  it('allows the dev server and its websocket only in dev', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173/')).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isAllowedRequest('https://cdn.example/x.js', 'http://localhost:5173/')).toBe(false);
  });

  it('lets DevTools load their pages only in development', () => {
    expect(isAllowedRequest('devtools://devtools/x', APP_ENTRY_URL)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/x', 'http://localhost:5173/', { devTools: true })).toBe(true);
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
    ['http://localhost:8080/admin', true, 'the address is not opened: it points at this computer (localhost)'],
    ['http://127.0.0.1/', true, 'the address is not opened: it points at this computer (127.0.0.1)'],
    ['http://2130706433/', true, 'the address is not opened: it points at this computer (127.0.0.1)'],
    ['http://[::1]:3000/', true, 'the address is not opened: it points at this computer ([::1])'],
    ['http://app.localhost/', true, 'the address is not opened: it points at this computer (app.localhost)'],
    [
      'https://user:pass@example.com/',
      true,
      'the address is not opened: it carries a user name or password (user:pass@…)',
    ],
    [
      'https://example.com@evil.example/',
      true,
      'the address is not opened: it carries a user name or password (user:pass@…)',
    ],
    ['https://example.com/\u202Efdp.exe', true, 'the address holds characters that reorder text'],
  ])('openExternal(%s, click=%s) → %s', (url, clicked, refusal) => {
    expect(externalUrlRefusal(url, { userGesture: () => clicked })).toBe(refusal);
  });

  it('refuses a web link whose text in a guide shows another address, before using the click', () => {
    const gesture = vi.fn(() => true);
    expect(
      externalUrlRefusal('https://evil.example/x', {
        userGesture: gesture,
        shownAs: ['안내', 'https://help.example.com'],
      }),
    ).toBe('the link misleads: its text shows help.example.com but it goes to evil.example');
    expect(
      externalUrlRefusal('https://evil.example/x', { userGesture: gesture, shownAs: ['\u202Emoc.elpmaxe'] }),
    ).toMatch(/reorder text/);
    expect(gesture).not.toHaveBeenCalled();
    expect(
      externalUrlRefusal('https://help.example.com/a', { userGesture: gesture, shownAs: ['help.example.com'] }),
    ).toBeNull();
    expect(gesture).toHaveBeenCalledOnce();
  });
});
