/**
 * Facts found inside free text: phone numbers, `OOO` placeholders, effective/expiry dates.
 */
import type { IsoDate } from '../../../shared/guide';
import { toIsoDate } from './title';

/** What a normalised phone number from `extractPhones` always looks like. */
export const PHONE_PATTERN =
  /^(?:02-\d{3,4}-\d{4}|0[3-9]\d-\d{3,4}-\d{4}|050\d-\d{3,4}-\d{4}|01[016789]-\d{3,4}-\d{4}|1[5-9]\d{2}-\d{4})$/;

// Area/mobile/service prefixes, longest first so `0505` beats `050`.
const PREFIX = '(?:050[2-8]|02|0[3-6][1-5]|070|080|060|01[016789])';
const SEP = '[-.\\s]?';
// Separated form: prefix, 3–4 digits, 4 digits. Bounded so dates, amounts and longer numbers do not match.
const PHONE_RE = new RegExp(
  `(?<![\\d\\-.])(?:\\(?(${PREFIX})\\)?${SEP}(\\d{3,4})${SEP}(\\d{4})|(1[5-9]\\d{2})-(\\d{4}))(?![\\d]|[-.]\\d|\\s*(?:원|원정|일|년|월|개|건|회|명|%))`,
  'gu',
);

/** Korean phone numbers in order of appearance, unique, normalised with dashes. */
export function extractPhones(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const src = text.normalize('NFC').replace(/\u00a0/g, ' ');
  for (const m of src.matchAll(PHONE_RE)) {
    let phone: string;
    if (m[4]) {
      phone = `${m[4]}-${m[5]}`;
    } else {
      const raw = m[0];
      // A run of digits with an inconsistent separator (`02 6925-0023`) is still one number,
      // but a separator on one side only and spaces on both make sense; an unseparated 11+ digit run is refused by the bounds above.
      if (/\s{2,}/.test(raw)) continue;
      phone = `${m[1]}-${m[2]}-${m[3]}`;
    }
    if (!PHONE_PATTERN.test(phone)) continue;
    if (!seen.has(phone)) {
      seen.add(phone);
      out.push(phone);
    }
  }
  return out;
}

const UNITS = ['km', '원', '시', '분', '초', '일', '월', '년', '건', '개', '회', '명', '대', '번', '%'];
// Candidate tokens: a run of digits, Latin letters, O-like circles and joiners, with an optional unit.
// Scanning maximal runs keeps this linear on any input (no backtracking between alternatives).
const TOKEN_RE = /[0-9A-Za-z○◯,:./-]+/gu;
const GROUP_OK = /^(?:[0-9]*O+[0-9]*|[0-9]+|[○◯]+)$/u;
const PARTICLE = /[의은는이가을를로에과와도만부까]/u;

/**
 * Placeholders for blanks, written as capital-O runs (`OOO`, `20OO-OO-OO`, `OO:OO`, `OO원`, `OO,OOO원`) or
 * circle runs (`○○`). The letter O inside a Latin word (`OK`, `ON`, `ZOOM`, `O2O`) is not a blank; a
 * lone `O` counts only with a unit (`O시`). A unit is kept when it ends the word or a particle follows
 * (`OO원의`), not inside a longer word (`OO시청` → `OO`; `OOO주차장` → `OOO`). Unique, in order.
 */
export function extractPlaceholders(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const src = text.normalize('NFC');
  for (const m of src.matchAll(TOKEN_RE)) {
    let token = m[0].replace(/^[,:./-]+/, '').replace(/[,:./-]+$/, '');
    if (!token || !/[O○◯]/u.test(token)) continue;
    const groups = token.split(/[,:./-]/);
    if (!groups.every((g) => GROUP_OK.test(g))) continue;
    const os = (token.match(/[O○◯]/gu) ?? []).length;
    // Unit directly after the token.
    const end = (m.index ?? 0) + m[0].replace(/[,:./-]+$/, '').length;
    const rest = src.slice(end, end + 3);
    const unit = UNITS.find((u) => rest.startsWith(u));
    if (unit) {
      const after = rest.charAt(unit.length);
      const inWord = /[가-힣A-Za-z]/u.test(after) && !PARTICLE.test(after);
      if (!inWord) token += unit;
      else if (os < 2) continue;
    } else if (os < 2) continue;
    if (!seen.has(token)) {
      seen.add(token);
      out.push(token);
    }
  }
  return out;
}

export interface DateContext {
  /** Year used for `12월 31일까지`-style dates written without a year. */
  defaultYear?: number;
}

const YMD = '(\\d{4}|\\d{2})\\s*[.\\-/]\\s*(\\d{1,2})\\s*[.\\-/]\\s*(\\d{1,2})\\.?';
const KYMD = '(?:(\\d{4}|\\d{2})\\s*년\\s*)?(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일';
const DATE_RE = new RegExp(`(?<![\\d.])(?:${YMD}|${KYMD})(?![\\d])`, 'gu');

/**
 * Effective dates (`24.11.27부터 (적용)`, `2024.11.27 시행`, the first date of `A ~ B`) and expiry dates
 * (`24.12.31까지`, `~24.12.31`, `사용기한 : 24.12.31`, the second date of a range). Two-digit years are
 * 20YY. Dates with neither clue are ignored. Sorted, unique.
 */
export function extractDates(text: string, context?: DateContext): { effective: IsoDate[]; expiry: IsoDate[] } {
  const effective = new Set<IsoDate>();
  const expiry = new Set<IsoDate>();
  const src = text.normalize('NFC').replace(/\u00a0/g, ' ');
  const found: { iso: IsoDate; start: number; end: number }[] = [];
  for (const m of src.matchAll(DATE_RE)) {
    let iso: IsoDate | null = null;
    if (m[1]) iso = toIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    else if (m[5]) {
      const year = m[4] ? Number(m[4]) : context?.defaultYear;
      if (year !== undefined) iso = toIsoDate(year, Number(m[5]), Number(m[6]));
    }
    if (!iso) continue;
    found.push({ iso, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (let i = 0; i < found.length; i++) {
    const d = found[i];
    const after = src.slice(d.end, d.end + 12);
    const before = src.slice(Math.max(0, d.start - 16), d.start);
    if (/^\s*(?:\([^)]{0,3}\)\s*)?(?:부터|이후|시행|적용|~\s*$|\s*~)/u.test(after) || /^\s*[~∼〜]/u.test(after)) {
      effective.add(d.iso);
      // `A ~ B`: B is the expiry of the same range.
      const next = found[i + 1];
      if (next && /^\s*[~∼〜-]\s*$/u.test(src.slice(d.end, next.start))) {
        expiry.add(next.iso);
        i++;
      }
      continue;
    }
    if (
      /^\s*(?:까지|종료|만료)/u.test(after) ||
      /[~∼〜]\s*$/u.test(before) ||
      /(?:기한|기간|만료일?|종료일?|유효)\s*[:：]?\s*$/u.test(before)
    ) {
      expiry.add(d.iso);
      continue;
    }
    if (/(?:적용일|시행일|시작일|적용|시행)\s*[:：]?\s*$/u.test(before)) effective.add(d.iso);
  }
  return { effective: [...effective].sort(), expiry: [...expiry].sort() };
}
