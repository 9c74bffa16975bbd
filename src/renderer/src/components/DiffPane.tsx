/**
 * Differences between two versions, grouped by section, inline (removed words struck through,
 * added words underlined) or side by side (이전 | 이후, each change on one row), printable.
 */
import type { GuideHistory } from '../../../shared/guide';
import type { DiffView, PrintableDocument, SavePdfResponse } from '../../../shared/ipc';
import type { DiffLayout } from '../hooks/useDiffLayout';
import { validityText } from '../lib/versions';
import { DiffLayoutToggle, DiffLegend, DiffSections } from './DiffSections';
import { PrintActions } from './PrintActions';

export interface DiffPaneProps {
  from: string;
  to: string;
  /** The two versions' differences; null until they arrive. */
  diff: DiffView | null;
  error: string | null;
  /** The guide's history, for the version pickers (null: no pickers). */
  history: GuideHistory | null;
  layout: DiffLayout;
  onLayout(layout: DiffLayout): void;
  onChange(from: string, to: string): void;
  onOpen(path: string): void;
  onBack(): void;
  onSavePdf(document: PrintableDocument, title: string): Promise<SavePdfResponse>;
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
    <div className="diff-pickers no-print">
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

export function DiffPane(props: DiffPaneProps) {
  const { from, to, diff, error, history, layout, onLayout, onChange, onOpen, onBack, onSavePdf } = props;
  const versions = history?.versions ?? [];
  return (
    <section className="diff" data-testid="diff-view" data-layout={layout} aria-labelledby="diff-title">
      <header className="pane-head">
        <h2 id="diff-title" tabIndex={-1}>
          버전 비교
        </h2>
        <button type="button" className="no-print" onClick={onBack}>
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
      <div className="diff-tools">
        <DiffLegend />
        <DiffLayoutToggle layout={layout} onLayout={onLayout} />
        {diff && <PrintActions document="diff" title={`${diff.fromTitle} → ${diff.toTitle}`} onSavePdf={onSavePdf} />}
      </div>
      {error && (
        <p role="alert" className="error">
          비교하지 못했습니다: {error}
        </p>
      )}
      {diff && diff.changes.length === 0 && <p data-testid="diff-empty">두 버전의 내용이 같습니다.</p>}
      {diff && <DiffSections changes={diff.changes} layout={layout} level={3} />}
    </section>
  );
}
