/**
 * The change briefing as one self-contained HTML file (`guidedesk changes --format html`): the same
 * document the 변경 사항 screen shows, with the shared briefing stylesheet inlined (print rules
 * included: A4, a page per guide), no script and no external resource, so it opens, prints and
 * saves as PDF anywhere, or pastes into a wiki.
 */
import BRIEFING_CSS from '../../shared/styles/briefing.css?raw';
import {
  changesBySection,
  comparedLine,
  unchangedLine,
  EVENT_NAMES,
  KIND_NAMES,
  OP_NAMES,
  periodLabel,
  SECTION_NAMES,
  type BriefingGuide,
  type ChangeBriefing,
} from '../../shared/briefing';
import type { DiffChange } from '../../shared/guide';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A changed line with its word marks: removed runs in `<del>`, added runs in `<ins>`. */
function markedLine(change: DiffChange): string {
  const spans = change.spans!.map((s) => {
    const text = escapeHtml(s.text);
    if (s.kind === 'removed') return `<del data-kind="removed">${text}</del>`;
    if (s.kind === 'added') return `<ins data-kind="added">${text}</ins>`;
    return `<span>${text}</span>`;
  });
  return `<p class="diff-line diff-merged">${spans.join('')}</p>`;
}

function changeBody(change: DiffChange, introduced: boolean): string {
  // A new guide is all new: its text is shown plain, not marked as an addition.
  if (introduced) return `<p class="diff-line">${escapeHtml(change.after ?? '')}</p>`;
  if (change.op === 'changed' && change.spans && change.spans.length > 0) return markedLine(change);
  const lines: string[] = [];
  if (change.before !== null) {
    lines.push(
      `<p class="diff-line diff-before"><span class="diff-side-label">이전</span><del data-kind="removed">${escapeHtml(change.before)}</del></p>`,
    );
  }
  if (change.after !== null) {
    lines.push(
      `<p class="diff-line diff-after"><span class="diff-side-label">이후</span><ins data-kind="added">${escapeHtml(change.after)}</ins></p>`,
    );
  }
  return lines.join('');
}

function changeItem(c: DiffChange, introduced: boolean): string {
  const tag = introduced ? '' : `<span class="op-tag op-tag-${c.op}">${OP_NAMES[c.op]}</span>`;
  const label = c.label ? `<span class="diff-label">${escapeHtml(c.label)}</span>` : '';
  return `<li class="diff-change op-${c.op}" data-op="${c.op}"><div class="diff-change-head">${tag}${label}</div>${changeBody(c, introduced)}</li>`;
}

function diffBody(changes: DiffChange[], introduced: boolean): string {
  const sections = changesBySection(changes).map(
    ({ section, changes: list }) =>
      `<section class="diff-section" data-section="${section}"><h4 class="diff-section-title">${SECTION_NAMES[section]} <span class="briefing-count">${list.length}건</span></h4><ul class="diff-changes">${list.map((c) => changeItem(c, introduced)).join('')}</ul></section>`,
  );
  return `<div class="diff-body" data-layout="inline"${introduced ? ' data-introduced="true"' : ''}>${sections.join('')}</div>`;
}

function guideArticle(guide: BriefingGuide): string {
  const events = guide.events
    .map((e) => `<li><span class="event-date">${e.date}</span> ${EVENT_NAMES[e.kind]}</li>`)
    .join('');
  const body =
    guide.changes.length > 0
      ? diffBody(guide.changes, guide.kind === 'new')
      : `<p class="briefing-nothing">${unchangedLine(guide)}</p>`;
  return [
    `<article class="briefing-guide" data-kind="${guide.kind}" data-id="${escapeHtml(guide.id)}">`,
    `<header class="briefing-guide-head"><h3 class="briefing-guide-title">${escapeHtml(guide.title)}</h3><span class="kind-tag kind-${guide.kind}">${KIND_NAMES[guide.kind]}</span></header>`,
    guide.category.length > 0 ? `<p class="briefing-path">${escapeHtml(guide.category.join(' › '))}</p>` : '',
    `<ul class="briefing-events">${events}</ul>`,
    `<p class="briefing-versions">${escapeHtml(comparedLine(guide))}</p>`,
    body,
    `</article>`,
  ].join('\n');
}

export interface BriefingDocumentInfo {
  /** The day the briefing was made. */
  madeOn: string;
}

/** The whole HTML document of a briefing. */
export function briefingHtml(briefing: ChangeBriefing, info: BriefingDocumentInfo): string {
  const period = periodLabel(briefing.period);
  const groups = briefing.groups.map(
    (g) =>
      `<section class="briefing-group" data-category="${escapeHtml(g.category)}">\n<h2 class="briefing-group-title">${escapeHtml(g.category)} <span class="briefing-count">${g.guides.length}건</span></h2>\n${g.guides.map(guideArticle).join('\n')}\n</section>`,
  );
  const empty =
    briefing.guideCount === 0 ? `<p class="briefing-nothing">이 기간(${period})에 바뀐 가이드가 없습니다.</p>` : '';
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="GuideDesk">
<title>변경 사항 브리핑 · ${escapeHtml(period)}</title>
<style>
${BRIEFING_CSS}
</style>
</head>
<body class="briefing-document">
<main class="briefing">
<header class="briefing-head">
<h1 class="briefing-title">변경 사항 브리핑</h1>
<p class="briefing-meta">기간 ${escapeHtml(period)} · 가이드 ${briefing.guideCount}건 · 변경 ${briefing.changeCount}건</p>
<p class="briefing-meta">${escapeHtml(info.madeOn)} GuideDesk에서 만듦 · 상담 유형별, 최근 변경 순</p>
</header>
${empty}${groups.join('\n')}
</main>
</body>
</html>
`;
}
