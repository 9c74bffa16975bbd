/**
 * The renderer's only door to the main process: one named function per operation on a single
 * global, `window.guidedesk`. ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  eventChannels,
  invokeChannels,
  type GuideDeskApi,
  type InvokeOperation,
  type IpcResult,
  type RequestOf,
  type ResponseOf,
} from '../shared/ipc';

async function invoke<Op extends InvokeOperation>(op: Op, request?: RequestOf<Op>): Promise<ResponseOf<Op>> {
  const result = (await ipcRenderer.invoke(invokeChannels[op], request)) as IpcResult<ResponseOf<Op>>;
  if (result.ok) return result.value;
  throw new Error(`${result.error.code}: ${result.error.message}`);
}

const api: GuideDeskApi = {
  getLibrary: () => invoke('getLibrary'),
  openGuide: (request) => invoke('openGuide', request),
  search: (request) => invoke('search', request),
  diffVersions: (request) => invoke('diffVersions', request),
  changesSince: (request) => invoke('changesSince', request),
  changeBriefing: (request) => invoke('changeBriefing', request),
  changeTimeline: (request) => invoke('changeTimeline', request),
  savePdf: (request) => invoke('savePdf', request),
  // Only the URL crosses: whether a person clicked is decided in main from real input events.
  openExternal: (request) => invoke('openExternal', { url: request.url }),
  onLibraryChanged: (listener) => {
    const wrapped = () => listener();
    ipcRenderer.on(eventChannels.libraryChanged, wrapped);
    return () => ipcRenderer.removeListener(eventChannels.libraryChanged, wrapped);
  },
};

contextBridge.exposeInMainWorld('guidedesk', api);
