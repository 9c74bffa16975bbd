/**
 * What the trainer's desk costs at scale: the embedded pack's versions cloned into N guides
 * (default ~20,000 versions), then the change briefing (a 90-day period and the whole history), the
 * timeline (months, weeks) and the briefing's Markdown (the HTML needs the built CLI: its stylesheet
 * is bundled). Prints numbers; asserts nothing.
 *
 *     npx tsx scripts/bench/trainer.ts [versions]
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { briefInSlices } from '../../src/main/app/changeBriefings';
import { briefingMarkdown } from '../../src/cli/commands/briefingMarkdown';
import { buildHistories, changeBriefing, changeTimeline } from '../../src/main/core/versions';
import { ContentLibrary } from '../../src/main/services/contentLibrary';
import type { GuideVersion } from '../../src/shared/guide';

function time<T>(label: string, run: () => T, repeat = 3): T {
  let result!: T;
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    result = run();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${runs[Math.floor(runs.length / 2)].toFixed(1)} ms (of ${repeat})`);
  return result;
}

async function main() {
  const target = Number(process.argv[2] ?? 20_000);
  const library = new ContentLibrary(join(__dirname, '../../content'));
  await library.load();
  const pack = library.snapshot.versions;
  const copies = Math.max(1, Math.round(target / pack.length));
  const versions: GuideVersion[] = [];
  for (let c = 0; c < copies; c++) {
    for (const v of pack)
      versions.push({ ...v, id: `${v.id}#${c}`, path: `copy${c}/${v.path}`, title: `${v.title} ${c}` });
  }
  const histories = time('buildHistories', () => buildHistories(versions), 1);
  console.log(`${versions.length} versions, ${histories.length} guides`);
  const recent = time('briefing, 2025-03-01 … (90 days of changes)', () =>
    changeBriefing(versions, histories, { since: '2025-03-01', until: '2025-05-31' }),
  );
  const all = time('briefing, whole history', () =>
    changeBriefing(versions, histories, { since: '2024-07-01', until: null }),
  );
  console.log(
    `  90 days: ${recent.guideCount} guides, ${recent.changeCount} changes; all: ${all.guideCount} guides, ${all.changeCount} changes`,
  );
  console.log(`  briefing JSON (what crosses IPC), whole history: ${(JSON.stringify(all).length / 1e6).toFixed(1)} MB`);
  // How long the main process's event loop is held at most while main serves that briefing.
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const sliced = performance.now();
  await briefInSlices(versions, histories, { since: '2024-07-01', until: null });
  running = false;
  console.log(
    `briefing in slices (as main serves it), whole history: ${(performance.now() - sliced).toFixed(0)} ms, event loop held at most ${longest.toFixed(1)} ms`,
  );
  time('timeline, months', () => changeTimeline(versions, histories, 'month'));
  time('timeline, weeks', () => changeTimeline(versions, histories, 'week'));
  const md = time('Markdown of the 90-day briefing', () => briefingMarkdown(recent, { madeOn: '2026-12-03' }));
  console.log(`  Markdown ${(md.length / 1e6).toFixed(1)} MB`);
}

void main();
