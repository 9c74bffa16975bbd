import { useCallback, useEffect, useRef, useState } from 'react';
import type { GuideDeskApi, LibrarySnapshot } from '../../../shared/ipc';

export interface Library {
  /** The last snapshot read; kept on screen while a reload fails. */
  snapshot: LibrarySnapshot | null;
  /** Why the newest reload failed, or null once one succeeds. */
  error: string | null;
  /** Reads the library again (on startup and whenever the content folder changed). */
  reload(): void;
}

/** The content library as main last read it. Reads on mount; the newest reload's answer wins. */
export function useLibrary(api: Pick<GuideDeskApi, 'getLibrary'>): Library {
  const [snapshot, setSnapshot] = useState<LibrarySnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    api.getLibrary().then(
      (next) => {
        if (mine !== seq.current) return;
        setSnapshot(next);
        setError(null);
      },
      (e: Error) => {
        if (mine === seq.current) setError(e.message);
      },
    );
  }, [api]);

  useEffect(reload, [reload]);

  return { snapshot, error, reload };
}
