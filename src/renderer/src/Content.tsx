/**
 * The right side of the window: the open guide (or the welcome), a diff, 변경 사항 or 파일 상태.
 * Screens receive what they show; the two that ask main for their data get it here through hooks.
 */
import { useEffect, useRef, useState, type Ref } from 'react';
import type { TimelineUnit } from '../../shared/briefing';
import type { GuideDeskApi, GuideView, LibrarySnapshot, PrintableDocument } from '../../shared/ipc';
import { ChangesPane } from './components/ChangesPane';
import { DiffPane } from './components/DiffPane';
import { FilesPane } from './components/FilesPane';
import { GuideFreshness } from './components/GuideFreshness';
import { GuidePane } from './components/GuidePane';
import { PrintActions } from './components/PrintActions';
import { WelcomePane } from './components/WelcomePane';
import { useAnswer } from './hooks/useAnswer';
import type { ChangesPeriod } from './hooks/useChangesPeriod';
import { useDiffLayout, type DiffLayout } from './hooks/useDiffLayout';
import { isIsoDate } from '../../shared/dates';
import type { Screen } from './screens';

type ContentApi = Pick<GuideDeskApi, 'diffVersions' | 'changeBriefing' | 'changeTimeline' | 'savePdf'>;

export interface ContentProps {
  api: ContentApi;
  screen: Screen;
  guide: GuideView | null;
  /** Why the newest open failed, shown above any screen. */
  guideError: string | null;
  headingRef: Ref<HTMLHeadingElement>;
  library: LibrarySnapshot | null;
  /** 변경 사항's period, kept while other screens are shown. */
  period: ChangesPeriod;
  /** Bumped when the content folder changed: diff and 변경 사항 ask again. */
  refreshToken: number;
  onOpen(ref: string): void;
  onFollowLink(href: string, target: string | null): void;
  /** Shows another screen; with `focus`, its heading takes the focus (a button led there). */
  onScreen(next: Screen, focus?: boolean): void;
  /** Reads a guide without showing it: the diff's version pickers need its history. */
  onLoadGuide(ref: string): void;
}

/** What the screens that print and compare share: the diff layout and saving a PDF. */
interface DocumentTools {
  layout: DiffLayout;
  onLayout(layout: DiffLayout): void;
  savePdf(document: PrintableDocument, title: string): ReturnType<GuideDeskApi['savePdf']>;
}

type DiffScreenProps = Pick<ContentProps, 'api' | 'guide' | 'refreshToken' | 'onOpen' | 'onScreen'> &
  DocumentTools & { from: string; to: string };

function DiffScreen({ api, from, to, guide, refreshToken, onOpen, onScreen, ...tools }: DiffScreenProps) {
  const diff = useAnswer(JSON.stringify([from, to]), () => api.diffVersions({ from, to }), refreshToken);
  return (
    <DiffPane
      from={from}
      to={to}
      diff={diff.value}
      error={diff.error}
      history={guide?.history ?? null}
      layout={tools.layout}
      onLayout={tools.onLayout}
      onChange={(nextFrom, nextTo) => onScreen({ kind: 'diff', from: nextFrom, to: nextTo })}
      onOpen={onOpen}
      onBack={() => onScreen({ kind: 'guide' })}
      onSavePdf={tools.savePdf}
    />
  );
}

type ChangesScreenProps = Pick<
  ContentProps,
  'api' | 'library' | 'period' | 'refreshToken' | 'onOpen' | 'onScreen' | 'onLoadGuide'
> &
  DocumentTools;

function ChangesScreen({
  api,
  library,
  period,
  refreshToken,
  onOpen,
  onScreen,
  onLoadGuide,
  ...tools
}: ChangesScreenProps) {
  const [unit, setUnit] = useState<TimelineUnit>('month');
  const { since, until, recordVisit } = period;
  useEffect(() => recordVisit(), [recordVisit]);
  const valid = isIsoDate(since) && (until === '' || (isIsoDate(until) && until >= since));
  const request = until ? { since, until } : { since };
  const briefing = useAnswer(valid ? `${since}/${until}` : null, () => api.changeBriefing(request), refreshToken);
  const timeline = useAnswer(unit, () => api.changeTimeline({ unit }), refreshToken);
  return (
    <ChangesPane
      today={library?.today ?? new Date().toISOString().slice(0, 10)}
      since={since}
      until={until}
      lastVisit={period.lastVisit}
      briefing={briefing.value}
      briefingError={briefing.error}
      timeline={timeline.value}
      timelineError={timeline.error}
      unit={unit}
      layout={tools.layout}
      onUnit={setUnit}
      onLayout={tools.onLayout}
      onPeriod={period.setPeriod}
      onOpen={onOpen}
      onCompare={(from, to) => {
        onLoadGuide(to);
        onScreen({ kind: 'diff', from, to }, true);
      }}
      onSavePdf={tools.savePdf}
    />
  );
}

function CurrentScreen(props: ContentProps & DocumentTools) {
  const { screen, guide } = props;
  if (screen.kind === 'diff') return <DiffScreen {...props} from={screen.from} to={screen.to} />;
  if (screen.kind === 'changes') return <ChangesScreen {...props} />;
  if (screen.kind === 'files') {
    return <FilesPane files={props.library?.files ?? []} contentRoot={props.library?.contentRoot ?? ''} />;
  }
  if (!guide) return <WelcomePane />;
  return (
    <>
      <div className="guide-tools">
        <GuideFreshness view={guide} />
        <PrintActions document="guide" title={guide.version.rawTitle} onSavePdf={props.savePdf} />
      </div>
      <GuidePane
        view={guide}
        headingRef={props.headingRef}
        onOpen={props.onOpen}
        onFollowLink={props.onFollowLink}
        onCompare={(from, to) => props.onScreen({ kind: 'diff', from, to }, true)}
      />
    </>
  );
}

export function Content(props: ContentProps) {
  const mainRef = useRef<HTMLElement>(null);
  const [layout, onLayout] = useDiffLayout();
  const { api } = props;
  const savePdf = (document: PrintableDocument, title: string) => api.savePdf({ document, title });
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
      <CurrentScreen {...props} layout={layout} onLayout={onLayout} savePdf={savePdf} />
    </main>
  );
}
