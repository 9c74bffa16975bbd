/** Binds the IPC router to Electron's ipcMain, one handler per channel of the shared contract. */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { eventChannels, invokeChannels, invokeOperations } from '../../shared/ipc';
import type { IpcRouter, SenderFrame } from '../ipc/router';

function senderOf(event: IpcMainInvokeEvent): SenderFrame {
  const frame = event.senderFrame;
  return { url: frame?.url ?? null, isMainFrame: frame !== null && frame === event.sender.mainFrame };
}

export function registerIpc(router: IpcRouter): () => void {
  for (const op of invokeOperations) {
    ipcMain.handle(invokeChannels[op], (event, payload: unknown) => router.dispatch(op, senderOf(event), payload));
  }
  return () => {
    for (const op of invokeOperations) ipcMain.removeHandler(invokeChannels[op]);
  };
}

export function notifyLibraryChanged(contents: WebContents): void {
  if (!contents.isDestroyed()) contents.send(eventChannels.libraryChanged);
}
