/**
 * A diff's changes, section by section, in one of two layouts: inline (one line per change with
 * removed words struck through and added words underlined) or side by side (이전 | 이후, one row
 * per change, so both sides of every change start level). Shared by 버전 비교 and the briefing.
 */
import type { DiffChange, DiffSpan } from '../../../shared/guide';
import { changesBySection, OP_NAMES, SECTION_NAMES } from '../../../shared/briefing';
import type { DiffLayout } from '../hooks/useDiffLayout';

export interface DiffSectionsProps {
  changes: readonly DiffChange[];
  layout: DiffLayout;
  /** Heading level of the section titles (the surrounding document decides). */
  level: 3 | 5;
  /** A new guide: every change is its content, shown plain rather than marked as added. */
  introduced?: boolean;
}

function Spans({ spans, keep }: { spans: readonly DiffSpan[]; keep: 'removed' | 'added' | 'both' }) {
  return (
    <>
      {spans.map((s, i) => {
        if (s.kind === 'same') return <span key={i}>{s.text}</span>;
        if (keep !== 'both' && s.kind !== keep) return null;
        return s.kind === 'removed' ? (
          <del key={i} data-kind="removed">
            {s.text}
          </del>
        ) : (
          <ins key={i} data-kind="added">
            {s.text}
          </ins>
        );
      })}
    </>
  );
}

function InlineBody({ change }: { change: DiffChange }) {
  if (change.op === 'changed' && change.spans && change.spans.length > 0) {
    return (
      <p className="diff-line diff-merged">
        <Spans spans={change.spans} keep="both" />
      </p>
    );
  }
  return (
    <>
      {change.before !== null && (
        <p className="diff-line diff-before">
          <span className="diff-side-label">이전</span>
          <del data-kind="removed">{change.before}</del>
        </p>
      )}
      {change.after !== null && (
        <p className="diff-line diff-after">
          <span className="diff-side-label">이후</span>
          <ins data-kind="added">{change.after}</ins>
        </p>
      )}
    </>
  );
}

/** One side of a change in the two-column layout; an absent side says so. */
function Side({ change, side }: { change: DiffChange; side: 'before' | 'after' }) {
  const text = side === 'before' ? change.before : change.after;
  const className = `diff-side diff-side-${side}`;
  const label = <span className="visually-hidden">{side === 'before' ? '이전: ' : '이후: '}</span>;
  if (text === null) {
    return (
      <p className={`${className} diff-side-empty`} data-side={side}>
        {label}
        {side === 'before' ? '(없음)' : '(삭제됨)'}
      </p>
    );
  }
  const body =
    change.op === 'changed' && change.spans && change.spans.length > 0 ? (
      <Spans spans={change.spans} keep={side === 'before' ? 'removed' : 'added'} />
    ) : side === 'before' ? (
      <del data-kind="removed">{text}</del>
    ) : (
      <ins data-kind="added">{text}</ins>
    );
  return (
    <p className={className} data-side={side}>
      {label}
      {body}
    </p>
  );
}

function ChangeItem({ change, layout, introduced }: { change: DiffChange; layout: DiffLayout; introduced: boolean }) {
  let body;
  if (introduced) body = <p className="diff-line">{change.after}</p>;
  else if (layout === 'columns') {
    body = (
      <div className="diff-pair">
        <Side change={change} side="before" />
        <Side change={change} side="after" />
      </div>
    );
  } else body = <InlineBody change={change} />;
  return (
    <li className={`diff-change op-${change.op}`} data-op={change.op} data-testid="diff-change">
      <div className="diff-change-head">
        {!introduced && <span className={`op-tag op-tag-${change.op}`}>{OP_NAMES[change.op]}</span>}
        {change.label && <span className="diff-label">{change.label}</span>}
      </div>
      {body}
    </li>
  );
}

export function DiffSections({ changes, layout, level, introduced = false }: DiffSectionsProps) {
  const Heading = level === 3 ? 'h3' : 'h5';
  const columns = layout === 'columns' && !introduced;
  return (
    <div className="diff-body" data-layout={columns ? 'columns' : 'inline'} data-testid="diff-body">
      {changesBySection(changes).map(({ section, changes: list }) => (
        <section key={section} className="diff-section" data-section={section}>
          <Heading className="diff-section-title">
            {SECTION_NAMES[section]} <span className="briefing-count">{list.length}건</span>
          </Heading>
          {columns && (
            <div className="diff-columns-head" aria-hidden="true">
              <span>이전</span>
              <span>이후</span>
            </div>
          )}
          <ul className="diff-changes">
            {list.map((c, i) => (
              <ChangeItem key={i} change={c} layout={columns ? 'columns' : 'inline'} introduced={introduced} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The choice between the two layouts: two pressed/unpressed buttons. */
export function DiffLayoutToggle({ layout, onLayout }: { layout: DiffLayout; onLayout(layout: DiffLayout): void }) {
  const choices: { value: DiffLayout; label: string }[] = [
    { value: 'inline', label: '한 줄로' },
    { value: 'columns', label: '나란히' },
  ];
  return (
    <div
      role="group"
      aria-label="비교 보기 방식"
      className="chip-row layout-toggle no-print"
      data-testid="layout-toggle"
    >
      {choices.map((c) => (
        <button
          key={c.value}
          type="button"
          className="chip"
          data-testid={`layout-${c.value}`}
          aria-pressed={layout === c.value}
          onClick={() => onLayout(c.value)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}

/** What the two marks mean, shown once above a diff. */
export function DiffLegend() {
  return (
    <p className="diff-legend legend">
      <del>삭제된 내용</del> <ins>추가된 내용</ins>
    </p>
  );
}
