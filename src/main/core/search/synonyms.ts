/**
 * The content pack's `content/synonyms.txt`:
 *
 *     # comment
 *     중복결제, 이중결제, 두번결제      ← a group: every word finds every other
 *     주차패스 => 자동결제, 주차권      ← one way: the left word also finds the right ones
 *
 * Keys are compared in compact form (spacing and punctuation ignored), so `이중 결제` and
 * `이중결제` are the same entry.
 */
import { compact } from './hangul';

export interface SynonymTable {
  /** compact key → display forms it expands to (never including the key itself). */
  readonly map: ReadonlyMap<string, readonly string[]>;
}

export function emptySynonyms(): SynonymTable {
  return { map: new Map() };
}

export function parseSynonyms(text: string): SynonymTable {
  const map = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const key = compact(from);
    if (!key || compact(to) === key) return;
    const list = map.get(key) ?? [];
    if (!list.some((x) => compact(x) === compact(to))) list.push(to);
    map.set(key, list);
  };
  const words = (s: string) =>
    s
      .split(/[,，]/)
      .map((w) => w.normalize('NFC').trim().replace(/\s+/g, ' '))
      .filter((w) => compact(w).length > 0);
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (!line) continue;
    const arrow = line.indexOf('=>');
    if (arrow >= 0) {
      const left = words(line.slice(0, arrow));
      const right = words(line.slice(arrow + 2));
      for (const l of left) for (const r of right) add(l, r);
    } else {
      const group = words(line);
      for (const a of group) for (const b of group) if (a !== b) add(a, b);
    }
  }
  return { map };
}

/** Expansions of one term (compact key lookup); empty when none. */
export function lookupSynonyms(table: SynonymTable | undefined, term: string): readonly string[] {
  if (!table) return [];
  return table.map.get(compact(term)) ?? [];
}
