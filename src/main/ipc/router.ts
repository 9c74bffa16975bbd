/**
 * The IPC boundary, free of Electron so it can be tested in plain Node and reused by the
 * renderer end-to-end bridge. Every call is checked in this order: known operation, trusted
 * sender frame, valid payload; only then does a handler run. Handler failures come back as
 * values (IpcResult), never as exceptions that Electron would flatten.
 */
import {
  type GuideDeskApi,
  type InvokeOperation,
  type IpcResult,
  type RequestOf,
  type ResponseOf,
  PayloadError,
  invokeChannels,
  validateRequest,
} from '../../shared/ipc';

/** What the boundary knows about the frame that sent a message. */
export interface SenderFrame {
  /** URL of the sending frame; null when Electron no longer knows the frame. */
  url: string | null;
  /** True when the frame is the top-level frame of its window. */
  isMainFrame: boolean;
  /** The sending window's webContents id (Electron); absent where there is one window (the e2e bridge). */
  contentsId?: number;
}

/** A handler gets the validated request and the (trusted) sender it came from. */
export type GuideDeskHandlers = {
  [Op in InvokeOperation]: (request: RequestOf<Op>, sender: SenderFrame) => Promise<ResponseOf<Op>>;
};

/** An error a handler throws to say the thing asked for does not exist. */
export class NotFoundError extends Error {}

export interface IpcRouter {
  dispatch(operation: string, sender: SenderFrame, payload: unknown): Promise<IpcResult<unknown>>;
}

/**
 * @param isTrustedUrl decides whether a frame URL belongs to our own renderer
 *   (the built `index.html`, or the dev server in development).
 */
export function createIpcRouter(
  handlers: GuideDeskHandlers,
  isTrustedUrl: (url: string) => boolean,
  log: (message: string) => void = () => {},
): IpcRouter {
  return {
    async dispatch(operation, sender, payload) {
      if (!Object.hasOwn(invokeChannels, operation)) {
        return { ok: false, error: { code: 'invalid-payload', message: `unknown operation "${operation}"` } };
      }
      const op = operation as InvokeOperation;
      if (!sender.isMainFrame || sender.url === null || !isTrustedUrl(sender.url)) {
        log(`refused ${op} from untrusted frame ${sender.url ?? '(unknown)'}`);
        return { ok: false, error: { code: 'untrusted-sender', message: 'sender is not the GuideDesk window' } };
      }
      let request: unknown;
      try {
        request = validateRequest[op](payload);
      } catch (error) {
        if (error instanceof PayloadError) {
          return { ok: false, error: { code: 'invalid-payload', message: `${op}: ${error.message}` } };
        }
        throw error;
      }
      try {
        const handler = handlers[op] as (request: unknown, sender: SenderFrame) => Promise<unknown>;
        return { ok: true, value: await handler(request, sender) };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof NotFoundError) return { ok: false, error: { code: 'not-found', message } };
        log(`${op} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
        return { ok: false, error: { code: 'failed', message } };
      }
    },
  };
}

/** Trusted-origin check shared by Electron and the end-to-end bridge (exact origin and path). */
export { trustedUrlMatcher } from '../security/origin';

export type { GuideDeskApi };
