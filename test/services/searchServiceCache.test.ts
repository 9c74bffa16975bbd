/**
 * The search index cache under faults, with real files in a temp folder: corrupt files that
 * still look well formed, cache paths that cannot be used, full disks. Whatever the cache does,
 * search answers from memory; what went wrong is logged once and shown in `status()`.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchIndex, parseSynonyms } from '../../src/main/core/search';
import { SearchService } from '../../src/main/services/searchService';
import { PACK, SYNONYMS_TXT } from '../core/search/fixture';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gd-search-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const QUERIES = ['이중결제', 'ㅇㅈㄱㅈ', '속초시', '분실물', '주차권 환불', '0269250023', '중복결제'];
const reference = SearchIndex.build(PACK, { synonyms: parseSynonyms(SYNONYMS_TXT) });

/** What `service` answers for every query, current and archived versions (timings left out). */
function answers(search: (q: string, o: { archived: 'exclude' | 'include' }) => { results: unknown[] }) {
  return QUERIES.flatMap((q) => (['exclude', 'include'] as const).map((archived) => search(q, { archived }).results));
}
const expected = answers((q, o) => reference.search(q, o));

/** A deterministic stream of numbers in [0, 1) (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Where the blocks after the JSON header start in an index file, and the segment text block. */
function layoutOf(raw: Buffer): { bodyStart: number; textStart: number; textEnd: number } {
  const magic = raw.indexOf(Buffer.from('XSDG', 'latin1')); // 'GDSX' as a little-endian u32
  const jsonLength = raw.readUInt32LE(magic + 12);
  const bodyStart = magic + 16 + ((jsonLength + 3) & ~3);
  return { bodyStart, textStart: bodyStart + 4, textEnd: bodyStart + 4 + raw.readUInt32LE(bodyStart) };
}

/**
 * Flips `count` bytes of the index file in [from, to) of its layout, framing (magic, block
 * lengths, JSON header) untouched: corruption that still looks well formed.
 */
async function flipBytes(file: string, count: number, seed: number, region: 'body' | 'text'): Promise<void> {
  const raw = await readFile(file);
  const at = layoutOf(raw);
  const [from, to] = region === 'body' ? [at.bodyStart, raw.length] : [at.textStart, at.textEnd];
  const next = random(seed);
  for (let i = 0; i < count; i++) raw[from + Math.floor(next() * (to - from))] ^= 1 + Math.floor(next() * 255);
  await writeFile(file, raw);
}

describe('a corrupt cache is set aside and rebuilt, never trusted', () => {
  for (const [count, region] of [
    [100, 'body'],
    [1000, 'body'],
    // Text only: every array still valid, so only the checksum can tell.
    [10, 'text'],
  ] as const) {
    it(`${count} flipped bytes (${region})`, async () => {
      const first = new SearchService({ cacheDir: dir });
      await first.load(PACK, SYNONYMS_TXT, 'fp');
      const file = first.cacheFile('fp')!;
      await flipBytes(file, count, count, region);

      const logs: string[] = [];
      const restarted = new SearchService({ cacheDir: dir, log: (m) => logs.push(m) });
      await restarted.load(PACK, SYNONYMS_TXT, 'fp');
      expect(restarted.status()).toMatchObject({ state: 'ready', source: 'built', size: PACK.length });
      expect(answers((q, o) => restarted.search(q, o))).toEqual(expected);
      expect(logs.join('\n')).toMatch(/set aside/);
      const names = await readdir(dir);
      expect(names.filter((n) => n.includes('.corrupt-'))).toHaveLength(1);
      // The rebuilt index was persisted again and loads.
      const again = new SearchService({ cacheDir: dir });
      await again.load([], SYNONYMS_TXT, 'fp');
      expect(again.status().source).toBe('cache');
      expect(answers((q, o) => again.search(q, o))).toEqual(expected);
    });
  }
});
