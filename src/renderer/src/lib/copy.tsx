/**
 * Copying to the clipboard with a visible confirmation: the button itself says 복사됨 for a moment
 * and a polite live region announces it for screen readers.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { GuideView } from '../../../shared/ipc';
import { scriptLabel } from '../../../shared/labels';

interface Notice {
  id: number;
  text: string;
  tone: 'ok' | 'error';
}

/** Shows a short confirmation (or, with tone 'error', a failure) and announces it politely. */
export type Notify = (text: string, tone?: Notice['tone']) => void;

interface NoticeApi {
  notify: Notify;
}

const NoticeContext = createContext<NoticeApi>({ notify: () => undefined });

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const counter = useRef(0);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 2200);
    return () => window.clearTimeout(timer);
  }, [notice]);
  const notify = useCallback((text: string, tone: Notice['tone'] = 'ok') => {
    counter.current += 1;
    setNotice({ id: counter.current, text, tone });
  }, []);
  return (
    <NoticeContext.Provider value={{ notify }}>
      {children}
      <div className="toast-region" role="status" aria-live="polite" data-testid="toast">
        {notice && (
          <div key={notice.id} className={`toast toast-${notice.tone}`}>
            {notice.text}
          </div>
        )}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotice(): NoticeApi {
  return useContext(NoticeContext);
}

/** Writes `text` to the clipboard; resolves true on success. */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Hook: `copy(text, what)` plus a `copied` flag that stays on for a moment after success. */
function useCopy() {
  const { notify } = useNotice();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 1600);
    return () => window.clearTimeout(timer);
  }, [copied]);
  const copy = useCallback(
    async (text: string, what: string) => {
      const ok = await writeClipboard(text);
      if (ok) {
        setCopied(true);
        notify(`복사됨 · ${what}`);
      } else {
        notify('클립보드에 복사하지 못했습니다. 다시 시도해 주세요.', 'error');
      }
      return ok;
    },
    [notify],
  );
  return { copied, copy };
}

interface CopyButtonProps {
  text: string;
  /** What is being copied, for the confirmation and the accessible name (`스크립트 ③`). */
  what: string;
  label?: string;
  className?: string;
  testId?: string;
  keyHint?: string;
}

export function CopyButton({ text, what, label = '복사', className = '', testId, keyHint }: CopyButtonProps) {
  const { copied, copy } = useCopy();
  return (
    <button
      type="button"
      className={`copy-button ${copied ? 'is-copied' : ''} ${className}`}
      data-testid={testId}
      data-copied={copied ? 'true' : undefined}
      aria-label={keyHint ? `${what} ${label} (${keyHint})` : `${what} ${label}`}
      aria-keyshortcuts={keyHint}
      title={keyHint ? `${what} ${label} (${keyHint})` : `${what} ${label}`}
      onClick={() => void copy(text, what)}
    >
      {copied ? (label === '복사' ? '복사됨 ✓' : `${label} ✓ 복사됨`) : label}
      {keyHint && ' '}
      {keyHint && (
        <span className="key-hint" data-testid="key-hint">
          ({keyHint})
        </span>
      )}
    </button>
  );
}

/**
 * Alt+1…9: copies script `step` of the open guide exactly as written and confirms it. Returns
 * false (and copies nothing) when the guide has no such script with text.
 */
export function copyScript(view: GuideView | null, step: number, notify: Notify): boolean {
  const script = view?.version.scripts.find((s) => s.step === step);
  if (!script?.text) return false;
  void writeClipboard(script.text).then((ok) =>
    notify(ok ? `복사됨 · ${scriptLabel(step)}` : '클립보드에 복사하지 못했습니다.', ok ? 'ok' : 'error'),
  );
  return true;
}
