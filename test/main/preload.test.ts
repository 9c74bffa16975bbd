import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eventChannels, invokeChannels, invokeOperations } from '../../src/shared/ipc';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn();
const on = vi.fn();
const removeListener = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (...a: unknown[]) => on(...a),
    removeListener: (...a: unknown[]) => removeListener(...a),
  },
}));

type Api = Record<string, (...args: unknown[]) => unknown>;

describe('preload surface', () => {
  beforeAll(async () => {
    vi.stubGlobal('navigator', { userActivation: { isActive: true } });
    await import('../../src/preload/index');
  });

  it('exposes exactly one global with one function per operation, and never ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['guidedesk']);
    const api = exposed.guidedesk as Api;
    expect(Object.keys(api).sort()).toEqual([...invokeOperations, 'onLibraryChanged'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('sends each operation on its contract channel and unwraps results', async () => {
    const api = exposed.guidedesk as Api;
    invoke.mockResolvedValueOnce({ ok: true, value: { guides: [] } });
    await expect(api.getLibrary()).resolves.toEqual({ guides: [] });
    expect(invoke).toHaveBeenLastCalledWith(invokeChannels.getLibrary, undefined);

    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'not-found', message: 'no guide "x"' } });
    await expect(api.openGuide({ ref: 'x' })).rejects.toThrow('not-found: no guide "x"');
    expect(invoke).toHaveBeenLastCalledWith(invokeChannels.openGuide, { ref: 'x' });
  });

  it('sends openExternal only the URL: no claim of a click crosses (main decides from real input)', async () => {
    const api = exposed.guidedesk as Api;
    invoke.mockResolvedValueOnce({ ok: true, value: { opened: true } });
    await api.openExternal({ url: 'https://example.com', userActivated: true });
    expect(invoke).toHaveBeenLastCalledWith(invokeChannels.openExternal, { url: 'https://example.com' });
  });

  it('subscribes and unsubscribes library-change listeners', () => {
    const api = exposed.guidedesk as Api;
    const unsubscribe = api.onLibraryChanged(() => {}) as () => void;
    expect(on).toHaveBeenCalledWith(eventChannels.libraryChanged, expect.any(Function));
    unsubscribe();
    expect(removeListener).toHaveBeenCalledWith(eventChannels.libraryChanged, on.mock.calls[0][1]);
  });
});
