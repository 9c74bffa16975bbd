/**
 * The head of an open guide: 상담 유형 breadcrumb, title (focused after Enter), type options,
 * 적용일 / 사용기한 with 만료, the compare button and the key hints.
 */
import type { Ref } from 'react';
import type { GuideView } from '../../../shared/ipc';

export interface GuideHeadProps {
  view: GuideView;
  headingRef: Ref<HTMLHeadingElement>;
  /** The version the compare button compares with, or null for no button. */
  compareWith: string | null;
  onCompare(other: string): void;
}

function GuideDates({ view }: { view: GuideView }) {
  const { version, today } = view;
  if (version.effectiveDates.length === 0 && version.expiryDates.length === 0) return null;
  return (
    <dl className="date-facts" data-testid="guide-dates">
      {version.effectiveDates.length > 0 && (
        <div>
          <dt>적용일</dt>
          {version.effectiveDates.map((d) => (
            <dd key={d} data-testid="effective-date">
              {d}
            </dd>
          ))}
        </div>
      )}
      {version.expiryDates.length > 0 && (
        <div>
          <dt>사용기한</dt>
          {version.expiryDates.map((d) => (
            <dd
              key={d}
              data-testid="expiry-date"
              data-expired={d < today ? 'true' : 'false'}
              className={d < today ? 'expired' : ''}
            >
              {d}까지{d < today && <span className="badge badge-expired">만료</span>}
            </dd>
          ))}
        </div>
      )}
    </dl>
  );
}

export function GuideHead({ view, headingRef, compareWith, onCompare }: GuideHeadProps) {
  const { version, history, today } = view;
  const isCurrent = history.currentPath === version.path;
  const expiredCount = version.expiryDates.filter((d) => d < today).length;
  return (
    <header className="guide-head">
      {version.category.length > 0 && (
        <nav aria-label="상담 유형" className="breadcrumb" data-testid="breadcrumb">
          <ol>
            {version.category.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ol>
        </nav>
      )}
      <h2 id="guide-title" ref={headingRef} tabIndex={-1} data-testid="guide-title">
        {version.title}
        {version.archived && <span className="badge badge-archived">보관본</span>}
        {history.retired && <span className="badge badge-retired">사용 중지</span>}
      </h2>
      {version.categoryOptions.length > 0 && (
        <ul className="option-chips" aria-label="유형 선택지" data-testid="category-options">
          {version.categoryOptions.map((o) => (
            <li key={o} className="chip static">
              {o}
            </li>
          ))}
        </ul>
      )}
      <GuideDates view={view} />
      {expiredCount > 0 && (
        <p className="banner banner-warning" data-testid="expired-warning">
          만료된 기한이 {expiredCount}개 있습니다 (오늘 {today}). 안내 전에 현재 버전을 확인하세요.
        </p>
      )}
      <div className="guide-actions">
        {compareWith && (
          <button type="button" data-testid="compare" onClick={() => onCompare(compareWith)}>
            비교{!isCurrent && history.currentPath ? ' (현재 버전과)' : ''}
          </button>
        )}
        <span className="muted">{version.path}</span>
      </div>
      {version.scripts.some((s) => s.text && s.step <= 9) && (
        <p className="muted guide-keys" data-testid="guide-keys">
          <kbd>Alt</kbd>+<kbd>1</kbd>…<kbd>9</kbd> 스크립트 복사 · <kbd>Ctrl</kbd>+<kbd>K</kbd> 검색창으로 ·{' '}
          <kbd>Esc</kbd> 새 검색
        </p>
      )}
    </header>
  );
}
