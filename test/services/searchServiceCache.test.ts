/**
 * The search index cache under faults, with real files in a temp folder: corrupt files that
 * still look well formed, cache paths that cannot be used, full disks. Whatever the cache does,
 * search answers from memory; what went wrong is logged once and shown in `status()`.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchIndex, parseSynonyms } from '../../src/main/core/search';
import { startGuideDeskServices } from '../../src/main/app/guideDeskServices';
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

/** The FileHandle prototype of fs/promises (not exported), to make writes fail as a full disk does. */
async function fileHandlePrototype(): Promise<{ writeFile: (...args: unknown[]) => Promise<void> }> {
  const handle = await open(join(dir, 'probe'), 'w');
  await handle.close();
  await rm(join(dir, 'probe'));
  return Object.getPrototypeOf(handle) as { writeFile: (...args: unknown[]) => Promise<void> };
}

/** Every file under `root`, as paths relative to it. */
async function allFiles(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).map(String).sort();
}

describe('a cache path that cannot be used: search answers from memory, says so once, retries', () => {
  const cases: [
    string,
    (cacheDir: string, file: string) => Promise<unknown>,
    (cacheDir: string, file: string) => Promise<unknown>,
  ][] = [
    [
      'a file where the cache folder should be',
      (cacheDir) => writeFile(cacheDir, 'not a folder'),
      (cacheDir) => rm(cacheDir),
    ],
    [
      'a folder at the cache file path',
      (_, file) => mkdir(join(file, 'inside'), { recursive: true }),
      (_, file) => rm(file, { recursive: true }),
    ],
  ];
  for (const [name, breakIt, repair] of cases) {
    it(name, async () => {
      const cacheDir = join(dir, 'index-cache');
      const logs: string[] = [];
      const s = new SearchService({
        cacheDir,
        log: (m) => logs.push(m),
        recovery: { cacheRetryDelaysMs: [10, 10, 2000, 2000, 2000, 2000] },
      });
      const file = s.cacheFile('fp')!;
      await breakIt(cacheDir, file);
      await s.start();
      await s.load(PACK, SYNONYMS_TXT, 'fp');
      expect(s.status()).toMatchObject({ state: 'ready', source: 'built', size: PACK.length, partial: false });
      expect(answers((q, o) => s.search(q, o))).toEqual(expected);
      expect(s.status().cacheError).toMatch(/E[A-Z]+/);
      expect(s.search('이중결제').notice).toMatchObject({ code: 'cache-unavailable', retrying: true });
      // Retries fail the same way, quietly: one line for the read, one for the write.
      await vi.waitFor(() => expect(s.status().cacheFailures).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
      expect(logs.filter((m) => m.includes('search index cache'))).toHaveLength(2);

      await repair(cacheDir, file);
      await vi.waitFor(() => expect(s.status().cacheError).toBeNull(), { timeout: 10_000 });
      expect(s.search('이중결제').notice).toBeUndefined();
      expect(logs.at(-1)).toMatch(/search index cache written/);
      expect(await allFiles(dir)).toEqual(['index-cache', join('index-cache', basename(file))]);
      const again = new SearchService({ cacheDir });
      await again.load([], SYNONYMS_TXT, 'fp');
      expect(again.status().source).toBe('cache');
      await s.dispose();
    });
  }

  it('a full disk: no temp file is left, search answers, and the write succeeds once there is room', async () => {
    const cacheDir = join(dir, 'index-cache');
    const proto = await fileHandlePrototype();
    const real = proto.writeFile;
    let full = true;
    vi.spyOn(proto, 'writeFile').mockImplementation(async function (this: unknown, ...args: unknown[]) {
      if (!full) return real.apply(this, args);
      await real.call(this, new Uint8Array(64 * 1024));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    try {
      const logs: string[] = [];
      const s = new SearchService({ cacheDir, log: (m) => logs.push(m), recovery: { cacheRetryDelaysMs: [500] } });
      await s.load(PACK, SYNONYMS_TXT, 'fp');
      expect(s.status()).toMatchObject({ state: 'ready', cacheError: expect.stringMatching(/ENOSPC/) });
      expect(answers((q, o) => s.search(q, o))).toEqual(expected);
      expect((await readdir(cacheDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      expect(logs.filter((m) => m.includes('ENOSPC'))).toHaveLength(1);
      full = false;
      await vi.waitFor(() => expect(s.status().cacheError).toBeNull(), { timeout: 10_000 });
      expect(await readdir(cacheDir)).toEqual([basename(s.cacheFile('fp')!)]);
      await s.dispose();
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('start cleans the cache folder', () => {
  it('removes temp files left by a crashed process and caps the set-aside files', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((done) => child.once('exit', done));
    const stale = `search-index-0123.bin.${child.pid}.0badf00d.tmp`;
    await writeFile(join(dir, stale), Buffer.alloc(64 * 1024));
    for (let i = 0; i < 6; i++) await writeFile(join(dir, `search-index-0123.bin.corrupt-${1000 + i}`), 'x');
    const logs: string[] = [];
    const s = new SearchService({ cacheDir: dir, log: (m) => logs.push(m) });
    await s.start();
    const names = await readdir(dir);
    expect(names).not.toContain(stale);
    expect(names.filter((n) => n.includes('.corrupt-')).sort()).toEqual(
      [1003, 1004, 1005].map((t) => `search-index-0123.bin.corrupt-${t}`),
    );
    expect(logs.filter((m) => /removed (stale temporary|old set-aside)/.test(m))).toHaveLength(4);
    await s.dispose();
  });
});

describe('a cache problem is forgotten once the cache works again', () => {
  it('a later load that reads the cache clears the old problem', async () => {
    const cacheDir = join(dir, 'index-cache');
    await writeFile(cacheDir, 'not a folder');
    const s = new SearchService({ cacheDir, recovery: { cacheRetryDelaysMs: [] } });
    await s.load(PACK, SYNONYMS_TXT, 'fp');
    expect(s.status().cacheError).toMatch(/ENOTDIR|EEXIST/);
    await rm(cacheDir);
    const writer = new SearchService({ cacheDir });
    await writer.load(PACK, SYNONYMS_TXT, 'fp');
    await s.load([], SYNONYMS_TXT, 'fp');
    expect(s.status()).toMatchObject({ source: 'cache', cacheError: null, notice: null });
  });
});

describe('the app wiring', () => {
  it("the search service logs to the app's logger (guideDeskServices.ts)", async () => {
    const cacheDir = join(dir, 'index-cache');
    await writeFile(cacheDir, 'not a folder');
    const logs: string[] = [];
    const services = await startGuideDeskServices({
      contentRoot: join(__dirname, '../../content'),
      cacheDir,
      isTrustedUrl: () => true,
      openExternal: async () => {},
      log: (m) => logs.push(m),
    });
    try {
      await services.indexed;
      expect(logs.filter((m) => m.startsWith('search index cache'))).toHaveLength(2);
      expect(services.search.search('이중결제').results.length).toBeGreaterThan(0);
    } finally {
      await services.dispose();
    }
  });
});
