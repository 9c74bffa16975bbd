/**
 * The one window factory. Every GuideDesk window is sandboxed, context-isolated and without Node;
 * it cannot navigate, open windows, reach the network or be granted permissions beyond writing
 * to the clipboard. Isolation, not sanitising, is what keeps a hostile guide file harmless.
 */
import { BrowserWindow, session, type Session, type WebContents } from 'electron';
import { GRANTED_PERMISSIONS, isAllowedRequest } from '../security/policy';

export interface SecureWindowOptions {
  preloadPath: string;
  /** The renderer entry: a file:// URL of the built index.html, or the dev server in development. */
  rendererUrl: string;
  title: string;
  log: (message: string) => void;
}

const hardenedSessions = new WeakSet<Session>();

export function hardenSession(target: Session, rendererUrl: string, log: (m: string) => void): void {
  if (hardenedSessions.has(target)) return;
  hardenedSessions.add(target);
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = GRANTED_PERMISSIONS.has(permission);
    if (!granted) log(`denied permission request: ${permission}`);
    callback(granted);
  });
  target.setPermissionCheckHandler((_contents, permission) => GRANTED_PERMISSIONS.has(permission));
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, rendererUrl);
    if (!allowed) log(`blocked request: ${details.url}`);
    callback({ cancel: !allowed });
  });
}

function lockNavigation(contents: WebContents, log: (m: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    log(`blocked navigation to ${url}`);
    event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    log(`blocked redirect to ${url}`);
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log(`denied window.open(${url})`);
    return { action: 'deny' };
  });
}

export function createSecureWindow(options: SecureWindowOptions): BrowserWindow {
  hardenSession(session.defaultSession, options.rendererUrl, options.log);
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: options.title,
    show: false,
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  lockNavigation(window.webContents, options.log);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.rendererUrl);
  return window;
}
