/**
 * Line syntax both guide formats share: Markdown table rows, ATX headings, the 상담 유형 path and the
 * 응대 순서 list. Pure string functions; what a line means is decided by each format's rules.
 */

/** An ATX heading line: `## 제목 ##` → level in group 1, text in group 2. */
export const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Splits a table row into raw cells (escaped `\|` kept inside a cell). */
export function splitTableRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** The `|---|:--:|` row under a table header (cells as `splitTableRow` returns them). */
export function isDelimiterRow(cells: string[]): boolean {
  return cells.length > 0 && cells.every((c) => /^:?-{1,}:?$/.test(c.trim()));
}

const PATH_SEP = /\s*(?:[▶▸►›→➡]|\s>\s)\s*/u;

/** `주차_고객 ▶ 결제 ▶ 이중결제 ▶ 연동, 비연동, 기타` → path and final option list. */
export function splitCategory(value: string): { category: string[]; options: string[] } {
  const parts = value
    .split(PATH_SEP)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { category: [], options: [] };
  const last = parts[parts.length - 1];
  if (parts.length > 1 && /[,，/、]/.test(last)) {
    return {
      category: parts.slice(0, -1),
      options: last
        .split(/\s*[,，/、]\s*/)
        .map((o) => o.trim())
        .filter(Boolean),
    };
  }
  return { category: parts, options: [] };
}

/** `pick 확인 ▶ 타사 주차권 내역요청 ▶ …` → the 응대 순서 steps. */
export function splitSteps(value: string): string[] {
  return value
    .split(PATH_SEP)
    .map((p) => p.trim())
    .filter(Boolean);
}
