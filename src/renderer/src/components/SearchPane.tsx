/**
 * The left pane: search box (combobox), filter chips, and one listbox that shows either the search
 * results or, with an empty query, every guide. The input is uncontrolled so Korean IME
 * composition is never disturbed by re-renders; every input event (composing or not) queries.
 */
import type { FormEvent, KeyboardEvent, Ref } from 'react';
import type { SearchNotice, SearchNoticeCode, SearchResponse } from '../../../shared/ipc';
import type { Filters, ListItem } from '../lib/listing';
import { LISTBOX_ID, optionId, ResultList } from './ResultList';
import { SearchFilters } from './SearchFilters';

export interface SearchPaneProps {
  inputRef: Ref<HTMLInputElement>;
  query: string;
  /** The answer on screen for the typed query; null while the box is empty. */
  response: SearchResponse | null;
  searchError: string | null;
  items: ListItem[];
  selected: number;
  filters: Filters;
  categories: string[];
  indexing: boolean;
  /** Why search may be incomplete right now (from main), if it is. */
  searchNotice?: SearchNotice;
  /** The app's today (YYYY-MM-DD), for the 오늘 quick pick. */
  today?: string;
  /** The selected row is revealed again whenever this changes (a guide opened). */
  revealKey?: string;
  onInput(value: string): void;
  onCompositionEnd(value: string): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onSelect(index: number): void;
  onOpen(index: number): void;
  onFilters(next: Partial<Filters>): void;
}

/** What the counselor is told for each search notice (src/shared/ipc.ts explains each code). */
const NOTICE_TEXT: Record<SearchNoticeCode, string> = {
  'index-unavailable': '검색 색인을 만들지 못해 지금은 결과가 나오지 않습니다.',
  'index-incomplete': '검색 색인이 완전하지 않아 보관본이나 최근 변경이 빠질 수 있습니다.',
  'worker-retrying': '검색 색인 작업이 멈춰 다시 시작하는 중입니다.',
  'worker-fallback': '검색 색인 작업이 실패해 대체 방식으로 색인했습니다. 결과는 정상입니다.',
  'cache-unavailable': '검색 색인을 저장하지 못해 다음 시작이 느릴 수 있습니다.',
};

function ListStatus({
  searching,
  response,
  indexing,
  notice,
  total,
  interpreted,
}: {
  searching: boolean;
  response: SearchResponse | null;
  indexing: boolean;
  notice?: SearchNotice;
  total: number;
  interpreted: string[];
}) {
  return (
    <div
      className="list-status"
      aria-live="polite"
      data-testid="list-status"
      data-query={searching ? response?.query : undefined}
    >
      {indexing && <span className="indexing">색인 중… 결과가 일부일 수 있습니다.</span>}
      {notice && (
        <span className="search-notice" data-testid="search-notice" data-code={notice.code} title={notice.detail}>
          {NOTICE_TEXT[notice.code]}
          {notice.retrying && notice.code.startsWith('index-') ? ' 자동으로 다시 시도합니다.' : ''}
        </span>
      )}
      {searching && response && (
        <span>
          결과 {response.results.length}건
          {typeof response.tookMs === 'number' ? ` · ${Math.round(response.tookMs)}ms` : ''}
        </span>
      )}
      {!searching && <span>전체 가이드 {total}건</span>}
      {searching && interpreted.length > 0 && (
        <span className="interpreted" data-testid="interpreted-as">
          이렇게 찾았습니다: {interpreted.join(' · ')}
        </span>
      )}
    </div>
  );
}

function EmptyResults({
  response,
  interpreted,
  filters,
}: {
  response: SearchResponse;
  interpreted: string[];
  filters: Filters;
}) {
  return (
    <div className="empty" data-testid="empty-results">
      <p>
        <strong>‘{response.query}’</strong>에 맞는 가이드가 없습니다.
      </p>
      {interpreted.length > 0 && <p data-testid="empty-interpreted">이렇게 이해했습니다: {interpreted.join(' · ')}</p>}
      {filters.archived === 'exclude' && <p>보관본까지 찾으려면 ‘보관본 포함’을 누르세요.</p>}
    </div>
  );
}

export function SearchPane({ inputRef, ...props }: SearchPaneProps) {
  const { query, response, items, selected } = props;
  const searching = query.trim() !== '';
  const hasList = items.length > 0;
  const interpreted = response?.interpretedAs?.filter((note) => note.trim() !== '') ?? [];

  return (
    <aside className="search-pane" aria-label="가이드 찾기">
      <div role="search" className="search-box">
        <label htmlFor="search-input" className="visually-hidden">
          가이드 검색
        </label>
        <input
          id="search-input"
          ref={inputRef}
          data-testid="search-input"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={hasList}
          aria-controls={hasList ? LISTBOX_ID : undefined}
          aria-activedescendant={hasList && selected >= 0 ? optionId(selected) : undefined}
          aria-keyshortcuts="Control+K /"
          placeholder="검색 (Ctrl+K) — 예: 이중결제, ㅇㅈㄱㅈ, 속초시"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          defaultValue=""
          onInput={(e: FormEvent<HTMLInputElement>) => props.onInput(e.currentTarget.value)}
          onCompositionEnd={(e) => props.onCompositionEnd(e.currentTarget.value)}
          onKeyDown={props.onKeyDown}
        />
        <SearchFilters
          filters={props.filters}
          categories={props.categories}
          today={props.today}
          onFilters={props.onFilters}
        />
      </div>

      <ListStatus
        searching={searching}
        response={response}
        indexing={props.indexing}
        notice={props.searchNotice}
        total={items.length}
        interpreted={interpreted}
      />
      {props.searchError && (
        <p role="alert" className="error">
          검색하지 못했습니다: {props.searchError}
        </p>
      )}

      {hasList ? (
        <ResultList
          items={items}
          selected={selected}
          searching={searching}
          revealKey={props.revealKey}
          onKeyDown={props.onKeyDown}
          onSelect={props.onSelect}
          onOpen={props.onOpen}
        />
      ) : searching && response ? (
        <EmptyResults response={response} interpreted={interpreted} filters={props.filters} />
      ) : null}
    </aside>
  );
}
