/**
 * GuideDesk renderer: search on the left, the open guide (or diff / changes / file status) on the
 * right. Keyboard first: Ctrl+K or / focuses search, ↑/↓ + Enter opens, Esc clears, Alt+1…9 copies
 * script ①…⑨ of the open guide. The renderer only shows and asks; main parses and indexes.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { GuideView, LibrarySnapshot, SearchResponse } from '../../shared/ipc';
import { api } from './api';
import { ChangesPane } from './components/ChangesPane';
import { DiffPane } from './components/DiffPane';
import { FilesPane } from './components/FilesPane';
import { GuidePane } from './components/GuidePane';
import { SearchPane, optionId, type Filters, type ListItem } from './components/SearchPane';
import { NoticeProvider, useNotice, writeClipboard } from './lib/copy';
import { addDays, circled } from './lib/text';

type Screen = { kind: 'guide' } | { kind: 'diff'; from: string; to: string } | { kind: 'changes' } | { kind: 'files' };

const collator = new Intl.Collator('ko', { numeric: true });

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Scrolls only the list (never the window or the panes) so that `option` is fully visible, and
 * lands on an option boundary so the top row is never cut in half.
 */
function revealOption(list: HTMLElement, option: HTMLElement) {
  const style = getComputedStyle(list);
  const padTop = parseFloat(style.paddingTop) || 0;
  const padBottom = parseFloat(style.paddingBottom) || 0;
  const view = list.clientHeight;
  const listTop = list.getBoundingClientRect().top - list.scrollTop;
  const topOf = (el: HTMLElement) => el.getBoundingClientRect().top - listTop;
  const itemTop = topOf(option);
  const itemBottom = itemTop + option.offsetHeight;
  let top = list.scrollTop;
  if (itemTop < top + padTop) top = itemTop - padTop;
  else if (itemBottom > top + view - padBottom) top = itemBottom - view + padBottom;
  // The row cut by the top edge: show it whole if the opened one still fits, otherwise hide it.
  const rows = Array.from(list.querySelectorAll<HTMLElement>('[role=option]'));
  const edge = top + padTop;
  const index = rows.findIndex((row) => topOf(row) < edge - 0.5 && topOf(row) + row.offsetHeight > edge + 0.5);
  if (index >= 0) {
    const whole = topOf(rows[index]) - padTop;
    if (itemBottom <= whole + view - padBottom) top = whole;
    else if (rows[index + 1]) top = topOf(rows[index + 1]) - padTop;
  }
  const max = list.scrollHeight - view;
  list.scrollTop = Math.max(0, Math.min(max, Math.round(top)));
}

function Shell() {
  const { notify } = useNotice();
  const [library, setLibrary] = useState<LibrarySnapshot | null>(null);
  const [libraryError, setLibraryError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [filters, setFilters] = useState<Filters>({ archived: 'exclude', category: '', asOf: '' });
  const [guide, setGuide] = useState<GuideView | null>(null);
  const [guideError, setGuideError] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'guide' });
  const [since, setSince] = useState('');
  const [refreshToken, setRefreshToken] = useState(0);

  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const searchSeq = useRef(0);
  /** Sequence number of the answer on screen; differs from searchSeq while a query is in flight. */
  const answeredSeq = useRef(0);
  /** Enter was pressed before the answer for the typed text arrived: open its first result then. */
  const pendingOpen = useRef(false);
  const openSeq = useRef(0);
  const composing = useRef(false);
  const lastSent = useRef<string | null>(null);
  const focusAfterOpen = useRef<'heading' | null>(null);
  const contentRef = useRef<HTMLElement>(null);
  const latest = useRef({ query, filters, guide });
  useEffect(() => {
    latest.current = { query, filters, guide };
  }, [query, filters, guide]);

  // ---- library ---------------------------------------------------------------------------
  const loadLibrary = useCallback(() => {
    api.getLibrary().then(
      (lib) => {
        setLibrary(lib);
        setLibraryError(null);
        setSince((old) => old || addDays(lib.today, -30));
      },
      (e: Error) => setLibraryError(e.message),
    );
  }, []);

  // ---- guides ----------------------------------------------------------------------------
  const openGuide = useCallback(async (ref: string, options: { asOf?: string; focus?: boolean } = {}) => {
    const seq = ++openSeq.current;
    try {
      const view = await api.openGuide({ ref, asOf: options.asOf || undefined });
      if (seq !== openSeq.current) return;
      focusAfterOpen.current = options.focus ? 'heading' : null;
      setGuide(view);
      setGuideError(null);
      setScreen({ kind: 'guide' });
    } catch (e) {
      if (seq !== openSeq.current) return;
      setGuideError((e as Error).message);
      setScreen({ kind: 'guide' });
    }
  }, []);

  // ---- search ----------------------------------------------------------------------------
  /** Sends one query; only the newest request's answer is shown (stale answers are dropped). */
  const runSearch = useCallback((raw: string, f: Filters, force = false) => {
    const q = raw.normalize('NFC');
    const key = JSON.stringify([q, f]);
    if (!force && key === lastSent.current) return;
    lastSent.current = key;
    const seq = ++searchSeq.current;
    if (q.trim() === '') {
      answeredSeq.current = seq;
      pendingOpen.current = false;
      setResponse(null);
      setSearchError(null);
      setSelected(0);
      return;
    }
    api
      .search({
        query: q,
        limit: 50,
        archived: f.archived,
        asOf: f.asOf || undefined,
        category: f.category || undefined,
      })
      .then(
        (r) => {
          if (seq !== searchSeq.current) return;
          answeredSeq.current = seq;
          setResponse(r);
          setSearchError(null);
          setSelected(0);
        },
        (e: Error) => {
          if (seq !== searchSeq.current) return;
          answeredSeq.current = seq;
          pendingOpen.current = false;
          setSearchError(e.message);
        },
      );
  }, []);

  const onInput = useCallback(
    (value: string) => {
      setQuery(value);
      latest.current = { ...latest.current, query: value };
      runSearch(value, latest.current.filters);
    },
    [runSearch],
  );

  const onCompositionChange = useCallback(
    (isComposing: boolean, value: string) => {
      composing.current = isComposing;
      // The final input event may precede compositionend; make sure the committed text is queried.
      if (!isComposing) onInput(value);
    },
    [onInput],
  );

  const onFilters = useCallback(
    (next: Partial<Filters>) => {
      const merged = { ...latest.current.filters, ...next };
      latest.current = { ...latest.current, filters: merged };
      setFilters(merged);
      runSearch(latest.current.query, merged);
    },
    [runSearch],
  );

  const clearSearch = useCallback(() => {
    const input = inputRef.current;
    if (input) {
      input.value = '';
      input.focus();
    }
    setQuery('');
    latest.current = { ...latest.current, query: '' };
    runSearch('', latest.current.filters);
  }, [runSearch]);

  // ---- guide focus, scroll and links ----------------------------------------------------

  const shownPath = guide?.version.path;
  useEffect(() => {
    // A different guide or version starts at its top.
    if (contentRef.current) contentRef.current.scrollTop = 0;
  }, [shownPath, screen.kind]);

  useEffect(() => {
    if (focusAfterOpen.current === 'heading' && guide) {
      headingRef.current?.focus({ preventScroll: true });
    }
    focusAfterOpen.current = null;
  }, [guide]);

  const followLink = useCallback(
    (href: string, target: string | null) => {
      if (target) {
        void openGuide(target);
        return;
      }
      if (/^https?:\/\//i.test(href)) {
        api.openExternal({ url: href, userActivated: navigator.userActivation?.isActive ?? false }).then(
          (r) => {
            if (r.opened) notify('외부 브라우저에서 열었습니다.');
            else notify(`링크를 열 수 없습니다${r.reason ? `: ${r.reason}` : ''}`, 'error');
          },
          (e: Error) => notify(`링크를 열 수 없습니다: ${e.message}`, 'error'),
        );
        return;
      }
      notify('이 링크는 열 수 없습니다.', 'error');
    },
    [openGuide, notify],
  );

  // ---- list items --------------------------------------------------------------------------
  const categories = useMemo(() => {
    const set = new Set<string>();
    for (const g of library?.guides ?? []) if (g.category[0]) set.add(g.category[0]);
    return [...set].sort(collator.compare);
  }, [library]);

  const items: ListItem[] = useMemo(() => {
    if (query.trim() !== '') return (response?.results ?? []).map((result) => ({ kind: 'result' as const, result }));
    return (library?.guides ?? [])
      .filter((g) => !filters.category || g.category[0] === filters.category)
      .filter((g) => (filters.archived === 'only' ? g.retired || g.versionCount > 1 : true))
      .sort(
        (a, b) => collator.compare(a.category.join(' '), b.category.join(' ')) || collator.compare(a.title, b.title),
      )
      .map((guide) => ({ kind: 'guide' as const, guide }));
  }, [query, response, library, filters.category, filters.archived]);

  const openItem = useCallback(
    (index: number, focus = false) => {
      const item = items[index];
      if (!item) return;
      if (item.kind === 'result') void openGuide(item.result.path, { focus });
      else void openGuide(filters.asOf ? item.guide.id : item.guide.defaultPath, { asOf: filters.asOf, focus });
    },
    [items, openGuide, filters.asOf],
  );

  useEffect(() => {
    const option = document.getElementById(optionId(selected));
    const list = option?.closest<HTMLElement>('[role=listbox]');
    if (option && list) revealOption(list, option);
  }, [selected, items, shownPath]);

  /**
   * The answer on screen: an answer that arrived is not yet what the list shows until React has
   * rendered it, so Enter compares against this, and an Enter that came early opens the first
   * item once the list for the typed text is really there.
   */
  const renderedSeq = useRef(0);
  useEffect(() => {
    renderedSeq.current = answeredSeq.current;
    if (pendingOpen.current && renderedSeq.current === searchSeq.current) {
      pendingOpen.current = false;
      openItem(0, true);
    }
  }, [items, openItem]);

  const onSearchKeyDown = useCallback(
    (e: ReactKeyboardEvent<HTMLElement>) => {
      const imeBusy = e.nativeEvent.isComposing || e.keyCode === 229;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const delta = e.key === 'ArrowDown' ? 1 : -1;
        setSelected((s) => Math.max(0, Math.min(items.length - 1, s + delta)));
      } else if (e.key === 'PageDown' || e.key === 'PageUp') {
        e.preventDefault();
        const delta = e.key === 'PageDown' ? 8 : -8;
        setSelected((s) => Math.max(0, Math.min(items.length - 1, s + delta)));
      } else if (e.key === 'Enter' && !imeBusy) {
        e.preventDefault();
        // Typed faster than the answer came back (e.g. Enter right after the IME committed):
        // open the first result of the answer for what is in the box, not of an older one.
        if (renderedSeq.current !== searchSeq.current) pendingOpen.current = true;
        else openItem(selected, true);
      }
    },
    [items.length, openItem, selected],
  );

  // ---- global keys -----------------------------------------------------------------------
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.keyCode === 229) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k')) {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
        return;
      }
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target)) {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
        return;
      }
      if (e.key === 'Escape') {
        const target = e.target as HTMLElement | null;
        // Let an open <details> or a <select> handle its own Escape first.
        if (target instanceof HTMLSelectElement) return;
        e.preventDefault();
        clearSearch();
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-9]$/.test(e.code)) {
        const step = Number(e.code.slice(5));
        const view = latest.current.guide;
        const script = view?.version.scripts.find((s) => s.step === step);
        if (!script?.text) return;
        e.preventDefault();
        void writeClipboard(script.text).then((ok) =>
          notify(ok ? `복사됨 · 스크립트 ${circled(step)}` : '클립보드에 복사하지 못했습니다.', ok ? 'ok' : 'error'),
        );
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clearSearch, notify]);

  // Never navigate the window: any anchor click not handled by a component is swallowed here.
  useEffect(() => {
    const guard = (e: MouseEvent) => {
      const anchor = (e.target as Element | null)?.closest?.('a');
      if (anchor && !e.defaultPrevented) e.preventDefault();
    };
    document.addEventListener('click', guard);
    document.addEventListener('auxclick', guard);
    return () => {
      document.removeEventListener('click', guard);
      document.removeEventListener('auxclick', guard);
    };
  }, []);

  // ---- startup and live updates ------------------------------------------------------------
  useEffect(() => {
    loadLibrary();
    inputRef.current?.focus();
    return api.onLibraryChanged(() => {
      loadLibrary();
      const { query: q, filters: f, guide: g } = latest.current;
      runSearch(q, f, true);
      setRefreshToken((t) => t + 1);
      if (g) {
        const path = g.version.path;
        const id = g.version.id;
        api.openGuide({ ref: path }).then(
          (view) => {
            if (latest.current.guide?.version.path === path) setGuide(view);
          },
          () =>
            api.openGuide({ ref: id }).then(
              (view) => {
                setGuide(view);
                notify('열려 있던 파일이 바뀌어 같은 가이드의 다른 버전을 표시합니다.');
              },
              () => notify('열려 있던 가이드가 콘텐츠 폴더에서 사라졌습니다.', 'error'),
            ),
        );
      }
    });
  }, [loadLibrary, runSearch, notify]);

  const errorFiles = library?.files.filter((f) => f.status === 'error').length ?? 0;
  const indexing = Boolean(library?.indexing || response?.indexing);

  const goScreen = (next: Screen) => {
    setScreen(next);
    window.setTimeout(() => document.querySelector<HTMLElement>('main h2')?.focus({ preventScroll: true }), 0);
  };

  let content;
  if (screen.kind === 'diff') {
    content = (
      <DiffPane
        from={screen.from}
        to={screen.to}
        history={guide?.history ?? null}
        onChange={(from, to) => setScreen({ kind: 'diff', from, to })}
        onOpen={(path) => void openGuide(path)}
        onBack={() => setScreen({ kind: 'guide' })}
        refreshToken={refreshToken}
      />
    );
  } else if (screen.kind === 'changes') {
    content = (
      <ChangesPane
        today={library?.today ?? new Date().toISOString().slice(0, 10)}
        since={since}
        onSince={setSince}
        onOpen={(path) => void openGuide(path)}
        onCompare={(from, to) => {
          // Load the guide too, so the diff's version pickers know its history.
          void api.openGuide({ ref: to }).then(setGuide, () => undefined);
          setScreen({ kind: 'diff', from, to });
        }}
        refreshToken={refreshToken}
      />
    );
  } else if (screen.kind === 'files') {
    content = <FilesPane files={library?.files ?? []} contentRoot={library?.contentRoot ?? ''} />;
  } else if (guide) {
    content = (
      <GuidePane
        view={guide}
        headingRef={headingRef}
        onOpen={(ref) => void openGuide(ref)}
        onFollowLink={followLink}
        onCompare={(from, to) => goScreen({ kind: 'diff', from, to })}
      />
    );
  } else {
    content = (
      <section className="welcome" data-testid="welcome" aria-labelledby="welcome-title">
        <h2 id="welcome-title">가이드를 찾아 여세요</h2>
        <ul className="keys">
          <li>
            <kbd>Ctrl</kbd>+<kbd>K</kbd> 또는 <kbd>/</kbd> 검색창으로 이동
          </li>
          <li>
            <kbd>↑</kbd>
            <kbd>↓</kbd> 결과 이동, <kbd>Enter</kbd> 열기, <kbd>Esc</kbd> 검색어 지우기
          </li>
          <li>
            <kbd>Alt</kbd>+<kbd>1</kbd>…<kbd>9</kbd> 열린 가이드의 스크립트 ①…⑨ 복사
          </li>
        </ul>
      </section>
    );
  }

  return (
    <div className="app">
      <header className="topbar">
        <h1>GuideDesk</h1>
        <nav aria-label="화면" className="screens">
          <button
            type="button"
            aria-current={screen.kind === 'guide' || screen.kind === 'diff' ? 'page' : undefined}
            onClick={() => goScreen({ kind: 'guide' })}
          >
            가이드
          </button>
          <button
            type="button"
            data-testid="nav-changes"
            aria-current={screen.kind === 'changes' ? 'page' : undefined}
            onClick={() => goScreen({ kind: 'changes' })}
          >
            변경 사항
          </button>
          <button
            type="button"
            data-testid="nav-files"
            aria-current={screen.kind === 'files' ? 'page' : undefined}
            onClick={() => goScreen({ kind: 'files' })}
          >
            파일 상태
            {errorFiles > 0 && (
              <span className="count-badge" data-testid="error-badge" aria-label={`오류 파일 ${errorFiles}개`}>
                {errorFiles}
              </span>
            )}
          </button>
        </nav>
        {library && <span className="muted today">오늘 {library.today}</span>}
      </header>
      {libraryError && (
        <p role="alert" className="error">
          콘텐츠를 불러오지 못했습니다: {libraryError}
        </p>
      )}
      <div className="panes">
        <SearchPane
          inputRef={inputRef}
          query={query}
          response={query.trim() ? response : null}
          searchError={searchError}
          items={items}
          selected={selected}
          filters={filters}
          categories={categories}
          indexing={indexing}
          today={library?.today}
          onInput={onInput}
          onCompositionChange={onCompositionChange}
          onKeyDown={onSearchKeyDown}
          onSelect={setSelected}
          onOpen={(i) => openItem(i)}
          onFilters={onFilters}
        />
        <main className="content" data-testid="content" ref={contentRef} tabIndex={0} aria-label="내용">
          {guideError && (
            <p role="alert" className="error">
              가이드를 열지 못했습니다: {guideError}
            </p>
          )}
          {content}
        </main>
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
