/**
 * The hold-out pack: guides and counselor queries written apart from the code, which nobody tunes
 * the parser or the ranking to. Queries run against the embedded pack and the hold-out together.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GuideHistory, GuideVersion } from '../src/shared/guide';
import { buildLibrary } from '../src/main/core/library';
import { SearchIndex, parseSynonyms } from '../src/main/core/search';
import { buildHistories, diffVersions } from '../src/main/core/versions';
import { readContentFolder } from '../src/main/services/contentFiles';
import { searchDocuments } from '../src/main/app/guideDeskServices';

const REPO = join(__dirname, '..');
const HOLDOUT = join(REPO, 'test/fixtures/holdout');

interface Labelled {
  query: string;
  expect: string;
  kind: string;
}
interface VersionChain {
  title: string;
  versions: string[];
  current: string;
  changes: string[][];
}

let versions: GuideVersion[];
let histories: GuideHistory[];
let index: SearchIndex;

beforeAll(async () => {
  const pack = await readContentFolder(join(REPO, 'content'));
  const holdout = (await readContentFolder(HOLDOUT)).map((file) => ({ ...file, path: `holdout/${file.path}` }));
  const library = buildLibrary([...pack, ...holdout]);
  expect(library.reports.filter((r) => r.status === 'error')).toEqual([]);
  versions = library.versions;
  histories = buildHistories(versions);
  const byPath = new Map(versions.map((v) => [v.path, v]));
  const docs = searchDocuments({ histories, byPath } as Parameters<typeof searchDocuments>[0]);
  index = SearchIndex.build(docs, {
    synonyms: parseSynonyms(readFileSync(join(REPO, 'content/synonyms.txt'), 'utf8')),
  });
});

describe('hold-out queries', () => {
  it("put the expected guide first for counselors' queries of every kind", () => {
    const labelled: Labelled[] = JSON.parse(readFileSync(join(HOLDOUT, 'labelled.json'), 'utf8'));
    const byKind = new Map<string, { n: number; top1: number; top3: number }>();
    const misses: string[] = [];
    for (const { query, expect: title, kind } of labelled) {
      const titles = index.search(query, { limit: 10 }).results.map((r) => r.title);
      const rank = titles.indexOf(title);
      const row = byKind.get(kind) ?? { n: 0, top1: 0, top3: 0 };
      row.n++;
      if (rank === 0) row.top1++;
      if (rank >= 0 && rank < 3) row.top3++;
      byKind.set(kind, row);
      if (rank !== 0)
        misses.push(
          `${kind} "${query}" → ${titles.slice(0, 3).join(' | ') || '(none)'} (expected ${title}, rank ${rank < 0 ? '>10' : rank + 1})`,
        );
    }
    const total = [...byKind.values()].reduce(
      (a, r) => ({ n: a.n + r.n, top1: a.top1 + r.top1, top3: a.top3 + r.top3 }),
      { n: 0, top1: 0, top3: 0 },
    );
    console.log(
      [...byKind].map(([kind, r]) => `${kind.padEnd(12)} top1 ${r.top1}/${r.n}  top3 ${r.top3}/${r.n}`).join('\n') +
        `\nall          top1 ${total.top1}/${total.n}  top3 ${total.top3}/${total.n}` +
        (misses.length ? `\nmisses:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(total.n).toBeGreaterThanOrEqual(40);
    expect(total.top1 / total.n).toBeGreaterThanOrEqual(0.95);
    expect(total.top3).toBe(total.n);
  });
});

describe('hold-out versions', () => {
  const chains: VersionChain[] = JSON.parse(readFileSync(join(HOLDOUT, 'versions.json'), 'utf8'));

  it.each(chains.map((c) => [c.title, c] as const))(
    '%s: every version in the right guide, in order, the right one current',
    (_title, chain) => {
      const history = histories.find((h) => h.title === chain.title)!;
      expect(history).toBeDefined();
      expect(history.versions.map((v) => v.path)).toEqual(chain.versions.map((p) => `holdout/${p}`));
      expect(history.currentPath).toBe(`holdout/${chain.current}`);
    },
  );

  it.each(chains.map((c) => [c.title, c] as const))('%s: consecutive diffs name the real changes', (_title, chain) => {
    const byPath = new Map(versions.map((v) => [v.path, v]));
    chain.changes.forEach((described, i) => {
      const diff = diffVersions(
        byPath.get(`holdout/${chain.versions[i]}`)!,
        byPath.get(`holdout/${chain.versions[i + 1]}`)!,
      );
      const sections = new Set(diff.changes.map((c) => c.section));
      const text = diff.changes.map((c) => `${c.before ?? ''} → ${c.after ?? ''}`).join('\n');
      console.log(
        `${chain.title} ${i}→${i + 1}:\n  ${diff.changes.map((c) => `${c.section}/${c.op} ${c.label ?? ''}: ${c.before ?? '∅'} → ${c.after ?? '∅'}`).join('\n  ')}`,
      );
      for (const line of described) {
        if (/^phone|policy/.test(line)) expect(sections, line).toContain('policies');
        if (/response step/.test(line)) expect(sections, line).toContain('responseSteps');
        if (/^script/.test(line)) expect(sections, line).toContain('scripts');
        for (const phone of line.match(/\d{2,4}-\d{3,4}-\d{4}/g) ?? []) expect(text, line).toContain(phone);
      }
      expect(diff.changes.length).toBeLessThanOrEqual(described.length * 3 + 2);
    });
  });
});
