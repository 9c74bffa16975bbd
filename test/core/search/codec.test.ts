/**
 * The codec refuses persisted bytes whose framing is intact but whose values break the layout
 * contract (layout.ts): offsets that decrease or run past their arrays, ids out of range,
 * unsorted keys or postings, metadata of the wrong types. Such bytes used to load, then gave
 * wrong answers or made one query walk billions of references (issue 11, item 9).
 *
 * Each case corrupts one value inside the serialized bytes (the decoded arrays are views into
 * them), so what is tested is exactly what a flipped byte on disk does.
 */
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/main/core/search';
import { decodeLayout, encodeLayout } from '../../../src/main/core/search/codec';
import type { IndexLayout } from '../../../src/main/core/search/layout';
import { PACK } from './fixture';

const BYTES = SearchIndex.build(PACK).serialize();

/** Fresh bytes of the pack's index and their layout, whose arrays are views into those bytes. */
function fresh(): { bytes: Uint8Array; layout: IndexLayout } {
  const bytes = BYTES.slice();
  return { bytes, layout: decodeLayout(bytes) };
}

/** The first version whose entries span two fields, and its first entry. */
function versionWithTwoFields(c: IndexLayout): number {
  for (let v = 0; v < c.metas.length; v++)
    if (c.entField[c.entStart[v]] !== c.entField[c.entStart[v + 1] - 1]) return c.entStart[v];
  throw new Error('fixture: no version with two fields');
}

/** The first key (or segment) whose list has at least two items. */
function firstLongList(start: Uint32Array): number {
  for (let i = 0; i + 1 < start.length; i++) if (start[i + 1] - start[i] >= 2) return start[i];
  throw new Error('fixture: no list of two');
}

const cases: [string, (c: IndexLayout) => void][] = [
  ['entStart decreasing', (c) => (c.entStart[1] = c.entStart[2] + 1)],
  ['entStart not starting at 0', (c) => (c.entStart[0] = 1)],
  ['entField past the last field', (c) => (c.entField[0] = 7)],
  [
    'entField decreasing within a version',
    (c) => {
      const e = versionWithTwoFields(c);
      c.entField[e] = 6;
    },
  ],
  ['entLabel out of range', (c) => (c.entLabel[0] = c.labels.length)],
  ['entSeg out of range', (c) => (c.entSeg[0] = c.segOff.length - 1)],
  ['segOff decreasing', (c) => (c.segOff[1] = 0xffff_fff0)],
  ['refStart decreasing', (c) => (c.refStart[1] = c.refs.length + 5)],
  ['refs out of range', (c) => (c.refs[0] = c.entSeg.length + 3)],
  [
    'refs naming an entry of another segment',
    (c) => ([c.refs[0], c.refs[c.refs.length - 1]] = [c.refs[c.refs.length - 1], c.refs[0]]),
  ],
  ['keys out of order', (c) => (c.keys[0] = c.keys[1])],
  ['postStart decreasing', (c) => (c.postStart[1] = 0x7fff_ffff)],
  ['postings out of range', (c) => (c.postings[0] = c.segOff.length + 100)],
  [
    'postings not ascending within a key',
    (c) => {
      const p = firstLongList(c.postStart);
      c.postings[p + 1] = c.postings[p];
    },
  ],
  ['vocabFreq increasing', (c) => (c.vocabFreq[1] = c.vocabFreq[0] + 1)],
];

describe('codec: values, not only lengths', () => {
  it('the untouched bytes decode', () => {
    expect(() => fresh()).not.toThrow();
  });

  for (const [name, corrupt] of cases) {
    it(`refuses ${name}`, () => {
      const { bytes, layout } = fresh();
      corrupt(layout);
      expect(() => decodeLayout(bytes)).toThrow(/search index/);
    });
  }

  it.each([
    ['a title that is not a string', (c: IndexLayout) => ((c.metas[0] as { title: unknown }).title = 42)],
    [
      'a category that is not a list of strings',
      (c: IndexLayout) => ((c.metas[0] as { category: unknown }).category = [1]),
    ],
    ['a label that is not a string', (c: IndexLayout) => ((c.labels as unknown[])[0] = null)],
    ['a vocabulary not framed by newlines', (c: IndexLayout) => (c.vocabAll = c.vocabAll.slice(1))],
  ])('refuses %s', (_name, corrupt) => {
    const layout = decodeLayout(BYTES.slice());
    const copy: IndexLayout = { ...layout, metas: layout.metas.map((m) => ({ ...m })), labels: [...layout.labels] };
    corrupt(copy);
    expect(() => decodeLayout(encodeLayout(copy))).toThrow(/search index/);
  });
});
