import { describe, expect, it } from 'vitest';
import { createIpcRouter, type GuideDeskHandlers } from '../../src/main/ipc/router';
import { invokeOperations, PayloadError, validateRequest } from '../../src/shared/ipc';

const UNREAL = ['2024-02-30', '2023-02-29', '2024-13-01', '2024-04-31'];

describe('IPC contract dates', () => {
  it.each(UNREAL)('refuses %s in every date field', (date) => {
    expect(() => validateRequest.openGuide({ ref: 'g', asOf: date })).toThrow(PayloadError);
    expect(() => validateRequest.search({ query: 'q', asOf: date })).toThrow(PayloadError);
    expect(() => validateRequest.changesSince({ since: date })).toThrow(/"since" must be a real calendar date/);
  });

  it('accepts a leap day', () => {
    expect(validateRequest.openGuide({ ref: 'g', asOf: '2024-02-29' })).toEqual({ ref: 'g', asOf: '2024-02-29' });
    expect(validateRequest.changesSince({ since: '2024-02-29' })).toEqual({ since: '2024-02-29' });
    expect(validateRequest.search({ query: 'q', asOf: '2024-02-29' }).asOf).toBe('2024-02-29');
  });

  it('stops 2024-02-30 at the router before any handler runs', async () => {
    const calls: string[] = [];
    const handlers = Object.fromEntries(
      invokeOperations.map((op) => [op, async () => void calls.push(op)]),
    ) as unknown as GuideDeskHandlers;
    const router = createIpcRouter(handlers, () => true);
    const sender = { url: 'file:///app/index.html', isMainFrame: true };
    expect(await router.dispatch('changesSince', sender, { since: '2024-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(calls).toEqual([]);
    expect(await router.dispatch('changesSince', sender, { since: '2024-02-29' })).toMatchObject({ ok: true });
    expect(calls).toEqual(['changesSince']);
  });
});
