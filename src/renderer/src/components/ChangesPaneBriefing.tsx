/**
 * The change briefing as a document to read top to bottom: categories newest first, in each the
 * guides newest first, each with its dated events and its whole diff (expanded; each guide folds
 * away on its own). On paper every guide starts a page and nothing stays folded.
 */
import { useState } from 'react';
import {
  comparedLine,
  EVENT_NAMES,
  KIND_NAMES,
  periodLabel,
  unchangedLine,
  type BriefingGuide,
  type ChangeBriefing,
} from '../../../shared/briefing';
import type { DiffLayout } from '../hooks/useDiffLayout';
import { DiffLayoutToggle, DiffLegend, DiffSections } from './DiffSections';

/**
 * Guides shown with their diffs at first. A period of a large library can hold thousands of guides
 * and a hundred thousand diff lines; the rest come on one keystroke, so the window stays quick.
 */
export const GUIDES_SHOWN_FIRST = 100;

export interface ChangesPaneBriefingProps {
  briefing: ChangeBriefing;
  layout: DiffLayout;
  onLayout(layout: DiffLayout): void;
  onOpen(path: string): void;
  onCompare(from: string, to: string): void;
}

interface GuideEntryProps {
  guide: BriefingGuide;
  index: number;
  layout: DiffLayout;
  expanded: boolean;
  onToggle(): void;
  onOpen(path: string): void;
  onCompare(from: string, to: string): void;
}

function GuideEntry({ guide, index, layout, expanded, onToggle, onOpen, onCompare }: GuideEntryProps) {
  const bodyId = `briefing-body-${index}`;
  const open = guide.currentPath ?? guide.to;
  return (
    <article
      className="briefing-guide"
      data-testid="change-entry"
      data-id={guide.id}
      data-kind={guide.kind}
      data-expanded={expanded}
      aria-labelledby={`${bodyId}-title`}
    >
      <header className="briefing-guide-head">
        <h4 className="briefing-guide-title" id={`${bodyId}-title`}>
          {guide.title}
        </h4>
        <span className={`kind-tag kind-${guide.kind}`}>{KIND_NAMES[guide.kind]}</span>
        <button
          type="button"
          className="small no-print"
          aria-expanded={expanded}
          aria-controls={bodyId}
          aria-label={`${guide.title}: 변경 ${guide.changes.length}건 ${expanded ? '접기' : '펼치기'}`}
          data-testid="change-toggle"
          onClick={onToggle}
        >
          {expanded ? '접기' : `펼치기 (${guide.changes.length}건)`}
        </button>
      </header>
      {guide.category.length > 0 && <p className="briefing-path">{guide.category.join(' › ')}</p>}
      <ul className="briefing-events" aria-label="날짜">
        {guide.events.map((e, i) => (
          <li key={i}>
            <span className="event-date">{e.date}</span> {EVENT_NAMES[e.kind]}
          </li>
        ))}
      </ul>
      <p className="briefing-versions">{comparedLine(guide)}</p>
      <div id={bodyId} className="briefing-body" data-collapsed={!expanded}>
        {guide.changes.length > 0 ? (
          <DiffSections changes={guide.changes} layout={layout} level={5} introduced={guide.kind === 'new'} />
        ) : (
          <p className="briefing-nothing">{unchangedLine(guide)}</p>
        )}
      </div>
      <div className="change-actions no-print">
        <button type="button" data-testid="change-open" onClick={() => onOpen(open)}>
          가이드 열기
        </button>
        {guide.from && guide.from !== guide.to && (
          <button type="button" data-testid="change-compare" onClick={() => onCompare(guide.from!, guide.to)}>
            버전 비교 화면에서 보기
          </button>
        )}
      </div>
    </article>
  );
}

export function ChangesPaneBriefing({ briefing, layout, onLayout, onOpen, onCompare }: ChangesPaneBriefingProps) {
  // Folded guides by id; everything starts unfolded, so the page reads as one document.
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => new Set());
  const [shown, setShown] = useState(GUIDES_SHOWN_FIRST);
  const all = briefing.groups.flatMap((g) => g.guides);
  const allFolded = all.length > 0 && all.every((g) => folded.has(g.id));
  const toggle = (id: string) =>
    setFolded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  // Where each group starts in the briefing's order of guides.
  const starts = briefing.groups.map((_, gi) => briefing.groups.slice(0, gi).reduce((n, g) => n + g.guides.length, 0));
  return (
    <div className="briefing" data-testid="change-list">
      <header className="briefing-head">
        <p className="briefing-title">변경 사항 브리핑</p>
        <p className="briefing-meta" data-testid="briefing-meta">
          기간 {periodLabel(briefing.period)} · 가이드 {briefing.guideCount}건 · 변경 {briefing.changeCount}건 · 상담
          유형별, 최근 변경 순
        </p>
      </header>
      <div className="briefing-tools no-print">
        <DiffLegend />
        <DiffLayoutToggle layout={layout} onLayout={onLayout} />
        <button
          type="button"
          className="small"
          data-testid="fold-all"
          onClick={() => setFolded(allFolded ? new Set() : new Set(all.map((g) => g.id)))}
        >
          {allFolded ? '모두 펼치기' : '모두 접기'}
        </button>
      </div>
      {briefing.groups.map((group, gi) => {
        const first = starts[gi];
        const visible = group.guides.slice(0, Math.max(0, shown - first));
        if (visible.length === 0) return null;
        return (
          <section
            key={group.category}
            className="briefing-group"
            data-testid="briefing-group"
            data-category={group.category}
            aria-labelledby={`briefing-group-${gi}`}
          >
            <h3 className="briefing-group-title" id={`briefing-group-${gi}`}>
              {group.category} <span className="briefing-count">{group.guides.length}건</span>
            </h3>
            {visible.map((guide, i) => (
              <GuideEntry
                key={guide.id}
                guide={guide}
                index={first + i}
                layout={layout}
                expanded={!folded.has(guide.id)}
                onToggle={() => toggle(guide.id)}
                onOpen={onOpen}
                onCompare={onCompare}
              />
            ))}
          </section>
        );
      })}
      {all.length > shown && (
        <p className="briefing-more no-print" data-testid="briefing-more">
          가이드 {all.length}건 중 {shown}건을 보여 줍니다.{' '}
          <button type="button" data-testid="show-all" onClick={() => setShown(all.length)}>
            나머지 {all.length - shown}건도 보기
          </button>
        </p>
      )}
    </div>
  );
}
