/** The trainer's operations at the IPC boundary: changeBriefing and changeTimeline, real services. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGuideDeskServices, type GuideDeskServices } from '../../src/main/app/guideDeskServices';
import { validateRequest } from '../../src/shared/ipc';

const sender = { url: 'app://window', isMainFrame: true };

describe('changeBriefing and changeTimeline over the router', () => {
  let services: GuideDeskServices;
  beforeAll(async () => {
    services = await startGuideDeskServices({
      contentRoot: join(__dirname, '../../content'),
      isTrustedUrl: (url) => url === 'app://window',
      openExternal: async () => {},
    });
  });
  afterAll(() => services.dispose());

  it('answers the briefing for a period, the same answer again for the same period', async () => {
    const first = await services.router.dispatch('changeBriefing', sender, {
      since: '2024-12-01',
      until: '2024-12-31',
    });
    expect(first.ok).toBe(true);
    const briefing = (
      first as { value: { period: unknown; guideCount: number; groups: { guides: { id: string }[] }[] } }
    ).value;
    expect(briefing.period).toEqual({ since: '2024-12-01', until: '2024-12-31' });
    expect(briefing.groups.flatMap((g) => g.guides.map((x) => x.id))).toContain('이중결제취소요청(타사주차권)');
    const again = await services.router.dispatch('changeBriefing', sender, {
      since: '2024-12-01',
      until: '2024-12-31',
    });
    expect((again as { value: unknown }).value).toBe(briefing);
    const open = await services.router.dispatch('changeBriefing', sender, { since: '2024-12-01' });
    expect((open as { value: { period: unknown } }).value.period).toEqual({ since: '2024-12-01', until: null });
  });

  it('answers the timeline per month and per week', async () => {
    for (const unit of ['month', 'week'] as const) {
      const answer = await services.router.dispatch('changeTimeline', sender, { unit });
      const timeline = (answer as { value: { unit: string; total: number; buckets: { total: number }[] } }).value;
      expect(timeline.unit).toBe(unit);
      expect(timeline.total).toBeGreaterThan(10);
      expect(timeline.buckets.reduce((n, b) => n + b.total, 0)).toBe(timeline.total);
    }
  });

  it('refuses bad payloads before any handler runs', async () => {
    for (const [op, payload] of [
      ['changeBriefing', { since: '2024-02-30' }],
      ['changeBriefing', { since: '2024-12-01', until: '2024-11-30' }],
      ['changeBriefing', { since: '2024-12-01', extra: 1 }],
      ['changeBriefing', undefined],
      ['changeTimeline', { unit: 'day' }],
      ['changeTimeline', {}],
    ] as const) {
      expect(await services.router.dispatch(op, sender, payload), `${op} ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-payload' },
      });
    }
  });

  it('keeps an open-ended period without an `until` key', () => {
    expect(validateRequest.changeBriefing({ since: '2024-12-01' })).toEqual({ since: '2024-12-01' });
    expect(validateRequest.changeBriefing({ since: '2024-12-01', until: '2024-12-01' })).toEqual({
      since: '2024-12-01',
      until: '2024-12-01',
    });
  });
});
