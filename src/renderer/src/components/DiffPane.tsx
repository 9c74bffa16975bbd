/**
 * Differences between two versions, grouped by section, with word-level marks: removed runs
 * struck through in red, added runs in green.
 */
import type { DiffChange, DiffSection, GuideHistory } from '../../../shared/guide';
import type { DiffView } from '../../../shared/ipc';
import { sectionNames } from '../lib/text';
import { validityText } from '../lib/versions';

export interface DiffPaneProps {
  from: string;
  to: string;
  /** The two versions' differences; null until they arrive. */
  diff: DiffView | null;
  error: string | null;
  /** The guide's history, for the version pickers (null: no pickers). */
  history: GuideHistory | null;
  onChange(from: string, to: string): void;
  onOpen(path: string): void;
  onBack(): void;
}

const opNames: Record<DiffChange['op'], string> = { added: '추가', removed: '삭제', changed: '변경' };
const sectionOrder: DiffSection[] = ['category', 'responseSteps', 'policies', 'scripts', 'dates', 'text'];

function ChangeBody({ change }: { change: DiffChange }) {
  if (change.op === 'changed' && change.spans && change.spans.length > 0) {
    return (
      <p className="diff-line diff-merged">
        {change.spans.map((s, i) =>
          s.kind === 'removed' ? (
            <del key={i} data-kind="removed">
              {s.text}
            </del>
          ) : s.kind === 'added' ? (
            <ins key={i} data-kind="added">
              {s.text}
            </ins>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </p>
    );
  }
  return (
    <>
      {change.before !== null && (
        <p className="diff-line diff-before">
          <span className="visually-hidden">이전: </span>
          <del data-kind="removed">{change.before}</del>
        </p>
      )}
      {change.after !== null && (
        <p className="diff-line diff-after">
          <span className="visually-hidden">이후: </span>
          <ins data-kind="added">{change.after}</ins>
        </p>
      )}
    </>
  );
}

interface VersionPickersProps {
  from: string;
  to: string;
  history: GuideHistory;
  onChange(from: string, to: string): void;
}

/** The two versions compared, chosen among the guide's history. */
function VersionPickers({ from, to, history, onChange }: VersionPickersProps) {
  const { versions, currentPath } = history;
  const label = (path: string) => {
    const v = versions.find((x) => x.path === path);
    if (!v) return path;
    const kind = v.path === currentPath ? '현재 버전' : v.archivedAt ? `보관본 ${v.archivedAt}` : '사본';
    return `${kind} (${validityText(v)})`;
  };
  const options = versions.map((v) => (
    <option key={v.path} value={v.path}>
      {label(v.path)}
    </option>
  ));
  return (
    <div className="diff-pickers">
      <label>
        이전
        <select value={from} onChange={(e) => onChange(e.target.value, to)} data-testid="diff-from">
          {options}
        </select>
      </label>
      <span aria-hidden="true">→</span>
      <label>
        이후
        <select value={to} onChange={(e) => onChange(from, e.target.value)} data-testid="diff-to">
          {options}
        </select>
      </label>
    </div>
  );
}

export function DiffPane({ from, to, diff, error, history, onChange, onOpen, onBack }: DiffPaneProps) {
  const bySection = new Map<DiffSection, DiffChange[]>();
  for (const c of diff?.changes ?? []) {
    const list = bySection.get(c.section) ?? [];
    list.push(c);
    bySection.set(c.section, list);
  }
  const versions = history?.versions ?? [];

  return (
    <section className="diff" data-testid="diff-view" aria-labelledby="diff-title">
      <header className="pane-head">
        <h2 id="diff-title" tabIndex={-1}>
          버전 비교
        </h2>
        <button type="button" onClick={onBack}>
          가이드로 돌아가기
        </button>
      </header>
      {versions.length > 1 && history && <VersionPickers from={from} to={to} history={history} onChange={onChange} />}
      {diff && (
        <p className="diff-titles">
          <button type="button" className="linkish" onClick={() => onOpen(diff.from)}>
            {diff.fromTitle}
          </button>{' '}
          →{' '}
          <button type="button" className="linkish" onClick={() => onOpen(diff.to)}>
            {diff.toTitle}
          </button>
        </p>
      )}
      <p className="legend">
        <del>삭제된 내용</del> <ins>추가된 내용</ins>
      </p>
      {error && (
        <p role="alert" className="error">
          비교하지 못했습니다: {error}
        </p>
      )}
      {diff && diff.changes.length === 0 && <p data-testid="diff-empty">두 버전의 내용이 같습니다.</p>}
      {sectionOrder
        .filter((s) => bySection.has(s))
        .map((section) => (
          <section
            key={section}
            className="diff-section"
            data-section={section}
            aria-labelledby={`diff-sec-${section}`}
          >
            <h3 id={`diff-sec-${section}`}>
              {sectionNames[section] ?? section} <span className="muted">{bySection.get(section)!.length}건</span>
            </h3>
            <ul className="diff-changes">
              {bySection.get(section)!.map((c, i) => (
                <li key={i} className={`diff-change op-${c.op}`} data-op={c.op} data-testid="diff-change">
                  <div className="diff-change-head">
                    <span className={`op-tag op-tag-${c.op}`}>{opNames[c.op]}</span>
                    {c.label && <span className="diff-label">{c.label}</span>}
                  </div>
                  <ChangeBody change={c} />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </section>
  );
}
