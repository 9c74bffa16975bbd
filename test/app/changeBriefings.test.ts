/** The briefing as main serves it: the same as the core's, computed in slices, kept per period. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefInSlices, ChangeBriefings } from '../../src/main/app/changeBriefings';
import { changeBriefing } from '../../src/main/core/versions';
import { ContentLibrary, type LibrarySnapshot } from '../../src/main/services/contentLibrary';

describe('briefInSlices and ChangeBriefings', () => {
  let snapshot: LibrarySnapshot;
  beforeAll(async () => {
    const library = new ContentLibrary(join(__dirname, '../../content'));
    await library.load();
    snapshot = library.snapshot;
  });

  it('gives exactly the core briefing', async () => {
    for (const period of [
      { since: '2024-07-01', until: null },
      { since: '2024-12-01', until: '2024-12-31' },
      { since: '2026-09-04', until: null },
    ]) {
      expect(await briefInSlices(snapshot.versions, snapshot.histories, period, 3)).toEqual(
        changeBriefing(snapshot.versions, snapshot.histories, period),
      );
    }
  });

  it('lets other work run between slices', async () => {
    const order: string[] = [];
    const briefing = briefInSlices(snapshot.versions, snapshot.histories, { since: '2024-07-01', until: null }, 2).then(
      () => order.push('briefing'),
    );
    setImmediate(() => order.push('other work'));
    await briefing;
    expect(order).toEqual(['other work', 'briefing']);
  });

  it('shares one computation per period and snapshot, and starts again for a new snapshot', async () => {
    const briefings = new ChangeBriefings();
    const period = { since: '2024-12-01', until: null };
    const first = briefings.get(snapshot, period);
    expect(briefings.get(snapshot, { ...period })).toBe(first);
    expect(briefings.get(snapshot, { since: '2024-12-01', until: '2024-12-31' })).not.toBe(first);
    const changed = { ...snapshot };
    const again = briefings.get(changed, period);
    expect(again).not.toBe(first);
    expect(await again).toEqual(await first);
  });
});
