/**
 * GuideDesk renderer: search on the left, the open guide (or diff / changes / file status) on the
 * right. Keyboard first: Ctrl+K or / focuses search, ↑/↓ + Enter opens, Esc clears, Alt+1…9 copies
 * script ①…⑨ of the open guide. The renderer only shows and asks; main parses and indexes.
 *
 * This file only wires: state lives in the hooks (hooks/), what is shown in the components.
 */
import { useCallback, useState } from 'react';
import { api } from './api';
import { Content } from './Content';
import { SearchPane } from './components/SearchPane';
import { TopBar } from './components/TopBar';
import { useFollowLink } from './hooks/useFollowLink';
import { useLibrary } from './hooks/useLibrary';
import { useLiveReload } from './hooks/useLiveReload';
import { useNoNavigation } from './hooks/useNoNavigation';
import { useOpenGuide } from './hooks/useOpenGuide';
import { useSearch } from './hooks/useSearch';
import { useChangesPeriod } from './hooks/useChangesPeriod';
import { useShortcuts } from './hooks/useShortcuts';
import { copyScript, NoticeProvider, useNotice } from './lib/copy';
import type { Screen } from './screens';

function Shell() {
  const { notify } = useNotice();
  const [screen, setScreen] = useState<Screen>({ kind: 'guide' });
  const [refreshToken, setRefreshToken] = useState(0);

  const library = useLibrary(api);
  const showGuideScreen = useCallback(() => setScreen({ kind: 'guide' }), []);
  const guide = useOpenGuide(api, { notify, onShown: showGuideScreen });
  const search = useSearch(api, { guides: library.snapshot?.guides, onOpen: guide.open });
  const { open } = guide;
  /** Opens a guide id or version path from a link or a button (no focus move, no 이용일). */
  const openGuide = useCallback((ref: string) => void open(ref), [open]);
  const followLink = useFollowLink(api, notify, openGuide);

  useShortcuts({
    focusSearch: search.focus,
    clearSearch: search.clear,
    copyScript: (step) => copyScript(guide.guide, step, notify),
  });
  useNoNavigation();
  useLiveReload(api, () => {
    library.reload();
    search.refresh();
    setRefreshToken((t) => t + 1);
    guide.refresh();
  });

  const goScreen = (next: Screen, focus = false) => {
    setScreen(next);
    if (focus) {
      window.setTimeout(() => document.querySelector<HTMLElement>('main h2')?.focus({ preventScroll: true }), 0);
    }
  };

  const snapshot = library.snapshot;
  const changesPeriod = useChangesPeriod(snapshot?.today ?? null);
  return (
    <div className="app">
      <TopBar
        screen={screen.kind}
        errorFiles={snapshot?.files.filter((f) => f.status === 'error').length ?? 0}
        today={snapshot?.today}
        onScreen={(kind) => goScreen({ kind }, true)}
      />
      {library.error && (
        <p role="alert" className="error">
          콘텐츠를 불러오지 못했습니다: {library.error}
        </p>
      )}
      <div className="panes">
        <SearchPane
          inputRef={search.inputRef}
          query={search.query}
          response={search.response}
          searchError={search.error}
          items={search.items}
          selected={search.selected}
          filters={search.filters}
          categories={search.categories}
          indexing={Boolean(snapshot?.indexing || search.response?.indexing)}
          searchNotice={search.response ? search.response.notice : snapshot?.searchNotice}
          today={snapshot?.today}
          revealKey={guide.guide?.version.path}
          onInput={search.onInput}
          onCompositionEnd={search.onCompositionEnd}
          onKeyDown={search.onKeyDown}
          onSelect={search.select}
          onOpen={search.open}
          onFilters={search.onFilters}
        />
        <Content
          api={api}
          screen={screen}
          guide={guide.guide}
          guideError={guide.error}
          headingRef={guide.headingRef}
          library={snapshot}
          period={changesPeriod}
          refreshToken={refreshToken}
          onOpen={openGuide}
          onFollowLink={followLink}
          onScreen={goScreen}
          onLoadGuide={guide.load}
        />
      </div>
    </div>
  );
}

export function App() {
  return (
    <NoticeProvider>
      <Shell />
    </NoticeProvider>
  );
}
