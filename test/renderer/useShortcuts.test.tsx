// @vitest-environment happy-dom
/** The global keys (useShortcuts) and Alt+1…9's copy (copyScript), with real DOM key events. */
import { cleanup, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useShortcuts, type ShortcutHandlers } from '../../src/renderer/src/hooks/useShortcuts';
import { copyScript, type Notify } from '../../src/renderer/src/lib/copy';
import { guideView } from './fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function setup(copyResult = true) {
  const handlers = {
    focusSearch: vi.fn(),
    clearSearch: vi.fn(),
    copyScript: vi.fn<ShortcutHandlers['copyScript']>(() => copyResult),
  };
  const hook = renderHook(() => useShortcuts(handlers));
  render(
    <div>
      <input data-testid="text" />
      <select data-testid="select">
        <option>가</option>
      </select>
      <h2 tabIndex={-1} data-testid="heading">
        제목
      </h2>
    </div>,
  );
  return { handlers, hook };
}

/** Dispatches a keydown on `target` as the browser would; returns whether it was prevented. */
function press(target: Element, init: KeyboardEventInit): boolean {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('useShortcuts', () => {
  it('Ctrl+K and ⌘K focus search from anywhere, even a text field', () => {
    const { handlers } = setup();
    expect(press(screen.getByTestId('text'), { key: 'k', code: 'KeyK', ctrlKey: true })).toBe(true);
    // Korean layout: the key is ㅏ, the code still KeyK.
    expect(press(screen.getByTestId('heading'), { key: 'ㅏ', code: 'KeyK', metaKey: true })).toBe(true);
    expect(handlers.focusSearch).toHaveBeenCalledTimes(2);
    expect(press(screen.getByTestId('heading'), { key: 'k', code: 'KeyK', ctrlKey: true, altKey: true })).toBe(false);
    expect(handlers.focusSearch).toHaveBeenCalledTimes(2);
  });

  it('/ focuses search outside text fields and types a slash inside them', () => {
    const { handlers } = setup();
    expect(press(screen.getByTestId('heading'), { key: '/', code: 'Slash' })).toBe(true);
    expect(press(screen.getByTestId('text'), { key: '/', code: 'Slash' })).toBe(false);
    expect(handlers.focusSearch).toHaveBeenCalledTimes(1);
  });

  it('Esc clears search, except inside a <select>', () => {
    const { handlers } = setup();
    expect(press(screen.getByTestId('heading'), { key: 'Escape' })).toBe(true);
    expect(press(screen.getByTestId('select'), { key: 'Escape' })).toBe(false);
    expect(handlers.clearSearch).toHaveBeenCalledTimes(1);
  });

  it('Alt+1…9 copy that script, and leave the key alone when there is none', () => {
    const { handlers } = setup(false);
    expect(press(screen.getByTestId('heading'), { key: '3', code: 'Digit3', altKey: true })).toBe(false);
    expect(handlers.copyScript).toHaveBeenCalledWith(3);
    handlers.copyScript.mockReturnValue(true);
    expect(press(screen.getByTestId('heading'), { key: '¡', code: 'Digit9', altKey: true })).toBe(true);
    expect(handlers.copyScript).toHaveBeenLastCalledWith(9);
    expect(press(screen.getByTestId('heading'), { key: '0', code: 'Digit0', altKey: true })).toBe(false);
    expect(press(screen.getByTestId('heading'), { key: '1', code: 'Digit1', altKey: true, ctrlKey: true })).toBe(false);
    expect(handlers.copyScript).toHaveBeenCalledTimes(2);
  });

  it('ignores every key while the IME composes', () => {
    const { handlers } = setup();
    const heading = screen.getByTestId('heading');
    press(heading, { key: 'Escape', isComposing: true });
    press(heading, { key: 'k', code: 'KeyK', ctrlKey: true, isComposing: true });
    press(heading, { key: 'Process', code: 'Digit1', altKey: true, keyCode: 229 });
    expect(handlers.clearSearch).not.toHaveBeenCalled();
    expect(handlers.focusSearch).not.toHaveBeenCalled();
    expect(handlers.copyScript).not.toHaveBeenCalled();
  });

  it('stops listening on unmount', () => {
    const { handlers, hook } = setup();
    hook.unmount();
    press(screen.getByTestId('heading'), { key: 'Escape' });
    expect(handlers.clearSearch).not.toHaveBeenCalled();
  });
});

describe('copyScript', () => {
  const script = (step: number, text: string) => ({
    step,
    title: `단계 ${step}`,
    text,
    notes: [],
    condition: null,
    placeholders: [],
    branches: [],
  });
  const view = guideView('이중결제.md', 'g-pay', {
    scripts: [script(1, '안녕하세요, 고객님.'), script(2, '')],
  });

  it('copies the script text exactly and confirms it', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const notify = vi.fn<Notify>();
    expect(copyScript(view, 1, notify)).toBe(true);
    expect(writeText).toHaveBeenCalledWith('안녕하세요, 고객님.');
    await vi.waitFor(() => expect(notify).toHaveBeenCalledWith('복사됨 · 스크립트 ①', 'ok'));
  });

  it('says so when the clipboard refuses', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    const notify = vi.fn<Notify>();
    expect(copyScript(view, 1, notify)).toBe(true);
    await vi.waitFor(() => expect(notify).toHaveBeenCalledWith('클립보드에 복사하지 못했습니다.', 'error'));
  });

  it('copies nothing for a step without text, a missing step, or no open guide', () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const notify = vi.fn<Notify>();
    expect(copyScript(view, 2, notify)).toBe(false);
    expect(copyScript(view, 7, notify)).toBe(false);
    expect(copyScript(null, 1, notify)).toBe(false);
    expect(writeText).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
  });
});
