/**
 * The assembly's rules for hostile input: what a guide may present as a link, and raw HTML in the
 * text a counselor copies. Nothing here changes what a guide says; it decides what is offered as a
 * link and tells the content team, with the line, what was not.
 *
 * - A link with an unsafe scheme (`javascript:`, `vbscript:`, `data:`, `file:`, `smb:` …, also
 *   entity-encoded or in mixed case) or a network path is dropped from `links` with the warning
 *   `unsafe-link`; its text stays in the guide as plain text.
 * - A web link whose text misleads about its target (an RTL override, text showing another host) is
 *   kept but warned as `deceptive-link`, one with a user name or password or to this computer
 *   (`localhost`, 127.0.0.1, [::1]) as `refused-link`; the main process refuses to open either.
 * - Raw HTML inside a policy row or a script stays text (it is shown and copied as written, never
 *   rendered) and is warned as `raw-html`: a counselor would paste it to a customer.
 */
import type { GuideLink, PolicyRow, Problem, ScriptStep } from '../../../shared/guide';
import { deceptiveLinkReason, refusedWebAddress, unsafeHrefReason } from '../../../shared/linkSafety';
import { decodeEntities, findLinks, stripInline, uniqueLinks, type LinkSpan } from './markup';

/** At most this many `raw-html` warnings per file; one more line says how many were left out. */
export const MAX_RAW_HTML_WARNINGS = 20;

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Long hrefs (a `data:` payload) are cut in messages. */
function shortHref(href: string): string {
  return href.length > 120 ? `${href.slice(0, 117)}…` : href;
}

/** An http(s) href as a URL, or null. */
function webAddress(href: string): URL | null {
  if (!/^https?:/i.test(href.trim())) return null;
  try {
    return new URL(href.trim());
  } catch {
    return null;
  }
}

/** The links `source` may present, and a warning with its line for each one it may not or that misleads. */
export function screenLinks(source: string): { links: GuideLink[]; problems: Problem[] } {
  const kept: LinkSpan[] = [];
  const problems: Problem[] = [];
  for (const span of findLinks(source)) {
    const { text, href } = span.link;
    const line = lineAt(source, span.at);
    const unsafe = unsafeHrefReason(href);
    if (unsafe) {
      problems.push({
        severity: 'warning',
        code: 'unsafe-link',
        message: `link "${text}" → ${shortHref(href)} uses ${unsafe}: it is not offered as a link (its text stays) and is never opened`,
        line,
      });
      continue;
    }
    const web = webAddress(href);
    const deceptive = web ? deceptiveLinkReason(text, href) : null;
    const refused = web ? refusedWebAddress(web) : null;
    if (deceptive)
      problems.push({
        severity: 'warning',
        code: 'deceptive-link',
        message: `link "${text}" → ${shortHref(href)} misleads: ${deceptive}; the app will not open it`,
        line,
      });
    else if (refused)
      problems.push({
        severity: 'warning',
        code: 'refused-link',
        message: `link "${text}" → ${shortHref(href)} is never opened: ${refused}`,
        line,
      });
    kept.push(span);
  }
  return { links: uniqueLinks(kept), problems };
}

/** HTML elements (and SVG/MathML roots) whose tags in guide text are raw HTML rather than prose. */
const HTML_ELEMENTS = new Set(
  `a abbr address area article aside audio b base bdi bdo big blink blockquote body button canvas caption
  center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset
  figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe image
  img input ins isindex kbd keygen label legend li link main map mark marquee math menu meta meter nav
  nobr noembed noframes noscript object ol optgroup option output p param picture plaintext pre progress
  q rp rt ruby s samp script section select slot small source span strike strong style sub summary sup
  svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp
  animate set use foreignobject`.split(/\s+/),
);

/** A start or end tag (attributes allowed), a comment, or a processing instruction or CDATA opener. */
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>|<!--|<\?|<!\[CDATA\[/g;

/** Raw HTML in a piece of guide text; `<br>` (the export's line break) is not. */
export function rawHtmlIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(TAG)) {
    const name = m[1]?.toLowerCase();
    if (name === 'br') continue;
    if (name === undefined || HTML_ELEMENTS.has(name) || /\son[a-z]+\s*=/i.test(m[0])) found.push(m[0]);
  }
  return found;
}

/** The text a counselor reads or copies, by where it stands: `script ②`, `policy row 3`. */
function copiedTexts(scripts: readonly ScriptStep[], policies: readonly PolicyRow[]): [string, string][] {
  const places: [string, string][] = [];
  for (const s of scripts) {
    const where = `script ${s.step}`;
    for (const t of [s.title, s.condition ?? '', s.text, ...s.notes]) places.push([where, t]);
    for (const b of s.branches) for (const t of [b.condition, b.text, ...b.notes]) places.push([where, t]);
  }
  policies.forEach((p, i) => {
    for (const t of [p.text, ...p.notes]) places.push([`policy row ${i + 1}`, t]);
  });
  return places;
}

/**
 * The source line a tag of `text` came from: the first line holding the whole line of `text` the tag
 * stands in (the same tag may also stand elsewhere), else the first line holding the tag; 0 when none.
 */
function sourceLineOf(tag: string, text: string, lines: readonly string[][]): number {
  const holds = (needle: string) => lines.findIndex((forms) => forms.some((form) => form.includes(needle))) + 1;
  for (const line of text.split('\n')) {
    const context = line.trim();
    if (!context.includes(tag)) continue;
    const at = holds(context) || holds(stripInline(context));
    if (at) return at;
  }
  return holds(tag);
}

/** A warning for each raw HTML tag inside a policy or a script, at the source line it came from. */
export function rawHtmlProblems(
  scripts: readonly ScriptStep[],
  policies: readonly PolicyRow[],
  source: string,
): Problem[] {
  // Each source line as written (entities decoded) and as its visible text.
  const lines = source.split('\n').map((line) => [decodeEntities(line), stripInline(line)]);
  const seen = new Set<string>();
  const problems: Problem[] = [];
  let left = 0;
  for (const [where, text] of copiedTexts(scripts, policies)) {
    for (const tag of rawHtmlIn(text)) {
      if (seen.has(`${where}\u0000${tag}`)) continue;
      seen.add(`${where}\u0000${tag}`);
      if (problems.length >= MAX_RAW_HTML_WARNINGS) {
        left++;
        continue;
      }
      const line = sourceLineOf(tag, text, lines);
      problems.push({
        severity: 'warning',
        code: 'raw-html',
        message: `${where} holds raw HTML ${shortHref(tag)}: it is shown and copied as text, never run, so a counselor would paste it to a customer. Remove it or write it as words.`,
        ...(line ? { line } : {}),
      });
    }
  }
  if (left > 0)
    problems.push({
      severity: 'warning',
      code: 'raw-html',
      message: `${left} more raw HTML tags in policies or scripts.`,
    });
  return problems;
}
