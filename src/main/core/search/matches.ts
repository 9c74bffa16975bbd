/**
 * Match labels and snippets: what a result shows of where it matched. Runs only for the results
 * returned (at most `limit` versions), after scoring: the winning version's entries whose
 * segments matched are scanned with a compact → original offset map; the best segment per
 * (field, label) becomes a `SearchMatch` with a short snippet and highlights.
 */
import type { MatchField, SearchMatch, SearchResult } from '../../../shared/search';
import { compactWithMap } from './hangul';
import type { GroupHits } from './groups';
import { segmentText, type IndexLayout } from './layout';
import { inSorted } from './postings';
import { FIELD_BODY, FIELDS } from './prepare';
import type { QueryPlan } from './query';

/** Characters of context kept before the first highlight when a snippet is cut. */
const SNIPPET_BEFORE = 24;
/** Longest snippet (before the `…` marks). */
const SNIPPET_LENGTH = 90;
const MAX_MATCHES = 4;

// Imported functions called per entry, bound once: under tsx's CommonJS output (the bench, the
// tests) each use of an imported binding is a getter call; per entry that made the bench's
// quick queries ~6% slower at 1k versions (in-process A/B against the pre-split code).
const hasSegment = inSorted;
const textOfSegment = segmentText;

/** The public result for version v, scored `score`, under the groups the scorer used. */
export function resultOf(
  layout: IndexLayout,
  v: number,
  score: number,
  groups: GroupHits[],
  plan: QueryPlan,
): SearchResult {
  const alts = new Set<string>();
  for (const g of groups) for (const a of g.alts) if (a) alts.add(a);
  if (plan.phrase) alts.add(plan.phrase);
  const lists = groups.map((g) => g.segs).filter((l) => l.length > 0);
  const m = layout.metas[v];
  return {
    id: m.id,
    title: m.title,
    path: m.path,
    archived: m.archived,
    archivedAt: m.archivedAt,
    score: Math.round(score * 1000) / 1000,
    category: [...m.category],
    matches: matchesOf(layout, v, [...alts], lists),
  };
}

interface PlaceMatch {
  f: number;
  order: number;
  text: string;
  hl: [number, number][];
  covered: number;
}

/** Where version v matched: best segment per (field, label), strongest fields first. */
function matchesOf(layout: IndexLayout, v: number, alts: string[], lists: Uint32Array[]): SearchMatch[] {
  const { entStart, entField, entLabel, entSeg, labels } = layout;
  const byLabel = new Map<string, PlaceMatch>();
  for (let e = entStart[v]; e < entStart[v + 1]; e++) {
    const seg = entSeg[e];
    // Entries come strongest field first: once enough places are found, stop looking.
    if (byLabel.size >= MAX_MATCHES && entField[e] !== entField[e - 1]) break;
    if (!lists.some((l) => hasSegment(l, seg))) continue;
    const text = textOfSegment(layout, seg);
    const { compact: c, map } = compactWithMap(text);
    const hl: [number, number][] = [];
    let covered = 0;
    for (const a of alts) {
      if (a.length === 0) continue;
      let at = c.indexOf(a);
      let found = false;
      while (at >= 0) {
        hl.push([map[at], map[at + a.length - 1] + 1]);
        found = true;
        at = c.indexOf(a, at + a.length);
      }
      if (found) covered += a.length;
    }
    if (hl.length === 0) continue;
    const f = entField[e];
    const key = `${f}|${labels[entLabel[e]]}`;
    const prev = byLabel.get(key);
    if (!prev || covered > prev.covered) {
      byLabel.set(key, { f, order: prev?.order ?? e, text, hl: mergeRanges(hl), covered });
    }
  }
  let list = [...byLabel.entries()].sort(
    (a, b) => a[1].f - b[1].f || b[1].covered - a[1].covered || a[1].order - b[1].order,
  );
  // The body repeats the structured fields in other words (bullets, joined lines): show it only
  // when the match is nowhere else.
  if (list.some(([, x]) => x.f !== FIELD_BODY)) list = list.filter(([, x]) => x.f !== FIELD_BODY);
  return list.slice(0, MAX_MATCHES).map(([key, x]) => {
    const label = key.slice(key.indexOf('|') + 1);
    return { field: matchField(x.f), label, ...snippetOf(x.text, x.hl) };
  });
}

/** The public field name of a field number: the Q&A question counts as part of the script. */
function matchField(f: number): MatchField {
  const name = FIELDS[f];
  return name === 'question' ? 'script' : name;
}

function mergeRanges(r: [number, number][]): [number, number][] {
  r.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const x of r) {
    const last = out[out.length - 1];
    if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]);
    else out.push([x[0], x[1]]);
  }
  return out;
}

/**
 * The text cut to SNIPPET_LENGTH characters starting SNIPPET_BEFORE before the first highlight
 * (moved to a word start when one is near), `…` where cut; highlights shifted and clipped.
 */
function snippetOf(text: string, hl: [number, number][]): { snippet: string; highlights: [number, number][] } {
  if (text.length <= SNIPPET_LENGTH) return { snippet: text, highlights: hl };
  const first = hl[0]?.[0] ?? 0;
  let start = Math.max(0, first - SNIPPET_BEFORE);
  const sp = text.lastIndexOf(' ', start);
  if (start > 0 && sp >= 0 && start - sp < 10) start = sp + 1;
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  const pre = start > 0 ? '…' : '';
  const post = end < text.length ? '…' : '';
  const shift = pre.length - start;
  const highlights = hl
    .filter(([a, b]) => a < end && b > start)
    .map(([a, b]) => [Math.max(a, start) + shift, Math.min(b, end) + shift] as [number, number]);
  return { snippet: pre + text.slice(start, end) + post, highlights };
}
