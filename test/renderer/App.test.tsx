// @vitest-environment happy-dom
/**
 * The shell as wired in App.tsx, against a fake window.guidedesk: startup, Enter before the
 * answer opening the guide with focus on its title, a live change re-asking everything on screen,
 * Esc, and unsubscribing when the window's React tree goes away.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GuideDeskApi } from '../../src/shared/ipc';
import { createFakeApi, type FakeApi } from './fakeApi';
import { guideItem, guideView, response, snapshot } from './fixtures';

let fake: FakeApi;

beforeEach(() => {
  fake = createFakeApi();
  (window as unknown as { guidedesk: GuideDeskApi }).guidedesk = fake.api;
  // api.ts reads window.guidedesk when it is first imported: import the app afresh per test.
  vi.resetModules();
});

afterEach(cleanup);

const library = snapshot([
  guideItem('g-pay', '이중결제 취소요청', ['주차_고객', '결제']),
  guideItem('g-taxi', '택시 요금 환불', ['택시', '요금']),
]);

async function launch() {
  const { App } = await import('../../src/renderer/src/App');
  const view = render(<App />);
  await act(async () => fake.calls.getLibrary[0].resolve(library));
  return view;
}

describe('App shell', () => {
  it('starts with the search box focused, every guide listed and live changes subscribed', async () => {
    await launch();
    expect(document.activeElement).toBe(screen.getByTestId('search-input'));
    expect(screen.getAllByTestId('guide-item').map((li) => li.getAttribute('data-id'))).toEqual(['g-pay', 'g-taxi']);
    expect(screen.getByTestId('welcome')).toBeTruthy();
    expect(fake.listenerCount()).toBe(1);
  });

  it('opens the first result of the typed text on an early Enter, then re-reads all on a live change', async () => {
    const view = await launch();
    const input = screen.getByTestId('search-input') as HTMLInputElement;
    fireEvent.input(input, { target: { value: '속초시' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(fake.calls.openGuide).toHaveLength(0);
    await act(async () => fake.calls.search[0].resolve(response('속초시', ['이중결제 취소요청.md'])));
    expect(fake.calls.openGuide[0].request).toEqual({ ref: '이중결제 취소요청.md', asOf: undefined });
    await act(async () => fake.calls.openGuide[0].resolve(guideView('이중결제 취소요청.md', 'g-pay')));
    expect(screen.getByTestId('guide-view').getAttribute('data-path')).toBe('이중결제 취소요청.md');
    expect(document.activeElement).toBe(screen.getByTestId('guide-title'));

    act(() => fake.emitLibraryChanged());
    expect(fake.calls.getLibrary).toHaveLength(2);
    expect(fake.calls.search.map((c) => c.request.query)).toEqual(['속초시', '속초시']);
    expect(fake.calls.openGuide[1].request).toEqual({ ref: '이중결제 취소요청.md' });
    const changed = guideView('이중결제 취소요청.md', 'g-pay', { responseSteps: ['만족도 조사 안내'] });
    await act(async () => fake.calls.openGuide[1].resolve(changed));
    expect(screen.getByTestId('response-steps').textContent).toContain('만족도 조사 안내');

    fireEvent.keyDown(screen.getByTestId('guide-title'), { key: 'Escape' });
    expect(input.value).toBe('');
    expect(document.activeElement).toBe(input);
    expect(screen.getByTestId('guide-list')).toBeTruthy();

    view.unmount();
    expect(fake.listenerCount()).toBe(0);
  });
});
