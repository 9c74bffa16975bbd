import { useEffect, useState } from 'react';
import type { GuideView, LibrarySnapshot } from '../../shared/ipc';
import { api } from './api';

export function App() {
  const [library, setLibrary] = useState<LibrarySnapshot | null>(null);
  const [guide, setGuide] = useState<GuideView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.getLibrary().then(setLibrary, (e: Error) => setError(e.message));
  }, []);

  const open = (ref: string) => api.openGuide({ ref }).then(setGuide, (e: Error) => setError(e.message));

  return (
    <div className="app">
      <nav aria-label="가이드 목록">
        <h1>GuideDesk</h1>
        {error && <p role="alert">{error}</p>}
        <ul>
          {library?.guides.map((g) => (
            <li key={g.id}>
              <button type="button" onClick={() => open(g.defaultPath)}>
                {g.title}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {guide ? (
          <article>
            <h2>{guide.version.rawTitle}</h2>
            <div className="markdown" dangerouslySetInnerHTML={{ __html: guide.html }} />
          </article>
        ) : (
          <p>가이드를 선택하세요.</p>
        )}
      </main>
    </div>
  );
}
