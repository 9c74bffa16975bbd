/**
 * How the export names its parts: section headings (`2️⃣ 정책 및 참고사항`, `3️⃣ 스크립트`) and the header
 * lines of the guide (`상담 유형 : …`, `응대 순서 : …`, `Q. …`, `A. …`).
 */
import { KEYCAP, KEYCAP_ONE, STEP_MARKER } from '../markup';
import type { Logical } from './logical';

/** The part of the guide a line belongs to; `none` before the first section heading. */
export type Section = 'none' | 'guide' | 'policy' | 'script' | 'other';

const SCRIPT_WORDS = /스크립트|Q\s*&\s*A|멘트|응대\s*예시|상담\s*예시|응대\s*가이드\s*스크립트/iu;
const POLICY_WORDS = /정책|참고\s*사항|유의\s*사항|안내\s*사항|주의\s*사항|처리\s*기준|확인\s*사항/u;
const GUIDE_WORDS = /가이드|개요|기본\s*정보|상담\s*정보|상담\s*유형/u;

export const CATEGORY_LINE = /^(?:\d+\s*[.)]\s*)?상담\s*유형\s*[:：]?\s*(.+)$/u;
export const STEPS_LINE = /^(?:\d+\s*[.)]\s*)?응대\s*(?:순서|절차|프로세스|흐름)\s*[:：]?\s*(.+)$/u;
export const QUESTION_LINE = /^Q\d{0,2}\s*[.:)．]\s*(.+)$/u;
export const ANSWER_LINE = /^A\d{0,2}\s*[.:)．]\s*(.*)$/u;
/** A category value that is really a path (`A ▶ B`), not a sentence mentioning 상담 유형. */
export const PATH_ARROW = /[▶▸►›→➡>]/u;

/** A bold-only line: `**2. 정책**`. */
export function isBoldOnly(raw: string): boolean {
  return /^\s*\*\*[^*]+\*\*\s*$/.test(raw);
}

/** A section heading (`2️⃣ 정책 및 참고사항`): a short heading or bold-only line naming a known section. */
export function sectionOf(l: Logical): Section | null {
  if (l.kind !== 'heading' && l.kind !== 'text') return null;
  const t = l.text;
  if (!t || t.length > 40) return null;
  if (STEP_MARKER.test(t.charAt(0))) return null;
  const keycap = KEYCAP_ONE.test(t);
  if (!keycap && l.kind !== 'heading' && !isBoldOnly(l.raw)) return null;
  const words = t.replace(KEYCAP, '').trim();
  if (/^[:：]|[:：]\s*\S/.test(words)) return null;
  if (SCRIPT_WORDS.test(words)) return 'script';
  if (POLICY_WORDS.test(words)) return 'policy';
  if (GUIDE_WORDS.test(words)) return 'guide';
  return keycap ? 'other' : null;
}
