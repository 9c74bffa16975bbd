/** Quitting waits for the services: Electron does not wait for a promise in its quit events. */
import type { App } from 'electron';
import type { ServiceHost } from '../services/lifecycle';

/**
 * The first 'will-quit' (every window is closed by then) is held while `host` disposes every
 * service, newest first; then the quit resumes. A failure to dispose is logged and does not keep
 * the app from quitting.
 */
export function disposeBeforeQuit(
  app: Pick<App, 'on' | 'quit'>,
  host: ServiceHost,
  log: (message: string) => void,
): void {
  let state: 'running' | 'disposing' | 'disposed' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'disposed') return;
    event.preventDefault();
    if (state === 'disposing') return;
    state = 'disposing';
    void host
      .dispose()
      .catch((error: unknown) => log(`shutdown: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        state = 'disposed';
        app.quit();
      });
  });
}
