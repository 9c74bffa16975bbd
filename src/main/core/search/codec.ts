/**
 * The codec for persistence: an index layout (layout.ts) to bytes and back.
 *
 * Format (little-endian throughout):
 *
 *     u32 MAGIC ('GDSX')   u32 INDEX_FORMAT_VERSION   u32 block count (= 3 + ARRAY_NAMES.length)
 *     then per block: u32 byte length, the bytes, zero padding to a multiple of 4
 *     block 0: UTF-8 JSON header { format, metas: [id, path, title, archived 0|1, archivedAt,
 *              validFrom, validTo, isCurrent 0|1, category][], labels }
 *     block 1: segAll as raw UTF-16LE   block 2: vocabAll as raw UTF-16LE
 *     blocks 3…: the typed arrays in ARRAY_NAMES order, raw (entField as bytes, the rest u32)
 *
 * UTF-16 rather than UTF-8 for the texts: Korean is 2 bytes a character instead of 3, and it
 * decodes at memory speed. Loading views the arrays in place (no copies), so the loaded bytes
 * are the index. Truncated, foreign or inconsistent data throws, and so do values that break
 * the layout contract (`validateLayout`); the service then sets the file aside and rebuilds.
 * On disk the service wraps these bytes in a checksummed record (services/atomicFile.ts), so
 * a flipped byte is caught even where the values would still look valid.
 */
import { ARRAY_NAMES, type IndexArrays, type IndexLayout } from './layout';
import { FIELDS, type VersionMeta } from './prepare';

/**
 * Bumped whenever the serialized layout, the indexing rules or the cache file around it change
 * (5: the service stores these bytes in a checksummed record).
 */
export const INDEX_FORMAT_VERSION = 5;

const MAGIC = 0x47445358; // 'GDSX'
const HEADER_BYTES = 12;

export function encodeLayout(c: IndexLayout): Uint8Array {
  const header = JSON.stringify({
    format: INDEX_FORMAT_VERSION,
    metas: c.metas.map((m) => [
      m.id,
      m.path,
      m.title,
      m.archived ? 1 : 0,
      m.archivedAt,
      m.validFrom,
      m.validTo,
      m.isCurrent ? 1 : 0,
      m.category,
    ]),
    labels: c.labels,
  });
  const enc = new TextEncoder();
  const blobs: Uint8Array[] = [
    enc.encode(header),
    utf16(c.segAll),
    utf16(c.vocabAll),
    ...ARRAY_NAMES.map((n) => new Uint8Array(c[n].buffer, c[n].byteOffset, c[n].byteLength)),
  ];
  let total = HEADER_BYTES;
  for (const b of blobs) total += 4 + pad4(b.length);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, INDEX_FORMAT_VERSION, true);
  dv.setUint32(8, blobs.length, true);
  let o = HEADER_BYTES;
  for (const b of blobs) {
    dv.setUint32(o, b.length, true);
    out.set(b, o + 4);
    o += 4 + pad4(b.length);
  }
  return out;
}

/** The layout stored in `data`; throws on anything but a consistent index of this format. */
export function decodeLayout(data: Uint8Array | string): IndexLayout {
  if (typeof data === 'string') throw new Error('search index: expected binary data');
  // Typed-array views need 4-byte alignment; copy once if the buffer is not aligned.
  const buf = data.byteOffset % 4 === 0 ? data : data.slice();
  const blobs = readBlocks(buf);
  const dec = new TextDecoder('utf-8', { fatal: true });
  const header = JSON.parse(dec.decode(blobs[0])) as { format?: unknown; metas?: unknown; labels?: unknown };
  if (header.format !== INDEX_FORMAT_VERSION || !Array.isArray(header.metas) || !isStringList(header.labels))
    throw new Error('search index: bad header');
  const metas = header.metas.map(metaOf);
  const arrays = {} as Record<(typeof ARRAY_NAMES)[number], Uint32Array | Uint8Array>;
  ARRAY_NAMES.forEach((n, i) => {
    const b = blobs[3 + i];
    // Views into the (4-byte aligned) buffer: no copy, the loaded bytes are the index.
    if (n !== 'entField' && b.length % 4 !== 0) throw new Error('search index: bad array block');
    arrays[n] = n === 'entField' ? b : new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
  });
  const layout: IndexLayout = {
    metas,
    labels: header.labels,
    segAll: fromUtf16(blobs[1]),
    vocabAll: fromUtf16(blobs[2]),
    ...(arrays as unknown as IndexArrays),
  };
  validateLayout(layout);
  return layout;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

const isDateOrNull = (value: unknown) => value === null || typeof value === 'string';

/** One `metas` row of the header, checked field by field (see `encodeLayout` for the order). */
function metaOf(row: unknown): VersionMeta {
  const r = row as unknown[];
  const ok =
    Array.isArray(r) &&
    r.length === 9 &&
    typeof r[0] === 'string' &&
    typeof r[1] === 'string' &&
    typeof r[2] === 'string' &&
    (r[3] === 0 || r[3] === 1) &&
    isDateOrNull(r[4]) &&
    isDateOrNull(r[5]) &&
    isDateOrNull(r[6]) &&
    (r[7] === 0 || r[7] === 1) &&
    isStringList(r[8]);
  if (!ok) throw new Error('search index: bad version metadata');
  return {
    id: r[0] as string,
    path: r[1] as string,
    title: r[2] as string,
    archived: r[3] === 1,
    archivedAt: r[4] as string | null,
    validFrom: r[5] as string | null,
    validTo: r[6] as string | null,
    isCurrent: r[7] === 1,
    category: r[8] as string[],
  };
}

/** The blocks of an aligned buffer, after checking the magic, the format and the block count. */
function readBlocks(buf: Uint8Array): Uint8Array[] {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < HEADER_BYTES || dv.getUint32(0, true) !== MAGIC) throw new Error('search index: bad magic');
  if (dv.getUint32(4, true) !== INDEX_FORMAT_VERSION) throw new Error('search index: format version mismatch');
  const count = dv.getUint32(8, true);
  if (count !== 3 + ARRAY_NAMES.length) throw new Error('search index: bad layout');
  const blobs: Uint8Array[] = [];
  let o = HEADER_BYTES;
  for (let i = 0; i < count; i++) {
    if (o + 4 > buf.byteLength) throw new Error('search index: truncated');
    const len = dv.getUint32(o, true);
    if (o + 4 + len > buf.byteLength) throw new Error('search index: truncated');
    blobs.push(buf.subarray(o + 4, o + 4 + len));
    o += 4 + pad4(len);
  }
  return blobs;
}

/**
 * Checks that the arrays fit together (lengths and CSR ends, in constant time), then every value
 * against the layout contract (layout.ts): offsets start at 0, never decrease and end at their
 * array's length; ids are in range; entries run strongest field first; each segment's
 * references are its own entries in ascending order; keys ascend strictly, and so does each
 * posting list; the vocabulary is framed by newlines with one frequency per word, never
 * increasing. Anything else throws, so a corrupt file cannot give wrong answers or send a query
 * walking past its lists. One pass over the arrays (see below for the cost).
 */
export function validateLayout(c: IndexLayout): void {
  const nV = c.metas.length;
  const nSeg = c.segOff.length - 1;
  const ok =
    c.entStart.length === nV + 1 &&
    c.entField.length === c.entStart[nV] &&
    c.entSeg.length === c.entField.length &&
    c.entLabel.length === c.entField.length &&
    c.refStart.length === nSeg + 1 &&
    c.refs.length === c.entField.length &&
    c.segOff[nSeg] === c.segAll.length &&
    c.postStart.length === c.keys.length + 1 &&
    c.postStart[c.keys.length] === c.postings.length;
  if (!ok) throw new Error('search index: inconsistent data');
  checkOffsets(c.entStart, 'entStart');
  checkOffsets(c.segOff, 'segOff');
  checkOffsets(c.refStart, 'refStart');
  checkOffsets(c.postStart, 'postStart');
  checkEntries(c);
  checkReferences(c);
  checkPostings(c, nSeg);
  checkVocabulary(c);
}

function invalid(what: string): never {
  throw new Error(`search index: ${what} out of order or out of range`);
}

// The checks below fold each comparison into a flag (`ok &= …`) instead of branching on it and
// test ranges on the last item of sorted runs: ~3× faster over the millions of values of a
// 20k-version index.

/** A CSR offset array: starts at 0, never decreases (its end was checked against its target). */
function checkOffsets(a: Uint32Array, name: string): void {
  let ok = a[0] === 0 ? 1 : 0;
  for (let i = 1; i < a.length; i++) ok &= a[i] >= a[i - 1] ? 1 : 0;
  if (!ok) invalid(name);
}

function checkEntries(c: IndexLayout): void {
  const { entStart, entField, entLabel, entSeg } = c;
  const versions = entStart.length - 1;
  const nFields = FIELDS.length;
  let ok = 1;
  let maxLabel = -1;
  let maxSeg = -1;
  for (let v = 0; v < versions; v++) {
    let previous = 0;
    const end = entStart[v + 1];
    for (let e = entStart[v]; e < end; e++) {
      const field = entField[e];
      ok &= field >= previous ? 1 : 0;
      previous = field;
      const label = entLabel[e];
      const seg = entSeg[e];
      if (label > maxLabel) maxLabel = label;
      if (seg > maxSeg) maxSeg = seg;
    }
    // Fields never decrease within a version, so its last entry has the largest.
    ok &= previous < nFields ? 1 : 0;
  }
  if (!ok) invalid('entField');
  if (maxLabel >= c.labels.length) invalid('entLabel');
  if (maxSeg >= c.segOff.length - 1) invalid('entSeg');
}

/** Each segment's references are entries of that segment, ascending (so each entry once). */
function checkReferences(c: IndexLayout): void {
  const { refStart, refs, entSeg } = c;
  const segments = refStart.length - 1;
  let ok = 1;
  for (let s = 0; s < segments; s++) {
    let previous = -1;
    const end = refStart[s + 1];
    for (let r = refStart[s]; r < end; r++) {
      const e = refs[r];
      // An entry id past the end reads undefined, which is not s.
      ok &= e > previous && entSeg[e] === s ? 1 : 0;
      previous = e;
    }
  }
  if (!ok) invalid('refs');
}

function checkPostings(c: IndexLayout, nSeg: number): void {
  const { keys, postStart, postings } = c;
  let ok = 1;
  for (let k = 1; k < keys.length; k++) ok &= keys[k] > keys[k - 1] ? 1 : 0;
  if (!ok) invalid('keys');
  for (let k = 0; k < keys.length; k++) {
    let previous = -1;
    const end = postStart[k + 1];
    for (let p = postStart[k]; p < end; p++) {
      const s = postings[p];
      ok &= s > previous ? 1 : 0;
      previous = s;
    }
    // Ascending, so the last posting is the largest.
    ok &= previous < nSeg ? 1 : 0;
  }
  if (!ok) invalid('postings');
}

function checkVocabulary(c: IndexLayout): void {
  const { vocabAll, vocabFreq } = c;
  if (vocabAll.length < 2 || vocabAll[0] !== '\n' || vocabAll[vocabAll.length - 1] !== '\n') invalid('vocabAll');
  let newlines = 0;
  for (let i = vocabAll.indexOf('\n'); i >= 0; i = vocabAll.indexOf('\n', i + 1)) newlines++;
  // '\n' + words.join('\n') + '\n': one more newline than words ('\n\n' when there are none).
  if (newlines !== Math.max(vocabFreq.length, 1) + 1) invalid('vocabFreq');
  for (let w = 1; w < vocabFreq.length; w++) if (vocabFreq[w] > vocabFreq[w - 1]) invalid('vocabFreq');
}

/** Raw UTF-16LE: Korean is 2 bytes a character (3 in UTF-8) and decodes at memory speed. */
function utf16(s: string): Uint8Array {
  const u = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return new Uint8Array(u.buffer);
}

const UTF16 = new TextDecoder('utf-16le');

function fromUtf16(b: Uint8Array): string {
  if (b.length % 2) throw new Error('search index: bad text block');
  return UTF16.decode(b);
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}
