/**
 * Collects the rows of a guide's policy section (`2️⃣ 정책 및 참고사항`) from lines, list items and
 * tables, for both formats. Phone numbers are not read here: the shared assembly derives them.
 */
import type { PolicyRow } from '../../../shared/guide';
import { stripInline } from './markup';

/** A policy row before assembly: statement and notes, trimmed, without its derived phone numbers. */
export type PolicyRowDraft = Omit<PolicyRow, 'phones'>;

export interface PolicyDraft {
  rows: PolicyRowDraft[];
  /** `※` / `*` notes of the section that belong to no row: they are notes of the whole guide. */
  looseNotes: string[];
}

/** Parts of a cell or line in the policy section: split at `<br>` and before bullet / `ㄴ` markers. */
export function policyParts(raw: string): string[] {
  return raw
    .split(/<br\s*\/?>|\s{2,}(?=(?:\*\*)?\s*[·•○▪ㄴ└↳※\-*])|\s+(?=(?:\*\*)?[ㄴ└↳]\s)/iu)
    .map((p) => p.trim())
    .filter(Boolean);
}

export class PolicyCollector {
  private readonly rows: PolicyRowDraft[] = [];
  private readonly looseNotes: string[] = [];
  private current: PolicyRowDraft | null = null;

  /** One part of policy text; `forceNew` starts a new row whatever its marker. */
  add(raw: string, forceNew = false): void {
    const t = stripInline(raw);
    if (!t) return;
    const bullet = /^(?:[·•○▪◦∙‧]|-\s|\d+[.)]\s)\s*(.*)$/u.exec(t);
    const sub = /^(?:ㄴ|└|↳|-\s*ㄴ)\s*(.*)$/u.exec(t);
    const note = /^(?:※|\*)\s*(.*)$/u.exec(t);
    if (sub && this.current) {
      this.current.notes.push(sub[1].trim());
      return;
    }
    if (note) {
      if (this.current && !forceNew) this.current.notes.push(note[1].trim());
      else this.looseNotes.push(note[1].trim());
      return;
    }
    // Nested bullet markers (`- · 항목`) all go.
    const text = (bullet ? bullet[1].trim() : sub ? sub[1].trim() : t).replace(/^(?:(?:[·•○▪◦∙‧]|-(?=\s))\s*)+/u, '');
    if (!text) return;
    if (bullet || forceNew || !this.current) {
      this.current = { text, notes: [] };
      this.rows.push(this.current);
    } else {
      this.current.notes.push(text);
    }
  }

  /** The next part starts a new row (a blank line, a rule, a new heading). */
  endRow(): void {
    this.current = null;
  }

  addTable(rows: string[][]): void {
    const filled = rows.filter((r) => r.some((c) => stripInline(c) !== ''));
    if (filled.length === 0) return;
    const width = Math.max(...filled.map((r) => r.filter((c) => stripInline(c) !== '').length));
    if (width <= 1) {
      for (const r of filled) {
        for (const c of r) for (const p of policyParts(c)) this.add(p);
        this.endRow();
      }
      return;
    }
    // Several columns: one policy row per table row. A short first row without digits is a header.
    let body = filled;
    const first = filled[0];
    if (filled.length > 1 && first.every((c) => stripInline(c).length <= 12 && !/\d/.test(c))) body = filled.slice(1);
    for (const r of body) {
      const cells = r.map((c) => policyParts(c).map(stripInline).filter(Boolean));
      const statements: string[] = [];
      const notes: string[] = [];
      for (const parts of cells) {
        parts.forEach((p, idx) => {
          const m = /^(?:[·•○▪-]\s*)?(.*)$/u.exec(p);
          const sub = /^(?:ㄴ|└|↳|※|\*)\s*(.*)$/u.exec(p);
          if (sub) notes.push(sub[1]);
          else if (idx === 0) statements.push(m ? m[1] : p);
          else notes.push(m ? m[1] : p);
        });
      }
      if (statements.length === 0 && notes.length === 0) continue;
      this.rows.push({ text: statements.join(' → ') || notes.shift() || '', notes });
    }
    this.endRow();
  }

  /** The rows with a statement (trimmed, empty notes dropped) and the section's loose notes. */
  finish(): PolicyDraft {
    const rows = this.rows
      .map((r) => ({ text: r.text.trim(), notes: r.notes.map((n) => n.trim()).filter(Boolean) }))
      .filter((r) => r.text);
    return { rows, looseNotes: [...this.looseNotes] };
  }
}
