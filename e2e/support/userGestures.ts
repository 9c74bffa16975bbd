/**
 * The renderer layer's stand-in for Electron's `input-event` / `before-input-event`: in the app the
 * main process sees the window's real input; here the page's trusted (`isTrusted`) mouse presses and
 * key presses, which only Playwright's input (CDP Input.dispatch*) produces, are relayed to the same
 * `UserGestureGate` the real openExternal handler consults. A script in the page cannot forge one:
 * events it dispatches are not trusted.
 */
import type { RendererApp } from './rendererApp';

/** Relays real input to `app.services.userGestures`, then reloads the page so the relay is in place. */
export async function relayUserInput(app: RendererApp): Promise<void> {
  await app.context.exposeBinding('__guidedeskUserInput', (_source, type: string, key: string, button: string) =>
    app.services.userGestures.noteInput(undefined, { type, key, button }),
  );
  await app.context.addInitScript(() => {
    const relay = (type: string, key: string, button: string) =>
      (window as unknown as { __guidedeskUserInput: (t: string, k: string, b: string) => void }).__guidedeskUserInput(
        type,
        key,
        button,
      );
    const buttons = ['left', 'middle', 'right'];
    window.addEventListener(
      'mousedown',
      (event) => event.isTrusted && relay('mouseDown', '', buttons[event.button] ?? 'other'),
      true,
    );
    window.addEventListener('keydown', (event) => event.isTrusted && relay('keyDown', event.key, ''), true);
  });
  await app.page.reload();
  await app.page.getByTestId('guide-list').waitFor();
}
