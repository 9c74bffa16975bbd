/** The header: the app's name, the screen tabs (with the count of unreadable files) and today. */
import type { ScreenKind } from '../screens';

export interface TopBarProps {
  screen: ScreenKind;
  /** Files of the content folder that could not be read: a red count on 파일 상태. */
  errorFiles: number;
  today?: string;
  onScreen(kind: 'guide' | 'changes' | 'files'): void;
}

export function TopBar({ screen, errorFiles, today, onScreen }: TopBarProps) {
  return (
    <header className="topbar">
      <h1>GuideDesk</h1>
      <nav aria-label="화면" className="screens">
        <button
          type="button"
          aria-current={screen === 'guide' || screen === 'diff' ? 'page' : undefined}
          onClick={() => onScreen('guide')}
        >
          가이드
        </button>
        <button
          type="button"
          data-testid="nav-changes"
          aria-current={screen === 'changes' ? 'page' : undefined}
          onClick={() => onScreen('changes')}
        >
          변경 사항
        </button>
        <button
          type="button"
          data-testid="nav-files"
          aria-current={screen === 'files' ? 'page' : undefined}
          onClick={() => onScreen('files')}
        >
          파일 상태
          {errorFiles > 0 && (
            <span className="count-badge" data-testid="error-badge" aria-label={`오류 파일 ${errorFiles}개`}>
              {errorFiles}
            </span>
          )}
        </button>
      </nav>
      {today && <span className="muted today">오늘 {today}</span>}
    </header>
  );
}
