/**
 * 변경 사항: for trainers, every guide that changed on or after a chosen day, openable and
 * comparable. Content is dated 2024–2025, so quick picks reach back far enough.
 */
import type { ChangeDigestEntry } from '../../../shared/ipc';
import { addDays, isIsoDate } from '../../../shared/dates';
import { sectionNames } from '../lib/text';

export interface ChangesPaneProps {
  today: string;
  /** YYYY-MM-DD as typed; anything else asks nothing. */
  since: string;
  /** Every guide changed on or after `since`; null until the answer for `since` arrives. */
  entries: ChangeDigestEntry[] | null;
  error: string | null;
  onSince(since: string): void;
  onOpen(path: string): void;
  onCompare(from: string, to: string): void;
}

const kindNames: Record<string, string> = { archived: '보관됨', effective: '적용 시작', dated: '일부 적용일' };

interface ChangeEntryProps {
  entry: ChangeDigestEntry;
  onOpen(path: string): void;
  onCompare(from: string, to: string): void;
}

/** One changed guide: its dated events, what changed by section, open and compare. */
function ChangeEntry({ entry, onOpen, onCompare }: ChangeEntryProps) {
  const summary = entry.summary;
  const target = entry.currentPath ?? summary?.to ?? entry.events[entry.events.length - 1]?.path;
  return (
    <li className="change-entry" data-testid="change-entry" data-id={entry.id}>
      <div className="change-head">
        <h3>{entry.title}</h3>
        {entry.retired && <span className="badge badge-retired">사용 중지</span>}
      </div>
      <ul className="events">
        {entry.events.map((ev, i) => (
          <li key={i}>
            <span className="event-date">{ev.date}</span> {kindNames[ev.kind] ?? ev.kind}
          </li>
        ))}
      </ul>
      {summary && summary.total > 0 && (
        <p className="change-summary">
          {Object.entries(summary.counts)
            .map(([section, n]) => `${sectionNames[section] ?? section} ${n}건`)
            .join(' · ')}
          {summary.labels.length > 0 && <span className="muted"> — {summary.labels.join(', ')}</span>}
        </p>
      )}
      <div className="change-actions">
        {target && (
          <button type="button" data-testid="change-open" onClick={() => onOpen(target)}>
            가이드 열기
          </button>
        )}
        {summary && summary.from !== summary.to && (
          <button type="button" data-testid="change-compare" onClick={() => onCompare(summary.from, summary.to)}>
            무엇이 바뀌었나 비교
          </button>
        )}
      </div>
    </li>
  );
}

export function ChangesPane({ today, since, entries, error, onSince, onOpen, onCompare }: ChangesPaneProps) {
  const validSince = isIsoDate(since);
  const presets: { label: string; date: string }[] = [
    { label: '최근 30일', date: addDays(today, -30) },
    { label: '최근 90일', date: addDays(today, -90) },
    { label: '최근 1년', date: addDays(today, -365) },
    { label: '최근 2년', date: addDays(today, -730) },
  ];

  return (
    <section className="changes" data-testid="changes-view" aria-labelledby="changes-title">
      <header className="pane-head">
        <h2 id="changes-title" tabIndex={-1}>
          변경 사항
        </h2>
      </header>
      <div className="changes-controls">
        <label htmlFor="since-input">이 날짜 이후 바뀐 가이드</label>
        <input
          id="since-input"
          data-testid="since"
          type="date"
          value={since}
          max={today}
          aria-describedby="since-hint"
          onChange={(e) => onSince(e.target.value)}
        />
        <div role="group" aria-label="기간 빠른 선택" className="chip-row">
          {presets.map((p) => (
            <button
              key={p.label}
              type="button"
              className="chip"
              aria-pressed={since === p.date}
              onClick={() => onSince(p.date)}
            >
              {p.label}
            </button>
          ))}
        </div>
      </div>
      <p id="since-hint" className="muted" data-testid="since-hint">
        {validSince ? '날짜 칸에서 연·월·일을 ↑/↓ 키로 바꿀 수 있습니다.' : '날짜를 입력하거나 빠른 선택을 누르세요.'}
      </p>
      {error && (
        <p role="alert" className="error">
          변경 사항을 불러오지 못했습니다: {error}
        </p>
      )}
      {entries && entries.length === 0 && (
        <p className="empty" data-testid="changes-empty">
          {since} 이후 바뀐 가이드가 없습니다. 더 이전 날짜를 골라 보세요.
        </p>
      )}
      {entries && entries.length > 0 && (
        <ul className="change-list" data-testid="change-list">
          {entries.map((entry) => (
            <ChangeEntry key={entry.id} entry={entry} onOpen={onOpen} onCompare={onCompare} />
          ))}
        </ul>
      )}
    </section>
  );
}
