/**
 * The export parser's first pass: source lines → logical lines. Setext headings are resolved, runs
 * of table rows become one table, rules are recognised (also bold `**――――**` rules and rules glued
 * to a heading), and every heading or text line carries its visible text once.
 */
import { ATX_HEADING, isDelimiterRow, splitTableRow } from '../lineSyntax';
import { normalizeSpaces, stripInline } from '../markup';

export type Logical =
  | { kind: 'heading'; level: number; raw: string; text: string; line: number }
  | { kind: 'text'; raw: string; text: string; line: number }
  | { kind: 'blank'; line: number }
  | { kind: 'rule'; line: number }
  | { kind: 'table'; rows: string[][]; rawLines: string[]; line: number };

const RULE_CHARS = /^[―—─━‐\-_=~·.•]{3,}$/u;
const LEADING_RULE = /^[―—─━]{3,}\s*/u;

/** Visible text of a heading or paragraph line: heading marker and inline markup removed. */
export function bareText(raw: string): string {
  return stripInline(raw.replace(/^\s{0,3}#{1,6}\s+/, ''));
}

/** Splits a table cell of the script area into lines (`<br>`, or wide gaps before markers/after sentences). */
export function scriptCellLines(cell: string): string[] {
  return cell
    .split(/<br\s*\/?>|\s{2,}(?=\*\*|[·•ㄴ└※>①-⑳])|(?<=[.?!])\s{2,}/iu)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The run of table rows starting at `start`: the logical table and the index of its last line. */
function readTable(lines: string[], start: number, lineNo: number): { table: Logical; last: number } {
  const rawLines: string[] = [];
  const rows: string[][] = [];
  let i = start;
  while (i < lines.length && /^\s*\|/.test(lines[i])) {
    rawLines.push(lines[i]);
    const cells = splitTableRow(lines[i]);
    if (!isDelimiterRow(cells)) rows.push(cells);
    i++;
  }
  return { table: { kind: 'table', rows, rawLines, line: lineNo }, last: i - 1 };
}

export function toLogical(text: string): Logical[] {
  const lines = text.split('\n').map((l) => normalizeSpaces(l).replace(/\*{4}/g, ''));
  const out: Logical[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    if (/^\s*$/.test(line)) {
      out.push({ kind: 'blank', line: lineNo });
      continue;
    }
    if (/^\s*\|/.test(line)) {
      const { table, last } = readTable(lines, i, lineNo);
      out.push(table);
      i = last;
      continue;
    }
    if (/^\s{0,3}(=+|-+)\s*$/.test(line)) {
      // Underline of a setext heading belongs to the previous line; alone it is a thematic break.
      out.push({ kind: 'rule', line: lineNo });
      continue;
    }
    let kind: 'heading' | 'text' = 'text';
    let level = 0;
    let raw = line;
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      kind = 'heading';
      level = atx[1].length;
      raw = atx[2];
    }
    const next = lines[i + 1];
    if (kind === 'text' && next !== undefined && /^\s{0,3}(=+|-{2,})\s*$/.test(next)) {
      kind = 'heading';
      level = next.trim().startsWith('=') ? 1 : 2;
      i++;
    }
    // Bold rules `**――――**`, possibly glued to a heading (`**――――3️⃣ 스크립트**`).
    const plain = raw.replace(/\*+/g, '').trim();
    if (RULE_CHARS.test(plain.replace(/\s+/g, ''))) {
      out.push({ kind: 'rule', line: lineNo });
      continue;
    }
    if (LEADING_RULE.exec(plain)) {
      out.push({ kind: 'rule', line: lineNo });
      raw = raw.replace(/^(\**)\s*[―—─━]{3,}\s*/u, '$1');
    }
    const text = bareText(raw);
    if (kind === 'heading') out.push({ kind, level, raw, text, line: lineNo });
    else out.push({ kind, raw, text, line: lineNo });
  }
  return out;
}
