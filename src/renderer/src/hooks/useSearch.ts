import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type RefObject,
} from 'react';
import type { GuideDeskApi, GuideListItem, SearchResponse } from '../../../shared/ipc';
import {
  categoriesOf,
  guideItems,
  initialFilters,
  openTarget,
  resultItems,
  type Filters,
  type ListItem,
} from '../lib/listing';
import type { OpenOptions } from './useOpenGuide';
import { useSearchAnswers } from './useSearchAnswers';

/** How far each list key moves the selection (PageUp / PageDown: eight rows). */
const SELECTION_KEYS: ReadonlyMap<string, number> = new Map([
  ['ArrowDown', 1],
  ['ArrowUp', -1],
  ['PageDown', 8],
  ['PageUp', -8],
]);

export interface SearchSetup {
  /** Every guide of the library: the list while the box is empty, and the 분류 chips. */
  guides: readonly GuideListItem[] | undefined;
  /** Opens the guide of a list item (Enter, a click). */
  onOpen(ref: string, options: OpenOptions): void;
}

export interface Search {
  /** The search box. It is uncontrolled, so Korean IME composition is never disturbed. */
  inputRef: RefObject<HTMLInputElement | null>;
  query: string;
  filters: Filters;
  categories: string[];
  /** The answer on screen for a typed query (it may be for an earlier text while one is in flight). */
  response: SearchResponse | null;
  error: string | null;
  /** What the list shows: results while a query is typed, otherwise every guide. */
  items: ListItem[];
  selected: number;
  select(index: number): void;
  /** Every input event queries, composing or not (`이중결ㅈ` already finds 이중결제). */
  onInput(value: string): void;
  /** The final input event may precede compositionend: make sure the committed text is queried. */
  onCompositionEnd(value: string): void;
  onFilters(next: Partial<Filters>): void;
  /** ↑/↓ and PageUp/PageDown move the selection, Enter opens it (never while the IME composes). */
  onKeyDown(event: ReactKeyboardEvent<HTMLElement>): void;
  move(delta: number): void;
  /**
   * Enter: opens the selected item and focuses the guide. Pressed before the answer for the typed
   * text is on screen, it opens that answer's first item when it arrives, never an older one's.
   */
  submit(): void;
  open(index: number, focus?: boolean): void;
  /** Esc: empties the box, focuses it and shows every guide again. */
  clear(): void;
  /** Ctrl+K, /: focuses the box and selects its text for retyping. */
  focus(): void;
  /** The library changed: asks the same query again. */
  refresh(): void;
}

/**
 * The search box, its filters and the list. Every change of the box or the chips asks again, and
 * only the newest request's answer is shown (see useSearchAnswers).
 */
export function useSearch(api: Pick<GuideDeskApi, 'search'>, { guides, onOpen }: SearchSetup): Search {
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [selected, setSelected] = useState(0);
  // A new answer starts at its first row.
  const { answer, ask, newest } = useSearchAnswers(api, () => setSelected(0));
  /** What the box and the chips hold now, ahead of React's render: what the next request asks. */
  const typed = useRef({ query: '', filters: initialFilters });
  /** Enter came before the answer for the typed text: open its first item once it is on screen. */
  const pendingOpen = useRef(false);

  const run = useCallback(
    (force: boolean) => {
      const { query: q, filters: f } = typed.current;
      if (q.trim() === '') pendingOpen.current = false;
      ask(q, f, force);
    },
    [ask],
  );

  const onInput = useCallback(
    (value: string) => {
      setQuery(value);
      typed.current = { ...typed.current, query: value };
      run(false);
    },
    [run],
  );

  const onFilters = useCallback(
    (next: Partial<Filters>) => {
      const merged = { ...typed.current.filters, ...next };
      typed.current = { ...typed.current, filters: merged };
      setFilters(merged);
      run(false);
    },
    [run],
  );

  const clear = useCallback(() => {
    const input = inputRef.current;
    if (input) {
      input.value = '';
      input.focus();
    }
    onInput('');
  }, [onInput]);

  const focus = useCallback(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const refresh = useCallback(() => run(true), [run]);

  const searching = query.trim() !== '';
  const items = useMemo(
    () => (searching ? resultItems(answer.response) : guideItems(guides ?? [], filters)),
    [searching, answer.response, guides, filters],
  );
  const categories = useMemo(() => categoriesOf(guides ?? []), [guides]);

  const open = useCallback(
    (index: number, focusGuide = false) => {
      const item = items[index];
      if (!item) return;
      const { ref, asOf } = openTarget(item, filters.asOf);
      onOpen(ref, { asOf, focus: focusGuide });
    },
    [items, filters.asOf, onOpen],
  );

  const move = useCallback(
    (delta: number) => setSelected((s) => Math.max(0, Math.min(items.length - 1, s + delta))),
    [items.length],
  );

  // `answer.seq` is the answer this render shows; `newest()` may already be ahead of it.
  const submit = useCallback(() => {
    if (answer.seq !== newest()) pendingOpen.current = true;
    else open(selected, true);
  }, [answer.seq, newest, open, selected]);

  useEffect(() => {
    if (!pendingOpen.current || answer.seq !== newest()) return;
    pendingOpen.current = false;
    if (!answer.error) open(0, true);
  }, [answer, newest, open]);

  const onKeyDown = useCallback(
    (e: ReactKeyboardEvent<HTMLElement>) => {
      const delta = SELECTION_KEYS.get(e.key);
      if (delta !== undefined) {
        e.preventDefault();
        move(delta);
      } else if (e.key === 'Enter' && !(e.nativeEvent.isComposing || e.keyCode === 229)) {
        e.preventDefault();
        submit();
      }
    },
    [move, submit],
  );

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  return {
    inputRef,
    query,
    filters,
    categories,
    response: searching ? answer.response : null,
    error: answer.error,
    items,
    selected,
    select: setSelected,
    onInput,
    onCompositionEnd: onInput,
    onFilters,
    onKeyDown,
    move,
    submit,
    open,
    clear,
    focus,
    refresh,
  };
}
