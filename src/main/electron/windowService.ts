/**
 * The app's window as a service: opened at start, opened again when the app is activated with
 * none (the macOS dock icon) or launched a second time, and told when the content folder changed.
 *
 * Lifecycle (see ../services/lifecycle.ts): `start()` subscribes to library changes and to the
 * app's 'activate' and 'second-instance', then opens the window; `dispose()` removes those
 * subscriptions and destroys the window if one is still open.
 */
import type { BrowserWindow } from 'electron';
import { DisposableStore, toDisposable, type Service } from '../services/lifecycle';
import { notifyLibraryChanged } from './electronIpc';

/** What the service uses of a window (Electron's BrowserWindow). */
export type AppWindow = Pick<
  BrowserWindow,
  'webContents' | 'isDestroyed' | 'isMinimized' | 'restore' | 'focus' | 'destroy'
> & { on(event: 'closed', listener: () => void): unknown };

/** The app events the service follows (Electron's `app`). */
export interface AppEvents {
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'second-instance', listener: () => void): unknown;
  removeListener(event: 'activate', listener: () => void): unknown;
  removeListener(event: 'second-instance', listener: () => void): unknown;
}

export interface WindowServiceOptions {
  app: AppEvents;
  /** Opens one window (the secure window factory). */
  createWindow: () => AppWindow;
  /** Subscribes to content changes; returns the unsubscribe. */
  onLibraryChanged: (listener: () => void) => () => void;
}

export class WindowService implements Service {
  readonly name = 'window';
  private window: AppWindow | null = null;
  private readonly subscriptions = new DisposableStore();
  private disposed = false;

  constructor(private readonly options: WindowServiceOptions) {}

  start(): void {
    const { app } = this.options;
    this.subscriptions.add(toDisposable(this.options.onLibraryChanged(() => this.notifyLibraryChanged())));
    const activate = () => this.window ?? this.open();
    const secondInstance = () => this.show();
    app.on('activate', activate);
    app.on('second-instance', secondInstance);
    this.subscriptions.add(toDisposable(() => void app.removeListener('activate', activate)));
    this.subscriptions.add(toDisposable(() => void app.removeListener('second-instance', secondInstance)));
    this.open();
  }

  /** The open window, if any. */
  get current(): AppWindow | null {
    return this.window;
  }

  /** Brings the window to the front, opening one when none is open. */
  show(): void {
    if (!this.window) return void this.open();
    if (this.window.isMinimized()) this.window.restore();
    this.window.focus();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.subscriptions.dispose();
    const window = this.window;
    this.window = null;
    if (window && !window.isDestroyed()) window.destroy();
  }

  private open(): AppWindow | null {
    if (this.disposed) return null;
    const window = this.options.createWindow();
    this.window = window;
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
    return window;
  }

  private notifyLibraryChanged(): void {
    if (this.window && !this.window.isDestroyed()) notifyLibraryChanged(this.window.webContents);
  }
}
