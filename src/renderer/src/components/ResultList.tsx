/**
 * The one listbox of the left pane: search results (title, category, where it matched) or, with
 * an empty query, every guide. The selected row is kept in view without cutting rows.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { GuideListItem } from '../../../shared/ipc';
import type { ListItem, SearchResult } from '../lib/listing';
import { revealOption } from '../lib/revealOption';
import { categoryPath, highlightRanges } from '../lib/text';

export const LISTBOX_ID = 'result-list';
export const optionId = (index: number) => `result-option-${index}`;

export interface ResultListProps {
  items: ListItem[];
  selected: number;
  /** True while a query is typed: the rows are results, not the guide list. */
  searching: boolean;
  /** The selected row is revealed again whenever this changes (a guide opened). */
  revealKey?: string;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onSelect(index: number): void;
  onOpen(index: number): void;
}

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

export function ResultList({ items, selected, searching, revealKey, onKeyDown, onSelect, onOpen }: ResultListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const list = listRef.current;
    const option = list?.querySelector<HTMLElement>(`#${optionId(selected)}`);
    if (list && option) revealOption(list, option);
  }, [selected, items, revealKey]);

  return (
    <ul
      ref={listRef}
      id={LISTBOX_ID}
      role="listbox"
      tabIndex={0}
      aria-label={searching ? '검색 결과' : '가이드 목록'}
      aria-activedescendant={selected >= 0 ? optionId(selected) : undefined}
      data-testid={searching ? 'results' : 'guide-list'}
      className="result-list"
      onKeyDown={onKeyDown}
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
            onSelect(i);
            onOpen(i);
          }}
        >
          {item.kind === 'result' ? <ResultOption result={item.result} /> : <GuideOption guide={item.guide} />}
        </li>
      ))}
    </ul>
  );
}
