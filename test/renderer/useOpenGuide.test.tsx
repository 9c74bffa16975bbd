// @vitest-environment happy-dom
/**
 * useOpenGuide against a fake window.guidedesk: the newest open wins, focus after open, errors,
 * and the refresh after a live change (same file, the guide by id when its file changed, gone).
 */
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useOpenGuide } from '../../src/renderer/src/hooks/useOpenGuide';
import type { Notify } from '../../src/renderer/src/lib/copy';
import { createFakeApi, type FakeApi } from './fakeApi';
import { guideView } from './fixtures';

afterEach(cleanup);

function setup() {
  const fake = createFakeApi();
  const notify = vi.fn<Notify>();
  const onShown = vi.fn();
  const hook = renderHook(() => useOpenGuide(fake.api, { notify, onShown }));
  return { fake, notify, onShown, guide: () => hook.result.current };
}

/** Opens `path` and answers it with its view. */
async function openAndAnswer(fake: FakeApi, open: () => Promise<void>, path: string, id: string) {
  let done!: Promise<void>;
  act(() => {
    done = open();
  });
  const call = fake.calls.openGuide.at(-1)!;
  await act(async () => {
    call.resolve(guideView(path, id));
    await done;
  });
}

describe('useOpenGuide: opening', () => {
  it('shows only the newest open when answers arrive out of order', async () => {
    const { fake, onShown, guide } = setup();
    let first!: Promise<void>;
    let second!: Promise<void>;
    act(() => {
      first = guide().open('a.md');
      second = guide().open('b.md', { asOf: '2024-12-01' });
    });
    expect(fake.calls.openGuide.map((c) => c.request)).toEqual([
      { ref: 'a.md', asOf: undefined },
      { ref: 'b.md', asOf: '2024-12-01' },
    ]);
    await act(async () => {
      fake.calls.openGuide[1].resolve(guideView('b.md', 'g-b'));
      await second;
      fake.calls.openGuide[0].resolve(guideView('a.md', 'g-a'));
      await first;
    });
    expect(guide().guide?.version.path).toBe('b.md');
    expect(onShown).toHaveBeenCalledTimes(1);
  });

  it('asks for the current version when the 이용일 is empty', () => {
    const { fake, guide } = setup();
    act(() => void guide().open('g-a', { asOf: '' }));
    expect(fake.calls.openGuide[0].request).toEqual({ ref: 'g-a', asOf: undefined });
  });

  it('keeps the guide on screen when an open fails, says why, and clears that with the next open', async () => {
    const { fake, onShown, guide } = setup();
    await openAndAnswer(fake, () => guide().open('a.md'), 'a.md', 'g-a');
    let failing!: Promise<void>;
    act(() => {
      failing = guide().open('missing.md');
    });
    await act(async () => {
      fake.calls.openGuide[1].reject(new Error('not-found: missing.md'));
      await failing;
    });
    expect(guide().error).toBe('not-found: missing.md');
    expect(guide().guide?.version.path).toBe('a.md');
    expect(onShown).toHaveBeenCalledTimes(2);
    await openAndAnswer(fake, () => guide().open('b.md'), 'b.md', 'g-b');
    expect(guide().error).toBeNull();
  });

  it('load shows a guide without switching screens and ignores its failure', async () => {
    const { fake, onShown, guide } = setup();
    act(() => guide().load('b.md'));
    await act(async () => fake.calls.openGuide[0].resolve(guideView('b.md', 'g-b')));
    expect(guide().guide?.version.path).toBe('b.md');
    act(() => guide().load('gone.md'));
    await act(async () => fake.calls.openGuide[1].reject(new Error('not-found')));
    expect(guide().error).toBeNull();
    expect(onShown).not.toHaveBeenCalled();
  });
});

describe('useOpenGuide: focus after open', () => {
  function mount() {
    const fake = createFakeApi();
    let guide!: ReturnType<typeof useOpenGuide>;
    function Harness() {
      guide = useOpenGuide(fake.api, { notify: () => undefined });
      return (
        <>
          <input data-testid="box" />
          {guide.guide && (
            <h2 ref={guide.headingRef} tabIndex={-1} data-testid="title">
              {guide.guide.version.title}
            </h2>
          )}
        </>
      );
    }
    render(<Harness />);
    return { fake, guide: () => guide };
  }

  it('moves focus to the title only when asked (Enter), not for a click', async () => {
    const { fake, guide } = mount();
    const box = screen.getByTestId('box');
    box.focus();
    await openAndAnswer(fake, () => guide().open('a.md'), 'a.md', 'g-a');
    expect(document.activeElement).toBe(box);
    await openAndAnswer(fake, () => guide().open('b.md', { focus: true }), 'b.md', 'g-b');
    expect(document.activeElement).toBe(screen.getByTestId('title'));
  });
});

describe('useOpenGuide: refresh after the content folder changed', () => {
  async function opened() {
    const s = setup();
    await openAndAnswer(s.fake, () => s.guide().open('이중결제.md'), '이중결제.md', 'g-pay');
    return s;
  }

  it('reads the open file again', async () => {
    const { fake, notify, guide } = await opened();
    act(() => guide().refresh());
    expect(fake.calls.openGuide[1].request).toEqual({ ref: '이중결제.md' });
    const changed = guideView('이중결제.md', 'g-pay', { responseSteps: ['만족도 조사 안내'] });
    await act(async () => fake.calls.openGuide[1].resolve(changed));
    expect(guide().guide?.version.responseSteps).toEqual(['만족도 조사 안내']);
    expect(notify).not.toHaveBeenCalled();
  });

  it('falls back to the guide id when its file is gone, and says so', async () => {
    const { fake, notify, guide } = await opened();
    act(() => guide().refresh());
    await act(async () => fake.calls.openGuide[1].reject(new Error('not-found')));
    expect(fake.calls.openGuide[2].request).toEqual({ ref: 'g-pay' });
    await act(async () => fake.calls.openGuide[2].resolve(guideView('이중결제 (개정).md', 'g-pay')));
    expect(guide().guide?.version.path).toBe('이중결제 (개정).md');
    expect(notify).toHaveBeenCalledWith('열려 있던 파일이 바뀌어 같은 가이드의 다른 버전을 표시합니다.');
  });

  it('says the guide is gone when neither its file nor its id opens, keeping it on screen', async () => {
    const { fake, notify, guide } = await opened();
    act(() => guide().refresh());
    await act(async () => fake.calls.openGuide[1].reject(new Error('not-found')));
    await act(async () => fake.calls.openGuide[2].reject(new Error('not-found')));
    expect(notify).toHaveBeenCalledWith('열려 있던 가이드가 콘텐츠 폴더에서 사라졌습니다.', 'error');
    expect(guide().guide?.version.path).toBe('이중결제.md');
  });

  it('never replaces a guide the counselor opened meanwhile', async () => {
    const { fake, notify, guide } = await opened();
    act(() => guide().refresh());
    await openAndAnswer(fake, () => guide().open('포인트.md'), '포인트.md', 'g-point');
    await act(async () => fake.calls.openGuide[1].reject(new Error('not-found')));
    await act(async () => fake.calls.openGuide[3].resolve(guideView('이중결제 (개정).md', 'g-pay')));
    expect(guide().guide?.version.path).toBe('포인트.md');
    expect(notify).not.toHaveBeenCalled();
  });

  it('drops its fallback while an open the counselor started is still on its way', async () => {
    const { fake, notify, guide } = await opened();
    act(() => guide().refresh());
    let opening!: Promise<void>;
    act(() => {
      opening = guide().open('포인트.md');
    });
    await act(async () => fake.calls.openGuide[1].reject(new Error('not-found')));
    await act(async () => fake.calls.openGuide[3].resolve(guideView('이중결제 (개정).md', 'g-pay')));
    expect(guide().guide?.version.path).toBe('이중결제.md');
    expect(notify).not.toHaveBeenCalled();
    await act(async () => {
      fake.calls.openGuide[2].resolve(guideView('포인트.md', 'g-point'));
      await opening;
    });
    expect(guide().guide?.version.path).toBe('포인트.md');
  });

  it('lets the newest of two refreshes win', async () => {
    const { fake, guide } = await opened();
    act(() => guide().refresh());
    act(() => guide().refresh());
    await act(async () =>
      fake.calls.openGuide[2].resolve(guideView('이중결제.md', 'g-pay', { responseSteps: ['새 단계'] })),
    );
    await act(async () =>
      fake.calls.openGuide[1].resolve(guideView('이중결제.md', 'g-pay', { responseSteps: ['옛 단계'] })),
    );
    expect(guide().guide?.version.responseSteps).toEqual(['새 단계']);
  });

  it('asks nothing when no guide is open', () => {
    const { fake, guide } = setup();
    act(() => guide().refresh());
    expect(fake.calls.openGuide).toHaveLength(0);
  });
});
