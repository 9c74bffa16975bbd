/**
 * The right side of the window: the open guide (or the welcome), a diff, 변경 사항 or 파일 상태.
 * Screens receive what they show; the two that ask main for their data get it here through hooks.
 */
import { useEffect, useRef, type Ref } from 'react';
import type { GuideDeskApi, GuideView, LibrarySnapshot } from '../../shared/ipc';
import { ChangesPane } from './components/ChangesPane';
import { DiffPane } from './components/DiffPane';
import { FilesPane } from './components/FilesPane';
import { GuidePane } from './components/GuidePane';
import { WelcomePane } from './components/WelcomePane';
import { useAnswer } from './hooks/useAnswer';
import { isIsoDate } from '../../shared/dates';
import type { Screen } from './screens';

type ContentApi = Pick<GuideDeskApi, 'diffVersions' | 'changesSince'>;

export interface ContentProps {
  api: ContentApi;
  screen: Screen;
  guide: GuideView | null;
  /** Why the newest open failed, shown above any screen. */
  guideError: string | null;
  headingRef: Ref<HTMLHeadingElement>;
  library: LibrarySnapshot | null;
  /** 변경 사항's date, kept while other screens are shown. */
  since: string;
  /** Bumped when the content folder changed: diff and 변경 사항 ask again. */
  refreshToken: number;
  onSince(since: string): void;
  onOpen(ref: string): void;
  onFollowLink(href: string, target: string | null): void;
  /** Shows another screen; with `focus`, its heading takes the focus (a button led there). */
  onScreen(next: Screen, focus?: boolean): void;
  /** Reads a guide without showing it: the diff's version pickers need its history. */
  onLoadGuide(ref: string): void;
}

type DiffScreenProps = Pick<ContentProps, 'api' | 'guide' | 'refreshToken' | 'onOpen' | 'onScreen'> & {
  from: string;
  to: string;
};

function DiffScreen({ api, from, to, guide, refreshToken, onOpen, onScreen }: DiffScreenProps) {
  const diff = useAnswer(JSON.stringify([from, to]), () => api.diffVersions({ from, to }), refreshToken);
  return (
    <DiffPane
      from={from}
      to={to}
      diff={diff.value}
      error={diff.error}
      history={guide?.history ?? null}
      onChange={(nextFrom, nextTo) => onScreen({ kind: 'diff', from: nextFrom, to: nextTo })}
      onOpen={onOpen}
      onBack={() => onScreen({ kind: 'guide' })}
    />
  );
}

type ChangesScreenProps = Pick<
  ContentProps,
  'api' | 'library' | 'since' | 'refreshToken' | 'onSince' | 'onOpen' | 'onScreen' | 'onLoadGuide'
>;

function ChangesScreen({
  api,
  library,
  since,
  refreshToken,
  onSince,
  onOpen,
  onScreen,
  onLoadGuide,
}: ChangesScreenProps) {
  const key = isIsoDate(since) ? since : null;
  const changes = useAnswer(key, () => api.changesSince({ since }), refreshToken);
  return (
    <ChangesPane
      today={library?.today ?? new Date().toISOString().slice(0, 10)}
      since={since}
      entries={changes.value}
      error={changes.error}
      onSince={onSince}
      onOpen={onOpen}
      onCompare={(from, to) => {
        onLoadGuide(to);
        onScreen({ kind: 'diff', from, to });
      }}
    />
  );
}

function CurrentScreen(props: ContentProps) {
  const { screen, guide } = props;
  if (screen.kind === 'diff') return <DiffScreen {...props} from={screen.from} to={screen.to} />;
  if (screen.kind === 'changes') return <ChangesScreen {...props} />;
  if (screen.kind === 'files') {
    return <FilesPane files={props.library?.files ?? []} contentRoot={props.library?.contentRoot ?? ''} />;
  }
  if (!guide) return <WelcomePane />;
  return (
    <GuidePane
      view={guide}
      headingRef={props.headingRef}
      onOpen={props.onOpen}
      onFollowLink={props.onFollowLink}
      onCompare={(from, to) => props.onScreen({ kind: 'diff', from, to }, true)}
    />
  );
}

export function Content(props: ContentProps) {
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = props.guide?.version.path;
  useEffect(() => {
    // A different guide, version or screen starts at its top.
    if (mainRef.current) mainRef.current.scrollTop = 0;
  }, [shownPath, props.screen.kind]);

  return (
    <main className="content" data-testid="content" ref={mainRef} tabIndex={0} aria-label="내용">
      {props.guideError && (
        <p role="alert" className="error">
          가이드를 열지 못했습니다: {props.guideError}
        </p>
      )}
      <CurrentScreen {...props} />
    </main>
  );
}
