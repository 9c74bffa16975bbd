/**
 * The change briefing as the main process serves it: computed guide by guide, yielding to the
 * event loop between slices, so a briefing of thousands of guides (whole diffs) never holds up a
 * counselor's search on the same process; and kept per period for the library snapshot it was
 * made from (a trainer flips between a few periods), dropped when the folder changes.
 */
import type { BriefingGuide, ChangeBriefing, ChangePeriod } from '../../shared/briefing';
import type { GuideHistory, GuideVersion } from '../../shared/guide';
import { briefGuide, groupBriefing } from '../core/versions';

/** How many briefings are kept per snapshot. */
export const BRIEFING_CACHE_SIZE = 8;
/** A slice ends after this many guides, or once it has run this long, whichever comes first. */
export const GUIDES_PER_SLICE = 64;
export const SLICE_BUDGET_MS = 8;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The briefing for `period`, guide by guide, yielding after every `perSlice` guides or
 * `SLICE_BUDGET_MS`, whichever comes first.
 */
export async function briefInSlices(
  versions: GuideVersion[],
  histories: GuideHistory[],
  period: ChangePeriod,
  perSlice = GUIDES_PER_SLICE,
): Promise<ChangeBriefing> {
  const byPath = new Map(versions.map((v) => [v.path, v]));
  const entries: BriefingGuide[] = [];
  let sliceStart = performance.now();
  for (let i = 0, inSlice = 0; i < histories.length; i++, inSlice++) {
    if (inSlice >= perSlice || performance.now() - sliceStart >= SLICE_BUDGET_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
      inSlice = 0;
    }
    const guide = histories[i].versions.length > 0 ? briefGuide(histories[i], byPath, period) : null;
    if (guide) entries.push(guide);
  }
  return groupBriefing(period, entries);
}

interface Snapshot {
  versions: GuideVersion[];
  histories: GuideHistory[];
}

/** Briefings per period for the current snapshot; the same request shares one computation. */
export class ChangeBriefings {
  private snapshot: Snapshot | null = null;
  private readonly byPeriod = new Map<string, Promise<ChangeBriefing>>();

  get(snapshot: Snapshot, period: ChangePeriod): Promise<ChangeBriefing> {
    if (this.snapshot !== snapshot) {
      this.byPeriod.clear();
      this.snapshot = snapshot;
    }
    const key = `${period.since}/${period.until ?? ''}`;
    let briefing = this.byPeriod.get(key);
    if (!briefing) {
      if (this.byPeriod.size >= BRIEFING_CACHE_SIZE) this.byPeriod.delete(this.byPeriod.keys().next().value!);
      briefing = briefInSlices(snapshot.versions, snapshot.histories, period);
      // A failed computation is not kept: the next request tries again.
      briefing.catch(() => this.byPeriod.delete(key));
    }
    this.byPeriod.delete(key);
    this.byPeriod.set(key, briefing);
    return briefing;
  }
}
