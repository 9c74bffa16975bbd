/**
 * Parser for guides exported from the Zendesk Help Center as Markdown. The export is noisy (broken bold,
 * rules made of `―` in bold, setext underlines, whole script paragraphs inside `###` headings, step markers
 * glued to paragraphs); this parser reads it by structure and wording, never by fixed line positions.
 */
import type { GuideVersion, PolicyRow, Problem } from '../../../shared/guide';
import { extractDates, extractPhones, extractPlaceholders } from './extract';
import {
  BEFORE_BOLD_MARKER,
  BOLD_MARKER,
  BOLD_MARKER_TITLE,
  KEYCAP,
  KEYCAP_ONE,
  LINE_STARTS_WITH_MARKER,
  REFERENCE_LABEL,
  STEP_MARKER,
  collectLinks,
  markdownToPlain,
  normalizeSpaces,
  splitScriptLine,
  stripInline,
} from './markup';
import { ScriptBuilder } from './scriptBuilder';
import { guideIdFromTitle, splitArchivePrefix } from './title';

type Logical =
  | { kind: 'heading'; level: number; raw: string; line: number }
  | { kind: 'text'; raw: string; line: number }
  | { kind: 'blank'; line: number }
  | { kind: 'rule'; line: number }
  | { kind: 'table'; rows: string[][]; rawLines: string[]; line: number };

type Section = 'none' | 'guide' | 'policy' | 'script' | 'other';

const RULE_CHARS = /^[―—─━‐\-_=~·.•]{3,}$/u;
const LEADING_RULE = /^[―—─━]{3,}\s*/u;

/** Splits a table row into raw cells (escaped `\|` kept inside a cell). */
export function splitTableRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.trim());
}

function isDelimiterRow(cells: string[]): boolean {
  return cells.length > 0 && cells.every((c) => /^:?-{1,}:?$/.test(c.trim()));
}

function bareText(raw: string): string {
  return stripInline(raw.replace(/^\s{0,3}#{1,6}\s+/, ''));
}

/** Lines → logical lines: setext headings resolved, rules recognised (also rules glued to a heading). */
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
      const rawLines: string[] = [];
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) {
        rawLines.push(lines[i]);
        const cells = splitTableRow(lines[i]);
        if (!isDelimiterRow(cells)) rows.push(cells);
        i++;
      }
      i--;
      out.push({ kind: 'table', rows, rawLines, line: lineNo });
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
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
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
    const lead = LEADING_RULE.exec(plain);
    if (lead) {
      out.push({ kind: 'rule', line: lineNo });
      raw = raw.replace(/^(\**)\s*[―—─━]{3,}\s*/u, '$1');
    }
    if (kind === 'heading') out.push({ kind, level, raw, line: lineNo });
    else out.push({ kind, raw, line: lineNo });
  }
  return out;
}

const SCRIPT_WORDS = /스크립트|Q\s*&\s*A|멘트|응대\s*예시|상담\s*예시|응대\s*가이드\s*스크립트/iu;
const POLICY_WORDS = /정책|참고\s*사항|유의\s*사항|안내\s*사항|주의\s*사항|처리\s*기준|확인\s*사항/u;
const GUIDE_WORDS = /가이드|개요|기본\s*정보|상담\s*정보|상담\s*유형/u;

/** A section heading (`2️⃣ 정책 및 참고사항`): a short heading or bold-only line naming a known section. */
function sectionOf(l: Logical): Section | null {
  if (l.kind !== 'heading' && l.kind !== 'text') return null;
  const t = bareText(l.raw);
  if (!t || t.length > 40) return null;
  if (STEP_MARKER.test(t.charAt(0))) return null;
  const keycap = KEYCAP_ONE.test(t);
  const boldOnly = l.kind === 'text' && /^\s*\*\*[^*]+\*\*\s*$/.test(l.raw);
  if (!keycap && l.kind !== 'heading' && !boldOnly) return null;
  const words = t.replace(KEYCAP, '').trim();
  if (/^[:：]|[:：]\s*\S/.test(words)) return null;
  if (SCRIPT_WORDS.test(words)) return 'script';
  if (POLICY_WORDS.test(words)) return 'policy';
  if (GUIDE_WORDS.test(words)) return 'guide';
  return keycap ? 'other' : null;
}

const CATEGORY_RE = /^(?:\d+\s*[.)]\s*)?상담\s*유형\s*[:：]?\s*(.+)$/u;
const STEPS_RE = /^(?:\d+\s*[.)]\s*)?응대\s*(?:순서|절차|프로세스|흐름)\s*[:：]?\s*(.+)$/u;
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

export function splitSteps(value: string): string[] {
  return value
    .split(PATH_SEP)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Parts of a cell or line in the policy section: split at `<br>` and before bullet / `ㄴ` markers. */
function policyParts(raw: string): string[] {
  return raw
    .split(/<br\s*\/?>|\s{2,}(?=(?:\*\*)?\s*[·•○▪ㄴ└↳※\-*])|\s+(?=(?:\*\*)?[ㄴ└↳]\s)/iu)
    .map((p) => p.trim())
    .filter(Boolean);
}

export class PolicyCollector {
  rows: PolicyRow[] = [];
  looseNotes: string[] = [];
  private current: PolicyRow | null = null;

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
      this.current = { text, notes: [], phones: [] };
      this.rows.push(this.current);
    } else {
      this.current.notes.push(text);
    }
  }

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
      this.rows.push({ text: statements.join(' → ') || notes.shift() || '', notes, phones: [] });
    }
    this.endRow();
  }

  finish(): PolicyRow[] {
    for (const r of this.rows) {
      r.text = r.text.trim();
      r.notes = r.notes.map((n) => n.trim()).filter(Boolean);
      r.phones = extractPhones([r.text, ...r.notes].join('\n'));
    }
    return this.rows.filter((r) => r.text);
  }
}

/** Splits a table cell of the script area into lines (`<br>`, or wide gaps before markers/after sentences). */
function scriptCellLines(cell: string): string[] {
  return cell
    .split(/<br\s*\/?>|\s{2,}(?=\*\*|[·•ㄴ└※>①-⑳])|(?<=[.?!])\s{2,}/iu)
    .map((p) => p.trim())
    .filter(Boolean);
}

function fileBaseName(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.(md|markdown|txt)$/i, '');
}

/** Cleaned, renderable Markdown: rules as `---`, setext as ATX, script paragraphs out of headings, step markers on their own headings. */
function cleanMarkdown(logical: Logical[], skip: Set<number>): string {
  const out: string[] = [];
  const push = (s: string) => out.push(s);
  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  for (let idx = 0; idx < logical.length; idx++) {
    const l = logical[idx];
    if (skip.has(idx)) continue;
    if (l.kind === 'blank') {
      blank();
      continue;
    }
    if (l.kind === 'rule') {
      if (out.filter((x) => x !== '').pop() === '---') continue;
      blank();
      push('---');
      blank();
      continue;
    }
    if (l.kind === 'table') {
      blank();
      const oneColumn = l.rows.every((r) => r.filter((c) => stripInline(c) !== '').length <= 1);
      if (oneColumn) {
        // A one-column table is a layout box in the export: its rows read better as paragraphs, the
        // `<br>` / wide gaps inside a cell as line breaks (no empty header cell).
        for (const r of l.rows) {
          const cell = r.find((c) => stripInline(c) !== '');
          if (!cell) continue;
          push(scriptCellLines(cell).join('  \n'));
          blank();
        }
      } else {
        for (const r of l.rawLines) push(r.trimEnd());
      }
      blank();
      continue;
    }
    const raw = l.raw;
    // Split before every bold step marker that is not at the start of the line.
    const chunks = raw.split(BEFORE_BOLD_MARKER).filter((c) => c.trim());
    chunks.forEach((chunk, ci) => {
      const stepBold = BOLD_MARKER_TITLE.exec(chunk.trim());
      if (stepBold && (ci > 0 || l.kind === 'text' || l.kind === 'heading')) {
        blank();
        push(
          `### ${stripInline(stepBold[1])}${stepBold[2].trim() && /^\s*(\[|\*\*\[)/.test(stepBold[2]) ? ` ${stepBold[2].trim()}` : ''}`,
        );
        blank();
        const rest = stepBold[2].trim();
        if (rest && !/^\s*(\[|\*\*\[)/.test(rest)) {
          push(rest.replace(/\s+\\\*\s/g, '  \n\\* '));
        }
        return;
      }
      const text = bareText(chunk);
      const sentence = text.length > 60 || /[다요까][.?!]/u.test(text);
      if (l.kind === 'heading' && ci === 0 && !sentence) {
        blank();
        push(`${'#'.repeat(Math.max(1, Math.min(6, l.level)))} ${chunk.trim().replace(/^\*\*([^*]*)\*\*$/, '$1')}`);
        blank();
        return;
      }
      if (l.kind === 'heading') blank();
      let para = chunk.trim().replace(/\s+\\\*\s/g, '  \n\\* ');
      // A script paragraph flattened into a heading: ` - ` after a sentence end was a line of its own.
      if (l.kind === 'heading') para = para.replace(/(?<=[.?!])\s+-\s+(?=\S)/gu, '  \n- ');
      push(para);
      if (l.kind === 'heading') blank();
    });
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

export function parseExport(path: string, text: string): { version: GuideVersion | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const logical = toLogical(text);
  const skip = new Set<number>();

  // Title: the first level-1 heading (the export's `# 제목` line), else the first heading.
  let titleIdx = logical.findIndex((l) => l.kind === 'heading' && l.level === 1);
  if (titleIdx < 0)
    titleIdx = logical.findIndex(
      (l) => l.kind === 'heading' && sectionOf(l) === null && !STEP_MARKER.test(bareText(l.raw).charAt(0)),
    );
  if (titleIdx >= 0 && logical.slice(0, titleIdx).some((l) => l.kind === 'text' || l.kind === 'table')) titleIdx = -1;
  const headingTitle = titleIdx >= 0 ? bareText((logical[titleIdx] as { raw: string }).raw) : '';
  const fromFile = splitArchivePrefix(fileBaseName(path));
  let rawTitle = headingTitle;
  if (!rawTitle) {
    rawTitle = fileBaseName(path).normalize('NFC');
    problems.push({
      severity: 'warning',
      code: 'no-title',
      message: 'No title heading (`# 제목`) found; the file name is used as the title.',
    });
  }
  const split = splitArchivePrefix(rawTitle);
  const titleKey = guideIdFromTitle(split.title);

  const builder = new ScriptBuilder();
  const policies = new PolicyCollector();
  const notes: string[] = [];
  let category: string[] = [];
  let categoryOptions: string[] = [];
  let responseSteps: string[] = [];
  let question: string | null = null;
  let section = 'none' as Section;
  let bodyText = '';

  const enter = (s: Section) => {
    if (section === 'script' && s !== 'script') builder.close();
    if (section === 'policy') policies.endRow();
    section = s;
  };

  for (let idx = 0; idx < logical.length; idx++) {
    const l = logical[idx];
    if (idx === titleIdx) continue;
    if (l.kind === 'blank' || l.kind === 'rule') {
      if (section === 'script') builder.paragraphBreak();
      if (section === 'policy' && l.kind === 'rule') policies.endRow();
      continue;
    }
    if (l.kind === 'table') {
      bodyText += l.rows.map((r) => r.join(' ')).join(' ');
      if (section === 'policy') {
        policies.addTable(l.rows);
        continue;
      }
      if (section === 'script' || l.rows.some((r) => r.some((c) => BOLD_MARKER.test(c)))) {
        if (section !== 'script') enter('script');
        builder.paragraphBreak();
        for (const r of l.rows) {
          for (const c of r) {
            for (const part of scriptCellLines(c)) builder.feed(splitScriptLine(part));
            builder.paragraphBreak();
          }
          builder.endBranch();
        }
        continue;
      }
      for (const r of l.rows) {
        const cells = r.map(stripInline).filter(Boolean);
        const joined = cells.length >= 2 ? `${cells[0]} : ${cells.slice(1).join(' ')}` : (cells[0] ?? '');
        const cm = CATEGORY_RE.exec(joined);
        const sm = STEPS_RE.exec(joined);
        if (cm && category.length === 0) ({ category, options: categoryOptions } = splitCategory(cm[1]));
        else if (sm && responseSteps.length === 0) responseSteps = splitSteps(sm[1]);
      }
      continue;
    }
    const t = bareText(l.raw);
    if (!t) continue;
    bodyText += ` ${t}`;
    // The bold copy of the title right under it.
    if (l.kind === 'heading' || /^\s*\*\*[^*]+\*\*\s*$/.test(l.raw)) {
      if (guideIdFromTitle(splitArchivePrefix(t).title) === titleKey && idx < (titleIdx < 0 ? 0 : titleIdx) + 4) {
        skip.add(idx);
        continue;
      }
    }
    const cm = CATEGORY_RE.exec(t);
    if (cm && /[▶▸►›→➡>]/u.test(cm[1])) {
      ({ category, options: categoryOptions } = splitCategory(cm[1]));
      continue;
    }
    const sm = STEPS_RE.exec(t);
    if (sm) {
      responseSteps = splitSteps(sm[1]);
      continue;
    }
    const q = /^Q\d{0,2}\s*[.:)．]\s*(.+)$/u.exec(t);
    if (q) {
      if (question === null) question = q[1].trim();
      enter('script');
      continue;
    }
    const a = /^A\d{0,2}\s*[.:)．]\s*(.*)$/u.exec(t);
    if (a && (section === 'script' || question !== null)) {
      enter('script');
      if (a[1]) builder.feed(splitScriptLine(a[1]));
      continue;
    }
    const sec = sectionOf(l);
    if (sec) {
      enter(sec);
      continue;
    }
    if (section !== 'script' && LINE_STARTS_WITH_MARKER.test(l.raw.trim())) enter('script');
    if (section === 'script') {
      // `<br>` inside a paragraph is a line break of the script.
      l.raw.split(/<br\s*\/?>/i).forEach((part, pi) => {
        builder.feed(splitScriptLine(l.kind === 'heading' && pi === 0 ? `${'#'.repeat(l.level)} ${part}` : part));
      });
      if (l.kind === 'heading') builder.paragraphBreak();
      continue;
    }
    if (section === 'policy') {
      if (REFERENCE_LABEL.test(t)) continue;
      // A `\*` / `※` note standing apart (after a blank line) is about the whole guide, not the last row.
      if (/^(?:\\\*|※)/u.test(l.raw.replace(/^[\s*]*(?=\\\*|※)/u, '')) && logical[idx - 1]?.kind === 'blank')
        policies.endRow();
      // A Markdown list item (`- `, `* `, `+ `, unescaped) is a policy row, or a note of the row when indented.
      const item = /^(\s*)[-*+]\s+(.*)$/u.exec(l.raw);
      if (item && !/^\s*\*\*/.test(l.raw)) {
        const parts = policyParts(item[2]);
        parts.forEach((p, i) => {
          if (i > 0) policies.add(p);
          else if (item[1].length >= 2) policies.add(/^\s*(?:\*\*)?\s*[ㄴ└↳※]/u.test(p) ? p : `ㄴ ${p}`);
          else policies.add(`· ${p}`, true);
        });
        continue;
      }
      for (const p of policyParts(l.raw)) policies.add(p);
      continue;
    }
    const note = /^(?:※|\\?\*)\s*(.+)$/u.exec(t);
    if (note) notes.push(note[1].trim());
  }

  const built = builder.finish();
  let scripts = built.steps;
  if (scripts.length === 0 && built.looseText) {
    scripts = [
      {
        step: 1,
        title: '',
        text: built.looseText,
        notes: [],
        condition: null,
        placeholders: extractPlaceholders(built.looseText),
        branches: [],
      },
    ];
  } else if (built.looseText) {
    notes.push(...built.looseText.split('\n').filter(Boolean));
  }
  for (const n of [...built.notes, ...policies.looseNotes]) if (!notes.includes(n)) notes.push(n);

  const markdown = cleanMarkdown(logical, skip);
  const withTitle = titleIdx >= 0 ? markdown : `# ${rawTitle}\n\n${markdown}`;
  const plainText = markdownToPlain(withTitle);
  const body = markdownToPlain(markdown.replace(/^# .*\n/, ''));
  if (!body || !bodyText.trim()) {
    problems.push({
      severity: 'error',
      code: 'no-content',
      message: 'The file has no guide content (only a title, rules or markup). Add the guide text or delete the file.',
    });
    return { version: null, problems };
  }
  if (category.length === 0)
    problems.push({
      severity: 'warning',
      code: 'no-category',
      message: 'No `상담 유형 : A ▶ B ▶ 옵션` line found; the guide has no category.',
    });
  if (scripts.length === 0)
    problems.push({
      severity: 'warning',
      code: 'no-scripts',
      message: 'No script steps (①, ②, …) found in the 스크립트 / Q&A section.',
    });

  const policyRows = policies.finish();
  const bodyForDates = markdownToPlain(
    markdown
      .split('\n')
      .filter((_l, i) => !(i === 0 && titleIdx >= 0))
      .join('\n'),
  );
  const dates = extractDates(bodyForDates);
  const archivedAt = split.archivedAt ?? fromFile.archivedAt;
  const placeholders: string[] = [];
  for (const p of [
    ...scripts.flatMap((s) => [...s.placeholders, ...s.branches.flatMap((b) => b.placeholders)]),
    ...extractPlaceholders(body),
  ])
    if (!placeholders.includes(p)) placeholders.push(p);

  const version: GuideVersion = {
    id: guideIdFromTitle(split.title),
    path,
    format: 'zendesk-export',
    title: split.title,
    rawTitle: rawTitle.normalize('NFC'),
    archived: split.archived || fromFile.archived,
    archivedAt,
    category,
    categoryOptions,
    responseSteps,
    policies: policyRows,
    question,
    scripts,
    placeholders,
    phones: extractPhones(body),
    links: collectLinks(text.replace(/\*{4}/g, '')),
    effectiveDates: dates.effective,
    expiryDates: dates.expiry,
    notes,
    markdown: withTitle,
    plainText,
  };
  return { version, problems };
}
