// @vitest-environment happy-dom
/** useAnswer (diff and 변경 사항 data) and useFollowLink against a fake window.guidedesk. */
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAnswer } from '../../src/renderer/src/hooks/useAnswer';
import { useFollowLink } from '../../src/renderer/src/hooks/useFollowLink';
import type { Notify } from '../../src/renderer/src/lib/copy';
import type { ChangeDigestEntry } from '../../src/shared/ipc';
import { createFakeApi } from './fakeApi';

afterEach(cleanup);

const entry = (id: string): ChangeDigestEntry => ({
  id,
  title: id,
  retired: false,
  currentPath: `${id}.md`,
  events: [],
  summary: null,
});

describe('useAnswer', () => {
  function setup() {
    const fake = createFakeApi();
    const hook = renderHook(
      ({ since, token }: { since: string | null; token: number }) =>
        useAnswer(since, () => fake.api.changesSince({ since: since! }), token),
      { initialProps: { since: '2024-01-01' as string | null, token: 0 } },
    );
    return { fake, hook };
  }

  it('shows only the answer for the request on screen', async () => {
    const { fake, hook } = setup();
    hook.rerender({ since: '2024-06-01', token: 0 });
    expect(fake.calls.changesSince.map((c) => c.request.since)).toEqual(['2024-01-01', '2024-06-01']);
    await act(async () => fake.calls.changesSince[1].resolve([entry('new')]));
    await act(async () => fake.calls.changesSince[0].resolve([entry('old')]));
    expect(hook.result.current.value?.map((e) => e.id)).toEqual(['new']);
    // Back to the first date: nothing is shown until its own (new) answer arrives.
    hook.rerender({ since: '2024-01-01', token: 0 });
    expect(hook.result.current).toEqual({ value: null, error: null });
  });

  it('asks again when the library changed, and reports a failure for its own request', async () => {
    const { fake, hook } = setup();
    await act(async () => fake.calls.changesSince[0].resolve([entry('a')]));
    hook.rerender({ since: '2024-01-01', token: 1 });
    expect(fake.calls.changesSince).toHaveLength(2);
    await act(async () => fake.calls.changesSince[1].reject(new Error('failed')));
    expect(hook.result.current).toEqual({ value: null, error: 'failed' });
  });

  it('asks nothing for no request, and drops an answer arriving after unmount', async () => {
    const { fake, hook } = setup();
    hook.rerender({ since: null, token: 0 });
    expect(fake.calls.changesSince).toHaveLength(1);
    expect(hook.result.current).toEqual({ value: null, error: null });
    hook.unmount();
    await act(async () => fake.calls.changesSince[0].resolve([entry('late')]));
    expect(hook.result.current.value).toBeNull();
  });
});

describe('useFollowLink', () => {
  function setup() {
    const fake = createFakeApi();
    const notify = vi.fn<Notify>();
    const openGuide = vi.fn<(ref: string) => void>();
    const { result } = renderHook(() => useFollowLink(fake.api, notify, openGuide));
    return { fake, notify, openGuide, follow: result.current };
  }

  it('opens a link to another guide in the app', () => {
    const { fake, openGuide, follow } = setup();
    follow('../택시 요금 환불.md', 'g-taxi');
    expect(openGuide).toHaveBeenCalledWith('g-taxi');
    expect(fake.calls.openExternal).toHaveLength(0);
  });

  it('asks main to open http(s) links outside, and says what main answered', async () => {
    const { fake, notify, follow } = setup();
    follow('https://help.example.com/a', null);
    expect(fake.calls.openExternal[0].request).toEqual({ url: 'https://help.example.com/a' });
    await act(async () => fake.calls.openExternal[0].resolve({ opened: true }));
    expect(notify).toHaveBeenLastCalledWith('외부 브라우저에서 열었습니다.');
    follow('HTTP://help.example.com/b', null);
    await act(async () => fake.calls.openExternal[1].resolve({ opened: false, reason: 'not allowed' }));
    expect(notify).toHaveBeenLastCalledWith('링크를 열 수 없습니다: not allowed', 'error');
  });

  it('refuses any other link without asking main', () => {
    const { fake, notify, openGuide, follow } = setup();
    follow('file:///etc/passwd', null);
    follow('smb://server/share', null);
    expect(fake.calls.openExternal).toHaveLength(0);
    expect(openGuide).not.toHaveBeenCalled();
    expect(notify).toHaveBeenCalledWith('이 링크는 열 수 없습니다.', 'error');
  });
});
