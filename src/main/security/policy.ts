/**
 * What a GuideDesk window may do, as plain functions so the rules are testable without Electron.
 * The window factory and the IPC handlers apply them.
 */
import { deceptiveLinkReason, hasBidiControl, refusedWebAddress } from '../../shared/linkSafety';
import { APP_HOST, APP_SCHEME } from './appProtocol';

/** Schemes a link may open outside the app. Everything else (file:, smb:, search-ms:, …) is refused. */
export const EXTERNAL_SCHEMES: readonly string[] = ['http:', 'https:'];

/** Permissions a GuideDesk page may use: copying a script or a phone number. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export interface ExternalLinkContext {
  /**
   * Whether the window had a real input event (a click, Enter) just before asking, as the main
   * process saw it. Asked last, only for an address that may otherwise open: it uses the gesture up.
   */
  userGesture: () => boolean;
  /** The texts the guides show for this address: a text that shows another address refuses it. */
  shownAs?: readonly string[];
}

/** Why a URL may not be opened outside the app, or null when it may. */
export function externalUrlRefusal(url: string, context: ExternalLinkContext): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid address';
  }
  if (!EXTERNAL_SCHEMES.includes(parsed.protocol)) return `${parsed.protocol} links are not opened`;
  const refused = refusedWebAddress(parsed);
  if (refused) return `the address is not opened: ${refused}`;
  if (hasBidiControl(url)) return 'the address holds characters that reorder text';
  for (const text of context.shownAs ?? []) {
    const deceptive = deceptiveLinkReason(text, url);
    if (deceptive) return `the link misleads: ${deceptive}`;
  }
  if (!context.userGesture()) return 'links open only from a click';
  return null;
}

export interface RequestContext {
  /** DevTools may load their own pages (development only). */
  devTools?: boolean;
}

/**
 * Requests the renderer may make: its own files (the `app://guidedesk` origin, whose handler checks
 * each path), and the dev server and its hot-reload socket during development. `data:`, `file:`,
 * `blob:` and everything else are refused: the renderer needs none of them.
 */
export function isAllowedRequest(url: string, rendererUrl: string, context: RequestContext = {}): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol === 'devtools:') return context.devTools === true;
  const renderer = new URL(rendererUrl);
  if (target.username || target.password) return false;
  if (renderer.protocol === `${APP_SCHEME}:`) return target.protocol === `${APP_SCHEME}:` && target.host === APP_HOST;
  if (renderer.protocol === 'file:') {
    const rendererDir = renderer.pathname.slice(0, renderer.pathname.lastIndexOf('/') + 1);
    let path: string;
    try {
      path = decodeURIComponent(target.pathname);
    } catch {
      return false;
    }
    return (
      target.protocol === 'file:' &&
      target.host === renderer.host &&
      target.pathname.startsWith(rendererDir) &&
      !path.includes('/../') &&
      !path.includes('\\')
    );
  }
  if (target.origin === renderer.origin) return true;
  // Vite's dev server keeps a websocket on the same host for hot reload.
  return (target.protocol === 'ws:' || target.protocol === 'wss:') && target.host === renderer.host;
}
