/**
 * Titles: the archive prefix `(보관-24.12.5)` and the guide id derived from a title.
 */
import type { IsoDate } from '../../../shared/guide';

/** `(보관-24.12.5)`, `[보관 2024.12.05]`, `(보관)`, `(보관-24.12.5) ` … at the very start. */
const ARCHIVE_PREFIX =
  /^\s*[([［（]\s*보관\s*(?:[-–—_:.\s]\s*((?:\d{4}|\d{2})\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2})\s*일?\s*\.?)?\s*[)\]］）]\s*/u;

/** Validates and formats a calendar date; two-digit years are 20YY. */
export function toIsoDate(year: number, month: number, day: number): IsoDate | null {
  const y = year < 100 ? 2000 + year : year;
  if (!Number.isInteger(y) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (y < 1900 || y > 2999 || month < 1 || month > 12 || day < 1) return null;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (day > days[month - 1]) return null;
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses `24.12.5`, `2024-12-05`, `24/12/05`, `2024년 12월 5일` into an ISO date. */
export function parseLooseDate(text: string): IsoDate | null {
  const m = /^\s*(\d{4}|\d{2})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*일?\s*\.?\s*$/u.exec(text);
  if (!m) return null;
  return toIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Splits the archive prefix off a title. `archived` is true whenever a prefix is present, even one
 * without a readable date (`(보관)`), in which case `archivedAt` is null.
 */
export function splitArchivePrefix(raw: string): { title: string; archivedAt: IsoDate | null; archived: boolean } {
  const nfc = raw.normalize('NFC').replace(/\u00a0/g, ' ');
  const m = ARCHIVE_PREFIX.exec(nfc);
  if (!m) return { title: collapseSpaces(nfc), archivedAt: null, archived: false };
  const archivedAt = m[1] ? parseLooseDate(m[1]) : null;
  return { title: collapseSpaces(nfc.slice(m[0].length)), archivedAt, archived: true };
}

export function collapseSpaces(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** NFC, every whitespace removed, ASCII lower-cased: spacing variants of one title share an id. */
export function guideIdFromTitle(title: string): string {
  return title
    .normalize('NFC')
    .replace(/\s+/gu, '')
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** The file's name without folder and extension, NFC: the title of a guide that writes none. */
export function fileTitle(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.(md|markdown|txt)$/i, '').normalize('NFC');
}
