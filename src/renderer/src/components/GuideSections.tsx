/**
 * The body sections of an open guide: 응대 순서, the policy table with copyable phone numbers,
 * the Q&A script cards, the guide-wide counselor notes and the links. Each renders nothing when
 * the guide has no such content.
 */
import type { GuideLink, GuideVersion, PolicyRow } from '../../../shared/guide';
import { CopyButton } from '../lib/copy';
import { CounselorNotes, ScriptCard } from './ScriptCard';

export function ResponseSteps({ steps }: { steps: readonly string[] }) {
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="sec-steps" className="guide-section">
      <h3 id="sec-steps">응대 순서</h3>
      <ol className="response-steps" data-testid="response-steps">
        {steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
    </section>
  );
}

export function PolicyTable({ policies }: { policies: readonly PolicyRow[] }) {
  if (policies.length === 0) return null;
  return (
    <section aria-labelledby="sec-policies" className="guide-section">
      <h3 id="sec-policies">정책 및 참고사항</h3>
      <table className="policy-table" data-testid="policy-table">
        <thead>
          <tr>
            <th scope="col">내용</th>
            <th scope="col">연락처</th>
          </tr>
        </thead>
        <tbody>
          {policies.map((row, i) => (
            <tr key={i} data-testid="policy-row">
              <td>
                <p className="policy-text">{row.text}</p>
                {row.notes.length > 0 && (
                  <ul className="policy-notes">
                    {row.notes.map((n, j) => (
                      <li key={j}>{n}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="phones">
                {row.phones.map((p) => (
                  <CopyButton key={p} text={p} what={`전화번호 ${p}`} label={p} className="phone" testId="phone" />
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function QuestionAndScripts({ version, today }: { version: GuideVersion; today: string }) {
  if (!version.question && version.scripts.length === 0) return null;
  return (
    <section aria-labelledby="sec-qa" className="guide-section">
      <h3 id="sec-qa">스크립트 / Q&amp;A</h3>
      {version.question && (
        <p className="question" data-testid="question">
          <span className="q-mark" aria-hidden="true">
            Q.
          </span>{' '}
          {version.question}
        </p>
      )}
      <div className="scripts">
        {version.scripts.map((s) => (
          <ScriptCard key={`${s.step}-${s.title}`} script={s} today={today} />
        ))}
      </div>
    </section>
  );
}

export function GuideNotes({ notes }: { notes: readonly string[] }) {
  return <CounselorNotes notes={notes} label="상담사 참고 (가이드 전체)" className="counselor-notes guide-notes" />;
}

export interface LinkListProps {
  links: readonly GuideLink[];
  onFollowLink(href: string, target: string | null): void;
}

export function LinkList({ links, onFollowLink }: LinkListProps) {
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="sec-links" className="guide-section">
      <h3 id="sec-links">링크</h3>
      <ul className="links" data-testid="links">
        {links.map((l, i) => (
          <li key={i}>
            {l.target || /^https?:\/\//i.test(l.href) ? (
              <>
                <a
                  href={l.href}
                  data-testid={l.target ? 'internal-link' : 'external-link'}
                  onClick={(e) => {
                    e.preventDefault();
                    onFollowLink(l.href, l.target);
                  }}
                >
                  {l.text || l.href}
                </a>{' '}
                <span className="muted">{l.target ? '(가이드 열기)' : '(외부 브라우저)'}</span>
              </>
            ) : (
              <span data-testid="unopenable-link">
                {l.text || l.href} <span className="muted">(열 수 없는 주소: {l.href})</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
