import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref holding the value of the latest committed render, for listeners that are registered once
 * (window keys, the library-changed event) but must call today's handlers. Updated in a layout
 * effect, so it is current before any effect or event of the next frame runs.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
