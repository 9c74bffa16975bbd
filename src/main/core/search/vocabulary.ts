/**
 * Vocabulary and query expansion: the index words a query term may stand for. The query
 * front-end (query.ts) asks for them through `QueryContext`: words by 초성 (`ㅇㅈㄱㅈ`), by
 * pattern (mixed 초성 and half-typed syllables, see `termPattern` in hangul.ts) and by jamo edit
 * distance (typos). Words come from the layout's `vocabAll` (layout.ts), ranked by how well they
 * cover the term, then by frequency.
 */
import { boundedEditDistance, jamoOf, withinOneEdit } from './hangul';
import type { IndexLayout } from './layout';
import { bigramKey, lowerBound } from './postings';
import type { ShardTables } from './tables';

/** Matches looked at per expansion: enough for the best few words, bounded for huge vocabularies. */
const SCAN_GUARD = 5000;

export class Vocabulary {
  constructor(
    private readonly layout: IndexLayout,
    private readonly tables: ShardTables,
  ) {}

  /** Index words whose 초성 contain `cho` (consonant jamo only), best first. */
  expandChoseong(cho: string, limit: number): string[] {
    const all = this.tables.vocabChoseong;
    const starts = this.tables.vocabStarts;
    const found = new Map<number, number>();
    let guard = 0;
    const add = (pos: number): void => {
      const i = this.wordAt(pos);
      if (!found.has(i)) found.set(i, pos - starts[i]);
    };
    if (cho.length < 2) {
      let pos = all.indexOf(cho);
      while (pos >= 0 && guard++ < SCAN_GUARD) {
        add(pos);
        pos = all.indexOf(cho, pos + 1);
      }
    } else {
      // Candidates from the query's rarest character pair, verified in place, in text order.
      const { keys, start, pos } = this.tables.choseongPairs;
      let bestOff = -1;
      let bestLen = Infinity;
      let a = 0;
      for (let r = 0; r + 1 < cho.length; r++) {
        const k = lowerBound(keys, bigramKey(cho, r));
        const len = k < keys.length && keys[k] === bigramKey(cho, r) ? start[k + 1] - start[k] : 0;
        if (len < bestLen) {
          bestLen = len;
          bestOff = r;
          a = k;
        }
      }
      for (let j = 0; j < bestLen && guard < SCAN_GUARD; j++) {
        const p = pos[start[a] + j] - bestOff;
        if (p < 0 || !all.startsWith(cho, p)) continue;
        guard++;
        add(p);
      }
    }
    return this.rankWords(found, cho.length, limit);
  }

  /** Index words matching a regular expression source (one word per match), best first. */
  expandPattern(source: string, limit: number): string[] {
    let re: RegExp;
    try {
      re = new RegExp(`(?:${source})`, 'g');
    } catch {
      return [];
    }
    const all = this.layout.vocabAll;
    const starts = this.tables.vocabStarts;
    const found = new Map<number, number>();
    let m: RegExpExecArray | null;
    let guard = 0;
    let qlen = 1;
    while ((m = re.exec(all)) && guard++ < SCAN_GUARD) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (m[0].includes('\n')) continue;
      const i = this.wordAt(m.index);
      qlen = m[0].length;
      if (!found.has(i)) found.set(i, m.index - starts[i]);
    }
    return this.rankWords(found, qlen, limit);
  }

  /**
   * Index words within one jamo edit (two for long words), closest first, then most frequent.
   * A one-jamo typo leaves every other character intact, so candidates are the words sharing a
   * character with the term; only those are compared.
   */
  typoCandidates(term: string, limit: number): string[] {
    if (!(/[가-힣]/.test(term) && term.length >= 2) && !/^[a-z]{4,}$/.test(term)) return [];
    const { jamo, bySyllable } = this.tables.jamoTables;
    const freq = this.layout.vocabFreq;
    const q = jamoOf(term);
    const maxDist = q.length >= 12 ? 2 : 1;
    const seen = new Set<number>();
    const hits: { i: number; d: number }[] = [];
    for (const ch of new Set(term)) {
      for (const i of bySyllable.get(ch) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const w = jamo[i];
        if (Math.abs(w.length - q.length) > maxDist) continue;
        const d = withinOneEdit(q, w) ? (q === w ? 0 : 1) : maxDist > 1 ? boundedEditDistance(q, w, maxDist) : 99;
        if (d <= maxDist) hits.push({ i, d });
      }
    }
    hits.sort((a, b) => a.d - b.d || freq[b.i] - freq[a.i]);
    return hits.slice(0, limit).map((h) => this.tables.word(h.i));
  }

  /** Index of the word containing position pos of `vocabAll` (or of `vocabChoseong`). */
  private wordAt(pos: number): number {
    const starts = this.tables.vocabStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const m = (lo + hi + 1) >>> 1;
      if (starts[m] <= pos) lo = m;
      else hi = m - 1;
    }
    return lo;
  }

  /**
   * Ranks candidate words (word id → offset of the match in the word): whole-word and
   * word-start matches first, then frequency. A word containing one already taken adds nothing
   * (`이중결제가` after `이중결제`) and is skipped.
   */
  private rankWords(found: Map<number, number>, qlen: number, limit: number): string[] {
    // Scores from word lengths (no strings yet); only the words taken become strings.
    const n = found.size;
    const ids = new Uint32Array(n);
    const sc = new Float64Array(n);
    const va = this.layout.vocabAll;
    const starts = this.tables.vocabStarts;
    let k = 0;
    for (const [i, at] of found) {
      const end = i + 1 < starts.length ? starts[i + 1] - 1 : va.length - 1;
      const coverage = qlen / (end - starts[i]);
      const startBonus = at === 0 ? 1 : 0.5;
      ids[k] = i;
      sc[k++] = coverage * startBonus * Math.log2(2 + this.layout.vocabFreq[i]);
    }
    // Best first, ties in discovery order (what the stable sort gave), one pick at a time:
    // `limit` is small and most of `found` is never needed.
    const taken = new Uint8Array(n);
    const out: string[] = [];
    const take = (j: number): void => {
      const w = this.tables.word(ids[j]);
      if (!out.some((o) => w.includes(o))) out.push(w);
    };
    let picked = 0;
    for (; picked < n && picked < 16 && out.length < limit; picked++) {
      let best = -1;
      for (let j = 0; j < n; j++) if (!taken[j] && (best < 0 || sc[j] > sc[best])) best = j;
      taken[best] = 1;
      take(best);
    }
    if (out.length < limit && picked < n) {
      // Many skipped (words containing one already taken): sort the rest once.
      const rest: number[] = [];
      for (let j = 0; j < n; j++) if (!taken[j]) rest.push(j);
      rest.sort((a, b) => sc[b] - sc[a] || a - b);
      for (let r = 0; r < rest.length && out.length < limit; r++) take(rest[r]);
    }
    return out;
  }
}
