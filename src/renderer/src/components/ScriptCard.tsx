/**
 * One script step (①②③…): what to say (customer-facing, copyable exactly), counselor notes kept
 * apart as an internal memo, conditional branches as sub-cards, and an optional fill-in form for
 * the blanks whose values go into a separate "채워서 복사".
 */
import { useId, useMemo, useState } from 'react';
import type { ScriptBranch, ScriptStep } from '../../../shared/guide';
import { CopyButton } from '../lib/copy';
import { circled, scriptLabel } from '../../../shared/labels';
import { fillPlaceholders, isDatePlaceholder, markPlaceholders, placeholderLabel } from '../lib/text';

export interface CounselorNotesProps {
  notes: readonly string[];
  /** The memo's accessible name. */
  label?: string;
  className?: string;
  testId?: string;
}

/** Counselor-only notes, kept apart from what is said to the customer as a yellow memo. */
export function CounselorNotes({
  notes,
  label = '상담사 참고',
  className = 'counselor-notes',
  testId,
}: CounselorNotesProps) {
  if (notes.length === 0) return null;
  return (
    <aside className={className} aria-label={label} data-testid={testId}>
      <span className="memo-label">상담사 참고</span>
      <ul>
        {notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </aside>
  );
}

function FillForm({
  text,
  placeholders,
  today,
  what,
}: {
  text: string;
  placeholders: readonly string[];
  today: string;
  what: string;
}) {
  const baseId = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(placeholders.map((p) => [p, isDatePlaceholder(p) ? today : ''])),
  );
  const filled = useMemo(() => fillPlaceholders(text, placeholders, values), [text, placeholders, values]);
  return (
    <details className="fill-form" data-testid="fill-form">
      <summary>빈칸 채우기 ({placeholders.length})</summary>
      <div className="fill-fields">
        {placeholders.map((p, i) => (
          <label key={p} htmlFor={`${baseId}-${i}`} className="fill-field">
            <span>
              {placeholderLabel(p)} <code>{p}</code>
            </span>
            <input
              id={`${baseId}-${i}`}
              type="text"
              data-testid="fill-input"
              data-placeholder={p}
              value={values[p] ?? ''}
              placeholder={p}
              onChange={(e) => setValues((old) => ({ ...old, [p]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      <p className="fill-preview" data-testid="fill-preview">
        {filled}
      </p>
      <CopyButton text={filled} what={what} label="채워서 복사" testId="copy-filled" className="secondary" />
    </details>
  );
}

function ScriptBody({
  text,
  placeholders,
  today,
  what,
}: {
  text: string;
  placeholders: readonly string[];
  today: string;
  what: string;
}) {
  if (!text) return null;
  return (
    <>
      <div className="script-text" data-testid="script-text" aria-label="고객 안내 문구">
        {markPlaceholders(text, placeholders)}
      </div>
      {placeholders.length > 0 && <FillForm text={text} placeholders={placeholders} today={today} what={what} />}
    </>
  );
}

function BranchCard({
  branch,
  index,
  step,
  today,
}: {
  branch: ScriptBranch;
  index: number;
  step: number;
  today: string;
}) {
  const what = `${scriptLabel(step)} 분기 ${index + 1}`;
  return (
    <section className="branch-card" data-testid="branch-card" aria-label={`조건: ${branch.condition}`}>
      <header className="card-head">
        <span className="condition-tag">조건 · {branch.condition}</span>
        {branch.text && <CopyButton text={branch.text} what={what} testId="copy-branch" />}
      </header>
      <ScriptBody text={branch.text} placeholders={branch.placeholders} today={today} what={what} />
      <CounselorNotes notes={branch.notes} testId="counselor-notes" />
    </section>
  );
}

export function ScriptCard({ script, today }: { script: ScriptStep; today: string }) {
  const what = scriptLabel(script.step);
  const headingId = useId();
  return (
    <section className="script-card" data-testid="script-card" data-step={script.step} aria-labelledby={headingId}>
      <header className="card-head">
        <h4 id={headingId}>
          <span className="step-number" aria-hidden="true">
            {circled(script.step)}
          </span>{' '}
          <span className="visually-hidden">{script.step}단계 </span>
          {script.title}
        </h4>
        {script.text && (
          <CopyButton
            text={script.text}
            what={what}
            testId="copy-script"
            keyHint={script.step <= 9 ? `Alt+${script.step}` : undefined}
          />
        )}
      </header>
      {script.condition && <p className="condition-tag">조건 · {script.condition}</p>}
      <ScriptBody text={script.text} placeholders={script.placeholders} today={today} what={what} />
      <CounselorNotes notes={script.notes} testId="counselor-notes" />
      {(script.branches ?? []).map((b, i) => (
        <BranchCard key={i} branch={b} index={i} step={script.step} today={today} />
      ))}
    </section>
  );
}
