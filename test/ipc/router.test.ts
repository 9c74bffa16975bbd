import { describe, expect, it, vi } from 'vitest';
import { createIpcRouter, NotFoundError, trustedUrlMatcher, type GuideDeskHandlers } from '../../src/main/ipc/router';
import { invokeChannels, invokeOperations, validateRequest } from '../../src/shared/ipc';

const APP_URL = 'app://guidedesk/index.html';
const trusted = { url: APP_URL, isMainFrame: true };

function handlersRecording() {
  const calls: Array<[string, unknown]> = [];
  const handler = (op: string) => async (request: unknown) => {
    calls.push([op, request]);
    if (op === 'openGuide' && (request as { ref: string }).ref === 'missing')
      throw new NotFoundError('no guide "missing"');
    if (op === 'diffVersions') throw new Error('disk on fire');
    return { op };
  };
  const handlers = Object.fromEntries(invokeOperations.map((op) => [op, handler(op)])) as unknown as GuideDeskHandlers;
  return { handlers, calls };
}

describe('IPC router', () => {
  it('runs the handler for a trusted main frame with a valid payload', async () => {
    const { handlers, calls } = handlersRecording();
    const router = createIpcRouter(handlers, trustedUrlMatcher(APP_URL));
    const result = await router.dispatch('search', trusted, { query: '이중결제', limit: 5 });
    expect(result).toEqual({ ok: true, value: { op: 'search' } });
    expect(calls).toEqual([
      ['search', { query: '이중결제', limit: 5, archived: undefined, asOf: undefined, category: undefined }],
    ]);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', isMainFrame: true }],
    ['another local file', { url: 'file:///tmp/evil.html', isMainFrame: true }],
    ['another page of the app origin', { url: 'app://guidedesk/other.html', isMainFrame: true }],
    ['a subframe of the app', { url: APP_URL, isMainFrame: false }],
    ['a frame Electron no longer knows', { url: null, isMainFrame: true }],
    ['a garbage URL', { url: 'not a url', isMainFrame: true }],
  ])('refuses %s without running any handler', async (_name, sender) => {
    const { handlers, calls } = handlersRecording();
    const log = vi.fn();
    const router = createIpcRouter(handlers, trustedUrlMatcher(APP_URL), log);
    const result = await router.dispatch('getLibrary', sender, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(calls).toEqual([]);
    expect(log).toHaveBeenCalledOnce();
  });

  it.each([
    ['search', 'a string', 'payload must be an object'],
    ['search', { query: 42 }, '"query" must be a string'],
    ['search', { query: 'x', limit: 0 }, '"limit"'],
    ['search', { query: 'x', limit: 1.5 }, '"limit"'],
    ['search', { query: 'x', archived: 'all' }, '"archived"'],
    ['search', { query: 'x', asOf: '2024-13-45' }, '"asOf"'],
    ['search', { query: 'x', __proto__: null, extra: 1 }, 'unexpected field "extra"'],
    ['search', { query: 'x'.repeat(501) }, 'longer than 500'],
    ['openGuide', { ref: '' }, '"ref" must not be empty'],
    ['openGuide', null, 'payload must be an object'],
    ['changesSince', {}, '"since" must be a string'],
    ['changesSince', { since: '24.12.5' }, 'date YYYY-MM-DD'],
    ['openExternal', {}, '"url" must be a string'],
    // The page cannot claim a click: main decides from the input events it saw.
    ['openExternal', { url: 'https://x.example', userActivated: true }, 'unexpected field "userActivated"'],
    ['getLibrary', { sneaky: true }, 'unexpected field'],
  ])('rejects a malformed %s payload %j', async (op, payload, message) => {
    const { handlers, calls } = handlersRecording();
    const router = createIpcRouter(handlers, trustedUrlMatcher(APP_URL));
    const result = await router.dispatch(op, trusted, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-payload');
      expect(result.error.message).toContain(message);
    }
    expect(calls).toEqual([]);
  });

  it('refuses an unknown operation, including prototype names', async () => {
    const { handlers } = handlersRecording();
    const router = createIpcRouter(handlers, trustedUrlMatcher(APP_URL));
    for (const op of ['deleteEverything', 'constructor', '__proto__', 'toString']) {
      expect(await router.dispatch(op, trusted, {})).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
  });

  it('returns handler failures as values: not-found and failed', async () => {
    const { handlers } = handlersRecording();
    const router = createIpcRouter(handlers, trustedUrlMatcher(APP_URL));
    expect(await router.dispatch('openGuide', trusted, { ref: 'missing' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no guide "missing"' },
    });
    expect(await router.dispatch('diffVersions', trusted, { from: 'a', to: 'b' })).toEqual({
      ok: false,
      error: { code: 'failed', message: 'disk on fire' },
    });
  });

  it('trusts the dev server by origin only', () => {
    const isTrusted = trustedUrlMatcher('http://localhost:5173/');
    expect(isTrusted('http://localhost:5173/index.html')).toBe(true);
    expect(isTrusted('http://localhost:5174/')).toBe(false);
    expect(isTrusted('http://localhost.evil.example:5173/')).toBe(false);
  });
});

describe('IPC contract', () => {
  it('gives every operation one distinct channel and a validator', () => {
    const channels = Object.values(invokeChannels);
    expect(new Set(channels).size).toBe(channels.length);
    for (const op of invokeOperations) {
      expect(invokeChannels[op]).toMatch(/^guidedesk:[a-z-]+$/);
      expect(typeof validateRequest[op]).toBe('function');
    }
  });
});
