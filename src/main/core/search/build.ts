/**
 * Build: from prepared docs (prepare.ts) to the index layout (layout.ts), in four passes that
 * each write one part of the layout: entries and segments, segment references, bigram postings,
 * vocabulary. Docs are taken one at a time through `docAt`, so a prepared doc is garbage as soon
 * as it is interned. Nothing in the result shares storage with its inputs (see `flatString`).
 */
import { compact, compactNFC, stripParticle, wordCodeAt } from './hangul';
import { segmentText, type IndexLayout } from './layout';
import type { PreparedDoc, PreparedEntry, VersionMeta } from './prepare';

/** Builds the layout of `count` docs; `docAt(i)` is called once per doc, in order. */
export function buildLayout(count: number, docAt: (i: number) => PreparedDoc): IndexLayout {
  const interned = internEntries(count, docAt);
  const { segTexts, entSeg } = interned;
  const { refStart, refs } = segmentReferences(entSeg, segTexts.length);
  const { segOff, segAll } = segmentStore(segTexts);
  const { keys, postStart, postings } = bigramPostings(segTexts);
  const { vocabFreq, vocabAll } = vocabularyOf(segTexts, interned.metas);
  return {
    // Metadata through JSON: real copies, nothing pinned.
    metas: JSON.parse(JSON.stringify(interned.metas)) as VersionMeta[],
    labels: JSON.parse(JSON.stringify(interned.labels)) as string[],
    segAll,
    vocabAll,
    entStart: interned.entStart,
    entField: interned.entField,
    entLabel: interned.entLabel,
    entSeg,
    segOff,
    refStart,
    refs,
    keys,
    postStart,
    postings,
    vocabFreq,
  };
}

/** A stored version back as a prepared doc (unchanged versions when an index is compacted). */
export function storedDoc(layout: IndexLayout, v: number): PreparedDoc {
  const { metas, entStart, entField, entLabel, entSeg, labels } = layout;
  const entries: PreparedEntry[] = [];
  for (let e = entStart[v]; e < entStart[v + 1]; e++) {
    entries.push({ field: entField[e], label: labels[entLabel[e]], text: segmentText(layout, entSeg[e]) });
  }
  return { meta: metas[v], entries };
}

// ---------------------------------------------------------------------------------------------
// Pass 1: entries, with segment texts and labels interned (each distinct string numbered once).

interface Interned {
  metas: VersionMeta[];
  labels: string[];
  segTexts: string[];
  entStart: Uint32Array;
  entField: Uint8Array;
  entLabel: Uint32Array;
  entSeg: Uint32Array;
}

function internEntries(count: number, docAt: (i: number) => PreparedDoc): Interned {
  const segIds = new Map<string, number>();
  const segTexts: string[] = [];
  const labelIds = new Map<string, number>();
  const labels: string[] = [];
  const entStart = new Uint32Array(count + 1);
  const metas: VersionMeta[] = [];
  const entField = new GrowableU32();
  const entLabel = new GrowableU32();
  const entSeg = new GrowableU32();
  for (let v = 0; v < count; v++) {
    const d = docAt(v);
    metas.push(d.meta);
    entStart[v] = entSeg.n;
    for (const e of d.entries) {
      let s = segIds.get(e.text);
      if (s === undefined) {
        s = segTexts.length;
        segIds.set(e.text, s);
        segTexts.push(e.text);
      }
      let l = labelIds.get(e.label);
      if (l === undefined) {
        l = labels.length;
        labelIds.set(e.label, l);
        labels.push(e.label);
      }
      entField.push(e.field);
      entLabel.push(l);
      entSeg.push(s);
    }
  }
  entStart[count] = entSeg.n;
  return {
    metas,
    labels,
    segTexts,
    entStart,
    entField: Uint8Array.from(entField.done()),
    entLabel: entLabel.done(),
    entSeg: entSeg.done(),
  };
}

// ---------------------------------------------------------------------------------------------
// Pass 2: segment → entries (CSR), and the segment texts as one flat string.

function segmentReferences(entSeg: Uint32Array, nSeg: number): { refStart: Uint32Array; refs: Uint32Array } {
  const nEnt = entSeg.length;
  const refStart = new Uint32Array(nSeg + 1);
  for (let e = 0; e < nEnt; e++) refStart[entSeg[e] + 1]++;
  for (let s = 0; s < nSeg; s++) refStart[s + 1] += refStart[s];
  const refs = new Uint32Array(nEnt);
  const fill = refStart.slice(0, nSeg);
  for (let e = 0; e < nEnt; e++) refs[fill[entSeg[e]]++] = e;
  return { refStart, refs };
}

function segmentStore(segTexts: string[]): { segOff: Uint32Array; segAll: string } {
  const nSeg = segTexts.length;
  const segOff = new Uint32Array(nSeg + 1);
  let off = 0;
  for (let s = 0; s < nSeg; s++) {
    segOff[s] = off;
    off += segTexts[s].length;
  }
  segOff[nSeg] = off;
  return { segOff, segAll: flatString(segTexts.join('')) };
}

// ---------------------------------------------------------------------------------------------
// Pass 3: bigram postings. Each segment's distinct keys are collected first (with a count per
// key), then laid out in key order with one cursor per key.

function bigramPostings(segTexts: string[]): { keys: Uint32Array; postStart: Uint32Array; postings: Uint32Array } {
  const nSeg = segTexts.length;
  const keyIds = new KeyTable();
  const keyList: number[] = [];
  let counts = new Uint32Array(1 << 16);
  let lastSeg = new Int32Array(1 << 16).fill(-1);
  const segKeyStart = new Uint32Array(nSeg + 1);
  const segKeys = new GrowableU32();
  for (let s = 0; s < nSeg; s++) {
    segKeyStart[s] = segKeys.n;
    const text = segTexts[s];
    // Bigrams of the compact form, computed in place (no compact copy of the text).
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const cur = wordCodeAt(text, i);
      if (cur < 0) continue;
      const p = prev;
      prev = cur;
      if (p < 0) continue;
      const k = p * 65536 + cur;
      let id = keyIds.get(k);
      if (id < 0) {
        id = keyList.length;
        keyIds.set(k, id);
        keyList.push(k);
        if (id >= counts.length) {
          const nc = new Uint32Array(counts.length * 2);
          nc.set(counts);
          counts = nc;
          const nl = new Int32Array(lastSeg.length * 2).fill(-1);
          nl.set(lastSeg);
          lastSeg = nl;
        }
      }
      if (lastSeg[id] !== s) {
        lastSeg[id] = s;
        counts[id]++;
        segKeys.push(id);
      }
    }
  }
  segKeyStart[nSeg] = segKeys.n;
  const order = keyList.map((_, i) => i).sort((a, b) => keyList[a] - keyList[b]);
  const nKeys = keyList.length;
  const keys = new Uint32Array(nKeys);
  const postStart = new Uint32Array(nKeys + 1);
  const rank = new Uint32Array(nKeys);
  let p = 0;
  order.forEach((id, r) => {
    keys[r] = keyList[id];
    postStart[r] = p;
    rank[id] = r;
    p += counts[id];
  });
  postStart[nKeys] = p;
  const postings = new Uint32Array(p);
  const cursor = postStart.slice(0, nKeys);
  const sk = segKeys.done();
  for (let s = 0; s < nSeg; s++) {
    for (let i = segKeyStart[s]; i < segKeyStart[s + 1]; i++) postings[cursor[rank[sk[i]]]++] = s;
  }
  return { keys, postStart, postings };
}

// ---------------------------------------------------------------------------------------------
// Pass 4: vocabulary — words (and particle-stripped stems) of the segments, titles, category names.

const ALL_HANGUL = /^[가-힣]+$/;

function vocabularyOf(segTexts: string[], metas: VersionMeta[]): { vocabFreq: Uint32Array; vocabAll: string } {
  const vocabCount = new Map<string, number>();
  for (const text of segTexts) collectWords(text, vocabCount);
  for (const m of metas) {
    bump(vocabCount, compact(m.title), 1);
    for (const c of m.category) bump(vocabCount, compact(c), 1);
  }
  const words = [...vocabCount.entries()].filter(
    ([w]) => w.length >= 2 && w.length <= 24 && (/[가-힣]/.test(w) || /^[a-z]{3,}$/.test(w)),
  );
  words.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    vocabFreq: new Uint32Array(words.map(([, n]) => n)),
    vocabAll: flatString('\n' + words.map(([w]) => w).join('\n') + '\n'),
  };
}

function collectWords(text: string, into: Map<string, number>): void {
  for (const raw of text.split(' ')) {
    if (raw.length < 2) continue;
    const w = ALL_HANGUL.test(raw) ? raw : compactNFC(raw);
    if (w.length < 2 || w.length > 24) continue;
    bump(into, w, 1);
    const stem = stripParticle(w);
    if (stem) bump(into, stem, 1);
  }
}

function bump(m: Map<string, number>, w: string, n: number): void {
  if (w) m.set(w, (m.get(w) ?? 0) + n);
}

// ---------------------------------------------------------------------------------------------
// Build-only helpers

/**
 * Returns a flat string that shares no storage with its inputs. V8 keeps the parents of slices
 * and ropes alive, so a joined string of segment texts would pin every source file it came from.
 */
function flatString(s: string): string {
  // A round trip through UTF-16 code units in chunks makes a fresh sequential string.
  if (s.length < 64) return s.split('').join('');
  const parts: string[] = [];
  const CH = 8192;
  for (let i = 0; i < s.length; i += CH) {
    const codes = new Uint16Array(Math.min(CH, s.length - i));
    for (let j = 0; j < codes.length; j++) codes[j] = s.charCodeAt(i + j);
    parts.push(String.fromCharCode.apply(null, codes as unknown as number[]));
  }
  return parts.join('');
}

/** A Uint32Array that grows by doubling; `done()` returns a right-sized copy. */
class GrowableU32 {
  a = new Uint32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Uint32Array {
    return this.a.slice(0, this.n);
  }
}

/** Open-addressing hash map from bigram key (uint32) to id; -1 when absent. */
class KeyTable {
  private keys = new Uint32Array(1 << 17);
  private vals = new Int32Array(1 << 17).fill(-1);
  private n = 0;
  get(k: number): number {
    const mask = this.keys.length - 1;
    let i = (Math.imul(k, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const v = this.vals[i];
      if (v < 0) return -1;
      if (this.keys[i] === k) return v;
      i = (i + 1) & mask;
    }
  }
  set(k: number, v: number): void {
    if ((this.n + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = (Math.imul(k, 0x9e3779b1) >>> 0) & mask;
    while (this.vals[i] >= 0) i = (i + 1) & mask;
    this.keys[i] = k;
    this.vals[i] = v;
    this.n++;
  }
  private grow(): void {
    const ok = this.keys;
    const ov = this.vals;
    this.keys = new Uint32Array(ok.length * 2);
    this.vals = new Int32Array(ov.length * 2).fill(-1);
    this.n = 0;
    for (let i = 0; i < ok.length; i++) if (ov[i] >= 0) this.set(ok[i], ov[i]);
  }
}
