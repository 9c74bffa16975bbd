/**
 * What makes a link in a guide unsafe or deceptive, read the way a browser reads it. Shared by the
 * parser (which never presents such a link and tells the content team where it is) and the main
 * process (which refuses to open it). Pure string functions: they run in the renderer too.
 */

/** Schemes a guide may present as a link. Relative paths (links to other guides) have none. */
export const LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:', 'tel:', 'guide:'];

/** Characters that reorder or hide text: RTL/LTR overrides, embeddings, isolates and marks. */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The numeric character references and the few named ones that spell URL syntax. */
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(colon|Tab|NewLine|sol|period|plus|hyphen|dash));?/g;
const NAMED: Readonly<Record<string, string>> = {
  colon: ':',
  Tab: '\t',
  NewLine: '\n',
  sol: '/',
  period: '.',
  plus: '+',
  hyphen: '-',
  dash: '-',
};

function decodeReferences(s: string): string {
  return s.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name] ?? whole;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** C0 controls and the space: what URL parsing trims from both ends. */
function trimC0(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}

/**
 * The href as a browser would take it: character references decoded, Markdown escapes removed,
 * tabs and line breaks dropped anywhere and C0 controls and spaces trimmed at the ends (WHATWG URL).
 */
export function browserHref(href: string): string {
  return trimC0(
    decodeReferences(href)
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
      .replace(/[\t\n\r]/g, ''),
  );
}

/** The scheme of an href, lower-case with its colon (`javascript:`), or null for a relative reference. */
export function hrefScheme(href: string): string | null {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(browserHref(href));
  return m ? `${m[1].toLowerCase()}:` : null;
}

/**
 * Why a guide must not present `href` as a link, or null when it may: a scheme other than
 * LINK_SCHEMES (`javascript:`, `vbscript:`, `data:`, `file:`, `smb:`, a drive letter `C:`, also
 * entity-encoded or in mixed case), or a network path (`//host/share`, `\\host\share`).
 */
export function unsafeHrefReason(href: string): string | null {
  // With or without Markdown's escapes: `\\host\share` written raw, or `\/\/host` escaped.
  const raw = trimC0(decodeReferences(href).replace(/[\t\n\r]/g, ''));
  if (/^[\\/]{2}/.test(raw) || /^[\\/]{2}/.test(browserHref(href))) return 'a network path';
  const scheme = hrefScheme(href);
  if (scheme === null || LINK_SCHEMES.includes(scheme)) return null;
  return `the ${scheme} scheme`;
}

export function hasBidiControl(s: string): boolean {
  return BIDI_CONTROL.test(s);
}

/** A web address as a link's text shows it (`https://a.example/x`, `www.a.example`), e.g. `a.example`. */
const SHOWN_ADDRESS =
  /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^\s/@]+@)?((?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}|\[[0-9a-f:.]+\]|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?(?:[/?#]\S*)?$/iu;

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** The host a link's text reads as, in the form URL parsing gives (punycode), or null when it reads as words. */
export function shownHost(text: string): string | null {
  const m = SHOWN_ADDRESS.exec(text.trim());
  return m ? hostOf(`http://${m[1]}/`) : null;
}

/**
 * Why a web link's text misleads about where it goes, or null: its text or address holds bidi
 * controls (an RTL override makes `‮moc.elpmaxe//:sptth` read as an address), or its text reads
 * as an address on another host than the link's own (a subdomain of the shown host is the same site).
 */
export function deceptiveLinkReason(text: string, href: string): string | null {
  if (hasBidiControl(text) || hasBidiControl(href)) return 'it holds characters that reorder text (RTL override)';
  const target = hostOf(browserHref(href));
  const shown = shownHost(text);
  if (target === null || shown === null) return null;
  const bare = (host: string) => host.replace(/^www\./, '');
  if (bare(target) === bare(shown) || target.endsWith(`.${bare(shown)}`)) return null;
  return `its text shows ${shown} but it goes to ${target}`;
}

/** Hosts that are this computer: `localhost` (and `*.localhost`), 127.0.0.0/8, `[::1]`, the unspecified addresses. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^127(?:\.\d{1,3}){3}$/.test(host) || host === '0.0.0.0') return true;
  // URL parsing gives IPv6 hosts in brackets and compressed: [::1], [::], [::ffff:7f00:1].
  return host === '[::1]' || host === '[::]' || /^\[::ffff:(?:7f[0-9a-f]{2}:[0-9a-f]{1,4}|0:0)\]$/.test(host);
}

/**
 * Why the app never opens a web address, whoever asks, or null: a user name or password in it
 * (`https://user:pass@host`, and `https://help.example.com@evil.example` reads as a host but is one),
 * or a host that is this computer (a local service must not be reachable from a guide).
 */
export function refusedWebAddress(url: URL): string | null {
  if (url.username || url.password) return 'it carries a user name or password (user:pass@…)';
  if (isLoopbackHost(url.hostname)) return `it points at this computer (${url.hostname})`;
  return null;
}
