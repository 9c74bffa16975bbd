/**
 * Resolves links between guides of one pack: relative `.md` links, `guide:<id>` links, and Zendesk
 * Help Center article URLs (by front-matter `zendeskId`, or by the article slug matching a title).
 */
import type { GuideVersion } from '../../../shared/guide';

/** Words of a title or slug: NFC, lower-cased, split at everything that is not a letter or digit. */
export function titleWords(s: string): string[] {
  return s
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `https://x.zendesk.com/hc/ko/articles/29203184881177--채팅-공통-…#h_…` → id and slug words. */
export function parseZendeskArticle(href: string): { articleId: string; slugWords: string[] } | null {
  const m = /^https?:\/\/[^/]+\/hc\/(?:[a-z-]+\/)?articles\/(\d+)(?:-+([^?#]*))?/i.exec(href);
  if (!m) return null;
  return { articleId: m[1], slugWords: m[2] ? titleWords(safeDecode(m[2]).replace(/-/g, ' ')) : [] };
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** Joins a relative link to the linking file's folder; null when it climbs out of the content root. */
function resolveRelative(fromPath: string, href: string): string | null {
  const parts = dirname(fromPath).split('/').filter(Boolean);
  for (const seg of href.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Sets `links[].target` on every version (in place) to the id of the guide a link points to, or null.
 * Also returns the same array for convenience.
 */
export function resolveLinkTargets(versions: GuideVersion[]): GuideVersion[] {
  const byPath = new Map<string, string>();
  const ids = new Set<string>();
  const byZendesk = new Map<string, string>();
  const byWords = new Map<string, string>();
  for (const v of versions) {
    byPath.set(v.path.normalize('NFC'), v.id);
    ids.add(v.id);
    if (v.zendeskId) byZendesk.set(String(v.zendeskId), v.id);
    const key = titleWords(v.title).join(' ');
    // Prefer the current (not archived) version's id when titles collide; ids of one guide are equal anyway.
    if (key && (!byWords.has(key) || !v.archived)) byWords.set(key, v.id);
  }
  for (const v of versions) {
    for (const link of v.links) {
      link.target = resolveOne(v, link.href, byPath, ids, byZendesk, byWords);
    }
  }
  return versions;
}

function resolveOne(
  from: GuideVersion,
  href: string,
  byPath: Map<string, string>,
  ids: Set<string>,
  byZendesk: Map<string, string>,
  byWords: Map<string, string>,
): string | null {
  const h = href.trim();
  const guide = /^guide:(.+)$/i.exec(h);
  if (guide) {
    const id = safeDecode(guide[1]).normalize('NFC');
    return ids.has(id) ? id : null;
  }
  const zd = parseZendeskArticle(h);
  if (zd) {
    const viaId = byZendesk.get(zd.articleId);
    if (viaId) return viaId;
    if (zd.slugWords.length > 0) return byWords.get(zd.slugWords.join(' ')) ?? null;
    return null;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('//')) return null;
  const pathPart = h.split(/[?#]/)[0];
  if (!/\.(md|markdown)$/i.test(pathPart)) return null;
  const decoded = safeDecode(pathPart).normalize('NFC');
  const target = decoded.startsWith('/') ? decoded.replace(/^\/+/, '') : resolveRelative(from.path, decoded);
  if (target === null) return null;
  return byPath.get(target) ?? null;
}
