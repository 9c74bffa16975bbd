import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { eventChannels } from '../../src/shared/ipc';
import type { AppWindow } from '../../src/main/electron/windowService';
import { ServiceHost } from '../../src/main/services/lifecycle';

// The window service only types against Electron; its one runtime import is notifyLibraryChanged.
vi.mock('electron', () => ({ ipcMain: {} }));
const { WindowService } = await import('../../src/main/electron/windowService');
const { disposeBeforeQuit } = await import('../../src/main/electron/quit');

class FakeWindow extends EventEmitter {
  destroyed = false;
  minimized = false;
  focused = 0;
  sent: string[] = [];
  webContents = { send: (channel: string) => this.sent.push(channel), isDestroyed: () => this.destroyed };
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = () => void (this.minimized = false);
  focus = () => void this.focused++;
  destroy = () => this.close();
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
}

function setup() {
  const app = new EventEmitter();
  const windows: FakeWindow[] = [];
  const libraryListeners = new Set<() => void>();
  const service = new WindowService({
    app,
    createWindow: () => {
      const window = new FakeWindow();
      windows.push(window);
      return window as unknown as AppWindow;
    },
    onLibraryChanged: (listener) => {
      libraryListeners.add(listener);
      return () => libraryListeners.delete(listener);
    },
  });
  const libraryChanged = () => libraryListeners.forEach((listener) => listener());
  return { app, windows, libraryListeners, libraryChanged, service };
}

describe('window service', () => {
  it('opens one window at start and tells it when the library changed', () => {
    const { windows, libraryChanged, service } = setup();
    service.start();
    expect(windows).toHaveLength(1);
    libraryChanged();
    expect(windows[0].sent).toEqual([eventChannels.libraryChanged]);
  });

  it('reopens a window on activate after the last one closed, and the new one hears of changes', () => {
    const { app, windows, libraryChanged, service } = setup();
    service.start();
    windows[0].close();
    expect(service.current).toBeNull();
    app.emit('activate');
    expect(windows).toHaveLength(2);
    app.emit('activate');
    expect(windows).toHaveLength(2);
    libraryChanged();
    expect(windows[0].sent).toEqual([]);
    expect(windows[1].sent).toEqual([eventChannels.libraryChanged]);
  });

  it('brings the window back on a second launch', () => {
    const { app, windows, service } = setup();
    service.start();
    windows[0].minimized = true;
    app.emit('second-instance');
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatchObject({ minimized: false, focused: 1 });
  });

  it('dispose removes its app listeners and library subscription and destroys the window', async () => {
    const { app, windows, libraryListeners, service } = setup();
    service.start();
    expect(app.listenerCount('activate')).toBe(1);
    await service.dispose();
    await service.dispose();
    expect(app.listenerCount('activate')).toBe(0);
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(libraryListeners.size).toBe(0);
    expect(windows[0].destroyed).toBe(true);
    service.show();
    expect(windows).toHaveLength(1);
  });
});

describe('quitting', () => {
  function quittingApp() {
    const app = new EventEmitter() as EventEmitter & { quit(): void; quits: number; prevented: number };
    app.quits = 0;
    app.prevented = 0;
    app.quit = () => {
      app.quits++;
      app.emit('will-quit', { preventDefault: () => app.prevented++ });
    };
    return app;
  }

  it('holds the quit until every service is disposed, then quits', async () => {
    const app = quittingApp();
    const disposed: string[] = [];
    let release!: () => void;
    const host = new ServiceHost();
    await host.start({ name: 'library', start() {}, dispose: () => void disposed.push('library') });
    await host.start({
      name: 'window',
      start() {},
      dispose: () => new Promise<void>((resolve) => (release = resolve)).then(() => void disposed.push('window')),
    });
    disposeBeforeQuit(app as never, host, () => {});
    app.quit();
    expect(app.prevented).toBe(1);
    app.emit('will-quit', { preventDefault: () => app.prevented++ });
    expect(app.prevented).toBe(2);
    expect(app.quits).toBe(1);
    release();
    await vi.waitFor(() => expect(app.quits).toBe(2));
    expect(disposed).toEqual(['window', 'library']);
    expect(app.prevented).toBe(2);
  });

  it('quits even when a service fails to dispose, and says so', async () => {
    const app = quittingApp();
    const logs: string[] = [];
    const host = new ServiceHost();
    await host.start({
      name: 'search index',
      start() {},
      dispose: () => {
        throw new Error('worker stuck');
      },
    });
    disposeBeforeQuit(app as never, host, (m) => logs.push(m));
    app.quit();
    await vi.waitFor(() => expect(app.quits).toBe(2));
    expect(logs.join('\n')).toContain('did not dispose cleanly');
  });
});
