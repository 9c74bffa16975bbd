import { useEffect } from 'react';
import { useLatest } from './useLatest';

export interface ShortcutHandlers {
  /** Ctrl+K (⌘K) anywhere, or / outside a text field. */
  focusSearch(): void;
  /** Esc, except inside a <select> (it closes its own list first). */
  clearSearch(): void;
  /** Alt+1…9: copies that script of the open guide; false if there is none (the key is left alone). */
  copyScript(step: number): boolean;
}

export type Shortcut = { kind: 'focus-search' } | { kind: 'clear-search' } | { kind: 'copy-script'; step: number };

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Which app shortcut a key press is, if any. Keys the IME is composing with never are. */
export function shortcutOf(e: KeyboardEvent): Shortcut | null {
  if (e.isComposing || e.keyCode === 229) return null;
  if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k')) {
    return { kind: 'focus-search' };
  }
  if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target)) return { kind: 'focus-search' };
  if (e.key === 'Escape') return e.target instanceof HTMLSelectElement ? null : { kind: 'clear-search' };
  if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-9]$/.test(e.code)) {
    return { kind: 'copy-script', step: Number(e.code.slice(5)) };
  }
  return null;
}

/** The app's global keys, on the window for as long as the component is mounted. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useLatest(handlers);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcut = shortcutOf(e);
      if (!shortcut) return;
      const h = latest.current;
      if (shortcut.kind === 'copy-script') {
        if (h.copyScript(shortcut.step)) e.preventDefault();
        return;
      }
      e.preventDefault();
      if (shortcut.kind === 'focus-search') h.focusSearch();
      else h.clearSearch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [latest]);
}
