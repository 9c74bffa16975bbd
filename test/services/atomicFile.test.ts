/**
 * Crash-safe files (src/main/services/atomicFile.ts) against real files in a temp folder: a write
 * that fails leaves no temporary file, stale temporary files of dead processes are removed,
 * set-aside corrupt files are capped, and checksummed records refuse any corruption.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  openRecord,
  pruneSetAside,
  readOrSetAside,
  readRecord,
  removeStaleTempFiles,
  sealRecord,
  writeFileAtomic,
  writeRecordAtomic,
} from '../../src/main/services/atomicFile';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gd-atomic-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** The prototype of the FileHandle objects fs/promises hands out (it is not exported). */
async function fileHandlePrototype(): Promise<object> {
  const handle = await open(join(dir, 'probe'), 'w');
  await handle.close();
  await rm(join(dir, 'probe'));
  return Object.getPrototypeOf(handle) as object;
}

function errno(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, ${syscall}`), { code, syscall });
}

/** A pid that belonged to a process which has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  const pid = child.pid!;
  await new Promise((done) => child.once('exit', done));
  return pid;
}

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves nothing else in the folder', async () => {
    const file = join(dir, 'a.bin');
    await writeFileAtomic(file, [new Uint8Array([1, 2]), new Uint8Array([3])]);
    expect([...(await readFile(file))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['a.bin']);
  });

  it.each([
    ['ENOSPC', 'writeFile'],
    ['EIO', 'sync'],
  ])('a disk that fails with %s during %s leaves no temporary file and keeps the old file', async (code, method) => {
    const file = join(dir, 'cache.bin');
    await writeFile(file, 'old');
    const proto = (await fileHandlePrototype()) as Record<
      'writeFile' | 'sync',
      (...args: unknown[]) => Promise<unknown>
    >;
    const real = proto.writeFile;
    vi.spyOn(proto, method as 'writeFile' | 'sync').mockImplementation(async function (this: unknown) {
      // As on a full disk: part of the data reaches the file, then the call fails.
      if (method === 'writeFile') await real.call(this, new Uint8Array(64 * 1024));
      throw errno(code, method === 'writeFile' ? 'write' : 'fsync');
    });
    await expect(writeFileAtomic(file, new Uint8Array(256 * 1024))).rejects.toMatchObject({ code });
    vi.restoreAllMocks();
    expect(await readdir(dir)).toEqual(['cache.bin']);
    expect(await readFile(file, 'utf8')).toBe('old');
  });

  it('a rename that fails (a folder at the target path) leaves no temporary file', async () => {
    const file = join(dir, 'cache.bin');
    await mkdir(file);
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['cache.bin']);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes the temporary files of processes that died mid-write, keeps live ones and other files', async () => {
    const dead = await deadPid();
    const stale = `cache.bin.${dead}.0123abcd.tmp`;
    const live = `cache.bin.${process.pid}.89abcdef.tmp`;
    for (const name of [stale, live, 'cache.bin', 'notes.tmp']) await writeFile(join(dir, name), 'x');
    const logs: string[] = [];
    const removed = await removeStaleTempFiles(dir, (m) => logs.push(m));
    expect(removed).toEqual([join(dir, stale)]);
    expect((await readdir(dir)).sort()).toEqual(['cache.bin', live, 'notes.tmp'].sort());
    expect(logs.join('\n')).toContain(stale);
  });

  it('a missing folder or a file in its place is not an error', async () => {
    await expect(removeStaleTempFiles(join(dir, 'missing'))).resolves.toEqual([]);
    await writeFile(join(dir, 'file'), 'x');
    await expect(removeStaleTempFiles(join(dir, 'file'))).resolves.toEqual([]);
  });
});

describe('set-aside files', () => {
  it('readOrSetAside renames a corrupt file and keeps only the newest few, within the byte cap', async () => {
    const file = join(dir, 'index.bin');
    const logs: string[] = [];
    const parse = (raw: Buffer) => {
      if (raw.toString() !== 'good') throw new Error('bad data');
      return 'ok';
    };
    for (let i = 0; i < 6; i++) {
      await writeFile(file, `corrupt ${i} `.repeat(100));
      expect(await readOrSetAside(file, parse, (m) => logs.push(m), { maxFiles: 3, maxBytes: 1 << 20 })).toBe(
        undefined,
      );
    }
    const aside = (await readdir(dir)).filter((n) => n.includes('.corrupt-'));
    expect(aside).toHaveLength(3);
    // The newest three are the ones kept.
    const kept = await Promise.all(aside.map((n) => readFile(join(dir, n), 'utf8')));
    expect(kept.map((t) => t.split(' ')[1]).sort()).toEqual(['3', '4', '5']);
    expect(logs.filter((m) => m.includes('set aside'))).toHaveLength(6);
    expect(logs.filter((m) => m.includes('removed old set-aside'))).toHaveLength(3);
  });

  it('pruneSetAside bounds the bytes too, newest first, and leaves other files alone', async () => {
    const names = ['a.bin.corrupt-1000', 'a.bin.corrupt-2000', 'b.bin.corrupt-3000'];
    for (const [i, name] of names.entries()) {
      await writeFile(join(dir, name), Buffer.alloc(400));
      const t = new Date(1_700_000_000_000 + i * 1000);
      await utimes(join(dir, name), t, t);
    }
    await writeFile(join(dir, 'a.bin'), Buffer.alloc(5000));
    const removed = await pruneSetAside(dir, { maxFiles: 10, maxBytes: 900 });
    expect(removed).toEqual([join(dir, 'a.bin.corrupt-1000')]);
    expect((await readdir(dir)).sort()).toEqual(['a.bin', 'a.bin.corrupt-2000', 'b.bin.corrupt-3000']);
    expect((await stat(join(dir, 'a.bin'))).size).toBe(5000);
  });
});

describe('checksummed records', () => {
  const payload = new Uint8Array(10_000).map((_, i) => (i * 7) % 251);

  it('round-trip, and the payload comes back 4-byte aligned', async () => {
    const file = join(dir, 'r.bin');
    await writeRecordAtomic(file, payload);
    const outcome = await readRecord(file, (bytes) => bytes);
    expect(outcome.kind).toBe('ok');
    const bytes = (outcome as { value: Uint8Array }).value;
    expect(bytes.byteOffset % 4).toBe(0);
    expect([...bytes]).toEqual([...payload]);
  });

  it('refuses a flipped bit anywhere, a truncation and a foreign file', () => {
    const sealed = Buffer.concat(sealRecord(payload));
    expect([...openRecord(sealed)]).toEqual([...payload]);
    for (const at of [0, 9, 20, 47, 48, 5000, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at] ^= 0x10;
      expect(() => openRecord(bad), `byte ${at}`).toThrow(/record/);
    }
    expect(() => openRecord(sealed.subarray(0, sealed.length - 1))).toThrow(/record/);
    expect(() => openRecord(Buffer.concat([sealed, Buffer.from([0])]))).toThrow(/record/);
    expect(() => openRecord(Buffer.from('{"json": true}'))).toThrow(/record/);
  });

  it('readRecord sets a corrupt record aside, reports a missing one and an unreadable path', async () => {
    const file = join(dir, 'r.bin');
    await writeRecordAtomic(file, payload);
    const raw = await readFile(file);
    raw[100] ^= 1;
    await writeFile(file, raw);
    const logs: string[] = [];
    const corrupt = await readRecord(file, (b) => b, { log: (m) => logs.push(m) });
    expect(corrupt.kind).toBe('set-aside');
    expect(await readdir(dir)).toEqual([expect.stringMatching(/^r\.bin\.corrupt-\d+$/)]);
    expect(logs.join()).toMatch(/checksum/);
    expect((await readRecord(file, (b) => b)).kind).toBe('missing');
    await mkdir(file);
    const unreadable = await readRecord(file, (b) => b);
    expect(unreadable).toMatchObject({ kind: 'unreadable', error: { code: 'EISDIR' } });
  });
});
