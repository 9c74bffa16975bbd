/**
 * Turns a guide version into indexable entries: (field, label, sentence-sized text).
 * Sentences are the unit of storage so that the versions of one guide, which share most of their
 * text, share their stored segments too (see docs/search.md, "Deduplicated segments").
 */
import type { GuideVersion, IsoDate, VersionSummary } from '../../../shared/guide';
import { scriptLabel } from '../../../shared/labels';

export const FIELDS = ['title', 'category', 'responseSteps', 'policy', 'question', 'script', 'body'] as const;
export const FIELD_TITLE = 0;
export const FIELD_POLICY = 3;
export const FIELD_BODY = 6;
/** title > category/options > responseSteps > policies > question/scripts > body. */
export const FIELD_WEIGHT = [10, 6, 4, 3, 2.5, 2, 1];

/** One guide version to index, with what the library knows about it. */
export interface SearchDocInput {
  version: GuideVersion;
  summary: VersionSummary;
  /** Whether this is the guide's current version (what the default filter searches). */
  isCurrent: boolean;
}

/** What the index keeps of a version: what a result shows and what the filters test. */
export interface VersionMeta {
  id: string;
  path: string;
  title: string;
  archived: boolean;
  archivedAt: IsoDate | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  isCurrent: boolean;
  category: string[];
}

export interface PreparedEntry {
  field: number;
  label: string;
  text: string;
}

export interface PreparedDoc {
  meta: VersionMeta;
  entries: PreparedEntry[];
}

/** `속초시 공영주차장 → 센터에서 …` → `속초시 공영주차장`. */
function policyName(text: string): string {
  const head = text.split(/→|->|:|\(|ㄴ/)[0].trim();
  const name = head.length > 0 ? head : text.trim();
  return name.length > 24 ? name.slice(0, 23) + '…' : name;
}

const MAX_SEGMENT = 200;
const MIN_SEGMENT = 12;

/** Conjoining jamo or combining marks: text that needs NFC. */
const DECOMPOSED = /[\u1100-\u11ff]|\p{M}/u;

/**
 * Whether text may need NFC. The ranges skipped below (Latin-1, Hangul syllables and
 * compatibility jamo, punctuation and symbols) hold no conjoining jamo and no combining marks,
 * so text made only of them (nearly all guide text) skips the Unicode-property regex, which
 * cost ~0.5 s of a 20k-version build.
 */
function mayNeedNFC(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x300 || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3131 && c <= 0x318e)) continue;
    // Punctuation, arrows, ①…, shapes (▶), CJK punctuation, full-width forms: no marks either.
    if ((c >= 0x2000 && c <= 0x20cf) || (c >= 0x2100 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x3029)) continue;
    if (c >= 0xff00 && c <= 0xffef) continue;
    return DECOMPOSED.test(text);
  }
  return false;
}

/** Splits text into sentence-sized segments (≤ MAX_SEGMENT characters) with collapsed whitespace. */
function splitSegments(text: string): string[] {
  // Guide text is NFC by contract; normalise only when decomposed jamo or combining marks show up.
  const nfc = mayNeedNFC(text) ? text.normalize('NFC') : text;
  const flat = /\s\s|[\t\n\r\f\v\u00a0]/.test(nfc) ? nfc.replace(/\s+/g, ' ').trim() : nfc.trim();
  if (!flat) return [];
  if (flat.length <= MAX_SEGMENT) return [flat];
  const parts = sentences(flat);
  const out: string[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push(buf);
    buf = '';
  };
  for (let p of parts) {
    while (p.length > MAX_SEGMENT) {
      let cut = p.lastIndexOf(' ', MAX_SEGMENT - 20);
      if (cut < MAX_SEGMENT / 2) cut = MAX_SEGMENT - 20;
      flush();
      out.push(p.slice(0, cut).trim());
      p = p.slice(cut).trim();
    }
    if (!buf) buf = p;
    else if (buf.length < MIN_SEGMENT || buf.length + p.length + 1 <= 60) buf += ' ' + p;
    else {
      flush();
      buf = p;
    }
  }
  flush();
  return out.filter((s) => s.length > 0);
}

/** Cuts after `.`, `?`, `!` followed by a space, and before a ` - ` / ` · ` / ` * ` list marker. */
function sentences(flat: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i + 1 < flat.length; i++) {
    if (flat.charCodeAt(i) !== 32) continue;
    const prev = flat[i - 1];
    const next = flat[i + 1];
    const cut =
      prev === '.' ||
      prev === '?' ||
      prev === '!' ||
      prev === '。' ||
      ((next === '-' || next === '·' || next === '•' || next === '※' || next === '*') && flat.charCodeAt(i + 2) === 32);
    if (cut) {
      if (i > start) out.push(flat.slice(start, i));
      start = i + 1;
    }
  }
  if (start < flat.length) out.push(flat.slice(start));
  return out;
}

export function prepareDoc(version: GuideVersion, summary: VersionSummary, isCurrent: boolean): PreparedDoc {
  const meta: VersionMeta = {
    id: version.id,
    path: summary.path ?? version.path,
    title: version.title,
    archived: summary.archived,
    archivedAt: summary.archivedAt,
    validFrom: summary.validFrom,
    validTo: summary.validTo,
    isCurrent,
    category: [...version.category],
  };
  const entries: PreparedEntry[] = [];
  const seen = new Set<string>();
  const push = (field: number, label: string, text: string | null | undefined) => {
    if (!text) return;
    for (const seg of splitSegments(text)) {
      if (field === FIELD_BODY && seen.has(seg)) continue;
      seen.add(seg);
      entries.push({ field, label, text: seg });
    }
  };
  push(0, '제목', version.title);
  const cat = [...version.category];
  const catText = cat.join(' ▶ ') + (version.categoryOptions.length ? ' ▶ ' + version.categoryOptions.join(', ') : '');
  push(1, '상담 유형', catText);
  if (version.responseSteps.length) push(2, '응대 순서', version.responseSteps.join(' ▶ '));
  for (const row of version.policies) {
    const label = `정책: ${policyName(row.text)}`;
    push(3, label, row.text);
    for (const n of row.notes) push(3, label, n);
    const rowText = row.text + ' ' + row.notes.join(' ');
    const extra = row.phones.filter((p) => !rowText.includes(p) && !rowText.includes(p.replace(/-/g, '')));
    if (extra.length) push(3, label, extra.join(' '));
  }
  if (version.question) push(4, '질문', version.question);
  for (const s of version.scripts) {
    const label = scriptLabel(s.step);
    push(5, label, s.title);
    if (s.condition) push(5, label, s.condition);
    push(5, label, s.text);
    for (const n of s.notes) push(5, label, n);
    for (const b of s.branches ?? []) {
      push(5, label, b.condition);
      push(5, label, b.text);
      for (const n of b.notes) push(5, label, n);
    }
  }
  push(6, '본문', version.plainText);
  return { meta, entries };
}
