/**
 * Files that survive crashes, full disks and corruption (Node, no Electron):
 *
 * - `writeFileAtomic`: temp file, fsync, rename, so a crash leaves the old or the new file, never
 *   half of one; a write that fails removes its temp file. `removeStaleTempFiles` removes the
 *   temp files of processes that died mid-write (run it when a service starts).
 * - `readFileOutcome` / `readOrSetAside`: a file that fails to parse is renamed
 *   `<name>.corrupt-<ms>` (kept for inspection) and reported; `pruneSetAside` keeps only the
 *   newest few of those, within a byte cap.
 * - Checksummed records (`sealRecord`, `openRecord`, `writeRecordAtomic`, `readRecord`): a
 *   payload behind a header with its length and SHA-256, so any flipped byte, truncation or
 *   foreign file is refused before a parser sees it. Every persisted cache uses them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';

type Log = (message: string) => void;
const quiet: Log = () => {};

/** Temp files are `<target>.<pid>.<8 hex>.tmp`, so a later start can tell whose they were. */
const TEMP_NAME = /^.+\.(\d+)\.[0-9a-f]{8}\.tmp$/;
const SET_ASIDE_NAME = /\.corrupt-(\d+)$/;

/**
 * Writes `data` (one buffer, a string, or buffers written one after another) via a temp file,
 * fsync and rename. On any failure the temp file is removed and the error thrown; the file at
 * `path`, if any, is untouched.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let handle: FileHandle | null = null;
  let renamed = false;
  try {
    handle = await open(temp, 'w');
    const chunks = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
    // Sequential writeFile calls on one handle append at its current position.
    for (const chunk of chunks) await handle.writeFile(chunk);
    await handle.sync();
    const closing = handle;
    handle = null;
    await closing.close();
    await rename(temp, path);
    renamed = true;
  } finally {
    if (handle) await handle.close().catch(() => {});
    if (!renamed) await unlink(temp).catch(() => {});
  }
}

/**
 * Removes the temp files in `dir` left by processes that are no longer running (a crash or a
 * power cut mid-write). Those of live processes (this one included) may still be in flight and
 * are kept. Returns the removed paths; a missing or unreadable folder removes nothing.
 */
export async function removeStaleTempFiles(dir: string, log: Log = quiet): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await listFolder(dir)) {
    const match = TEMP_NAME.exec(name);
    if (!match || processAlive(Number(match[1]))) continue;
    const path = join(dir, name);
    try {
      if (!(await lstat(path)).isFile()) continue;
      await unlink(path);
      removed.push(path);
      log(`removed stale temporary file ${path} (left by process ${match[1]})`);
    } catch (error) {
      log(`could not remove stale temporary file ${path}: ${(error as Error).message}`);
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function listFolder(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

/** How many set-aside files a folder keeps, newest first: at most `maxFiles` and `maxBytes` together. */
export interface SetAsidePolicy {
  maxFiles: number;
  maxBytes: number;
}

export const DEFAULT_SET_ASIDE: SetAsidePolicy = { maxFiles: 3, maxBytes: 160 * 1024 * 1024 };

/**
 * Removes the oldest `*.corrupt-<ms>` files of `dir` beyond the policy (newest kept first; a
 * file that alone exceeds the byte cap is removed too). Folders are never removed. Returns the
 * removed paths.
 */
export async function pruneSetAside(dir: string, policy: SetAsidePolicy = DEFAULT_SET_ASIDE, log: Log = quiet) {
  const found: { path: string; at: number; size: number }[] = [];
  for (const name of await listFolder(dir)) {
    const match = SET_ASIDE_NAME.exec(name);
    if (!match) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => null);
    if (info?.isFile()) found.push({ path, at: Number(match[1]), size: info.size });
  }
  found.sort((a, b) => b.at - a.at);
  const removed: string[] = [];
  let files = 0;
  let bytes = 0;
  for (const file of found) {
    if (files < policy.maxFiles && bytes + file.size <= policy.maxBytes) {
      files++;
      bytes += file.size;
      continue;
    }
    try {
      await unlink(file.path);
      removed.push(file.path);
      log(`removed old set-aside file ${file.path} (keeping ${policy.maxFiles} files, ${policy.maxBytes} bytes)`);
    } catch (error) {
      log(`could not remove old set-aside file ${file.path}: ${(error as Error).message}`);
    }
  }
  return removed;
}

let lastSetAsideAt = 0;

/** A set-aside name unique within this process even for two files set aside in one millisecond. */
function setAsidePath(path: string): string {
  lastSetAsideAt = Math.max(Date.now(), lastSetAsideAt + 1);
  return `${path}.corrupt-${lastSetAsideAt}`;
}

/** What reading a file gave. */
export type ReadOutcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'missing' }
  /** It exists but cannot be read (a folder in its place, a file where its folder should be, EACCES, EIO). */
  | { kind: 'unreadable'; error: NodeJS.ErrnoException }
  /** It failed to parse: renamed to `asidePath` (null when even the rename failed). */
  | { kind: 'set-aside'; error: Error; asidePath: string | null };

export interface ReadOptions {
  log?: Log;
  setAside?: SetAsidePolicy;
}

/** Reads and parses `path`; never throws for what the file system or the data did. */
export async function readFileOutcome<T>(
  path: string,
  parse: (raw: Buffer) => T,
  { log = quiet, setAside = DEFAULT_SET_ASIDE }: ReadOptions = {},
): Promise<ReadOutcome<T>> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    return failure.code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', error: failure };
  }
  try {
    return { kind: 'ok', value: parse(raw) };
  } catch (error) {
    const aside = setAsidePath(path);
    try {
      await rename(path, aside);
      log(`${path} could not be read (${(error as Error).message}); set aside as ${aside}`);
      await pruneSetAside(dirname(path), setAside, log);
      return { kind: 'set-aside', error: error as Error, asidePath: aside };
    } catch (renameError) {
      log(`${path} could not be read (${(error as Error).message}) nor set aside: ${(renameError as Error).message}`);
      return { kind: 'set-aside', error: error as Error, asidePath: null };
    }
  }
}

/**
 * Reads and parses a file. A missing file gives `undefined`; a file that fails to parse is set
 * aside (see `readFileOutcome`) and also gives `undefined`; a file that cannot be read throws.
 */
export async function readOrSetAside<T>(
  path: string,
  parse: (raw: Buffer) => T,
  log: Log = quiet,
  setAside: SetAsidePolicy = DEFAULT_SET_ASIDE,
): Promise<T | undefined> {
  const outcome = await readFileOutcome(path, parse, { log, setAside });
  if (outcome.kind === 'unreadable') throw outcome.error;
  return outcome.kind === 'ok' ? outcome.value : undefined;
}

// Checksummed records. Little-endian header of RECORD_HEADER bytes, then the payload:
//   u32 RECORD_MAGIC ('GDRC')   u32 RECORD_VERSION   u32 payload length (low)   u32 (high)
//   32 bytes: SHA-256 of the payload
// The header is a multiple of 8 bytes, so the payload of an aligned buffer stays aligned.

const RECORD_MAGIC = 0x43524447; // 'GDRC' read as little-endian bytes
const RECORD_VERSION = 1;
const RECORD_HEADER = 48;

/** Thrown when a record's bytes are not exactly what `sealRecord` wrote. */
export class CorruptRecordError extends Error {}

function digest(payload: Uint8Array): Buffer {
  return createHash('sha256').update(payload).digest();
}

/** The header and the payload to write one after the other (the payload is not copied). */
export function sealRecord(payload: Uint8Array): [Uint8Array, Uint8Array] {
  const header = Buffer.alloc(RECORD_HEADER);
  header.writeUInt32LE(RECORD_MAGIC, 0);
  header.writeUInt32LE(RECORD_VERSION, 4);
  header.writeUInt32LE(payload.length % 2 ** 32, 8);
  header.writeUInt32LE(Math.floor(payload.length / 2 ** 32), 12);
  digest(payload).copy(header, 16);
  return [header, payload];
}

/** The payload of a sealed record (a view, not a copy); throws `CorruptRecordError` on any mismatch. */
export function openRecord(raw: Uint8Array): Uint8Array {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (bytes.length < RECORD_HEADER || bytes.readUInt32LE(0) !== RECORD_MAGIC)
    throw new CorruptRecordError('not a checksummed record');
  if (bytes.readUInt32LE(4) !== RECORD_VERSION) throw new CorruptRecordError('record: unknown record version');
  const length = bytes.readUInt32LE(8) + bytes.readUInt32LE(12) * 2 ** 32;
  if (length !== bytes.length - RECORD_HEADER)
    throw new CorruptRecordError(`record: ${bytes.length - RECORD_HEADER} payload bytes, header says ${length}`);
  const payload = raw.subarray(RECORD_HEADER);
  if (!digest(payload).equals(bytes.subarray(16, RECORD_HEADER)))
    throw new CorruptRecordError('record: checksum mismatch (the file is corrupt)');
  return payload;
}

/** `writeFileAtomic` of a sealed record. */
export function writeRecordAtomic(path: string, payload: Uint8Array): Promise<void> {
  return writeFileAtomic(path, sealRecord(payload));
}

/** `readFileOutcome` of a sealed record: `parse` sees only a payload whose checksum matched. */
export function readRecord<T>(
  path: string,
  parse: (payload: Uint8Array) => T,
  options?: ReadOptions,
): Promise<ReadOutcome<T>> {
  return readFileOutcome(path, (raw) => parse(openRecord(raw)), options);
}
