// @vitest-environment happy-dom
/**
 * The trainer's renderer state: 변경 사항's period (since the last visit, remembered in the window's
 * storage; 90 days at a first visit), the quick picks, and the diff layout, remembered likewise.
 */
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthOf, periodPicks } from '../../src/renderer/src/components/ChangesPanePeriod';
import { previousVisit, useChangesPeriod, visitedOn, VISITS_KEY } from '../../src/renderer/src/hooks/useChangesPeriod';
import { DIFF_LAYOUT_KEY, useDiffLayout } from '../../src/renderer/src/hooks/useDiffLayout';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('previousVisit and visitedOn', () => {
  it('a visit earlier today does not count: the one before it does', () => {
    expect(previousVisit(null, '2026-12-03')).toBeNull();
    expect(previousVisit({ last: '2026-11-20', before: null }, '2026-12-03')).toBe('2026-11-20');
    expect(previousVisit({ last: '2026-12-03', before: '2026-11-20' }, '2026-12-03')).toBe('2026-11-20');
    expect(previousVisit({ last: '2026-12-03', before: null }, '2026-12-03')).toBeNull();
    // A clock set back: a "visit" in the future is no previous visit.
    expect(previousVisit({ last: '2027-01-01', before: '2027-01-01' }, '2026-12-03')).toBeNull();
  });

  it('records today, keeping the previous visit', () => {
    expect(visitedOn(null, '2026-12-03')).toEqual({ last: '2026-12-03', before: null });
    expect(visitedOn({ last: '2026-11-20', before: '2026-10-01' }, '2026-12-03')).toEqual({
      last: '2026-12-03',
      before: '2026-11-20',
    });
    expect(visitedOn({ last: '2026-12-03', before: '2026-11-20' }, '2026-12-03')).toEqual({
      last: '2026-12-03',
      before: '2026-11-20',
    });
  });
});

describe('useChangesPeriod', () => {
  it('opens 90 days back at a first visit, and records the visit', () => {
    const { result } = renderHook(() => useChangesPeriod('2026-12-03'));
    expect(result.current).toMatchObject({ since: '2026-09-04', until: '', lastVisit: null });
    act(() => result.current.recordVisit());
    expect(JSON.parse(localStorage.getItem(VISITS_KEY)!)).toEqual({ last: '2026-12-03', before: null });
    // The default does not move while the window is open, though today is now a visit.
    expect(result.current.since).toBe('2026-09-04');
  });

  it('opens at the previous visit on a later day', () => {
    localStorage.setItem(VISITS_KEY, JSON.stringify({ last: '2026-11-20', before: null }));
    const { result } = renderHook(() => useChangesPeriod('2026-12-03'));
    expect(result.current).toMatchObject({ since: '2026-11-20', lastVisit: '2026-11-20' });
    act(() => result.current.recordVisit());
    expect(JSON.parse(localStorage.getItem(VISITS_KEY)!)).toEqual({ last: '2026-12-03', before: '2026-11-20' });
  });

  it('ignores a stored value that is not a record of visits', () => {
    for (const junk of ['{', '"2026-11-20"', '{"last":"2026-02-30","before":null}', '{"last":1}']) {
      localStorage.setItem(VISITS_KEY, junk);
      const { result, unmount } = renderHook(() => useChangesPeriod('2026-12-03'));
      expect(result.current.since, junk).toBe('2026-09-04');
      unmount();
    }
  });

  it('waits for today, and keeps a picked period', () => {
    const { result, rerender } = renderHook(({ today }) => useChangesPeriod(today), {
      initialProps: { today: null as string | null },
    });
    expect(result.current.since).toBe('');
    act(() => result.current.recordVisit());
    expect(localStorage.getItem(VISITS_KEY)).toBeNull();
    rerender({ today: '2026-12-03' });
    act(() => result.current.setPeriod('2024-12-01', '2024-12-31'));
    expect(result.current).toMatchObject({ since: '2024-12-01', until: '2024-12-31' });
    act(() => result.current.setUntil(''));
    expect(result.current).toMatchObject({ since: '2024-12-01', until: '' });
  });
});

describe('period picks', () => {
  it('offer the last visit, the last N days, the newest change’s month and everything', () => {
    const picks = periodPicks({
      today: '2026-12-03',
      lastVisit: '2026-11-20',
      firstChange: '2024-07-01',
      lastChange: '2025-06-01',
    });
    expect(picks.map((p) => [p.key, p.label, p.since, p.until])).toEqual([
      ['last-visit', '지난 방문(2026-11-20) 이후', '2026-11-20', ''],
      ['days-30', '최근 30일', '2026-11-03', ''],
      ['days-90', '최근 90일', '2026-09-04', ''],
      ['days-365', '최근 1년', '2025-12-03', ''],
      ['days-730', '최근 2년', '2024-12-03', ''],
      ['newest-month', '최근 변경 달(2025년 6월)', '2025-06-01', '2025-06-30'],
      ['all', '전체', '2024-07-01', ''],
    ]);
    expect(periodPicks({ today: '2026-12-03', lastVisit: null, firstChange: null, lastChange: null })).toHaveLength(4);
  });

  it('know the length of every month', () => {
    expect(monthOf('2024-02-10')).toEqual({ since: '2024-02-01', until: '2024-02-29' });
    expect(monthOf('2025-02-10')).toEqual({ since: '2025-02-01', until: '2025-02-28' });
    expect(monthOf('2024-12-31')).toEqual({ since: '2024-12-01', until: '2024-12-31' });
  });
});

describe('useDiffLayout', () => {
  it('is inline at first, and remembers side by side', () => {
    const first = renderHook(() => useDiffLayout());
    expect(first.result.current[0]).toBe('inline');
    act(() => first.result.current[1]('columns'));
    expect(first.result.current[0]).toBe('columns');
    first.unmount();
    expect(renderHook(() => useDiffLayout()).result.current[0]).toBe('columns');
    localStorage.setItem(DIFF_LAYOUT_KEY, '"sideways"');
    expect(renderHook(() => useDiffLayout()).result.current[0]).toBe('inline');
  });
});
