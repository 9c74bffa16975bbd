/**
 * Which frame URLs are the GuideDesk renderer: trust by exact origin and path, never by prefix.
 * Used by the IPC boundary (is the sender our page?) in the app and in the end-to-end bridge.
 */

/** The entry page's path, with `/` and `/index.html` one page (a dev server serves both). */
function entryPath(pathname: string): string {
  return pathname === '/' ? '/index.html' : pathname;
}

/**
 * A matcher for frame URLs that are exactly the renderer at `rendererUrl`: same scheme, same host
 * (for `file:` too: `file://evil.example/…` and UNC paths are other machines), same port, same page,
 * no user info. Query and fragment may differ.
 */
export function trustedUrlMatcher(rendererUrl: string): (url: string) => boolean {
  const expected = new URL(rendererUrl);
  return (url: string) => {
    let actual: URL;
    try {
      actual = new URL(url);
    } catch {
      return false;
    }
    return (
      actual.protocol === expected.protocol &&
      actual.host === expected.host &&
      actual.username === '' &&
      actual.password === '' &&
      entryPath(actual.pathname) === entryPath(expected.pathname)
    );
  };
}
