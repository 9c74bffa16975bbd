import { useEffect } from 'react';
import type { GuideDeskApi } from '../../../shared/ipc';
import { useLatest } from './useLatest';

/**
 * Calls `onChange` whenever main re-read the content folder. Subscribes once on mount (the latest
 * `onChange` is called, so re-renders never resubscribe) and unsubscribes on unmount.
 */
export function useLiveReload(api: Pick<GuideDeskApi, 'onLibraryChanged'>, onChange: () => void): void {
  const latest = useLatest(onChange);
  useEffect(() => api.onLibraryChanged(() => latest.current()), [api, latest]);
}
