/**
 * The renderer's Content-Security-Policy, in the built app and in `npm run dev`. The build writes
 * it into index.html (electron.vite.config.ts) and the `app://` handler also sends it as a header;
 * the dev server gets a policy of the same shape that admits only what hot reload needs.
 */

/** The production policy: the page's own files only; no inline script or style, no network, no `data:`. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The development policy: as strict, except that scripts and styles the dev server injects carry
 * `nonce` (the React refresh preamble, the CSS Vite adds at run time) and the page may talk to the
 * dev server's own origin and its hot-reload socket (`devServer`, e.g. `http://localhost:5173`).
 */
export function devContentSecurityPolicy(nonce: string, devServer: string): string {
  const server = new URL(devServer);
  const socket = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self'",
    "font-src 'self'",
    `connect-src 'self' ${socket}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}
