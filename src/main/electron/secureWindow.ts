/**
 * The one window factory. Every GuideDesk window is sandboxed, context-isolated and without Node;
 * it cannot navigate, open windows, reach the network or be granted permissions beyond writing
 * to the clipboard. Isolation, not sanitising, is what keeps a hostile guide file harmless.
 * Outside development it has no DevTools and the app no default menu (whose items reload the page
 * and open DevTools). The window's real input events are what lets a link open outside.
 */
import { BrowserWindow, Menu, session, type Session, type WebContents } from 'electron';
import { GRANTED_PERMISSIONS, isAllowedRequest } from '../security/policy';
import type { UserGestureGate } from '../security/userGesture';

export interface SecureWindowOptions {
  preloadPath: string;
  /** The renderer entry: `app://guidedesk/index.html` of the built app, or the dev server in development. */
  rendererUrl: string;
  title: string;
  log: (message: string) => void;
  /** Where the window's input events are noted (the openExternal handler reads them). */
  userGestures: UserGestureGate;
  /** DevTools and the default menu: in development only. */
  devTools: boolean;
}

/** The app-wide chrome: outside development, no default menu (no reload, no DevTools accelerators). */
export function applyAppChrome(options: { devTools: boolean }): void {
  if (!options.devTools) Menu.setApplicationMenu(null);
}

const hardenedSessions = new WeakSet<Session>();

export function hardenSession(target: Session, rendererUrl: string, log: (m: string) => void, devTools = false): void {
  if (hardenedSessions.has(target)) return;
  hardenedSessions.add(target);
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = GRANTED_PERMISSIONS.has(permission);
    if (!granted) log(`denied permission request: ${permission}`);
    callback(granted);
  });
  target.setPermissionCheckHandler((_contents, permission) => GRANTED_PERMISSIONS.has(permission));
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, rendererUrl, { devTools });
    if (!allowed) log(`blocked request: ${details.url}`);
    callback({ cancel: !allowed });
  });
}

/** Notes the window's real input: mouse presses (`input-event`) and keys with their names (`before-input-event`). */
function watchInput(contents: WebContents, gestures: UserGestureGate): void {
  const id = contents.id;
  contents.on('input-event', (_event, input) => {
    if (input.type === 'mouseDown' || input.type === 'mouseUp' || input.type === 'gestureTap')
      gestures.noteInput(id, { type: input.type, button: (input as Electron.MouseInputEvent).button });
  });
  contents.on('before-input-event', (_event, input) => gestures.noteInput(id, { type: input.type, key: input.key }));
  contents.once('destroyed', () => gestures.forget(id));
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
  hardenSession(session.defaultSession, options.rendererUrl, options.log, options.devTools);
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
      devTools: options.devTools,
    },
  });
  lockNavigation(window.webContents, options.log);
  watchInput(window.webContents, options.userGestures);
  if (!options.devTools) window.webContents.on('devtools-opened', () => window.webContents.closeDevTools());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.rendererUrl);
  return window;
}
