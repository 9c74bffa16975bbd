import { useEffect } from 'react';

/** Never navigate the window: any anchor click that no component handled is swallowed. */
export function useNoNavigation(): void {
  useEffect(() => {
    const guard = (e: MouseEvent) => {
      const anchor = (e.target as Element | null)?.closest?.('a');
      if (anchor && !e.defaultPrevented) e.preventDefault();
    };
    document.addEventListener('click', guard);
    document.addEventListener('auxclick', guard);
    return () => {
      document.removeEventListener('click', guard);
      document.removeEventListener('auxclick', guard);
    };
  }, []);
}
