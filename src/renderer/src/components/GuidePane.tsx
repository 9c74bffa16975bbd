/**
 * The open guide: breadcrumb and options, archive banner, 응대 순서, policy table with copyable
 * phone numbers, Q&A script cards, dates, links, version timeline and the collapsible 원문.
 */
import { useMemo, type MouseEvent, type Ref } from 'react';
import type { GuideView } from '../../../shared/ipc';
import type { VersionSummary } from '../../../shared/guide';
import { CopyButton } from '../lib/copy';
import { ScriptCard } from './ScriptCard';

export interface GuidePaneProps {
  view: GuideView;
  headingRef: Ref<HTMLHeadingElement>;
  onOpen(ref: string): void;
  onFollowLink(href: string, target: string | null): void;
  onCompare(from: string, to: string): void;
}

function versionLabel(v: VersionSummary, currentPath: string | null): string {
  if (v.path === currentPath) return '현재 버전';
  if (v.archived) return v.archivedAt ? `보관본 · ${v.archivedAt} 보관` : '보관본';
  return '사용 중인 사본';
}

export function validityText(v: VersionSummary): string {
  const from = v.validFrom ?? '처음';
  const to = v.validTo ?? '현재';
  return `${from} ~ ${to}`;
}

/** Orders two versions oldest first by their place in the history. */
function chronological(paths: [string, string], versions: readonly VersionSummary[]): [string, string] {
  const index = (p: string) => versions.findIndex((v) => v.path === p);
  return index(paths[0]) <= index(paths[1]) ? paths : [paths[1], paths[0]];
}

export function GuidePane({ view, headingRef, onOpen, onFollowLink, onCompare }: GuidePaneProps) {
  const { version, history, today } = view;
  const isCurrent = history.currentPath === version.path;
  const versions = history.versions;
  const myIndex = versions.findIndex((v) => v.path === version.path);
  const defaultOther = useMemo(() => {
    if (!isCurrent && history.currentPath) return history.currentPath;
    if (myIndex > 0) return versions[myIndex - 1].path;
    const other = versions.find((v) => v.path !== version.path);
    return other?.path ?? null;
  }, [isCurrent, history.currentPath, myIndex, versions, version.path]);

  const compare = (other: string) => {
    const [from, to] = chronological([version.path, other], versions);
    onCompare(from, to);
  };

  const linkByHref = useMemo(() => new Map(version.links.map((l) => [l.href, l])), [version.links]);

  /** Every anchor in the rendered original goes through the app: never navigate the window. */
  const interceptAnchors = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = (event.target as Element).closest('a');
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    if (href.startsWith('#') || href === '') return;
    const link = linkByHref.get(href);
    onFollowLink(href, link?.target ?? null);
  };

  const expiredCount = version.expiryDates.filter((d) => d < today).length;

  return (
    <article className="guide" data-testid="guide-view" data-path={version.path} aria-labelledby="guide-title">
      {version.archived && (
        <div className="banner banner-archived" data-testid="archived-banner" role="note">
          <strong>{version.archivedAt ? `보관본 · ${version.archivedAt} 보관` : '보관본'}</strong>
          {history.currentPath ? (
            <button
              type="button"
              className="primary"
              data-testid="open-current"
              onClick={() => onOpen(history.currentPath!)}
            >
              현재 버전 보기
            </button>
          ) : (
            <span data-testid="retired-note">이 가이드는 더 이상 사용되지 않습니다</span>
          )}
        </div>
      )}
      {(history.conflicts?.length ?? 0) > 0 && (
        <div className="banner banner-warning" role="note" data-testid="conflict-banner">
          같은 가이드의 현재본이 여러 개 있습니다: {history.conflicts!.join(', ')} — 콘텐츠 담당자에게 확인을
          요청하세요.
        </div>
      )}

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
        {(version.effectiveDates.length > 0 || version.expiryDates.length > 0) && (
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
        )}
        {expiredCount > 0 && (
          <p className="banner banner-warning" data-testid="expired-warning">
            만료된 기한이 {expiredCount}개 있습니다 (오늘 {today}). 안내 전에 현재 버전을 확인하세요.
          </p>
        )}
        <div className="guide-actions">
          {defaultOther && (
            <button type="button" data-testid="compare" onClick={() => compare(defaultOther)}>
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

      {version.responseSteps.length > 0 && (
        <section aria-labelledby="sec-steps" className="guide-section">
          <h3 id="sec-steps">응대 순서</h3>
          <ol className="response-steps" data-testid="response-steps">
            {version.responseSteps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </section>
      )}

      {version.policies.length > 0 && (
        <section aria-labelledby="sec-policies" className="guide-section">
          <h3 id="sec-policies">정책 및 참고사항</h3>
          <table className="policy-table" data-testid="policy-table">
            <thead>
              <tr>
                <th scope="col">내용</th>
                <th scope="col">연락처</th>
              </tr>
            </thead>
            <tbody>
              {version.policies.map((row, i) => (
                <tr key={i} data-testid="policy-row">
                  <td>
                    <p className="policy-text">{row.text}</p>
                    {row.notes.length > 0 && (
                      <ul className="policy-notes">
                        {row.notes.map((n, j) => (
                          <li key={j}>{n}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="phones">
                    {row.phones.map((p) => (
                      <CopyButton key={p} text={p} what={`전화번호 ${p}`} label={p} className="phone" testId="phone" />
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {(version.question || version.scripts.length > 0) && (
        <section aria-labelledby="sec-qa" className="guide-section">
          <h3 id="sec-qa">스크립트 / Q&amp;A</h3>
          {version.question && (
            <p className="question" data-testid="question">
              <span className="q-mark" aria-hidden="true">
                Q.
              </span>{' '}
              {version.question}
            </p>
          )}
          <div className="scripts">
            {version.scripts.map((s) => (
              <ScriptCard key={`${s.step}-${s.title}`} script={s} today={today} />
            ))}
          </div>
        </section>
      )}

      {version.notes.length > 0 && (
        <aside className="counselor-notes guide-notes" aria-label="상담사 참고 (가이드 전체)">
          <span className="memo-label">상담사 참고</span>
          <ul>
            {version.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </aside>
      )}

      {version.links.length > 0 && (
        <section aria-labelledby="sec-links" className="guide-section">
          <h3 id="sec-links">링크</h3>
          <ul className="links" data-testid="links">
            {version.links.map((l, i) => (
              <li key={i}>
                {l.target || /^https?:\/\//i.test(l.href) ? (
                  <>
                    <a
                      href={l.href}
                      data-testid={l.target ? 'internal-link' : 'external-link'}
                      onClick={(e) => {
                        e.preventDefault();
                        onFollowLink(l.href, l.target);
                      }}
                    >
                      {l.text || l.href}
                    </a>{' '}
                    <span className="muted">{l.target ? '(가이드 열기)' : '(외부 브라우저)'}</span>
                  </>
                ) : (
                  <span data-testid="unopenable-link">
                    {l.text || l.href} <span className="muted">(열 수 없는 주소: {l.href})</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="sec-versions" className="guide-section">
        <h3 id="sec-versions">버전 기록</h3>
        <ol className="timeline" data-testid="version-list">
          {[...versions].reverse().map((v) => {
            const open = v.path === version.path;
            return (
              <li key={v.path} className={open ? 'is-open' : ''} data-testid="version-item" data-path={v.path}>
                <span className="timeline-label">{versionLabel(v, history.currentPath)}</span>
                <span className="timeline-range">{validityText(v)}</span>
                {open ? (
                  <span className="badge" aria-current="true">
                    보는 중
                  </span>
                ) : (
                  <>
                    <button type="button" className="small" onClick={() => onOpen(v.path)}>
                      열기
                    </button>
                    <button type="button" className="small" data-testid="compare-with" onClick={() => compare(v.path)}>
                      비교
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      {view.renderProblems.length > 0 && (
        <section className="guide-section" aria-label="표시 문제">
          <ul className="problems">
            {view.renderProblems.map((p, i) => (
              <li key={i} className={`problem problem-${p.severity}`}>
                {p.line ? `${p.line}행: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      <details className="raw" data-testid="raw">
        <summary>원문 보기</summary>
        {/* Sanitised in main (markdown-it, html disabled). Anchor clicks are intercepted. */}
        <div
          className="markdown"
          onClick={interceptAnchors}
          onAuxClick={interceptAnchors}
          dangerouslySetInnerHTML={{ __html: view.html }}
        />
      </details>
    </article>
  );
}
