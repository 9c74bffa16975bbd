/**
 * The export's cleaned, renderable Markdown: rules as `---`, setext headings as ATX, script paragraphs
 * taken out of headings, step markers on headings of their own, one-column layout tables as paragraphs.
 */
import { BEFORE_BOLD_MARKER, BOLD_MARKER_TITLE, stripInline } from '../markup';
import { bareText, scriptCellLines, type Logical } from './logical';

/** Output lines with paragraph spacing: `blank()` adds at most one empty line, never at the top. */
class MarkdownLines {
  readonly lines: string[] = [];

  push(line: string): void {
    this.lines.push(line);
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  lastNonEmpty(): string | undefined {
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.lines[i] !== '') return this.lines[i];
    return undefined;
  }
}

function renderTable(out: MarkdownLines, l: Extract<Logical, { kind: 'table' }>): void {
  out.blank();
  const oneColumn = l.rows.every((r) => r.filter((c) => stripInline(c) !== '').length <= 1);
  if (oneColumn) {
    // A one-column table is a layout box in the export: its rows read better as paragraphs, the
    // `<br>` / wide gaps inside a cell as line breaks (no empty header cell).
    for (const r of l.rows) {
      const cell = r.find((c) => stripInline(c) !== '');
      if (!cell) continue;
      out.push(scriptCellLines(cell).join('  \n'));
      out.blank();
    }
  } else {
    for (const r of l.rawLines) out.push(r.trimEnd());
  }
  out.blank();
}

const LINK_AFTER_TITLE = /^\s*(\[|\*\*\[)/;

/** A chunk opening with a bold step marker (`**③ 제목**rest`) becomes a `###` heading and its paragraph. */
function renderStepChunk(out: MarkdownLines, chunk: string): boolean {
  const stepBold = BOLD_MARKER_TITLE.exec(chunk.trim());
  if (stepBold) {
    const rest = stepBold[2].trim();
    out.blank();
    out.push(`### ${stripInline(stepBold[1])}${rest && LINK_AFTER_TITLE.test(stepBold[2]) ? ` ${rest}` : ''}`);
    out.blank();
    if (rest && !LINK_AFTER_TITLE.test(rest)) out.push(rest.replace(/\s+\\\*\s/g, '  \n\\* '));
    return true;
  }
  return false;
}

function renderText(out: MarkdownLines, l: Extract<Logical, { kind: 'heading' | 'text' }>): void {
  const chunks = l.raw.split(BEFORE_BOLD_MARKER).filter((c) => c.trim());
  chunks.forEach((chunk, ci) => {
    if (renderStepChunk(out, chunk)) return;
    const text = bareText(chunk);
    const sentence = text.length > 60 || /[다요까][.?!]/u.test(text);
    if (l.kind === 'heading' && ci === 0 && !sentence) {
      out.blank();
      out.push(`${'#'.repeat(Math.max(1, Math.min(6, l.level)))} ${chunk.trim().replace(/^\*\*([^*]*)\*\*$/, '$1')}`);
      out.blank();
      return;
    }
    if (l.kind === 'heading') out.blank();
    let para = chunk.trim().replace(/\s+\\\*\s/g, '  \n\\* ');
    // A script paragraph flattened into a heading: ` - ` after a sentence end was a line of its own.
    if (l.kind === 'heading') para = para.replace(/(?<=[.?!])\s+-\s+(?=\S)/gu, '  \n- ');
    out.push(para);
    if (l.kind === 'heading') out.blank();
  });
}

/**
 * Renders every logical line not in `skip`. `markdown` is the whole guide; `body` is the same
 * without what the title line at `titleIndex` rendered to (the text facts are read from).
 */
export function cleanMarkdown(
  logical: readonly Logical[],
  skip: ReadonlySet<number>,
  titleIndex: number,
): { markdown: string; body: string } {
  const out = new MarkdownLines();
  let title = { start: 0, end: 0 };
  logical.forEach((l, idx) => {
    if (skip.has(idx)) return;
    const start = out.lines.length;
    if (l.kind === 'blank') out.blank();
    else if (l.kind === 'rule') {
      if (out.lastNonEmpty() === '---') return;
      out.blank();
      out.push('---');
      out.blank();
    } else if (l.kind === 'table') renderTable(out, l);
    else renderText(out, l);
    if (idx === titleIndex) title = { start, end: out.lines.length };
  });
  const lines = out.lines;
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const body = [...lines.slice(0, title.start), ...lines.slice(title.end)];
  return { markdown: `${lines.join('\n')}\n`, body: `${body.join('\n')}\n` };
}
