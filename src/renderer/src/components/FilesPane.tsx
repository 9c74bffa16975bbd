/** 파일 상태: every file of the content folder with its status and problems, errors first. */
import type { FileReport } from '../../../shared/guide';
import { problemSummary } from '../lib/problems';

const statusNames: Record<FileReport['status'], string> = { ok: '정상', warning: '경고', error: '오류' };
const rank: Record<FileReport['status'], number> = { error: 0, warning: 1, ok: 2 };

export function FilesPane({ files, contentRoot }: { files: FileReport[]; contentRoot: string }) {
  const sorted = [...files].sort((a, b) => rank[a.status] - rank[b.status] || a.path.localeCompare(b.path, 'ko'));
  const count = (s: FileReport['status']) => files.filter((f) => f.status === s).length;
  return (
    <section className="files" data-testid="files-view" aria-labelledby="files-title">
      <header className="pane-head">
        <h2 id="files-title" tabIndex={-1}>
          파일 상태
        </h2>
      </header>
      <p>
        콘텐츠 폴더 <code>{contentRoot}</code> · 파일 {files.length}개 — 정상 {count('ok')} · 경고 {count('warning')} ·
        오류 {count('error')}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="파일 목록">
        <table className="file-table">
          <thead>
            <tr>
              <th scope="col">상태</th>
              <th scope="col">파일</th>
              <th scope="col">인코딩</th>
              <th scope="col">문제</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((f) => (
              <tr key={f.path} data-testid="file-row" data-status={f.status}>
                <td>
                  <span className={`status status-${f.status}`}>{statusNames[f.status]}</span>
                </td>
                <td className="file-path">{f.path}</td>
                <td>{f.encoding ?? '알 수 없음'}</td>
                <td>
                  {f.problems.length === 0 ? (
                    <span className="muted">없음</span>
                  ) : (
                    <ul className="problems">
                      {f.problems.map((p, i) => (
                        <li key={i} className={`problem problem-${p.severity}`} data-testid="file-problem">
                          <span className="problem-where">{p.line ? `${p.line}행` : '파일'}</span>{' '}
                          {problemSummary(p.code) ?? p.message}
                          {problemSummary(p.code) && <span className="problem-detail">{p.message}</span>}{' '}
                          <code className="muted">{p.code}</code>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
