/**
 * What a GuideDesk window may do, as plain functions so the rules are testable without Electron.
 * The window factory and the IPC handlers apply them.
 */

/** Schemes a link may open outside the app. Everything else (file:, smb:, search-ms:, …) is refused. */
export const EXTERNAL_SCHEMES: readonly string[] = ['http:', 'https:'];

/** Permissions a GuideDesk page may use: copying a script or a phone number. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Why a URL may not be opened outside the app, or null when it may. */
export function externalUrlRefusal(url: string, userActivated: boolean): string | null {
  if (!userActivated) return 'links open only from a click';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid address';
  }
  if (!EXTERNAL_SCHEMES.includes(parsed.protocol)) return `${parsed.protocol} links are not opened`;
  return null;
}

/** Requests the renderer may make: its own files, and the dev server during development. */
export function isAllowedRequest(url: string, rendererUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol === 'devtools:' || target.protocol === 'data:') return true;
  const renderer = new URL(rendererUrl);
  if (renderer.protocol === 'file:') {
    const rendererDir = renderer.pathname.slice(0, renderer.pathname.lastIndexOf('/') + 1);
    return target.protocol === 'file:' && target.pathname.startsWith(rendererDir) && !target.pathname.includes('/../');
  }
  if (target.origin === renderer.origin) return true;
  // Vite's dev server keeps a websocket on the same host for hot reload.
  return (target.protocol === 'ws:' || target.protocol === 'wss:') && target.host === renderer.host;
}
