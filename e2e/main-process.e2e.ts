/**
 * The built main process (out/main/index.js) loaded in Node with a recording stand-in for the
 * `electron` module. Electron itself cannot run where no binary exists, but the composition root
 * still must wire what it claims: the single-instance lock, one secure window with a preload that
 * exists, every contract channel handled, the sender checked, and the real services answering.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeChannels } from '../src/shared/ipc';
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
};

function fakeElectron(userData: string) {
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    record: { options: Record<string, unknown>; url: string | null };
    webContents = {
      on() {},
      setWindowOpenHandler() {},
      send() {},
      isDestroyed: () => false,
      mainFrame: { url: '' },
    };
    constructor(options: Record<string, unknown>) {
      this.record = { options, url: null };
      recorded.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    static getAllWindows() {
      return BrowserWindow.all;
    }
    once() {}
    on() {}
    show() {}
    loadURL(url: string) {
      this.record.url = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
  }
  return {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => (recorded.singleInstanceAsked = true),
      enableSandbox: () => (recorded.sandboxEnabled = true),
      whenReady: () => Promise.resolve(),
      getPath: () => userData,
      getAppPath: () => REPO_ROOT,
      on() {},
      quit() {},
      exit(code: number) {
        throw new Error(`app.exit(${code})`);
      },
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: Handler) => recorded.handlers.set(channel, handler),
      removeHandler: (channel: string) => recorded.handlers.delete(channel),
    },
    shell: { openExternal: async (url: string) => void recorded.opened.push(url) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => (recorded.permissionHandlerSet = true),
        setPermissionCheckHandler() {},
        webRequest: { onBeforeRequest: () => (recorded.requestFilterSet = true) },
      },
    },
  };
}

describe('built main process (composition root)', () => {
  const userData = mkdtempSync(join(tmpdir(), 'guidedesk-userdata-'));
  const moduleInternals = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = moduleInternals._load;
  let rendererUrl: string;
  let mainFrame: { url: string };

  beforeAll(async () => {
    const electron = fakeElectron(userData);
    moduleInternals._load = function (request: string, ...rest: unknown[]) {
      if (request === 'electron') return electron;
      return originalLoad.call(this, request, ...rest);
    };
    process.env.GUIDEDESK_CONTENT = join(REPO_ROOT, 'content');
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
  });

  const trusted = () => ({ senderFrame: mainFrame, sender: { mainFrame } });

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
    expect(rendererUrl.startsWith('file://')).toBe(true);
    expect(existsSync(fileURLToPath(rendererUrl))).toBe(true);
  });

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
    expect((await open(trusted(), { url: 'smb://host/share', userActivated: true })).value).toMatchObject({
      opened: false,
    });
    expect((await open(trusted(), { url: 'https://example.com/', userActivated: false })).value).toMatchObject({
      opened: false,
    });
    expect((await open(trusted(), { url: 'https://example.com/', userActivated: true })).value).toMatchObject({
      opened: true,
    });
    expect(recorded.opened).toEqual(['https://example.com/']);
  });
});
