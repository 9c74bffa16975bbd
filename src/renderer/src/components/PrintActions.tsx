/**
 * 인쇄 and PDF로 저장 for the document on screen (the briefing, a guide, a diff). Both print the
 * window through the print stylesheet (styles/print.css): A4, no app chrome, a page per guide.
 * The outcome of saving is said next to the buttons, politely announced.
 */
import { useState } from 'react';
import type { PrintableDocument, SavePdfResponse } from '../../../shared/ipc';

export interface PrintActionsProps {
  document: PrintableDocument;
  /** What the document is about: the suggested file name. */
  title: string;
  onSavePdf(document: PrintableDocument, title: string): Promise<SavePdfResponse>;
}

function outcome(result: SavePdfResponse): string {
  if (result.saved) return `PDF로 저장했습니다: ${result.path}`;
  if (result.reason === 'canceled') return 'PDF 저장을 취소했습니다.';
  if (result.reason === 'unavailable') return '이 창에서는 PDF로 저장할 수 없습니다. 인쇄에서 PDF를 고르세요.';
  return `PDF로 저장하지 못했습니다: ${result.message ?? '알 수 없는 오류'}`;
}

export function PrintActions({ document, title, onSavePdf }: PrintActionsProps) {
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setStatus('PDF를 만드는 중…');
    try {
      setStatus(outcome(await onSavePdf(document, title)));
    } catch (error) {
      setStatus(`PDF로 저장하지 못했습니다: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="print-actions no-print" data-testid="print-actions">
      <button type="button" data-testid="print" onClick={() => window.print()}>
        인쇄
      </button>
      <button type="button" data-testid="save-pdf" onClick={() => void save()} disabled={busy} aria-busy={busy}>
        PDF로 저장
      </button>
      <span className="muted print-status" role="status" data-testid="pdf-status">
        {status}
      </span>
    </div>
  );
}
