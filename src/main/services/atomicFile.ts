/** Crash-safe file writes and reads that set a corrupt file aside instead of failing. */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes via a temp file, fsync and rename, so a crash leaves the old or the new file, never half. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

/**
 * Reads and parses a file. A missing file gives `undefined`; a file that fails to parse is renamed
 * to `<name>.corrupt-<time>` (kept for inspection) and also gives `undefined`.
 */
export async function readOrSetAside<T>(
  path: string,
  parse: (raw: Buffer) => T,
  log: (m: string) => void = () => {},
): Promise<T | undefined> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return parse(raw);
  } catch (error) {
    const aside = `${path}.corrupt-${Date.now()}`;
    log(`${path} could not be read (${(error as Error).message}); set aside as ${aside}`);
    await rename(path, aside).catch(() => {});
    return undefined;
  }
}
