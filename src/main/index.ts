/**
 * Composition root of the Electron app: it only wires services together.
 * Order matters: the single-instance lock first, then hardening that must precede `ready`,
 * then services, IPC and the window.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, shell, type BrowserWindow } from 'electron';
import searchWorkerPath from './services/searchWorker?modulePath';
import { startGuideDeskServices } from './app/guideDeskServices';
import { notifyLibraryChanged, registerIpc } from './electron/electronIpc';
import { createSecureWindow } from './electron/secureWindow';
import { trustedUrlMatcher } from './ipc/router';
import { SettingsService } from './services/settings';

const log = (message: string) => console.log(`[guidedesk] ${message}`);

function rendererUrl(): string {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devServer) return devServer;
  return pathToFileURL(join(__dirname, '../renderer/index.html')).href;
}

/** The embedded pack ships next to the app; a settings or environment choice replaces it. */
function defaultContentRoot(): string {
  return app.isPackaged ? join(process.resourcesPath, 'content') : join(app.getAppPath(), 'content');
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  await app.whenReady();

  const settings = new SettingsService(app.getPath('userData'), log);
  await settings.load();
  const url = rendererUrl();
  const services = startGuideDeskServices({
    contentRoot: process.env.GUIDEDESK_CONTENT ?? settings.get().contentDir ?? defaultContentRoot(),
    cacheDir: join(app.getPath('userData'), 'index-cache'),
    searchWorkerPath,
    isTrustedUrl: trustedUrlMatcher(url),
    openExternal: (target) => shell.openExternal(target),
    watch: true,
    log,
  });
  registerIpc(services.router);
  await services.ready;

  let window: BrowserWindow | null = null;
  const openWindow = () => {
    window = createSecureWindow({
      preloadPath: join(__dirname, '../preload/index.cjs'),
      rendererUrl: url,
      title: 'GuideDesk',
      log,
    });
    window.on('closed', () => (window = null));
  };
  services.onLibraryChanged(() => window && notifyLibraryChanged(window.webContents));
  openWindow();

  app.on('second-instance', () => {
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => window ?? openWindow());
  app.on('window-all-closed', () => {
    services.close();
    if (process.platform !== 'darwin') app.quit();
  });
}

main().catch((error: unknown) => {
  console.error('[guidedesk] failed to start', error);
  app.exit(1);
});
