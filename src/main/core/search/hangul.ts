/**
 * Korean text helpers for search. Pure: no I/O.
 *
 * The central idea is the "compact" form of a text: NFC, lower-cased, with every character that
 * is not a letter or a digit removed. Matching happens on compact forms, which makes search
 * insensitive to spacing (`이중 결제` = `이중결제`) and punctuation (`02-6925-0023` = `0269250023`).
 */
import { convertQwertyToHangul, disassemble } from 'es-hangul';
import { escapeRegExp } from '../../../shared/labels';

const SYLLABLE_BASE = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const JUNG_COUNT = 21;
const JONG_COUNT = 28;

/** Compatibility jamo for the 19 initial consonants, in Unicode syllable order. */
const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
/** Compatibility jamo for the 21 medial vowels, in Unicode syllable order. */
const JUNGSEONG = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
/** Compatibility jamo for the 27 finals (index 0 = none), in Unicode syllable order. */
const JONGSEONG = [
  '',
  'ㄱ',
  'ㄲ',
  'ㄳ',
  'ㄴ',
  'ㄵ',
  'ㄶ',
  'ㄷ',
  'ㄹ',
  'ㄺ',
  'ㄻ',
  'ㄼ',
  'ㄽ',
  'ㄾ',
  'ㄿ',
  'ㅀ',
  'ㅁ',
  'ㅂ',
  'ㅄ',
  'ㅅ',
  'ㅆ',
  'ㅇ',
  'ㅈ',
  'ㅊ',
  'ㅋ',
  'ㅌ',
  'ㅍ',
  'ㅎ',
];

function isSyllable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= SYLLABLE_BASE && c <= SYLLABLE_LAST;
}

/** A compatibility-jamo consonant (ㄱ…ㅎ), i.e. something a 초성 query is made of. */
export function isConsonantJamo(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x3131 && c <= 0x314e;
}

function isVowelJamo(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x314f && c <= 0x3163;
}

/**
 * What counts as a word character: ASCII letters and digits, Latin with diacritics, Greek,
 * Cyrillic, kana, Hangul compatibility jamo, CJK ideographs and Hangul syllables. Everything else
 * (spaces, punctuation, dashes, emoji) is ignored by matching. Kept as code-unit ranges so that
 * the regex and the per-character test below agree exactly.
 */
const WORD_RANGES: [number, number][] = [
  [0x30, 0x39],
  [0x61, 0x7a],
  [0xc0, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x3040, 0x30ff],
  [0x3131, 0x318e],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
];
const hex4 = (c: number) => '\\u' + c.toString(16).padStart(4, '0');
const NOT_WORD_CHAR = new RegExp(`[^${WORD_RANGES.map(([a, b]) => `${hex4(a)}-${hex4(b)}`).join('')}]+`, 'g');

function isWordCode(c: number): boolean {
  if (c >= 0xac00) return c <= 0xd7a3;
  for (const [a, b] of WORD_RANGES) if (c >= a && c <= b) return true;
  return false;
}

/**
 * Lower-cased code unit at i when it is a word character, else -1: the per-character form of
 * compactNFC, for loops that must not allocate.
 */
export function wordCodeAt(text: string, i: number): number {
  let c = text.charCodeAt(i);
  if (c >= 0xac00 && c <= 0xd7a3) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c >= 0xc0 && c <= 0x4ff) {
    const l = text[i].toLowerCase();
    if (l.length === 1) c = l.charCodeAt(0);
  }
  return isWordCode(c) ? c : -1;
}

/** NFC + lower case + only letters and digits. */
export function compact(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(NOT_WORD_CHAR, '');
}

/** Compact form of text that is already NFC (internal hot path: no normalisation pass). */
export function compactNFC(text: string): string {
  const lower = HAS_UPPER.test(text) ? text.toLowerCase() : text;
  return lower.replace(NOT_WORD_CHAR, '');
}

const HAS_UPPER = /[A-Z\u00c0-\u04ff]/;

/**
 * Compact form of `text` plus, for each compact character, its offset in `text` (which must
 * already be NFC). Used to turn a match in compact space back into a highlight range.
 */
export function compactWithMap(text: string): { compact: string; map: number[] } {
  const lower = text.toLowerCase();
  const map: number[] = [];
  const codes: number[] = [];
  // toLowerCase keeps UTF-16 length for the scripts kept here, so offsets carry over.
  const sameLength = lower.length === text.length;
  const src = sameLength ? lower : text;
  for (let i = 0; i < src.length; i++) {
    let c = src.charCodeAt(i);
    if (!sameLength && c >= 0x41 && c <= 0x5a) c += 32;
    if (!isWordCode(c)) continue;
    codes.push(c);
    map.push(i);
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode.apply(null, codes.slice(i, i + 4096));
  return { compact: out, map };
}

/** Whitespace tokens of an NFC query, each reduced to its compact form; empty tokens dropped. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\s+/)
    .map(compact)
    .filter((t) => t.length > 0);
}

/** 초성 of each syllable; non-syllables are kept as they are. */
export function choseongOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= SYLLABLE_BASE && c <= SYLLABLE_LAST) {
      out += CHOSEONG[Math.floor((c - SYLLABLE_BASE) / (JUNG_COUNT * JONG_COUNT))];
    } else out += text[i];
  }
  return out;
}

/** True when the string is only consonant jamo (a pure 초성 query), at least 2 of them. */
export function isChoseongOnly(term: string): boolean {
  if (term.length < 2) return false;
  for (const ch of term) if (!isConsonantJamo(ch)) return false;
  return true;
}

/** Syllables and consonant jamo mixed (`이중ㄱㅈ`). */
export function isMixedChoseong(term: string): boolean {
  let jamo = false;
  let syl = false;
  for (const ch of term) {
    if (isConsonantJamo(ch)) jamo = true;
    else if (isSyllable(ch)) syl = true;
  }
  return jamo && syl;
}

/** Jamo string for an edit distance (`결제` → `ㄱㅕㄹㅈㅔ`). */
export function jamoOf(text: string): string {
  return disassemble(text);
}

// ---------------------------------------------------------------------------------------------
// Wrong keyboard layout

/**
 * Converts a token typed with the English layout into Hangul when the result reads as Korean:
 * most of its characters are complete syllables and no vowel stands alone. Otherwise null, so
 * `QR`, `app`, `kb`, `pin` stay as typed.
 */
export function convertLayout(token: string): string | null {
  if (!/^[A-Za-z]+$/.test(token) || token.length < 2) return null;
  let converted: string;
  try {
    converted = convertQwertyToHangul(token);
  } catch {
    return null;
  }
  if (!converted) return null;
  let syllables = 0;
  for (const ch of converted) {
    if (isSyllable(ch)) syllables++;
    else if (isVowelJamo(ch)) return null;
    else if (!isConsonantJamo(ch)) return null;
  }
  const chars = [...converted].length;
  // Half-typed endings (`dlwndrufw` → 이중결ㅈ) leave one trailing consonant: allow that.
  if (syllables === 0) return null;
  if (syllables / chars < 0.6) return null;
  return converted;
}

// ---------------------------------------------------------------------------------------------
// Edit distance on jamo

/** True when a and b differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  if (la === lb) {
    let diff = 0;
    for (let i = 0; i < la; i++) if (a.charCodeAt(i) !== b.charCodeAt(i) && ++diff > 1) return false;
    return true;
  }
  const [s, l] = la < lb ? [a, b] : [b, a];
  let i = 0;
  let j = 0;
  let skipped = false;
  while (i < s.length && j < l.length) {
    if (s.charCodeAt(i) === l.charCodeAt(j)) {
      i++;
      j++;
    } else {
      if (skipped) return false;
      skipped = true;
      j++;
    }
  }
  return true;
}

/** Levenshtein distance with an upper bound: returns bound+1 as soon as it is exceeded. */
export function boundedEditDistance(a: string, b: string, bound: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > bound) return bound + 1;
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[lb];
}

// ---------------------------------------------------------------------------------------------
// Patterns for 초성, mixed and half-typed (IME composition) queries

function hex(c: number): string {
  return '\\u' + c.toString(16).padStart(4, '0');
}

/** Character class: every syllable whose initial is `cho` (plus the jamo itself). */
function choseongClass(jamo: string): string {
  const idx = CHOSEONG.indexOf(jamo);
  if (idx < 0) return escapeRegExp(jamo);
  const start = SYLLABLE_BASE + idx * JUNG_COUNT * JONG_COUNT;
  const end = start + JUNG_COUNT * JONG_COUNT - 1;
  return `[${hex(start)}-${hex(end)}${jamo}]`;
}

/** Vowels that a vowel can still grow into while typing (ㅗ → ㅘ ㅙ ㅚ). */
const VOWEL_GROWTH: Record<string, string> = { ㅗ: 'ㅘㅙㅚ', ㅜ: 'ㅝㅞㅟ', ㅡ: 'ㅢ', ㅏ: '', ㅓ: '' };
/** Finals that a final can still grow into (ㄹ → ㄺ ㄻ …). */
const JONG_GROWTH: Record<string, string[]> = {
  ㄱ: ['ㄳ'],
  ㄴ: ['ㄵ', 'ㄶ'],
  ㄹ: ['ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ'],
  ㅂ: ['ㅄ'],
};
/** A compound final splits into (kept final, consonant that moves on): ㄺ → (ㄹ, ㄱ). */
const JONG_SPLIT: Record<string, [string, string]> = {
  ㄳ: ['ㄱ', 'ㅅ'],
  ㄵ: ['ㄴ', 'ㅈ'],
  ㄶ: ['ㄴ', 'ㅎ'],
  ㄺ: ['ㄹ', 'ㄱ'],
  ㄻ: ['ㄹ', 'ㅁ'],
  ㄼ: ['ㄹ', 'ㅂ'],
  ㄽ: ['ㄹ', 'ㅅ'],
  ㄾ: ['ㄹ', 'ㅌ'],
  ㄿ: ['ㄹ', 'ㅍ'],
  ㅀ: ['ㄹ', 'ㅎ'],
  ㅄ: ['ㅂ', 'ㅅ'],
};

function syllable(cho: number, jung: number, jong: number): string {
  return String.fromCharCode(SYLLABLE_BASE + (cho * JUNG_COUNT + jung) * JONG_COUNT + jong);
}

/**
 * Regex source for what a syllable may become while the IME is still composing it:
 * `겨` → any of 겨 격 견 … 결 …; `결` → 결, 겱 …, or 겨 followed by a syllable starting with ㄹ.
 */
function composingClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (isConsonantJamo(ch)) return choseongClass(ch);
  if (c < SYLLABLE_BASE || c > SYLLABLE_LAST) return escapeRegExp(ch);
  const off = c - SYLLABLE_BASE;
  const cho = Math.floor(off / (JUNG_COUNT * JONG_COUNT));
  const jung = Math.floor(off / JONG_COUNT) % JUNG_COUNT;
  const jong = off % JONG_COUNT;
  if (jong === 0) {
    const parts: string[] = [];
    const vowels = JUNGSEONG[jung] + (VOWEL_GROWTH[JUNGSEONG[jung]] ?? '');
    for (const v of vowels) {
      const vi = JUNGSEONG.indexOf(v);
      const start = SYLLABLE_BASE + (cho * JUNG_COUNT + vi) * JONG_COUNT;
      parts.push(`${hex(start)}-${hex(start + JONG_COUNT - 1)}`);
    }
    return `[${parts.join('')}]`;
  }
  const jongJamo = JONGSEONG[jong];
  const alts: string[] = [escapeRegExp(ch)];
  for (const g of JONG_GROWTH[jongJamo] ?? []) alts.push(syllable(cho, jung, JONGSEONG.indexOf(g)));
  const split = JONG_SPLIT[jongJamo];
  if (split) {
    alts.push(syllable(cho, jung, JONGSEONG.indexOf(split[0])) + choseongClass(split[1]));
  } else if (CHOSEONG.includes(jongJamo)) {
    alts.push(syllable(cho, jung, 0) + choseongClass(jongJamo));
  }
  return `(?:${alts.join('|')})`;
}

/**
 * Regex source matching a term where consonant jamo stand for any syllable with that 초성 and,
 * when `composingLast` is set, the last character may still be under composition.
 */
export function termPattern(term: string, composingLast: boolean): string {
  const chars = [...term];
  let src = '';
  chars.forEach((ch, i) => {
    const last = i === chars.length - 1;
    if (last && composingLast) src += composingClass(ch);
    else if (isConsonantJamo(ch)) src += choseongClass(ch);
    else src += escapeRegExp(ch);
  });
  return src;
}

/** Whether the last character of a term looks unfinished (a lone consonant or vowel). */
export function endsWithJamo(term: string): boolean {
  const last = term[term.length - 1];
  return !!last && (isConsonantJamo(last) || isVowelJamo(last));
}

// ---------------------------------------------------------------------------------------------
// Particles

const PARTICLES = [
  '으로',
  '에서',
  '에게',
  '까지',
  '부터',
  '이나',
  '하고',
  '처럼',
  '보다',
  '으로는',
  '에는',
  '을',
  '를',
  '이',
  '가',
  '은',
  '는',
  '에',
  '의',
  '도',
  '로',
  '와',
  '과',
  '만',
].sort((a, b) => b.length - a.length);

/** The word without a trailing particle (`주차권을` → `주차권`), or null when none / too short. */
const PARTICLE_ENDS = new Set(PARTICLES.map((p) => p[p.length - 1]));

export function stripParticle(word: string): string | null {
  if (!PARTICLE_ENDS.has(word[word.length - 1])) return null;
  for (const p of PARTICLES) {
    if (word.length - p.length >= 2 && word.endsWith(p)) return word.slice(0, word.length - p.length);
  }
  return null;
}
