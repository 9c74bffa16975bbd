/**
 * The left pane: search box (combobox), filter chips, and one listbox that shows either the search
 * results or, with an empty query, every guide. The input is uncontrolled so Korean IME
 * composition is never disturbed by re-renders; every input event (composing or not) queries.
 */
import type { FormEvent, KeyboardEvent, Ref } from 'react';
import type { SearchResponse } from '../../../shared/ipc';
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

function ListStatus({
  searching,
  response,
  indexing,
  total,
  interpreted,
}: {
  searching: boolean;
  response: SearchResponse | null;
  indexing: boolean;
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
