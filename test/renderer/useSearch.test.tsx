// @vitest-environment happy-dom
/**
 * useSearch against a fake window.guidedesk: newest answer wins, Enter before the answer, the
 * empty-box guide list and its filters, and (through the real SearchPane) IME composition and keys.
 */
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchPane } from '../../src/renderer/src/components/SearchPane';
import { useSearch, type SearchSetup } from '../../src/renderer/src/hooks/useSearch';
import type { GuideListItem } from '../../src/shared/ipc';
import { createFakeApi, type FakeApi } from './fakeApi';
import { guideItem, response } from './fixtures';

afterEach(cleanup);

const guides: GuideListItem[] = [
  guideItem('g-taxi', '택시 요금 환불', ['택시', '요금']),
  guideItem('g-pay', '이중결제 취소요청', ['주차_고객', '결제'], { versionCount: 2 }),
  guideItem('g-point', '포인트 소멸 문의', ['주차_고객', '포인트']),
  guideItem('g-bike', '바이크 잠금 해제', ['바이크'], { retired: true }),
];

function setup(fake: FakeApi = createFakeApi()) {
  const onOpen = vi.fn<SearchSetup['onOpen']>();
  const hook = renderHook(() => useSearch(fake.api, { guides, onOpen }));
  return { fake, onOpen, hook, search: () => hook.result.current };
}

/** Answers pending search call `index` (0-based, in the order sent). */
async function answer(fake: FakeApi, index: number, paths: string[]) {
  const call = fake.calls.search[index];
  await act(async () => call.resolve(response(call.request.query, paths)));
}

const shownPaths = (items: ReturnType<typeof useSearch>['items']) =>
  items.map((item) => (item.kind === 'result' ? item.result.path : item.guide.id));

describe('useSearch: newest answer wins', () => {
  it('drops an older answer that arrives after the newer one', async () => {
    const { fake, search } = setup();
    act(() => search().onInput('이중'));
    act(() => search().onInput('이중결제'));
    expect(fake.calls.search.map((c) => c.request.query)).toEqual(['이중', '이중결제']);
    await answer(fake, 1, ['이중결제.md']);
    await answer(fake, 0, ['이중 주차.md', '이중결제.md']);
    expect(search().response?.query).toBe('이중결제');
    expect(shownPaths(search().items)).toEqual(['이중결제.md']);
  });

  it('drops an older answer that arrives first, while the newest is in flight', async () => {
    const { fake, search } = setup();
    act(() => search().onInput('속초'));
    act(() => search().onInput('속초시'));
    await answer(fake, 0, ['속초 주차.md']);
    expect(search().response).toBeNull();
    await answer(fake, 1, ['이중결제.md']);
    expect(search().response?.query).toBe('속초시');
  });

  it('asks each question once, in NFC, with the filters; refresh asks the same again', async () => {
    const { fake, search } = setup();
    act(() => search().onInput('이중결제'.normalize('NFD')));
    act(() => search().onInput('이중결제'));
    expect(fake.calls.search).toHaveLength(1);
    expect(fake.calls.search[0].request).toEqual({
      query: '이중결제',
      limit: 50,
      archived: 'exclude',
      asOf: undefined,
      category: undefined,
    });
    act(() => search().onFilters({ archived: 'include', category: '주차_고객', asOf: '2024-12-01' }));
    expect(fake.calls.search[1].request).toMatchObject({
      archived: 'include',
      category: '주차_고객',
      asOf: '2024-12-01',
    });
    act(() => search().refresh());
    expect(fake.calls.search).toHaveLength(3);
    expect(fake.calls.search[2].request).toEqual(fake.calls.search[1].request);
  });

  it('keeps the last results beside an error, and clears the error with the next answer', async () => {
    const { fake, search } = setup();
    act(() => search().onInput('주차'));
    await answer(fake, 0, ['주차 A.md', '주차 B.md']);
    act(() => search().onInput('주차권'));
    await act(async () => fake.calls.search[1].reject(new Error('failed: index busy')));
    expect(search().error).toBe('failed: index busy');
    expect(shownPaths(search().items)).toEqual(['주차 A.md', '주차 B.md']);
    act(() => search().onInput('주차권 환불'));
    await answer(fake, 2, ['주차권.md']);
    expect(search().error).toBeNull();
    expect(shownPaths(search().items)).toEqual(['주차권.md']);
  });

  it('starts every new answer at its first row', async () => {
    const { fake, search } = setup();
    act(() => search().onInput('주차'));
    await answer(fake, 0, ['a.md', 'b.md', 'c.md']);
    act(() => search().move(2));
    expect(search().selected).toBe(2);
    act(() => search().onInput('주차장'));
    await answer(fake, 1, ['d.md', 'e.md']);
    expect(search().selected).toBe(0);
  });
});

describe('useSearch: Enter', () => {
  it('pressed before the answer for the typed text, opens that answer’s first result', async () => {
    const { fake, onOpen, search } = setup();
    act(() => search().onInput('속초'));
    await answer(fake, 0, ['속초 주차.md']);
    act(() => search().onInput('속초시'));
    act(() => search().submit());
    expect(onOpen).not.toHaveBeenCalled();
    await answer(fake, 1, ['이중결제.md', '속초 주차.md']);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith('이중결제.md', { asOf: undefined, focus: true });
  });

  it('pressed early, is not carried over to a later answer once it has opened', async () => {
    const { fake, onOpen, search } = setup();
    act(() => search().onInput('속초시'));
    act(() => search().submit());
    await answer(fake, 0, ['이중결제.md']);
    act(() => search().onInput('속초시청'));
    await answer(fake, 1, ['다른 가이드.md']);
    expect(onOpen.mock.calls.map((c) => c[0])).toEqual(['이중결제.md']);
  });

  it('pressed early, opens nothing when the answer fails', async () => {
    const { fake, onOpen, search } = setup();
    act(() => search().onInput('속초시'));
    act(() => search().submit());
    await act(async () => fake.calls.search[0].reject(new Error('failed')));
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('after the answer, opens the selected row and focuses the guide', async () => {
    const { fake, onOpen, search } = setup();
    act(() => search().onInput('주차'));
    await answer(fake, 0, ['a.md', 'b.md', 'c.md']);
    act(() => search().move(1));
    act(() => search().submit());
    expect(onOpen).toHaveBeenCalledWith('b.md', { asOf: undefined, focus: true });
  });
});

describe('useSearch: the list while the box is empty', () => {
  it('lists every guide by category then title, asking main nothing', () => {
    const { fake, search } = setup();
    expect(shownPaths(search().items)).toEqual(['g-bike', 'g-pay', 'g-point', 'g-taxi']);
    expect(search().categories).toEqual(['바이크', '주차_고객', '택시']);
    act(() => search().onInput('   '));
    expect(fake.calls.search).toHaveLength(0);
  });

  it('filters by category chip and by 보관본만 (retired or with older versions)', () => {
    const { search } = setup();
    act(() => search().onFilters({ category: '주차_고객' }));
    expect(shownPaths(search().items)).toEqual(['g-pay', 'g-point']);
    act(() => search().onFilters({ category: '', archived: 'only' }));
    expect(shownPaths(search().items)).toEqual(['g-bike', 'g-pay']);
  });

  it('opens a guide’s default version, or with 이용일 기준 the version of that day by id', () => {
    const { onOpen, search } = setup();
    act(() => search().open(1));
    expect(onOpen).toHaveBeenLastCalledWith('이중결제 취소요청.md', { asOf: undefined, focus: false });
    act(() => search().onFilters({ asOf: '2024-12-01' }));
    act(() => search().open(1, true));
    expect(onOpen).toHaveBeenLastCalledWith('g-pay', { asOf: '2024-12-01', focus: true });
  });

  it('clamps ↑/↓ and PageUp/PageDown to the list', () => {
    const { search } = setup();
    act(() => search().move(-1));
    expect(search().selected).toBe(0);
    act(() => search().move(8));
    expect(search().selected).toBe(3);
  });
});

/** The real search pane driven by the hook, as the shell wires it. */
function SearchHarness({ fake, onOpen }: { fake: FakeApi; onOpen: SearchSetup['onOpen'] }) {
  const search = useSearch(fake.api, { guides, onOpen });
  return (
    <SearchPane
      inputRef={search.inputRef}
      query={search.query}
      response={search.response}
      searchError={search.error}
      items={search.items}
      selected={search.selected}
      filters={search.filters}
      categories={search.categories}
      indexing={false}
      onInput={search.onInput}
      onCompositionEnd={search.onCompositionEnd}
      onKeyDown={search.onKeyDown}
      onSelect={search.select}
      onOpen={search.open}
      onFilters={search.onFilters}
    />
  );
}

describe('useSearch in the search pane', () => {
  function mount() {
    const fake = createFakeApi();
    const onOpen = vi.fn<SearchSetup['onOpen']>();
    render(<SearchHarness fake={fake} onOpen={onOpen} />);
    return { fake, onOpen, input: screen.getByTestId('search-input') as HTMLInputElement };
  }

  it('focuses the box on mount', () => {
    const { input } = mount();
    expect(document.activeElement).toBe(input);
  });

  it('queries the half-typed syllable while the IME composes, and the committed text after', async () => {
    const { fake, onOpen, input } = mount();
    fireEvent.compositionStart(input);
    fireEvent.input(input, { target: { value: '이중결ㅈ' } });
    expect(fake.calls.search.map((c) => c.request.query)).toEqual(['이중결ㅈ']);
    await act(async () => fake.calls.search[0].resolve(response('이중결ㅈ', ['이중결제.md'])));
    // Enter that confirms the IME's candidate is the IME's, not ours.
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(input, { key: 'Enter', keyCode: 229 });
    expect(onOpen).not.toHaveBeenCalled();
    // compositionend without a final input event still queries the committed text, once.
    input.value = '이중결제';
    fireEvent.compositionEnd(input);
    fireEvent.input(input, { target: { value: '이중결제' } });
    expect(fake.calls.search.map((c) => c.request.query)).toEqual(['이중결ㅈ', '이중결제']);
    expect(screen.getByTestId('list-status').getAttribute('data-query')).toBe('이중결ㅈ');
    await act(async () => fake.calls.search[1].resolve(response('이중결제', ['이중결제.md'])));
    expect(screen.getByTestId('list-status').getAttribute('data-query')).toBe('이중결제');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('이중결제.md', { asOf: undefined, focus: true });
  });

  it('moves the selection with ↑/↓ and PageDown/PageUp, pointing the combobox at it', async () => {
    const { fake, input } = mount();
    fireEvent.input(input, { target: { value: '주차' } });
    const paths = Array.from({ length: 12 }, (_, i) => `주차 ${i}.md`);
    await act(async () => fake.calls.search[0].resolve(response('주차', paths)));
    const selected = () => screen.getAllByRole('option').findIndex((o) => o.getAttribute('aria-selected') === 'true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(selected()).toBe(1);
    expect(input.getAttribute('aria-activedescendant')).toBe('result-option-1');
    fireEvent.keyDown(input, { key: 'PageDown' });
    expect(selected()).toBe(9);
    fireEvent.keyDown(input, { key: 'PageDown' });
    expect(selected()).toBe(11);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'PageUp' });
    expect(selected()).toBe(2);
    // A key that merely names an Object property moves nothing.
    fireEvent.keyDown(input, { key: 'constructor' });
    expect(selected()).toBe(2);
  });
});

describe('useSearch: clear and focus', () => {
  it('clear empties the box, focuses it and shows every guide again', async () => {
    const fake = createFakeApi();
    let search!: ReturnType<typeof useSearch>;
    function Harness() {
      search = useSearch(fake.api, { guides, onOpen: () => undefined });
      return <input ref={search.inputRef} defaultValue="" data-testid="box" />;
    }
    render(<Harness />);
    const box = screen.getByTestId('box') as HTMLInputElement;
    box.value = '주차';
    act(() => search.onInput('주차'));
    await act(async () => fake.calls.search[0].resolve(response('주차', ['a.md'])));
    box.blur();
    act(() => search.clear());
    expect(box.value).toBe('');
    expect(document.activeElement).toBe(box);
    expect(search.query).toBe('');
    expect(search.response).toBeNull();
    expect(search.items.every((item) => item.kind === 'guide')).toBe(true);
    box.value = '속초시';
    box.blur();
    act(() => search.focus());
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 3]);
  });
});
