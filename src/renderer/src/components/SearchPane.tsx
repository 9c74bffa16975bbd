/**
 * The left pane: search box (combobox), filter chips, and one listbox that shows either the search
 * results or, with an empty query, every guide. The input is uncontrolled so Korean IME
 * composition is never disturbed by re-renders; every input event (composing or not) queries.
 */
import type { FormEvent, KeyboardEvent, Ref } from 'react';
import type { ArchivedFilter, GuideListItem, SearchResponse } from '../../../shared/ipc';
import { categoryPath, highlightRanges } from '../lib/text';

type SearchResult = SearchResponse['results'][number];

export type ListItem = { kind: 'result'; result: SearchResult } | { kind: 'guide'; guide: GuideListItem };

export interface Filters {
  archived: ArchivedFilter;
  category: string;
  asOf: string;
}

export interface SearchPaneProps {
  inputRef: Ref<HTMLInputElement>;
  query: string;
  response: SearchResponse | null;
  searchError: string | null;
  items: ListItem[];
  selected: number;
  filters: Filters;
  categories: string[];
  indexing: boolean;
  /** The app's today (YYYY-MM-DD), for the 오늘 quick pick. */
  today?: string;
  onInput(value: string): void;
  onCompositionChange(composing: boolean, value: string): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onSelect(index: number): void;
  onOpen(index: number): void;
  onFilters(next: Partial<Filters>): void;
}

const archivedChoices: { value: ArchivedFilter; label: string }[] = [
  { value: 'exclude', label: '보관본 제외' },
  { value: 'include', label: '보관본 포함' },
  { value: 'only', label: '보관본만' },
];

export const LISTBOX_ID = 'result-list';
export const optionId = (index: number) => `result-option-${index}`;

function ResultOption({ result }: { result: SearchResult }) {
  // A title match is shown on the title itself rather than repeated as a line of its own.
  const titleMatch = result.matches.find((m) => m.field === 'title' && m.snippet === result.title);
  const matches = result.matches.filter((m) => m !== titleMatch).slice(0, 3);
  return (
    <>
      <span className="result-title">
        {titleMatch ? highlightRanges(result.title, titleMatch.highlights ?? []) : result.title}
        {result.archived && (
          <span className="badge badge-archived" data-testid="archived-badge">
            보관본{result.archivedAt ? ` · ${result.archivedAt}` : ''}
          </span>
        )}
      </span>
      {result.category?.length > 0 && <span className="result-category">{categoryPath(result.category)}</span>}
      {matches.length > 0 && (
        <ul className="matches">
          {matches.map((m, i) => (
            <li key={i} data-testid="match" data-field={m.field} className={`match match-${m.field}`}>
              <span className="match-label" data-testid="match-label" title={m.label}>
                {m.label}
              </span>
              <span className="visually-hidden">: </span>{' '}
              <span className="match-snippet">{highlightRanges(m.snippet, m.highlights ?? [])}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function GuideOption({ guide }: { guide: GuideListItem }) {
  return (
    <>
      <span className="result-title">
        {guide.title}
        {guide.retired && (
          <span className="badge badge-retired" data-testid="retired-badge">
            사용 중지
          </span>
        )}
        {guide.versionCount > 1 && <span className="badge">버전 {guide.versionCount}</span>}
      </span>
      {guide.category.length > 0 && <span className="result-category">{categoryPath(guide.category)}</span>}
    </>
  );
}

export function SearchPane({ inputRef, ...props }: SearchPaneProps) {
  const { query, response, items, selected, filters, categories } = props;
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
          onCompositionStart={(e) => props.onCompositionChange(true, e.currentTarget.value)}
          onCompositionEnd={(e) => props.onCompositionChange(false, e.currentTarget.value)}
          onKeyDown={props.onKeyDown}
        />
        <div className="filters">
          <div role="group" aria-label="보관본" className="chip-row" data-testid="archived-filter">
            {archivedChoices.map((c) => (
              <button
                key={c.value}
                type="button"
                className="chip"
                aria-pressed={filters.archived === c.value}
                data-value={c.value}
                onClick={() => props.onFilters({ archived: c.value })}
              >
                {c.label}
              </button>
            ))}
          </div>
          {categories.length > 0 && (
            <div role="group" aria-label="분류" className="chip-row" data-testid="category-filter">
              <button
                type="button"
                className="chip"
                aria-pressed={filters.category === ''}
                onClick={() => props.onFilters({ category: '' })}
              >
                전체
              </button>
              {categories.map((c) => (
                <button
                  key={c}
                  type="button"
                  className="chip"
                  aria-pressed={filters.category === c}
                  data-value={c}
                  onClick={() => props.onFilters({ category: filters.category === c ? '' : c })}
                >
                  {c.replaceAll('_', ' ')}
                </button>
              ))}
            </div>
          )}
          <div className="as-of" role="group" aria-labelledby="as-of-label">
            <label id="as-of-label" htmlFor="as-of-input">
              이용일 기준
            </label>
            <input
              id="as-of-input"
              data-testid="as-of"
              type="date"
              value={filters.asOf}
              aria-describedby="as-of-hint"
              onChange={(e) => props.onFilters({ asOf: e.target.value })}
            />
            {props.today && filters.asOf !== props.today && (
              <button
                type="button"
                className="small"
                data-testid="as-of-today"
                onClick={() => props.onFilters({ asOf: props.today })}
              >
                오늘
              </button>
            )}
            {filters.asOf && (
              <button
                type="button"
                className="small"
                data-testid="as-of-clear"
                aria-label="이용일 기준 초기화"
                onClick={() => props.onFilters({ asOf: '' })}
              >
                초기화
              </button>
            )}
            <span id="as-of-hint" className="as-of-hint" data-testid="as-of-hint">
              {filters.asOf ? '그날 적용되던 버전을 엽니다' : '비워 두면 현재 버전'}
            </span>
          </div>
        </div>
      </div>

      <div
        className="list-status"
        aria-live="polite"
        data-testid="list-status"
        data-query={searching ? response?.query : undefined}
      >
        {props.indexing && <span className="indexing">색인 중… 결과가 일부일 수 있습니다.</span>}
        {searching && response && (
          <span>
            결과 {response.results.length}건
            {typeof response.tookMs === 'number' ? ` · ${Math.round(response.tookMs)}ms` : ''}
          </span>
        )}
        {!searching && <span>전체 가이드 {items.length}건</span>}
        {searching && interpreted.length > 0 && (
          <span className="interpreted" data-testid="interpreted-as">
            이렇게 찾았습니다: {interpreted.join(' · ')}
          </span>
        )}
      </div>
      {props.searchError && (
        <p role="alert" className="error">
          검색하지 못했습니다: {props.searchError}
        </p>
      )}

      {hasList ? (
        <ul
          id={LISTBOX_ID}
          role="listbox"
          tabIndex={0}
          aria-label={searching ? '검색 결과' : '가이드 목록'}
          aria-activedescendant={selected >= 0 ? optionId(selected) : undefined}
          data-testid={searching ? 'results' : 'guide-list'}
          className="result-list"
          onKeyDown={props.onKeyDown}
        >
          {items.map((item, i) => (
            <li
              key={item.kind === 'result' ? `r-${item.result.path}` : `g-${item.guide.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === selected}
              data-testid={item.kind === 'result' ? 'result' : 'guide-item'}
              data-id={item.kind === 'result' ? item.result.id : item.guide.id}
              className={`result ${i === selected ? 'is-selected' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                props.onSelect(i);
                props.onOpen(i);
              }}
            >
              {item.kind === 'result' ? <ResultOption result={item.result} /> : <GuideOption guide={item.guide} />}
            </li>
          ))}
        </ul>
      ) : searching && response ? (
        <div className="empty" data-testid="empty-results">
          <p>
            <strong>‘{response.query}’</strong>에 맞는 가이드가 없습니다.
          </p>
          {interpreted.length > 0 && (
            <p data-testid="empty-interpreted">이렇게 이해했습니다: {interpreted.join(' · ')}</p>
          )}
          {filters.archived === 'exclude' && <p>보관본까지 찾으려면 ‘보관본 포함’을 누르세요.</p>}
        </div>
      ) : null}
    </aside>
  );
}
