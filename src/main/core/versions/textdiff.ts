/**
 * Text-diff building blocks for guide diffs: Korean-aware word spans, sentence splitting,
 * similarity, and an order-preserving list alignment that pairs reworded items instead of
 * reporting them as a removal plus an addition.
 */
import { diffArrays } from 'diff';
import type { DiffSpan } from '../../../shared/guide';

/**
 * Tokens for word-level marks. Korean words are space-separated eojeol, so a token is a whole
 * run of letters/digits (Hangul included: `주차권을` is one token, never one token per syllable as
 * jsdiff's Latin-oriented word splitter would give), a run of whitespace, or one other character.
 * Joining the tokens gives back the input exactly.
 */
const TOKEN_RE = /\s+|[\p{L}\p{N}\p{M}_]+|[^\s\p{L}\p{N}\p{M}_]/gu;

export function tokenize(s: string): string[] {
  return s.match(TOKEN_RE) ?? [];
}

/** A `same` run this short and word-less between two edits is absorbed into the edit. */
function isGlue(text: string): boolean {
  return /^\s+$/.test(text) || (text.length === 1 && !/[\p{L}\p{N}]/u.test(text));
}

/**
 * Word-level spans turning `before` into `after`. Guarantees: the `same` + `removed` runs concatenate
 * to `before`; the `same` + `added` runs concatenate to `after`; adjacent runs never share a kind,
 * and inside one edit the removed run comes before the added run.
 */
export function wordSpans(before: string, after: string): DiffSpan[] {
  const parts = boundedDiff(tokenize(before), tokenize(after));
  let spans: DiffSpan[] = parts.map((p) => ({
    kind: p.added ? 'added' : p.removed ? 'removed' : 'same',
    text: p.value.join(''),
  }));
  // Absorb whitespace/punctuation glue sitting between two edits so `24.12.31` → `25.6.30` reads as
  // one replaced run rather than three, and two replaced Korean words read as one phrase.
  const glued: DiffSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const prevEdit = glued.length > 0 && glued[glued.length - 1].kind !== 'same';
    const nextEdit = i + 1 < spans.length && spans[i + 1].kind !== 'same';
    if (s.kind === 'same' && prevEdit && nextEdit && isGlue(s.text)) {
      glued.push({ kind: 'removed', text: s.text }, { kind: 'added', text: s.text });
    } else {
      glued.push(s);
    }
  }
  spans = glued;
  // Reorder each edit cluster to removed-then-added and merge runs of one kind.
  const out: DiffSpan[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const s of spans) {
    if (!s.text) continue;
    if (s.kind === 'removed') removed += s.text;
    else if (s.kind === 'added') added += s.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last && last.kind === 'same') last.text += s.text;
      else out.push({ kind: 'same', text: s.text });
    }
  }
  flush();
  return out;
}

/**
 * Sentences (or lines) of a script text, trimmed, empty ones dropped. A unit ends at a line break,
 * or at `.` `?` `!` followed by whitespace (so `3.5` and `24.12.31` stay whole). Each unit is a
 * verbatim substring of the input.
 */
export function splitSentences(text: string): string[] {
  const units: string[] = [];
  let start = 0;
  const push = (end: number) => {
    const u = text.slice(start, end).trim();
    if (u) units.push(u);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') push(i + 1);
    else if ((ch === '.' || ch === '?' || ch === '!') && (i + 1 === text.length || /\s/.test(text[i + 1]))) push(i + 1);
  }
  push(text.length);
  return units;
}

/** Non-blank lines, trimmed, with their 1-based line numbers. */
export function splitLines(text: string): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text.length > 0);
}

function bigrams(s: string): Map<string, number> {
  const t = s.replace(/\s+/g, '');
  const m = new Map<string, number>();
  if (t.length === 1) m.set(t, 1);
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character bigrams, whitespace ignored: 1 = same letters, 0 = nothing shared. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let nx = 0;
  let ny = 0;
  let both = 0;
  for (const c of x.values()) nx += c;
  for (const [g, c] of y) {
    ny += c;
    both += Math.min(c, x.get(g) ?? 0);
  }
  if (nx + ny === 0) return 1;
  return (2 * both) / (nx + ny);
}

export type AlignOp<T> =
  | { kind: 'pair'; a: T; b: T; ai: number; bi: number }
  | { kind: 'removed'; a: T; ai: number }
  | { kind: 'added'; b: T; bi: number };

/** Above this many candidate pairs in one edit block, reworded items are not paired (cost guard). */
const MAX_PAIRING_CELLS = 40_000;

/** Above this many edits the middle of two lists is reported as replaced wholesale (cost guard). */
const MAX_EDITS = 1_000;

type Part = { value: string[]; added: boolean; removed: boolean; count: number };

/**
 * diffArrays with a cost bound: the common prefix and suffix are kept; if the middle needs more than
 * MAX_EDITS edits it becomes one removed run and one added run instead of an expensive exact diff.
 */
function boundedDiff(a: string[], b: string[]): Part[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  const same = (value: string[]): Part => ({ value, added: false, removed: false, count: value.length });
  const out: Part[] = [];
  if (pre > 0) out.push(same(a.slice(0, pre)));
  const mid = diffArrays(midA, midB, { maxEditLength: MAX_EDITS });
  if (mid) {
    for (const p of mid) out.push({ value: p.value, added: p.added, removed: p.removed, count: p.value.length });
  } else {
    if (midA.length) out.push({ value: midA, added: false, removed: true, count: midA.length });
    if (midB.length) out.push({ value: midB, added: true, removed: false, count: midB.length });
  }
  if (suf > 0) out.push(same(a.slice(a.length - suf)));
  return out;
}

/**
 * Align two lists in order. Items with equal keys are matched by LCS; within each block of unmatched
 * items, reworded items are paired (order-preserving, maximising total similarity, only pairs scoring
 * at least `threshold`). With `pairLone`, a block of exactly one removed and one added item is paired
 * whatever its similarity (a rewrite in place). The rest are `added` / `removed`. `pair` ops may
 * still differ in content.
 */
export function alignLists<T>(
  a: T[],
  b: T[],
  key: (t: T) => string,
  sim: (x: T, y: T) => number,
  threshold: number,
  pairLone = false,
): AlignOp<T>[] {
  const parts = boundedDiff(a.map(key), b.map(key));
  const ops: AlignOp<T>[] = [];
  let ai = 0;
  let bi = 0;
  let blockA: number[] = [];
  let blockB: number[] = [];
  const flushBlock = () => {
    ops.push(...pairBlock(a, b, blockA, blockB, sim, threshold, pairLone));
    blockA = [];
    blockB = [];
  };
  for (const p of parts) {
    const n = p.count;
    if (p.removed) for (let k = 0; k < n; k++) blockA.push(ai++);
    else if (p.added) for (let k = 0; k < n; k++) blockB.push(bi++);
    else {
      flushBlock();
      for (let k = 0; k < n; k++) {
        ops.push({ kind: 'pair', a: a[ai], b: b[bi], ai, bi });
        ai++;
        bi++;
      }
    }
  }
  flushBlock();
  return ops;
}

function pairBlock<T>(
  a: T[],
  b: T[],
  ia: number[],
  ib: number[],
  sim: (x: T, y: T) => number,
  threshold: number,
  pairLone: boolean,
): AlignOp<T>[] {
  const n = ia.length;
  const m = ib.length;
  const pairs: [number, number][] = [];
  if (n > 0 && m > 0 && n * m <= MAX_PAIRING_CELLS) {
    const s: number[][] = ia.map((x) => ib.map((y) => sim(a[x], b[y])));
    // best[i][j]: best total over the first i removed and first j added items.
    const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let i = 1; i <= n; i++) {
      for (let j = 1; j <= m; j++) {
        let v = Math.max(best[i - 1][j], best[i][j - 1]);
        const sc = s[i - 1][j - 1];
        if (sc >= threshold) v = Math.max(v, best[i - 1][j - 1] + sc);
        best[i][j] = v;
      }
    }
    let i = n;
    let j = m;
    while (i > 0 && j > 0) {
      const sc = s[i - 1][j - 1];
      if (sc >= threshold && best[i][j] === best[i - 1][j - 1] + sc) {
        pairs.push([i - 1, j - 1]);
        i--;
        j--;
      } else if (best[i][j] === best[i - 1][j]) i--;
      else j--;
    }
    pairs.reverse();
  }
  // One item replaced by one other in the same place reads as a rewrite, however different.
  if (pairLone && n === 1 && m === 1 && pairs.length === 0) pairs.push([0, 0]);
  const ops: AlignOp<T>[] = [];
  let x = 0;
  let y = 0;
  const emitUntil = (px: number, py: number) => {
    while (x < px) ops.push({ kind: 'removed', a: a[ia[x]], ai: ia[x++] });
    while (y < py) ops.push({ kind: 'added', b: b[ib[y]], bi: ib[y++] });
  };
  for (const [px, py] of pairs) {
    emitUntil(px, py);
    ops.push({ kind: 'pair', a: a[ia[px]], b: b[ib[py]], ai: ia[px], bi: ib[py] });
    x = px + 1;
    y = py + 1;
  }
  emitUntil(n, m);
  return ops;
}
