/**
 * Reads the content folder from disk (Node IO, no Electron). Produces `LoadedFile`s for core/library.
 * Guides are `.md` files; other files (synonyms.txt, images, data) are not guides and are skipped.
 *
 * The walk's rules, each reported rather than silent:
 * - only what resolves inside the content folder is read: a symlink (to a file or a folder) whose
 *   target lies outside is reported as `outside-content` and not followed;
 * - the walk is bounded (files, bytes, entries looked at, folder depth): past a bound on files,
 *   bytes or entries the rest is reported once as `walk-limit` and never read; a folder nested too
 *   deep is left out with its own `walk-limit`;
 * - names are taken as the disk spells them: a name that is not valid UTF-8 is read by its bytes
 *   and reported as `name-not-utf8` (shown with U+FFFD in place of the bad bytes); a `\` in a POSIX
 *   name is part of the name (`a\b.md`), only the platform's separator splits a path.
 */
import { promises as fsp, type Dirent } from 'node:fs';
import * as nodePath from 'node:path';
import type { Problem } from '../../shared/guide';
import type { LoadedFile } from '../core/library';

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Bounds of one walk: far above a real guide pack (20,000 versions are ~85 MB), far below a disk. */
export const DEFAULT_WALK_LIMITS = {
  maxFiles: 100_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntries: 500_000,
  maxDepth: 32,
} as const;

export interface ReadOptions {
  maxFileBytes?: number;
  /** Most guide files read in one walk. */
  maxFiles?: number;
  /** Most bytes read in one walk, over all files. */
  maxTotalBytes?: number;
  /** Most folder entries looked at in one walk (guides or not). */
  maxEntries?: number;
  /** Deepest folder level walked below the root (the root's own files are level 0). */
  maxDepth?: number;
}

type FsPath = string | Buffer;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8');

/** A name as the disk spells it, and how it is shown: NFC, U+FFFD where its bytes are not UTF-8. */
interface EntryName {
  raw: Buffer;
  shown: string;
  utf8: boolean;
}

function entryName(raw: Buffer): EntryName {
  try {
    return { raw, shown: utf8Strict.decode(raw).normalize('NFC'), utf8: true };
  } catch {
    return { raw, shown: utf8Lossy.decode(raw).normalize('NFC'), utf8: false };
  }
}

function isGuideName(name: string): boolean {
  return /\.md$/i.test(name) && !name.startsWith('.');
}

/** `dir` + the platform separator + `name`, as bytes, so that names that are not UTF-8 still open. */
function childPath(dir: Buffer, name: Buffer): Buffer {
  return Buffer.concat([dir, Buffer.from(nodePath.sep), name]);
}

/** True when the real path `real` is `realRoot` itself or lies below it. */
function isInside(realRoot: Buffer, real: Buffer): boolean {
  if (real.equals(realRoot)) return true;
  const prefix = Buffer.concat([realRoot, Buffer.from(nodePath.sep)]);
  return real.length > prefix.length && real.subarray(0, prefix.length).equals(prefix);
}

function errorProblem(code: string, message: string): Problem {
  return { severity: 'error', code, message };
}

function hex(bytes: Buffer): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

async function readOne(abs: FsPath, rel: string, maxFileBytes: number): Promise<LoadedFile> {
  let handle: Awaited<ReturnType<typeof fsp.open>> | null = null;
  try {
    handle = await fsp.open(abs, 'r');
    const st = await handle.stat();
    if (!st.isFile()) return { path: rel, error: errorProblem('unreadable', 'Not a regular file.') };
    if (st.size > maxFileBytes) {
      return {
        path: rel,
        error: errorProblem(
          'too-large',
          `The file is ${st.size.toLocaleString('en')} bytes, over the ${maxFileBytes.toLocaleString('en')}-byte limit for one guide. Split it into smaller guides.`,
        ),
      };
    }
    // Read at most one byte over the limit, in case the file grew since stat.
    const buf = Buffer.alloc(Math.min(st.size, maxFileBytes) + 1);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, total, buf.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total >= buf.length) break;
    }
    if (total > maxFileBytes) {
      return {
        path: rel,
        error: errorProblem(
          'too-large',
          `The file is over the ${maxFileBytes.toLocaleString('en')}-byte limit for one guide.`,
        ),
      };
    }
    return { path: rel, bytes: new Uint8Array(buf.buffer, buf.byteOffset, total) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    const hint = code === 'EACCES' || code === 'EPERM' ? ' Check its permissions.' : '';
    return { path: rel, error: errorProblem('unreadable', `The file cannot be read (${code}).${hint}`) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** One walk of a content folder: its bounds, what it has seen, what it found. */
class FolderWalk {
  readonly out: LoadedFile[] = [];
  private readonly visitedDirs = new Set<string>();
  private readonly visitedFiles = new Set<string>();
  private files = 0;
  private bytes = 0;
  private entries = 0;
  private stopped: string | null = null;
  private readonly limits: Required<ReadOptions>;

  constructor(
    private readonly realRoot: Buffer,
    options: ReadOptions | undefined,
  ) {
    this.limits = { maxFileBytes: DEFAULT_MAX_FILE_BYTES, ...DEFAULT_WALK_LIMITS, ...options };
  }

  /** Reports the first bound reached, once, at the path where the walk stopped. */
  private stop(rel: string, what: string): void {
    if (this.stopped) return;
    this.stopped = what;
    this.out.push({
      path: rel,
      error: errorProblem(
        'walk-limit',
        `The content folder is larger than GuideDesk reads (${what}); reading stopped here and the rest was not read. Keep only guides in the folder.`,
      ),
    });
  }

  /** Where a symlink resolves, or null when it dangles; an outside target is reported here. */
  private async followLink(abs: Buffer, rel: string): Promise<Buffer | null> {
    let real: Buffer;
    try {
      real = await fsp.realpath(abs, { encoding: 'buffer' });
    } catch {
      return null; // dangling: nothing to read
    }
    if (isInside(this.realRoot, real)) return real;
    this.out.push({
      path: rel,
      error: errorProblem(
        'outside-content',
        `This link points outside the content folder (to ${utf8Lossy.decode(real)}); it is not read. Copy the guide into the folder instead.`,
      ),
    });
    return null;
  }

  async walk(dir: Buffer, rel: string, depth: number): Promise<void> {
    const real = await fsp.realpath(dir, { encoding: 'buffer' }).catch(() => null);
    if (!real || this.visitedDirs.has(real.toString('latin1'))) return;
    this.visitedDirs.add(real.toString('latin1'));
    let entries: Dirent<Buffer>[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      if (depth === 0) throw e;
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      this.out.push({ path: rel, error: errorProblem('unreadable', `The folder cannot be read (${code}).`) });
      return;
    }
    // Real entries before symlinks, so a file reachable both ways keeps its real path.
    const named = entries
      .map((entry) => ({ entry, name: entryName(entry.name) }))
      .sort(
        (a, b) =>
          Number(a.entry.isSymbolicLink()) - Number(b.entry.isSymbolicLink()) || Buffer.compare(a.name.raw, b.name.raw),
      );
    for (const { entry, name } of named) {
      if (this.stopped) return;
      if (name.shown.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${name.shown}` : name.shown;
      if (++this.entries > this.limits.maxEntries) return this.stop(childRel, `over ${this.limits.maxEntries} entries`);
      await this.visit(entry, name, childPath(dir, name.raw), childRel, depth);
    }
  }

  private async visit(entry: Dirent<Buffer>, name: EntryName, abs: Buffer, rel: string, depth: number): Promise<void> {
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let real: Buffer | null = null;
    if (entry.isSymbolicLink()) {
      if (!isGuideName(name.shown)) {
        // Only folders and guides are followed; a link to anything else is not looked at.
        const st = await fsp.stat(abs).catch(() => null);
        if (!st?.isDirectory()) return;
      }
      real = await this.followLink(abs, rel);
      if (!real) return;
      const st = await fsp.stat(real).catch(() => null);
      isDir = st?.isDirectory() ?? false;
      isFile = st?.isFile() ?? false;
    }
    if (isDir) {
      if (depth + 1 <= this.limits.maxDepth) return this.walk(abs, rel, depth + 1);
      // Too deep: this folder is left out (and said so); the walk goes on beside it.
      this.out.push({
        path: rel,
        error: errorProblem(
          'walk-limit',
          `Folders nested over ${this.limits.maxDepth} deep are not read; this folder was left out. Keep guides in shallower folders.`,
        ),
      });
      return;
    }
    if (!isFile || !isGuideName(name.shown)) return;
    real ??= await fsp.realpath(abs, { encoding: 'buffer' }).catch(() => abs);
    if (this.visitedFiles.has(real.toString('latin1'))) return;
    this.visitedFiles.add(real.toString('latin1'));
    if (++this.files > this.limits.maxFiles) return this.stop(rel, `over ${this.limits.maxFiles} guide files`);
    const file = await readOne(abs, rel, this.limits.maxFileBytes);
    if ('bytes' in file) {
      this.bytes += file.bytes.length;
      if (this.bytes > this.limits.maxTotalBytes)
        return this.stop(rel, `over ${this.limits.maxTotalBytes.toLocaleString('en')} bytes in all`);
    }
    this.out.push(name.utf8 ? file : withNameWarning(file, name));
  }
}

/** A file whose name is not UTF-8: read by its bytes, shown with U+FFFD, and the author told. */
function withNameWarning(file: LoadedFile, name: EntryName): LoadedFile {
  const problem: Problem = {
    severity: 'warning',
    code: 'name-not-utf8',
    message: `The file name is not valid UTF-8 (bytes ${hex(name.raw)}); it is shown as "${name.shown}". Rename it (save the name in UTF-8).`,
  };
  if ('error' in file) return file;
  return { ...file, problems: [problem] };
}

/**
 * Every `.md` guide under `root`, recursively. Dot-folders and dot-files are skipped; symlinks are
 * followed only to targets inside the folder, and each real folder and real file is visited once (no
 * loops, no duplicates). Paths are relative to `root`, `/`-separated, NFC; files are opened by their
 * on-disk name. A file that cannot be read, a link that leaves the folder, and the place where a walk
 * bound stopped reading become `LoadedFile`s with an error problem; only a missing or unreadable
 * `root` rejects.
 */
export async function readContentFolder(root: string, options?: ReadOptions): Promise<LoadedFile[]> {
  const absRoot = nodePath.resolve(root);
  // A missing or unreadable root is the caller's input error, not a file problem: reject.
  const st = await fsp.stat(absRoot);
  if (!st.isDirectory()) throw new Error(`Content folder is not a folder: ${root}`);
  const realRoot = await fsp.realpath(absRoot, { encoding: 'buffer' });
  const walk = new FolderWalk(realRoot, options);
  await walk.walk(Buffer.from(absRoot), '', 0);
  return walk.out;
}

/** The path's segments: only `/` and the platform's own separator split (a `\` is a name character on POSIX). */
function segmentsOf(relPath: string): string[] {
  const separators = nodePath.sep === '\\' ? /[\\/]/ : /\//;
  return relPath
    .normalize('NFC')
    .split(separators)
    .filter((s) => s !== '' && s !== '.');
}

/**
 * One file by its path relative to `root` (NFC or not). The on-disk name may be spelled differently
 * (NFD on macOS, or bytes that are not UTF-8, shown as the walk shows them): it is looked up as the
 * walk names it. Paths leaving `root`, by `..`, an absolute path or a symlink, are refused.
 */
export async function readContentFile(root: string, relPath: string, options?: ReadOptions): Promise<LoadedFile> {
  const maxFileBytes = options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const absRoot = nodePath.resolve(root);
  const segments = segmentsOf(relPath);
  const wanted = segments.join('/');
  if (segments.some((s) => s === '..' || s.includes('\0')) || nodePath.isAbsolute(relPath)) {
    return { path: wanted, error: errorProblem('outside-content', 'The path leaves the content folder.') };
  }
  let dir: Buffer = Buffer.from(absRoot);
  let name: EntryName | null = null;
  for (const seg of segments) {
    let names: EntryName[];
    try {
      names = (await fsp.readdir(dir, { encoding: 'buffer' })).map(entryName);
    } catch {
      return { path: wanted, error: errorProblem('unreadable', 'The folder cannot be read.') };
    }
    name = names.find((n) => n.shown === seg) ?? null;
    if (!name) return { path: wanted, error: errorProblem('not-found', 'No such file in the content folder.') };
    dir = childPath(dir, name.raw);
  }
  const realRoot = await fsp.realpath(absRoot, { encoding: 'buffer' }).catch(() => null);
  const real = await fsp.realpath(dir, { encoding: 'buffer' }).catch(() => null);
  if (realRoot && real && !isInside(realRoot, real)) {
    return {
      path: wanted,
      error: errorProblem('outside-content', 'The file is a link to outside the content folder.'),
    };
  }
  const file = await readOne(dir, wanted, maxFileBytes);
  return name && !name.utf8 ? withNameWarning(file, name) : file;
}
