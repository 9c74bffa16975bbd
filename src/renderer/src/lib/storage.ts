/**
 * The renderer's own small memory (Chromium's localStorage, kept in the app's profile across
 * restarts): view preferences that only this window needs, such as the trainer's last visit to
 * 변경 사항 and the diff layout. Nothing here is a setting IT deploys or main needs, so it does not
 * cross the IPC boundary. Storage that is unavailable or holds garbage reads as "nothing stored".
 */

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The stored value for `key` if `valid` accepts it, else null. */
export function readStored<T>(key: string, valid: (value: unknown) => value is T): T | null {
  try {
    const raw = storage()?.getItem(key);
    if (raw === null || raw === undefined) return null;
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

/** Stores `value` under `key`; a full or unavailable storage only loses the memory. */
export function writeStored(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the window works the same without the memory.
  }
}
