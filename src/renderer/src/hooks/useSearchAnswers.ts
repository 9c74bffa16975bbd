import { useCallback, useRef, useState } from 'react';
import type { GuideDeskApi, SearchResponse } from '../../../shared/ipc';
import type { Filters } from '../lib/listing';
import { useLatest } from './useLatest';

/** How many results one query asks for. */
const RESULT_LIMIT = 50;

export interface SearchAnswer {
  /** Which request this answers (1, 2, …); 0 before the first. */
  seq: number;
  /** Null for an empty query. After a failed request, the previous answer's results stay. */
  response: SearchResponse | null;
  /** Why the request failed, or null. */
  error: string | null;
}

export interface SearchAnswers {
  /** The answer to the newest request that has been answered. */
  answer: SearchAnswer;
  /**
   * Asks main for `query` under `filters` (an empty query is answered at once with no results).
   * The same question as the newest is not asked again unless `force` (the library changed).
   */
  ask(query: string, filters: Filters, force: boolean): void;
  /** The number of the newest request; ahead of `answer.seq` while it is in flight. */
  newest(): number;
}

/**
 * Search requests where the newest answer wins: every request is numbered, and an answer for
 * anything but the newest request is dropped, so answers arriving out of order never replace
 * what the box says now. `onAnswered` runs with each new (successful) answer, in the same update.
 */
export function useSearchAnswers(api: Pick<GuideDeskApi, 'search'>, onAnswered: () => void): SearchAnswers {
  const [answer, setAnswer] = useState<SearchAnswer>({ seq: 0, response: null, error: null });
  const sent = useRef<{ seq: number; question: string | null }>({ seq: 0, question: null });
  const latestOnAnswered = useLatest(onAnswered);

  const ask = useCallback(
    (query: string, filters: Filters, force: boolean) => {
      const q = query.normalize('NFC');
      const question = JSON.stringify([q, filters]);
      if (!force && question === sent.current.question) return;
      const seq = sent.current.seq + 1;
      sent.current = { seq, question };
      const answered = (response: SearchResponse | null) => {
        setAnswer({ seq, response, error: null });
        latestOnAnswered.current();
      };
      if (q.trim() === '') {
        answered(null);
        return;
      }
      const request = {
        query: q,
        limit: RESULT_LIMIT,
        archived: filters.archived,
        asOf: filters.asOf || undefined,
        category: filters.category || undefined,
      };
      api.search(request).then(
        (response) => {
          if (seq === sent.current.seq) answered(response);
        },
        (e: Error) => {
          if (seq === sent.current.seq) setAnswer((old) => ({ seq, response: old.response, error: e.message }));
        },
      );
    },
    [api, latestOnAnswered],
  );

  const newest = useCallback(() => sent.current.seq, []);
  return { answer, ask, newest };
}
