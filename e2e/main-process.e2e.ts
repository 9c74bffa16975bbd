/**
 * The built main process (out/main/index.js) loaded in Node with a recording stand-in for the
 * `electron` module. Electron itself cannot run where no binary exists, but the composition root
 * still must wire what it claims: the single-instance lock, one secure window with a preload that
 * exists, every contract channel handled, the sender checked, and the real services answering;
 * on macOS a window reopened from the dock still follows the folder; quitting disposes everything.
 */
import { EventEmitter } from 'node:events';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventChannels, invokeChannels } from '../src/shared/ipc';
import { REPO_ROOT } from './support/rendererApp';

type Handler = (
  event: unknown,
  payload?: unknown,
) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

const recorded = {
  handlers: new Map<string, Handler>(),
  windows: [] as { options: Record<string, unknown>; url: string | null }[],
  opened: [] as string[],
  singleInstanceAsked: false,
  sandboxEnabled: false,
  permissionHandlerSet: false,
  requestFilterSet: false,
  /** The app:// scheme: registered as privileged before ready, then handled. */
  privilegedSchemes: [] as { scheme: string }[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  applicationMenus: [] as unknown[],
  quitRequests: 0,
  quitsHeld: 0,
  /** Set when a quit went through (no 'will-quit' listener held it). */
  quitted: false,
};

const folderWatchers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'FSEventWrap').length;

function fakeElectron(userData: string) {
  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    record: { options: Record<string, unknown>; url: string | null };
    destroyed = false;
    /** Channels sent to this window's page. */
    sent: string[] = [];
    /** The window's webContents listeners, so a test can deliver input events as Electron would. */
    contentsListeners = new Map<string, ((...args: unknown[]) => void)[]>();
    webContents = {
      id: BrowserWindow.all.length + 1,
      on: (event: string, listener: (...args: unknown[]) => void) => {
        this.contentsListeners.set(event, [...(this.contentsListeners.get(event) ?? []), listener]);
      },
      once() {},
      setWindowOpenHandler() {},
      send: (channel: string) => this.sent.push(channel),
      isDestroyed: () => this.destroyed,
      mainFrame: { url: '' },
    };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, url: null };
      recorded.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    static getAllWindows() {
      return BrowserWindow.all.filter((window) => !window.destroyed);
    }
    /** What the user closing the window does: 'closed', then 'window-all-closed' if it was the last. */
    close() {
      this.destroy();
      if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    show() {}
    loadURL(url: string) {
      this.record.url = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
  }
  /** Electron's quit: windows close, then 'will-quit', which a listener may hold with preventDefault. */
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => (recorded.singleInstanceAsked = true),
    enableSandbox: () => (recorded.sandboxEnabled = true),
    whenReady: () => Promise.resolve(),
    getPath: () => userData,
    getAppPath: () => REPO_ROOT,
    quit() {
      recorded.quitRequests++;
      for (const window of BrowserWindow.getAllWindows()) window.destroy();
      let held = false;
      app.emit('will-quit', { preventDefault: () => (held = true) });
      if (held) recorded.quitsHeld++;
      else recorded.quitted = true;
    },
    exit(code: number) {
      throw new Error(`app.exit(${code})`);
    },
  });
  return {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: Handler) => recorded.handlers.set(channel, handler),
      removeHandler: (channel: string) => recorded.handlers.delete(channel),
    },
    shell: { openExternal: async (url: string) => void recorded.opened.push(url) },
    Menu: { setApplicationMenu: (menu: unknown) => recorded.applicationMenus.push(menu) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        recorded.protocolHandlers.set(scheme, handler),
      unhandle: (scheme: string) => recorded.protocolHandlers.delete(scheme),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => (recorded.permissionHandlerSet = true),
        setPermissionCheckHandler() {},
        webRequest: { onBeforeRequest: () => (recorded.requestFilterSet = true) },
      },
    },
  };
}

/** The app:// handler the main process registered serves the built page and nothing outside it. */
async function checkAppProtocol(rendererUrl: string) {
  const serve = recorded.protocolHandlers.get('app')!;
  const page = await serve(new Request(rendererUrl));
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root"></div>');
  expect((await serve(new Request('app://guidedesk/..%2f..%2fpackage.json'))).status).toBe(403);
  expect((await serve(new Request('app://guidedesk/assets/missing.js'))).status).toBe(404);
}

describe('built main process (composition root)', () => {
  const userData = mkdtempSync(join(tmpdir(), 'guidedesk-userdata-'));
  // A copy of the pack, so the tests can edit the folder the app watches.
  const contentRoot = mkdtempSync(join(tmpdir(), 'guidedesk-content-'));
  cpSync(join(REPO_ROOT, 'content'), contentRoot, { recursive: true });
  let electron: ReturnType<typeof fakeElectron>;
  let watchersBeforeStart: number;
  const moduleInternals = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = moduleInternals._load;
  let rendererUrl: string;
  let mainFrame: { url: string };

  beforeAll(async () => {
    electron = fakeElectron(userData);
    watchersBeforeStart = folderWatchers();
    moduleInternals._load = function (request: string, ...rest: unknown[]) {
      if (request === 'electron') return electron;
      return originalLoad.call(this, request, ...rest);
    };
    process.env.GUIDEDESK_CONTENT = contentRoot;
    createRequire(import.meta.url)(join(REPO_ROOT, 'out/main/index.js'));
    for (let waited = 0; recorded.windows.length === 0 && waited < 20_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (recorded.windows.length !== 1) throw new Error(`expected one window, got ${recorded.windows.length}`);
    rendererUrl = recorded.windows[0].url!;
    mainFrame = electron.BrowserWindow.getAllWindows()[0].webContents.mainFrame;
  });

  afterAll(() => {
    moduleInternals._load = originalLoad;
    delete process.env.GUIDEDESK_CONTENT;
    rmSync(userData, { recursive: true, force: true });
    rmSync(contentRoot, { recursive: true, force: true });
  });

  const trusted = () => ({
    senderFrame: mainFrame,
    sender: { mainFrame, id: electron.BrowserWindow.getAllWindows()[0].webContents.id },
  });

  it('takes the single-instance lock, enables the sandbox and hardens the session first', () => {
    expect(recorded.singleInstanceAsked).toBe(true);
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.permissionHandlerSet).toBe(true);
    expect(recorded.requestFilterSet).toBe(true);
  });

  it('opens one isolated window on the built renderer with a preload that exists', () => {
    const prefs = recorded.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(existsSync(prefs.preload as string)).toBe(true);
    // The built renderer comes from the app:// origin, registered before ready, served from out/renderer.
    expect(rendererUrl).toBe('app://guidedesk/index.html');
    expect(recorded.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
    expect(prefs.devTools).toBe(false);
    expect(recorded.applicationMenus).toEqual([null]);
  });

  it('serves the built renderer on app:// and nothing outside it', () => checkAppProtocol(rendererUrl));

  it('handles exactly the contract channels, answering the window and refusing others', async () => {
    expect([...recorded.handlers.keys()].sort()).toEqual(Object.values(invokeChannels).sort());
    const library = await recorded.handlers.get(invokeChannels.getLibrary)!(trusted());
    expect(library.ok).toBe(true);
    expect((library.value as { guides: unknown[] }).guides.length).toBeGreaterThanOrEqual(17);

    const stranger = { url: 'https://evil.example/' };
    const refused = await recorded.handlers.get(invokeChannels.getLibrary)!({
      senderFrame: stranger,
      sender: { mainFrame },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('searches with the index built by the worker, and opens only web links from a click', async () => {
    const search = recorded.handlers.get(invokeChannels.search)!;
    await expect
      .poll(
        async () =>
          ((await search(trusted(), { query: 'ㅇㅈㄱㅈ' })).value as { results: { title: string }[] }).results[0]
            ?.title,
        {
          timeout: 20_000,
        },
      )
      .toBe('이중결제 취소요청(타사 주차권)');
    const open = recorded.handlers.get(invokeChannels.openExternal)!;
    const [window] = electron.BrowserWindow.getAllWindows();
    const click = () =>
      window.contentsListeners.get('input-event')!.forEach((l) => l({}, { type: 'mouseDown', button: 'left' }));
    expect((await open(trusted(), { url: 'smb://host/share' })).value).toMatchObject({ opened: false });
    // No real input seen by main since the last link: refused, whatever the page says.
    expect((await open(trusted(), { url: 'https://example.com/' })).value).toMatchObject({ opened: false });
    expect((await open(trusted(), { url: 'https://example.com/', userActivated: true })).ok).toBe(false);
    click();
    expect((await open(trusted(), { url: 'https://example.com/' })).value).toMatchObject({ opened: true });
    expect((await open(trusted(), { url: 'https://example.com/' })).value).toMatchObject({ opened: false });
    expect(recorded.opened).toEqual(['https://example.com/']);
  });

  it('on macOS keeps following the folder with no window, so the window reopened from the dock hears of an edit', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
    try {
      const [first] = electron.BrowserWindow.getAllWindows();
      first.close();
      expect(electron.BrowserWindow.getAllWindows()).toHaveLength(0);
      expect(recorded.quitRequests).toBe(0);

      electron.app.emit('activate', {}, false);
      const reopened = electron.BrowserWindow.getAllWindows();
      expect(reopened).toHaveLength(1);
      expect(reopened[0]).not.toBe(first);
      mainFrame = reopened[0].webContents.mainFrame;
      expect(mainFrame.url).toBe(rendererUrl);

      writeFileSync(
        join(contentRoot, '독 아이콘 확인.md'),
        '---\ntitle: 독 아이콘 확인\ncategory: 기타_고객 ▶ 문의\n---\n\n:::script ① 안내\n다시 열린 창에도 보입니다.\n:::\n',
      );
      await expect.poll(() => reopened[0].sent, { timeout: 20_000 }).toContain(eventChannels.libraryChanged);
      expect(first.sent).toEqual([]);
      const search = recorded.handlers.get(invokeChannels.search)!;
      const found = await search(trusted(), { query: '독 아이콘 확인' });
      expect((found.value as { results: { title: string }[] }).results[0]?.title).toBe('독 아이콘 확인');
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('quitting holds the quit until every service is disposed, then quits', async () => {
    expect(folderWatchers()).toBeGreaterThan(watchersBeforeStart);
    expect(electron.app.listenerCount('activate')).toBe(1);
    expect(electron.app.listenerCount('second-instance')).toBe(1);

    electron.app.quit();
    expect(recorded.quitsHeld).toBe(1);
    await expect.poll(() => recorded.quitted, { timeout: 20_000 }).toBe(true);
    expect(recorded.quitRequests).toBe(2);

    expect(recorded.handlers.size).toBe(0);
    expect(electron.app.listenerCount('activate')).toBe(0);
    expect(electron.app.listenerCount('second-instance')).toBe(0);
    // The folder watcher is closed (its handles close on the event loop).
    await expect.poll(folderWatchers).toBe(watchersBeforeStart);
  });
});
