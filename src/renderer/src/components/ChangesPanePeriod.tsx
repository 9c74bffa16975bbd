/**
 * The briefing's period: a first and an optional last day, and quick picks. The embedded pack
 * dates from 2024–2025 while today is later, so besides "since your last visit" and the last N
 * days, the picks reach the month of the newest change and the whole history in one keystroke.
 */
import { addDays, isIsoDate } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/guide';

export interface ChangesPanePeriodProps {
  today: IsoDate;
  since: string;
  until: string;
  /** The trainer's previous visit, or null on a first visit. */
  lastVisit: IsoDate | null;
  /** The first and the newest change day of the whole library, when known. */
  firstChange: IsoDate | null;
  lastChange: IsoDate | null;
  onPeriod(since: string, until: string): void;
}

export interface PeriodPick {
  /** Names the pick for tests and styles: `last-visit`, `days-30` … `days-730`, `newest-month`, `all`. */
  key: string;
  label: string;
  since: string;
  until: string;
}

/** `2025년 6월` for a day of that month. */
export function monthName(date: IsoDate): string {
  const [y, m] = date.split('-').map(Number);
  return `${y}년 ${m}월`;
}

/** The first and last day of the month holding `date`. */
export function monthOf(date: IsoDate): { since: IsoDate; until: IsoDate } {
  const since = `${date.slice(0, 7)}-01`;
  const [y, m] = date.split('-').map(Number);
  const nextMonth = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { since, until: addDays(nextMonth, -1) };
}

/** The quick picks, in the order shown. */
export function periodPicks(props: Omit<ChangesPanePeriodProps, 'since' | 'until' | 'onPeriod'>): PeriodPick[] {
  const { today, lastVisit, firstChange, lastChange } = props;
  const picks: PeriodPick[] = [];
  if (lastVisit) picks.push({ key: 'last-visit', label: `지난 방문(${lastVisit}) 이후`, since: lastVisit, until: '' });
  for (const [label, days] of [
    ['최근 30일', 30],
    ['최근 90일', 90],
    ['최근 1년', 365],
    ['최근 2년', 730],
  ] as const) {
    picks.push({ key: `days-${days}`, label, since: addDays(today, -days), until: '' });
  }
  if (lastChange) {
    picks.push({ key: 'newest-month', label: `최근 변경 달(${monthName(lastChange)})`, ...monthOf(lastChange) });
  }
  if (firstChange) picks.push({ key: 'all', label: '전체', since: firstChange, until: '' });
  return picks;
}

export function ChangesPanePeriod(props: ChangesPanePeriodProps) {
  const { today, since, until, onPeriod } = props;
  const validSince = isIsoDate(since);
  const untilBefore = validSince && isIsoDate(until) && until < since;
  let hint = '날짜 칸에서 연·월·일을 ↑/↓ 키로 바꿀 수 있습니다. 끝 날짜를 비우면 오늘까지입니다.';
  if (!validSince) hint = '날짜를 입력하거나 빠른 선택을 누르세요.';
  else if (untilBefore) hint = '끝 날짜가 시작 날짜보다 앞섭니다. 끝 날짜를 고치거나 비우세요.';
  return (
    <div className="changes-period no-print">
      <div className="changes-controls">
        <label htmlFor="since-input">이 날짜 이후 바뀐 가이드</label>
        <input
          id="since-input"
          data-testid="since"
          type="date"
          value={since}
          max={today}
          aria-describedby="since-hint"
          onChange={(e) => onPeriod(e.target.value, until)}
        />
        <label htmlFor="until-input">끝 날짜</label>
        <input
          id="until-input"
          data-testid="until"
          type="date"
          value={until}
          min={validSince ? since : undefined}
          max={today}
          aria-describedby="since-hint"
          aria-invalid={untilBefore || undefined}
          onChange={(e) => onPeriod(since, e.target.value)}
        />
        {until !== '' && (
          <button type="button" className="small" data-testid="until-clear" onClick={() => onPeriod(since, '')}>
            오늘까지
          </button>
        )}
      </div>
      <div role="group" aria-label="기간 빠른 선택" className="chip-row" data-testid="period-picks">
        {periodPicks(props).map((p) => (
          <button
            key={p.key}
            type="button"
            className="chip"
            data-testid={`pick-${p.key}`}
            aria-pressed={since === p.since && until === p.until}
            onClick={() => onPeriod(p.since, p.until)}
          >
            {p.label}
          </button>
        ))}
      </div>
      <p id="since-hint" className="muted" data-testid="since-hint">
        {hint}
      </p>
    </div>
  );
}
