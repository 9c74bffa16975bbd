/**
 * User activation as the main process sees it: real input events the window received (Electron's
 * `input-event` and `before-input-event`), never a flag the page reports. A gesture lets the
 * window do one thing that needs a person's intent (open a link outside) within a short time,
 * and is used up by it.
 */

/** How long a gesture counts, as Chromium's transient user activation does (5 s). */
export const GESTURE_LIFETIME_MS = 5000;

/** The part of an input event the gate reads (Electron's InputEvent / Input). */
export interface SeenInput {
  type: string;
  /** KeyboardEvent.key for key events. */
  key?: string;
  /** Mouse button for mouse events. */
  button?: string;
}

/** Keys that activate a focused link or button. */
const ACTIVATION_KEYS = new Set(['Enter', ' ', 'Spacebar', 'Space']);

/** A press that is a person's intent to act: a left or middle mouse button, a tap, Enter or Space. */
export function isActivation(input: SeenInput): boolean {
  if (input.type === 'mouseDown' || input.type === 'mouseUp')
    return input.button === undefined || input.button === 'left' || input.button === 'middle';
  if (input.type === 'gestureTap' || input.type === 'touchEnd') return true;
  if (input.type === 'keyDown' || input.type === 'rawKeyDown') return ACTIVATION_KEYS.has(input.key ?? '');
  return false;
}

/** Which window an input or a request belongs to: Electron's webContents id; absent where there is one window. */
export type WindowKey = number | undefined;

export class UserGestureGate {
  private readonly last = new Map<WindowKey, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Records an input the window received; only activations count. */
  noteInput(window: WindowKey, input: SeenInput): void {
    if (isActivation(input)) this.last.set(window, this.now());
  }

  /** True (once) when the window had an activation in the last GESTURE_LIFETIME_MS; uses it up. */
  consume(window: WindowKey): boolean {
    const at = this.last.get(window);
    this.last.delete(window);
    return at !== undefined && this.now() - at <= GESTURE_LIFETIME_MS;
  }

  /** Forgets a window (it closed). */
  forget(window: WindowKey): void {
    this.last.delete(window);
  }
}
