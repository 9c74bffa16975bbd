/**
 * The change briefing as Markdown (`guidedesk changes --format md`), for pasting into a wiki:
 * GitHub-flavoured, removed words as `~~…~~` and added words as `**…**`, every change tagged
 * 추가 / 삭제 / 변경 in words, so it reads the same without colour or strike-through.
 */
import {
  changesBySection,
  comparedLine,
  EVENT_NAMES,
  KIND_NAMES,
  OP_NAMES,
  periodLabel,
  SECTION_NAMES,
  unchangedLine,
  type BriefingGuide,
  type ChangeBriefing,
} from '../../shared/briefing';
import type { DiffChange, DiffSpan } from '../../shared/guide';
import type { BriefingDocumentInfo } from './briefingHtml';

/** Text safe inside a Markdown paragraph: every character that could start markup is escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~[\]<>|#]/g, '\\$&')
    .replace(/^(\s*)([-+])(\s)/gm, '$1\\$2$3')
    .replace(/^(\s*)(\d+)\.(\s)/gm, '$1$2\\.$3');
}

/** Multi-line text continued inside a list item: a hard break, then the item's indent. */
function continued(text: string, indent: string): string {
  return text.split('\n').join(`\\\n${indent}`);
}

/**
 * Wraps one run in a delimiter, whitespace kept outside (GFM ignores `~~ x~~`); a run that is all
 * whitespace or crosses a line break is marked line by line.
 */
function wrap(text: string, mark: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^(\s*)(.*?)(\s*)$/.exec(line)!;
      return m[2] ? `${m[1]}${mark}${escapeMarkdown(m[2])}${mark}${m[3]}` : line;
    })
    .join('\n');
}

/** One side of a changed line: same runs plain, this side's runs marked, the other side's left out. */
function side(spans: DiffSpan[], keep: 'removed' | 'added'): string {
  const mark = keep === 'removed' ? '~~' : '**';
  return spans
    .filter((s) => s.kind === 'same' || s.kind === keep)
    .map((s) => (s.kind === 'same' ? escapeMarkdown(s.text) : wrap(s.text, mark)))
    .join('');
}

/** A new guide's item: all of it is new, so nothing is marked; the label says where it sits. */
function introducedItem(change: DiffChange): string[] {
  const text = continued(escapeMarkdown(change.after ?? ''), '  ');
  return [change.label ? `- **${escapeMarkdown(change.label)}**: ${text}` : `- ${text}`];
}

function changeItem(change: DiffChange): string[] {
  const head = `- **${OP_NAMES[change.op]}**${change.label ? ` ${escapeMarkdown(change.label)}` : ''}`;
  const indent = '    ';
  const lines = [head];
  if (change.op === 'changed' && change.spans && change.spans.length > 0) {
    lines.push(`  - 이전: ${continued(side(change.spans, 'removed'), indent)}`);
    lines.push(`  - 이후: ${continued(side(change.spans, 'added'), indent)}`);
    return lines;
  }
  if (change.before !== null) lines.push(`  - 이전: ${continued(wrap(change.before, '~~'), indent)}`);
  if (change.after !== null) lines.push(`  - 이후: ${continued(wrap(change.after, '**'), indent)}`);
  return lines;
}

function guideSection(guide: BriefingGuide): string[] {
  const lines = [`### ${escapeMarkdown(guide.title)} · ${KIND_NAMES[guide.kind]}`, ''];
  if (guide.category.length > 0) lines.push(`상담 유형: ${escapeMarkdown(guide.category.join(' › '))}  `);
  lines.push(`${guide.events.map((e) => `${e.date} ${EVENT_NAMES[e.kind]}`).join(' · ')}  `);
  lines.push(escapeMarkdown(comparedLine(guide)), '');
  if (guide.changes.length === 0) return [...lines, unchangedLine(guide), ''];
  for (const { section, changes } of changesBySection(guide.changes)) {
    lines.push(`#### ${SECTION_NAMES[section]} (${changes.length}건)`, '');
    for (const change of changes) lines.push(...(guide.kind === 'new' ? introducedItem(change) : changeItem(change)));
    lines.push('');
  }
  return lines;
}

/** The whole briefing as one Markdown document. */
export function briefingMarkdown(briefing: ChangeBriefing, info: BriefingDocumentInfo): string {
  const period = periodLabel(briefing.period);
  const lines = [
    `# 변경 사항 브리핑: ${period}`,
    '',
    `가이드 ${briefing.guideCount}건 · 변경 ${briefing.changeCount}건 · ${info.madeOn} GuideDesk에서 만듦 · 상담 유형별, 최근 변경 순`,
    '',
    '표시: ~~삭제된 내용~~, **추가된 내용**',
    '',
  ];
  if (briefing.guideCount === 0) lines.push(`이 기간(${period})에 바뀐 가이드가 없습니다.`, '');
  for (const group of briefing.groups) {
    lines.push(`## ${escapeMarkdown(group.category)} (${group.guides.length}건)`, '');
    for (const guide of group.guides) lines.push(...guideSection(guide));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
