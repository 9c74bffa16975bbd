/** 버전 기록: every version of the open guide, newest first, each openable and comparable. */
import type { GuideHistory } from '../../../shared/guide';
import { validityText, versionLabel } from '../lib/versions';

export interface VersionTimelineProps {
  history: GuideHistory;
  /** The version on screen. */
  openPath: string;
  onOpen(path: string): void;
  onCompare(other: string): void;
}

export function VersionTimeline({ history, openPath, onOpen, onCompare }: VersionTimelineProps) {
  return (
    <section aria-labelledby="sec-versions" className="guide-section">
      <h3 id="sec-versions">버전 기록</h3>
      <ol className="timeline" data-testid="version-list">
        {[...history.versions].reverse().map((v) => {
          const open = v.path === openPath;
          return (
            <li key={v.path} className={open ? 'is-open' : ''} data-testid="version-item" data-path={v.path}>
              <span className="timeline-label">{versionLabel(v, history.currentPath)}</span>
              <span className="timeline-range">{validityText(v)}</span>
              {open ? (
                <span className="badge" aria-current="true">
                  보는 중
                </span>
              ) : (
                <>
                  <button type="button" className="small" onClick={() => onOpen(v.path)}>
                    열기
                  </button>
                  <button type="button" className="small" data-testid="compare-with" onClick={() => onCompare(v.path)}>
                    비교
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
