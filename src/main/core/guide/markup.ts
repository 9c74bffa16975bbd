/**
 * Small Markdown helpers shared by both parsers: strip inline markup to plain text, collect links,
 * split one logical line of a script into pieces (step markers, conditions, notes, text).
 */
import type { GuideLink } from '../../../shared/guide';

/** Circled numbers used as step markers: ①–⑳, ❶–❿, ➀–➉. */
export const STEP_MARKER = /[\u2460-\u2473\u2776-\u277f\u2780-\u2789]/u;

const SM = STEP_MARKER.source;
/** `① 제목` at the start of a run: marker and the rest. */
export const MARKER_AT_START = new RegExp(`^(${SM})\\s*[.:)\\-]?\\s*(.*)$`, 'u');
/** A bold run opening with a step marker, anywhere in a line. */
export const BOLD_MARKER = new RegExp(`\\*\\*\\s*${SM}`, 'u');
/** A line that starts with a step marker (optionally after `#` and `**`). */
export const LINE_STARTS_WITH_MARKER = new RegExp(`^(?:#+\\s*)?(?:\\*\\*)?\\s*${SM}`, 'u');
/** Split point before every bold step marker. */
export const BEFORE_BOLD_MARKER = new RegExp(`(?=\\*\\*\\s*(?:${SM}))`, 'u');
/** `**③ 제목**rest` */
export const BOLD_MARKER_TITLE = new RegExp(`^\\*\\*\\s*(${SM}[^*]*)\\*\\*(.*)$`, 'u');
/** `:::script` heads: `①`, `1.`, `1)` or nothing before the title. */
export const SCRIPT_HEAD = new RegExp(`^(?:(${SM})|(\\d{1,2})[.)]?)?\\s*(.*)$`, 'u');
/** One keycap emoji number. */
export const KEYCAP_ONE = /[0-9#*]\uFE0F?\u20E3/u;

export function stepNumber(marker: string): number {
  const c = marker.codePointAt(0) ?? 0;
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
  if (c >= 0x2776 && c <= 0x277f) return c - 0x2776 + 1;
  if (c >= 0x2780 && c <= 0x2789) return c - 0x2780 + 1;
  return 0;
}

/** Keycap emoji numbers used for export section numbers (1️⃣ 2️⃣ 3️⃣). */
export const KEYCAP = /[0-9#*]\uFE0F?\u20E3/gu;

/** NBSP and other odd spaces become ordinary spaces; zero-width characters go. */
export function normalizeSpaces(s: string): string {
  return s.replace(/[\u00a0\u2007\u202f\u3000]/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

// `[text](href "title")`; the href may hold balanced parentheses (`발생(휴대폰).md`) or be wrapped in <>.
// Authors also link guides by file name with spaces (`[x](../이중결제 취소요청(타사 주차권).md)`), which
// CommonMark would not take as a link: a relative `.md` path may therefore contain spaces.
const LINK_RE =
  /\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\(\s*(?:<([^>\n]*)>|((?:[^()\s<>]|\([^()\s]*\))+)|((?:[^()\n<>:]|\([^()\n]*\))+?\.md(?:#[^()\s]*)?))(?:\s+"[^"]*")?\s*\)/g;
// A CommonMark autolink `<scheme:…>`, whatever the scheme (unsafe ones are screened by the assembly).
const AUTOLINK_RE = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>/g;
// A reference definition `[label]: href "title"`, on a line of its own.
const REFERENCE_DEFINITION_RE =
  /^ {0,3}\[([^[\]\n]+)\]:[ \t]*<?([^\s<>]+)>?(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/gm;
const BARE_URL_RE = /(?<![(<\w/])https?:\/\/[^\s<>()\]]+[^\s<>()\].,!?'"]/gi;

/** One link found in Markdown, with the offset of its syntax in the source. */
export interface LinkSpan {
  link: GuideLink;
  at: number;
}

/**
 * Every link in a piece of Markdown (`[text](href)`, reference definitions `[label]: href`,
 * `<https://…>`, bare URLs) with its offset, in order.
 */
export function findLinks(markdown: string): LinkSpan[] {
  const found: LinkSpan[] = [];
  const definitionsMasked = markdown.replace(
    REFERENCE_DEFINITION_RE,
    (whole, label: string, href: string, offset: number) => {
      found.push({ at: offset, link: { text: stripInline(label), href, target: null } });
      return ' '.repeat(whole.length);
    },
  );
  const masked = definitionsMasked.replace(
    LINK_RE,
    (
      whole: string,
      inner: string,
      angled: string | undefined,
      plain: string | undefined,
      spacedGuidePath: string | undefined,
      offset: number,
    ) => {
      found.push({
        at: offset,
        link: { text: stripInline(inner), href: (angled ?? plain ?? spacedGuidePath ?? '').trim(), target: null },
      });
      return ' '.repeat(whole.length);
    },
  );
  const masked2 = masked.replace(AUTOLINK_RE, (whole, href: string, offset: number) => {
    found.push({ at: offset, link: { text: href, href, target: null } });
    return ' '.repeat(whole.length);
  });
  for (const m of masked2.matchAll(BARE_URL_RE)) {
    found.push({ at: m.index ?? 0, link: { text: m[0], href: m[0], target: null } });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The links of `spans`, each (href, text) pair once, in order. */
export function uniqueLinks(spans: readonly LinkSpan[]): GuideLink[] {
  const seen = new Set<string>();
  const out: GuideLink[] = [];
  for (const f of spans) {
    const key = `${f.link.href}\u0000${f.link.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f.link);
  }
  return out;
}

/** Every link in a piece of Markdown: `[text](href)`, `<https://…>` and bare URLs, in order, unique. */
export function collectLinks(markdown: string): GuideLink[] {
  return uniqueLinks(findLinks(markdown));
}

/** Replaces link syntax by the link's visible text (`[a](b)` → `a`, `<https://x>` → `https://x`). */
export function unwrapLinks(s: string): string {
  return s.replace(LINK_RE, (_w, inner: string) => inner).replace(AUTOLINK_RE, (_w, href: string) => href);
}

/** Markdown escapes (`\_`, `\*`, `\#` …) become the character itself. */
export function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1');
}

/** Removes emphasis markers (`**`, `__`, single `*`/`_` around words) but keeps escaped characters. */
export function stripEmphasis(s: string): string {
  return s
    .replace(/(?<!\\)\*{2,}/g, '')
    .replace(/(?<![\\\w])__(?=\S)|(?<=\S)__(?!\w)/g, '')
    .replace(/(?<![\\*\w])\*(?=[^\s*])([^*\n]*?[^\s\\*])\*(?![*\w])/g, '$1');
}

/** Inline Markdown to plain text: links unwrapped, emphasis and escapes removed, `<br>` as a space, spaces collapsed. */
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** The few HTML entities exports leave behind (`&nbsp;`, `&amp;` …). */
export function decodeEntities(s: string): string {
  return s.replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/g, (_w, name: string) => ENTITIES[name] ?? _w);
}

export function stripInline(s: string): string {
  const t = decodeEntities(unescapeMarkdown(stripEmphasis(unwrapLinks(normalizeSpaces(s))))).replace(
    /<br\s*\/?>/gi,
    ' ',
  );
  return t.replace(/\s+/g, ' ').trim();
}

export type Piece =
  | { k: 'step'; n: number; title: string }
  | { k: 'cond'; text: string }
  | { k: 'note'; text: string }
  | { k: 'text'; text: string }
  | { k: 'ref'; text: string };

/** `[참고]`-style labels that start counselor-only reference material inside a step. */
export const REFERENCE_LABEL =
  /^\[\s*(?:참고|참고\s*사항|참고용|상담사\s*참고|내부\s*참고|TIP|팁|주의|주의\s*사항|유의\s*사항)\s*\]\s*:?$/iu;

// Words that typically end a counselor note written in noun style (…요청 필요, …처리불가, …안내함).
const NOTE_END =
  /(?:필요|불가|불가능|가능|금지|제한|요청|안내|처리|참고|진행|필수|주의|확인|접수|이관|전달|[함됨음임])[,.)]?$/u;

/**
 * An inline note inside a flattened paragraph (`… 주시겠습니까? * 결제내역도 함께 요청 필요 첨부해 주셔서 감사합니다.`)
 * often runs straight into the next script sentence. Splits after the last noun-style note ending that is
 * followed by a sentence which ends like speech. Returns [note, rest].
 */
export function splitNoteTail(s: string): [string, string] {
  const end = /[다요까죠][.?!]|[.?!](?=\s|$)/u.exec(s);
  if (!end) return [s.trim(), ''];
  const sentence = s.slice(0, end.index + end[0].length);
  const words = sentence.split(/\s+/).filter(Boolean);
  if (!/(?:[다요까죠][.?!]|[?!])$/u.test(words[words.length - 1] ?? '')) return [s.trim(), ''];
  // The script part must be a real sentence of its own (two words or more), else the note goes on.
  for (let i = words.length - 3; i >= 1; i--) {
    if (NOTE_END.test(words[i])) {
      const note = words.slice(0, i + 1).join(' ');
      const restStart = s.indexOf(words[i + 1], sentence.lastIndexOf(words[i]) + words[i].length);
      return [note.trim(), s.slice(restStart).trim()];
    }
  }
  return [s.trim(), ''];
}

/**
 * Splits one logical script line (a paragraph line, heading text or table-cell line, still in Markdown)
 * into pieces. Bold runs that start with a circled number are step markers (the bold run is the title);
 * bold or leading `>` is a condition; `*`/`\*`/`※` start counselor notes; everything else is text.
 */
export function splitScriptLine(rawLine: string): Piece[] {
  let line = normalizeSpaces(rawLine).replace(/\*{4}/g, '');
  const isHeading = /^\s{0,3}#{1,6}\s+/.test(line);
  line = unwrapLinks(line)
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '');
  const pieces: Piece[] = [];
  const trimmedAll = stripInline(line);
  if (trimmedAll === '') return pieces;
  if (REFERENCE_LABEL.test(trimmedAll)) return [{ k: 'ref', text: trimmedAll }];
  // Other ways exports mark a case: `[모두의 주차권 사용 시]`, `▶ 연락이 안 되는 경우`, `☞ … 경우`.
  const caseLine = /^(?:\[\s*(.+?(?:경우|시|때))\s*\]|[▶▷☞→]\s*(.+?(?:경우|시|때)))\s*:?$/u.exec(trimmedAll);
  if (caseLine) return [{ k: 'cond', text: (caseLine[1] ?? caseLine[2]).trim() }];

  // Leading blockquote / list markers of the whole line.
  const quote = /^\s*>\s*/.exec(line);
  if (quote) {
    return [{ k: 'cond', text: stripInline(line.slice(quote[0].length)) }];
  }
  const listNote = /^\s*(?:[*+]\s+|\\\*\s*|※\s*|ㄴ\s*|└\s*)/u.exec(line);
  if (listNote && !/^\s*\*\*/.test(line)) {
    return [{ k: 'note', text: stripInline(line.slice(listNote[0].length)) }];
  }

  const runs = line.split(/(?<!\\)\*\*/);
  let needTitle: { n: number } | null = null;
  for (let r = 0; r < runs.length; r++) {
    const bold = r % 2 === 1 && r < runs.length - (runs.length % 2 === 0 ? 1 : 0);
    const run = runs[r];
    const t = stripInline(run);
    if (t === '') continue;
    if (needTitle) {
      pieces.push({ k: 'step', n: needTitle.n, title: t });
      needTitle = null;
      continue;
    }
    // In a heading that opens with a step marker, short non-note text after the title still belongs to
    // the title (`### ❸ 원격 해제 **(25.4.1부터 적용)**`); a sentence is script text.
    const last = pieces[pieces.length - 1];
    // `**① 기본안내**(감성케어)` / `**④ 쿠폰 지급** (24.11.27부터 적용)`: a parenthesis right after the title.
    if (pieces.length === 1 && last.k === 'step' && /^\([^()]{1,40}\)$/u.test(t)) {
      last.title = `${last.title} ${t}`.trim();
      continue;
    }
    if (
      isHeading &&
      pieces.length === 1 &&
      last.k === 'step' &&
      !/^(?:※|\*|>|\\\*)/u.test(t) &&
      t.length <= 40 &&
      !/[다요까죠][.?!]$|[?!]$/u.test(t)
    ) {
      last.title = `${last.title} ${t}`.trim();
      continue;
    }
    const atStart = pieces.length === 0;
    const marker = MARKER_AT_START.exec(t);
    if (marker && (bold || atStart)) {
      const n = stepNumber(marker[1]);
      if (marker[2] === '') needTitle = { n };
      else pieces.push({ k: 'step', n, title: marker[2].trim() });
      continue;
    }
    if (bold) {
      const cond = /^>\s*(.*)$/u.exec(t);
      if (cond) {
        pieces.push({ k: 'cond', text: cond[1] });
        continue;
      }
      const note = /^(?:※|\*)\s*(.*)$/u.exec(t);
      if (note) {
        pieces.push({ k: 'note', text: note[1] });
        continue;
      }
      if (REFERENCE_LABEL.test(t)) {
        pieces.push({ k: 'ref', text: t });
        continue;
      }
      pushText(pieces, t);
      continue;
    }
    const paren = /^\s*(\([^()]{1,40}\))\s*/u.exec(run);
    if (paren && last && pieces.length === 1 && last.k === 'step') {
      last.title = `${last.title} ${stripInline(paren[1])}`.trim();
      splitPlainRun(run.slice(paren[0].length), pieces, false);
      continue;
    }
    splitPlainRun(run, pieces, atStart);
  }
  if (needTitle) pieces.push({ k: 'step', n: needTitle.n, title: '' });
  return pieces;
}

function pushText(pieces: Piece[], t: string): void {
  const last = pieces[pieces.length - 1];
  if (last && last.k === 'text') last.text = `${last.text} ${t}`;
  else pieces.push({ k: 'text', text: t });
}

/** A plain (not bold) run: inline `\*` / `※` notes split off, each note trimmed with `splitNoteTail`. */
function splitPlainRun(run: string, pieces: Piece[], atStart: boolean): void {
  const parts = run.split(/(?:^|\s)(?:\\\*|(?<!\*)\*(?!\*)|※)\s*/u);
  // parts[0] is text before the first marker; every later part begins right after a marker.
  // ` - ` after a sentence end in a flattened paragraph was a list line: restore its line break.
  const lead = stripInline(parts[0]).replace(/(?<=[.?!])\s+-\s+(?=\S)/gu, '\n- ');
  if (lead) {
    const quote = atStart ? /^>\s*(.*)$/u.exec(lead) : null;
    if (quote) pieces.push({ k: 'cond', text: quote[1] });
    else pushText(pieces, lead);
  }
  for (let i = 1; i < parts.length; i++) {
    const seg = stripInline(parts[i]);
    if (!seg) continue;
    const [note, rest] = splitNoteTail(seg);
    if (note) pieces.push({ k: 'note', text: note });
    if (rest) pushText(pieces, rest.replace(/(?<=[.?!])\s+-\s+(?=\S)/gu, '\n- '));
  }
}

/** Plain text of a Markdown document for full-text search: NFC, markup gone, one space between words. */
export function markdownToPlain(markdown: string): string {
  const out: string[] = [];
  let fence = false;
  for (const raw of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      continue;
    }
    if (/^\s*:::/.test(raw)) {
      const rest = raw.replace(/^\s*:::\s*(?:script\b)?/i, '');
      if (rest.trim()) out.push(stripInline(rest));
      continue;
    }
    let line = raw;
    if (!fence) {
      if (/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line)) continue;
      if (/^\s*([-*_=―]\s*){3,}$/.test(line)) continue;
      line = line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s*(?:>\s*)+/, '')
        .replace(/^\s*(?:[-+*]|\d+[.)])\s+/, '')
        .replace(/(?<!\\)\|/g, ' ');
    }
    const t = stripInline(line);
    if (t) out.push(t);
  }
  return out.join(' ').replace(/\s+/g, ' ').trim().normalize('NFC');
}
