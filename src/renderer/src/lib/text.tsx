/**
 * Small display helpers: highlight ranges, placeholder marking and filling.
 * Display only: everything structural (steps, placeholders, phones) comes parsed from main.
 */
import type { ReactNode } from 'react';
import { escapeRegExp } from '../../../shared/labels';

/** Renders `text` with `<mark>` around each [start, end) range. Ranges may be unsorted or overlap. */
export function highlightRanges(text: string, ranges: readonly (readonly [number, number])[]): ReactNode[] {
  const sorted = ranges
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: ReactNode[] = [];
  let at = 0;
  for (const [s, e] of sorted) {
    const start = Math.max(s, at);
    if (e <= start) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(<mark key={`${start}-${e}`}>{text.slice(start, e)}</mark>);
    at = e;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/**
 * One regex matching any of the placeholders as a whole blank (not part of a longer run of `O`s),
 * longest first so `20OO-OO-OO` wins over `OO`.
 */
function placeholderPattern(placeholders: readonly string[]): RegExp | null {
  const unique = [...new Set(placeholders.filter((p) => p.length > 0))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  return new RegExp(`(?<!O)(?:${unique.map(escapeRegExp).join('|')})(?!O)`, 'g');
}

/** Script text with each placeholder wrapped in a highlighted span. */
export function markPlaceholders(text: string, placeholders: readonly string[]): ReactNode[] {
  const pattern = placeholderPattern(placeholders);
  if (!pattern) return [text];
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    const index = m.index ?? 0;
    if (index > at) out.push(text.slice(at, index));
    out.push(
      <span key={index} className="placeholder" data-testid="placeholder">
        {m[0]}
      </span>,
    );
    at = index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** Replaces each blank that has a non-empty value; blanks left empty stay as written. */
export function fillPlaceholders(
  text: string,
  placeholders: readonly string[],
  values: Readonly<Record<string, string>>,
): string {
  const pattern = placeholderPattern(placeholders);
  if (!pattern) return text;
  return text.replace(pattern, (blank) => {
    const value = values[blank];
    return value !== undefined && value.trim() !== '' ? value : blank;
  });
}

/** True for date-like blanks: `20OO-OO-OO`, `OO.OO.OO`, `OOOO-OO-OO`. */
export function isDatePlaceholder(p: string): boolean {
  return /^(?:\d{0,2}O{1,4})[-./]O{1,2}[-./]O{1,2}$/.test(p);
}

/** A friendly label for a blank's input. */
export function placeholderLabel(p: string): string {
  if (isDatePlaceholder(p)) return '날짜';
  if (/^O{1,2}:O{2}$/.test(p)) return '시각';
  if (/원$/.test(p)) return '금액';
  return '빈칸';
}

export function categoryPath(category: readonly string[]): string {
  return category.join(' › ');
}

/** Section names, written once in the shared briefing labels. */
export { SECTION_NAMES as sectionNames } from '../../../shared/briefing';
