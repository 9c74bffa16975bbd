/**
 * 변경 사항: for trainers, what changed across all guides in a period, told as a briefing a class
 * can read (ChangesPaneBriefing), with the changes over time above it (ChangesPaneTimeline), the
 * period's controls (ChangesPanePeriod), and 인쇄 / PDF로 저장.
 */
import type { ChangeBriefing, ChangeTimeline, TimelineUnit } from '../../../shared/briefing';
import { periodLabel } from '../../../shared/briefing';
import type { IsoDate } from '../../../shared/guide';
import type { PrintableDocument, SavePdfResponse } from '../../../shared/ipc';
import type { DiffLayout } from '../hooks/useDiffLayout';
import { ChangesPaneBriefing } from './ChangesPaneBriefing';
import { ChangesPanePeriod, monthName, monthOf } from './ChangesPanePeriod';
import { ChangesPaneTimeline } from './ChangesPaneTimeline';
import { PrintActions } from './PrintActions';

export interface ChangesPaneProps {
  today: IsoDate;
  since: string;
  until: string;
  lastVisit: IsoDate | null;
  /** The briefing for the period on screen; null until it arrives (or while the period is invalid). */
  briefing: ChangeBriefing | null;
  briefingError: string | null;
  timeline: ChangeTimeline | null;
  timelineError: string | null;
  unit: TimelineUnit;
  layout: DiffLayout;
  onUnit(unit: TimelineUnit): void;
  onLayout(layout: DiffLayout): void;
  onPeriod(since: string, until: string): void;
  onOpen(path: string): void;
  onCompare(from: string, to: string): void;
  onSavePdf(document: PrintableDocument, title: string): Promise<SavePdfResponse>;
}

/** An empty period says so, and offers the newest change's month and the whole history. */
function EmptyPeriod({ briefing, timeline, onPeriod }: Pick<ChangesPaneProps, 'briefing' | 'timeline' | 'onPeriod'>) {
  const last = timeline?.last ?? null;
  const first = timeline?.first ?? null;
  return (
    <div className="empty changes-empty" data-testid="changes-empty">
      <p>{briefing ? periodLabel(briefing.period) : ''} 바뀐 가이드가 없습니다.</p>
      {last && first && (
        <p>
          가장 최근 변경은 {last}입니다.{' '}
          <button
            type="button"
            data-testid="empty-newest-month"
            onClick={() => onPeriod(monthOf(last).since, monthOf(last).until)}
          >
            {monthName(last)} 변경 보기
          </button>{' '}
          <button type="button" data-testid="empty-all" onClick={() => onPeriod(first, '')}>
            전체 기간 보기
          </button>
        </p>
      )}
    </div>
  );
}

export function ChangesPane(props: ChangesPaneProps) {
  const { today, since, until, briefing, briefingError, timeline, onPeriod } = props;
  return (
    <section className="changes" data-testid="changes-view" aria-labelledby="changes-title">
      <header className="pane-head">
        <h2 id="changes-title" tabIndex={-1}>
          변경 사항
        </h2>
        {briefing && briefing.guideCount > 0 && (
          <PrintActions document="briefing" title={periodLabel(briefing.period)} onSavePdf={props.onSavePdf} />
        )}
      </header>
      <ChangesPanePeriod
        today={today}
        since={since}
        until={until}
        lastVisit={props.lastVisit}
        firstChange={timeline?.first ?? null}
        lastChange={timeline?.last ?? null}
        onPeriod={onPeriod}
      />
      <ChangesPaneTimeline
        timeline={timeline}
        error={props.timelineError}
        unit={props.unit}
        onUnit={props.onUnit}
        since={since}
        until={until}
        onPick={onPeriod}
      />
      {briefingError && (
        <p role="alert" className="error">
          변경 사항을 불러오지 못했습니다: {briefingError}
        </p>
      )}
      {briefing && briefing.guideCount === 0 && (
        <EmptyPeriod briefing={briefing} timeline={timeline} onPeriod={onPeriod} />
      )}
      {briefing && briefing.guideCount > 0 && (
        <ChangesPaneBriefing
          key={periodLabel(briefing.period)}
          briefing={briefing}
          layout={props.layout}
          onLayout={props.onLayout}
          onOpen={props.onOpen}
          onCompare={props.onCompare}
        />
      )}
    </section>
  );
}
