/**
 * Reads the content folder from disk (Node IO, no Electron). Produces `LoadedFile`s for core/library.
 * Guides are `.md` files; other files (synonyms.txt, images, data) are not guides and are skipped.
 */
import { promises as fsp } from 'node:fs';
import * as nodePath from 'node:path';
import type { Problem } from '../../shared/guide';
import type { LoadedFile } from '../core/library';

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface ReadOptions {
  maxFileBytes?: number;
}

function isGuideName(name: string): boolean {
  return /\.md$/i.test(name) && !name.startsWith('.');
}

function toRel(root: string, abs: string): string {
  return nodePath.relative(root, abs).split(nodePath.sep).join('/').normalize('NFC');
}

function errorProblem(code: string, message: string): Problem {
  return { severity: 'error', code, message };
}

async function readOne(abs: string, rel: string, maxFileBytes: number): Promise<LoadedFile> {
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
    return {
      path: rel,
      error: errorProblem('unreadable', `The file cannot be read (${code}). Check its permissions.`),
    };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Every `.md` guide under `root`, recursively. Dot-folders and dot-files are skipped; folder symlinks are
 * followed but each real folder and real file is visited once (no loops, no duplicates). Paths are
 * relative to `root`, `/`-separated, NFC; files are opened by their on-disk name. A file that cannot be
 * read becomes a `LoadedFile` with an error problem; only a missing or unreadable `root` rejects.
 */
export async function readContentFolder(root: string, options?: ReadOptions): Promise<LoadedFile[]> {
  const maxFileBytes = options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const absRoot = nodePath.resolve(root);
  const out: LoadedFile[] = [];
  const visitedDirs = new Set<string>();
  const visitedFiles = new Set<string>();

  async function walk(dir: string): Promise<void> {
    let real: string;
    try {
      real = await fsp.realpath(dir);
    } catch {
      return;
    }
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (dir !== absRoot) {
        out.push({
          path: toRel(absRoot, dir),
          error: errorProblem(
            'unreadable',
            `The folder cannot be read (${(e as NodeJS.ErrnoException).code ?? 'EIO'}).`,
          ),
        });
        return;
      }
      throw e;
    }
    // Real entries before symlinks, so a file reachable both ways keeps its real path.
    entries.sort(
      (a, b) =>
        Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = nodePath.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = await fsp.stat(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) {
        await walk(abs);
      } else if (isFile && isGuideName(entry.name)) {
        let realFile = abs;
        try {
          realFile = await fsp.realpath(abs);
        } catch {
          /* read error is reported by readOne */
        }
        if (visitedFiles.has(realFile)) continue;
        visitedFiles.add(realFile);
        out.push(await readOne(abs, toRel(absRoot, abs), maxFileBytes));
      }
    }
  }

  // A missing or unreadable root is the caller's input error, not a file problem: reject.
  const st = await fsp.stat(absRoot);
  if (!st.isDirectory()) throw new Error(`Content folder is not a folder: ${root}`);
  await fsp.readdir(absRoot);
  await walk(absRoot);
  return out;
}

/**
 * One file by its path relative to `root` (NFC or not). The on-disk name may be spelled differently
 * (NFD on macOS): it is looked up by NFC comparison. Paths leaving `root` are refused.
 */
export async function readContentFile(root: string, relPath: string, options?: ReadOptions): Promise<LoadedFile> {
  const maxFileBytes = options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const absRoot = nodePath.resolve(root);
  const wanted = relPath.replace(/\\/g, '/').normalize('NFC');
  const segments = wanted.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..') || nodePath.isAbsolute(relPath)) {
    return { path: wanted, error: errorProblem('outside-content', 'The path leaves the content folder.') };
  }
  let dir = absRoot;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    let names: string[];
    try {
      names = await fsp.readdir(dir);
    } catch {
      return { path: wanted, error: errorProblem('unreadable', 'The folder cannot be read.') };
    }
    const hit = names.find((n) => n === seg) ?? names.find((n) => n.normalize('NFC') === seg);
    if (!hit) return { path: wanted, error: errorProblem('not-found', 'No such file in the content folder.') };
    dir = nodePath.join(dir, hit);
  }
  return readOne(dir, segments.join('/'), maxFileBytes);
}
