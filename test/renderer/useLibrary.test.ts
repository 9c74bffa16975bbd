// @vitest-environment happy-dom
/** useLibrary and useLiveReload against a fake window.guidedesk. */
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLibrary } from '../../src/renderer/src/hooks/useLibrary';
import { useLiveReload } from '../../src/renderer/src/hooks/useLiveReload';
import { createFakeApi } from './fakeApi';
import { guideItem, snapshot } from './fixtures';

afterEach(cleanup);

describe('useLibrary', () => {
  it('reads the library on mount', async () => {
    const fake = createFakeApi();
    const { result } = renderHook(() => useLibrary(fake.api));
    expect(fake.calls.getLibrary).toHaveLength(1);
    expect(result.current.snapshot).toBeNull();
    const lib = snapshot([guideItem('g-a', '가이드 A', ['택시'])]);
    await act(async () => fake.calls.getLibrary[0].resolve(lib));
    expect(result.current.snapshot).toBe(lib);
    expect(result.current.error).toBeNull();
  });

  it('keeps the last snapshot when a reload fails, and clears the error with the next one', async () => {
    const fake = createFakeApi();
    const { result } = renderHook(() => useLibrary(fake.api));
    const first = snapshot([guideItem('g-a', '가이드 A', ['택시'])]);
    await act(async () => fake.calls.getLibrary[0].resolve(first));
    act(() => result.current.reload());
    await act(async () => fake.calls.getLibrary[1].reject(new Error('failed: EACCES')));
    expect(result.current.error).toBe('failed: EACCES');
    expect(result.current.snapshot).toBe(first);
    act(() => result.current.reload());
    await act(async () => fake.calls.getLibrary[2].resolve(first));
    expect(result.current.error).toBeNull();
  });

  it('shows the newest reload when answers arrive out of order', async () => {
    const fake = createFakeApi();
    const { result } = renderHook(() => useLibrary(fake.api));
    act(() => result.current.reload());
    const older = snapshot([guideItem('g-a', '가이드 A', ['택시'])]);
    const newer = snapshot([guideItem('g-a', '가이드 A', ['택시']), guideItem('g-b', '새 가이드', ['택시'])]);
    await act(async () => fake.calls.getLibrary[1].resolve(newer));
    await act(async () => fake.calls.getLibrary[0].resolve(older));
    expect(result.current.snapshot).toBe(newer);
  });
});

describe('useLiveReload', () => {
  it('subscribes once, calls the latest handler, and unsubscribes on unmount', () => {
    const fake = createFakeApi();
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, unmount } = renderHook(({ onChange }) => useLiveReload(fake.api, onChange), {
      initialProps: { onChange: first },
    });
    expect(fake.listenerCount()).toBe(1);
    rerender({ onChange: second });
    expect(fake.subscriptions()).toBe(1);
    act(() => fake.emitLibraryChanged());
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    unmount();
    expect(fake.listenerCount()).toBe(0);
    fake.emitLibraryChanged();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
