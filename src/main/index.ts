/**
 * Composition root of the Electron app: it only wires services together and owns their lifecycle.
 * Order matters: the single-instance lock first, then hardening that must precede `ready` (the
 * sandbox, the privileged `app://` scheme), then the services, each started after those it needs
 * (settings → app:// → library, search index and indexer → IPC channels → window → PDF export).
 * Quitting disposes all of them in the reverse order before the app exits
 * (src/main/services/lifecycle.ts).
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import searchWorkerPath from './services/searchWorker?modulePath';
import { GuideDeskServices } from './app/guideDeskServices';
import { AppProtocol, registerAppScheme } from './electron/appProtocol';
import { IpcChannels } from './electron/electronIpc';
import { createPdfExporter } from './electron/pdfExport';
import { disposeBeforeQuit } from './electron/quit';
import { applyAppChrome, createSecureWindow } from './electron/secureWindow';
import { WindowService } from './electron/windowService';
import { trustedUrlMatcher } from './ipc/router';
import { APP_ENTRY_URL } from './security/appProtocol';
import { UserGestureGate } from './security/userGesture';
import { writeFileAtomic } from './services/atomicFile';
import { HostDisposedError, ServiceHost } from './services/lifecycle';
import { SettingsService } from './services/settings';

const log = (message: string) => console.log(`[guidedesk] ${message}`);

/** `npm run dev`: the renderer comes from Vite's dev server; DevTools and the default menu stay. */
function devServerUrl(): string | null {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  return !app.isPackaged && devServer ? devServer : null;
}

/** The embedded pack ships next to the app; a settings or environment choice replaces it. */
function defaultContentRoot(): string {
  return app.isPackaged ? join(process.resourcesPath, 'content') : join(app.getAppPath(), 'content');
}

async function main(host: ServiceHost): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();
  disposeBeforeQuit(app, host, log);
  await app.whenReady();
  const devServer = devServerUrl();
  applyAppChrome({ devTools: devServer !== null });
  // On macOS the app stays in the dock with no window. The services keep running (the folder
  // stays watched, the index current), so the window the dock icon reopens is up to date.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const settings = await host.start(new SettingsService(app.getPath('userData'), log));
  await host.start(new AppProtocol(join(__dirname, '../renderer'), log));
  const url = devServer ?? APP_ENTRY_URL;
  const userGestures = new UserGestureGate();
  const desk = await host.start(
    new GuideDeskServices({
      contentRoot: process.env.GUIDEDESK_CONTENT ?? settings.get().contentDir ?? defaultContentRoot(),
      cacheDir: join(app.getPath('userData'), 'index-cache'),
      searchWorkerPath,
      isTrustedUrl: trustedUrlMatcher(url),
      openExternal: (target) => shell.openExternal(target),
      userGestures,
      watch: true,
      log,
    }),
  );
  await host.start(new IpcChannels(desk.router));
  const windows = await host.start(
    new WindowService({
      app,
      createWindow: () =>
        createSecureWindow({
          preloadPath: join(__dirname, '../preload/index.cjs'),
          rendererUrl: url,
          title: 'GuideDesk',
          log,
          userGestures,
          devTools: devServer !== null,
        }),
      onLibraryChanged: (listener) => desk.onLibraryChanged(listener),
    }),
  );
  desk.setPdfExporter(
    createPdfExporter({
      window: () => windows.current,
      showSaveDialog: (options) => {
        const owner = windows.current && BrowserWindow.fromWebContents(windows.current.webContents);
        return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
      },
      documentsDir: () => app.getPath('documents'),
      writeFile: writeFileAtomic,
      log,
    }),
  );
}

const host = new ServiceHost(log);
main(host).catch((error: unknown) => {
  // Quit was asked for while starting: the quit handler disposes what started.
  if (error instanceof HostDisposedError) return;
  console.error('[guidedesk] failed to start', error);
  void host
    .dispose()
    .catch(() => {})
    .finally(() => app.exit(1));
});
