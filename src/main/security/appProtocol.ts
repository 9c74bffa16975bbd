/**
 * The `app://` scheme the built renderer is served from, as plain rules (Electron binds them in
 * src/main/electron/appProtocol.ts). A custom standard, secure scheme gives the window a real origin
 * (`app://guidedesk`) instead of `file://`, whose origin is `null` and whose host (`file://server/…`,
 * a UNC path on Windows) reaches other machines. Only files inside the renderer folder are served,
 * by exact checks on the decoded path; nothing is listed, nothing redirected.
 */
import * as nodePath from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'guidedesk';
/** The one origin of every GuideDesk window in the built app. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The renderer's entry page: the only URL a window loads, and the only one IPC trusts. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** What the scheme serves, by extension: the built renderer holds nothing else. */
export const APP_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export type AppRequest = { file: string; contentType: string } | { status: 400 | 403 | 404; reason: string };

/**
 * The file an `app://` request may read, or the status that refuses it. `rendererDir` is the
 * absolute folder of the built renderer. Refused: another scheme or host, a port or user info, a
 * path that does not decode, holds a NUL, a backslash, an empty or dot segment, or would leave the
 * folder, and a type the renderer does not have.
 */
export function resolveAppRequest(url: string, rendererDir: string): AppRequest {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 400, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password)
    return { status: 403, reason: 'not the GuideDesk origin' };
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 400, reason: 'the path does not decode' };
  }
  if (path === '/') path = '/index.html';
  const segments = path.slice(1).split('/');
  if (
    !path.startsWith('/') ||
    path.includes('\0') ||
    path.includes('\\') ||
    segments.some((s) => s === '' || s === '.' || s === '..' || /^[A-Za-z]:$/.test(s))
  )
    return { status: 403, reason: 'the path is not a plain path inside the renderer' };
  const root = nodePath.resolve(rendererDir);
  const file = nodePath.resolve(root, ...segments);
  if (!file.startsWith(root + nodePath.sep)) return { status: 403, reason: 'the path leaves the renderer' };
  const contentType = APP_CONTENT_TYPES[nodePath.extname(file).toLowerCase()];
  if (!contentType) return { status: 404, reason: 'no such file type in the renderer' };
  return { file, contentType };
}
