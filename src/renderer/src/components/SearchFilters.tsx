/** The filters under the search box: 보관본 chips, 분류 chips and the 이용일 기준 date. */
import type { ArchivedFilter } from '../../../shared/ipc';
import type { Filters } from '../lib/listing';

export interface SearchFiltersProps {
  filters: Filters;
  categories: string[];
  /** The app's today (YYYY-MM-DD), for the 오늘 quick pick. */
  today?: string;
  onFilters(next: Partial<Filters>): void;
}

const archivedChoices: { value: ArchivedFilter; label: string }[] = [
  { value: 'exclude', label: '보관본 제외' },
  { value: 'include', label: '보관본 포함' },
  { value: 'only', label: '보관본만' },
];

function CategoryChips({ filters, categories, onFilters }: SearchFiltersProps) {
  if (categories.length === 0) return null;
  return (
    <div role="group" aria-label="분류" className="chip-row" data-testid="category-filter">
      <button
        type="button"
        className="chip"
        aria-pressed={filters.category === ''}
        onClick={() => onFilters({ category: '' })}
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
          onClick={() => onFilters({ category: filters.category === c ? '' : c })}
        >
          {c.replaceAll('_', ' ')}
        </button>
      ))}
    </div>
  );
}

function AsOfDate({ filters, today, onFilters }: SearchFiltersProps) {
  return (
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
        onChange={(e) => onFilters({ asOf: e.target.value })}
      />
      {today && filters.asOf !== today && (
        <button type="button" className="small" data-testid="as-of-today" onClick={() => onFilters({ asOf: today })}>
          오늘
        </button>
      )}
      {filters.asOf && (
        <button
          type="button"
          className="small"
          data-testid="as-of-clear"
          aria-label="이용일 기준 초기화"
          onClick={() => onFilters({ asOf: '' })}
        >
          초기화
        </button>
      )}
      <span id="as-of-hint" className="as-of-hint" data-testid="as-of-hint">
        {filters.asOf ? '그날 적용되던 버전을 엽니다' : '비워 두면 현재 버전'}
      </span>
    </div>
  );
}

export function SearchFilters(props: SearchFiltersProps) {
  const { filters, onFilters } = props;
  return (
    <div className="filters">
      <div role="group" aria-label="보관본" className="chip-row" data-testid="archived-filter">
        {archivedChoices.map((c) => (
          <button
            key={c.value}
            type="button"
            className="chip"
            aria-pressed={filters.archived === c.value}
            data-value={c.value}
            onClick={() => onFilters({ archived: c.value })}
          >
            {c.label}
          </button>
        ))}
      </div>
      <CategoryChips {...props} />
      <AsOfDate {...props} />
    </div>
  );
}
