import { useCallback, useState } from 'react';
import { readStored, writeStored } from '../lib/storage';

/** How a diff is laid out: one line per change, or 이전 | 이후 side by side. */
export type DiffLayout = 'inline' | 'columns';

export const DIFF_LAYOUT_KEY = 'guidedesk.diffLayout';

const isLayout = (value: unknown): value is DiffLayout => value === 'inline' || value === 'columns';

/** The diff layout, remembered across restarts; one choice for 버전 비교 and the briefing. */
export function useDiffLayout(): [DiffLayout, (layout: DiffLayout) => void] {
  const [layout, setLayout] = useState<DiffLayout>(() => readStored(DIFF_LAYOUT_KEY, isLayout) ?? 'inline');
  const choose = useCallback((next: DiffLayout) => {
    setLayout(next);
    writeStored(DIFF_LAYOUT_KEY, next);
  }, []);
  return [layout, choose];
}
