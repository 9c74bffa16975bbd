import { useEffect, useState } from 'react';
import { useLatest } from './useLatest';

export interface Answered<T> {
  /** The answer for the request on screen; null until it arrives. */
  value: T | null;
  error: string | null;
}

/**
 * The answer to the request named `key` (null: ask nothing). Asks again when `key` or
 * `refreshToken` changes; an answer for another key, or one arriving after unmount, is never shown.
 */
export function useAnswer<T>(key: string | null, ask: () => Promise<T>, refreshToken = 0): Answered<T> {
  const [answer, setAnswer] = useState<{ key: string; value: T | null; error: string | null } | null>(null);
  const latestAsk = useLatest(ask);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    latestAsk.current().then(
      (value) => live && setAnswer({ key, value, error: null }),
      (e: Error) => live && setAnswer({ key, value: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [key, refreshToken, latestAsk]);
  if (key === null || answer?.key !== key) return { value: null, error: null };
  return { value: answer.value, error: answer.error };
}
