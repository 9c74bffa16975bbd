/** Binds the IPC router to Electron's ipcMain, one handler per channel of the shared contract. */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { eventChannels, invokeChannels, invokeOperations } from '../../shared/ipc';
import type { IpcRouter, SenderFrame } from '../ipc/router';
import type { Service } from '../services/lifecycle';

function senderOf(event: IpcMainInvokeEvent): SenderFrame {
  const frame = event.senderFrame;
  return {
    url: frame?.url ?? null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    contentsId: event.sender.id,
  };
}

export function registerIpc(router: IpcRouter): () => void {
  for (const op of invokeOperations) {
    ipcMain.handle(invokeChannels[op], (event, payload: unknown) => router.dispatch(op, senderOf(event), payload));
  }
  return () => {
    for (const op of invokeOperations) ipcMain.removeHandler(invokeChannels[op]);
  };
}

/** The contract's channels as a service: handled from `start()` until `dispose()`. */
export class IpcChannels implements Service {
  readonly name = 'ipc channels';
  private unregister: (() => void) | null = null;

  constructor(private readonly router: IpcRouter) {}

  start(): void {
    this.unregister ??= registerIpc(this.router);
  }

  dispose(): void {
    this.unregister?.();
    this.unregister = null;
  }
}

export function notifyLibraryChanged(contents: Pick<WebContents, 'isDestroyed' | 'send'>): void {
  if (!contents.isDestroyed()) contents.send(eventChannels.libraryChanged);
}
