/**
 * The open guide: breadcrumb and options, archive banner, 응대 순서, policy table with copyable
 * phone numbers, Q&A script cards, dates, links, version timeline and the collapsible 원문.
 */
import { useMemo, type MouseEvent, type Ref } from 'react';
import type { GuideView } from '../../../shared/ipc';
import { chronological } from '../lib/versions';
import { GuideHead } from './GuideHead';
import { GuideNotes, LinkList, PolicyTable, QuestionAndScripts, ResponseSteps } from './GuideSections';
import { VersionTimeline } from './VersionTimeline';

export interface GuidePaneProps {
  view: GuideView;
  headingRef: Ref<HTMLHeadingElement>;
  onOpen(ref: string): void;
  onFollowLink(href: string, target: string | null): void;
  onCompare(from: string, to: string): void;
}

/** The version the compare button offers: the current one, else the previous, else any other. */
function defaultOther(view: GuideView): string | null {
  const { version, history } = view;
  const versions = history.versions;
  if (history.currentPath !== version.path && history.currentPath) return history.currentPath;
  const myIndex = versions.findIndex((v) => v.path === version.path);
  if (myIndex > 0) return versions[myIndex - 1].path;
  return versions.find((v) => v.path !== version.path)?.path ?? null;
}

function Banners({ view, onOpen }: { view: GuideView; onOpen(ref: string): void }) {
  const { version, history } = view;
  const conflicts = history.conflicts ?? [];
  return (
    <>
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
      {conflicts.length > 0 && (
        <div className="banner banner-warning" role="note" data-testid="conflict-banner">
          같은 가이드의 현재본이 여러 개 있습니다: {conflicts.join(', ')} — 콘텐츠 담당자에게 확인을 요청하세요.
        </div>
      )}
    </>
  );
}

function RenderProblems({ problems }: { problems: GuideView['renderProblems'] }) {
  if (problems.length === 0) return null;
  return (
    <section className="guide-section" aria-label="표시 문제">
      <ul className="problems">
        {problems.map((p, i) => (
          <li key={i} className={`problem problem-${p.severity}`}>
            {p.line ? `${p.line}행: ` : ''}
            {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The 원문 as main rendered it. Every anchor in it goes through the app: never navigate the window. */
function RawOriginal({ view, onFollowLink }: { view: GuideView; onFollowLink: GuidePaneProps['onFollowLink'] }) {
  const links = view.version.links;
  const linkByHref = useMemo(() => new Map(links.map((l) => [l.href, l])), [links]);
  const interceptAnchors = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = (event.target as Element).closest('a');
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    if (href.startsWith('#') || href === '') return;
    onFollowLink(href, linkByHref.get(href)?.target ?? null);
  };
  return (
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
  );
}

export function GuidePane({ view, headingRef, onOpen, onFollowLink, onCompare }: GuidePaneProps) {
  const { version, history, today } = view;
  const compare = (other: string) => {
    const [from, to] = chronological([version.path, other], history.versions);
    onCompare(from, to);
  };
  return (
    <article className="guide" data-testid="guide-view" data-path={version.path} aria-labelledby="guide-title">
      <Banners view={view} onOpen={onOpen} />
      <GuideHead view={view} headingRef={headingRef} compareWith={defaultOther(view)} onCompare={compare} />
      <ResponseSteps steps={version.responseSteps} />
      <PolicyTable policies={version.policies} />
      <QuestionAndScripts version={version} today={today} />
      <GuideNotes notes={version.notes} />
      <LinkList links={version.links} onFollowLink={onFollowLink} />
      <VersionTimeline history={history} openPath={version.path} onOpen={onOpen} onCompare={compare} />
      <RenderProblems problems={view.renderProblems} />
      <RawOriginal view={view} onFollowLink={onFollowLink} />
    </article>
  );
}
