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
 * are the index. Truncated, foreign or inconsistent data throws; the service then sets the file
 * aside and rebuilds.
 */
import { ARRAY_NAMES, type IndexArrays, type IndexLayout } from './layout';
import type { VersionMeta } from './prepare';

/** Bumped whenever the serialized layout or the indexing rules change. */
export const INDEX_FORMAT_VERSION = 4;

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
  const header = JSON.parse(dec.decode(blobs[0])) as { format: number; metas: unknown[][]; labels: string[] };
  const metas: VersionMeta[] = header.metas.map((r) => ({
    id: r[0] as string,
    path: r[1] as string,
    title: r[2] as string,
    archived: r[3] === 1,
    archivedAt: r[4] as string | null,
    validFrom: r[5] as string | null,
    validTo: r[6] as string | null,
    isCurrent: r[7] === 1,
    category: r[8] as string[],
  }));
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
 * Checks, in constant time, that the arrays fit together (lengths and CSR ends): blocks that
 * are each well formed but do not belong together are refused. Values inside the arrays are
 * trusted; checking them would cost a pass over tens of megabytes on every load.
 */
export function validateLayout(c: IndexLayout): void {
  const nV = c.metas.length;
  const nSeg = c.segOff.length - 1;
  const ok =
    c.entStart.length === nV + 1 &&
    c.entField.length === c.entStart[nV] &&
    c.entSeg.length === c.entField.length &&
    c.refStart.length === nSeg + 1 &&
    c.segOff[nSeg] === c.segAll.length &&
    c.postStart.length === c.keys.length + 1 &&
    c.postStart[c.keys.length] === c.postings.length;
  if (!ok) throw new Error('search index: inconsistent data');
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
