import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeGuideBytes } from '../../../src/main/core/content/decode';

const enc = new TextEncoder();
const SAMPLE = '# 이중결제 취소요청\n똠방각하 햏 쏼라 갂 — 모두의 주차장 02-6925-0023\n';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = littleEndian ? 0xff : 0xfe;
  out[1] = littleEndian ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = littleEndian ? c & 0xff : c >> 8;
    out[3 + i * 2] = littleEndian ? c >> 8 : c & 0xff;
  }
  return out;
}

function ok(bytes: Uint8Array) {
  const r = decodeGuideBytes(bytes);
  if (!r.ok) throw new Error(`expected ok, got ${r.problem.code}`);
  return r;
}

/** Every modern Hangul syllable U+AC00..U+D7A3. */
const ALL_SYLLABLES = Array.from({ length: 11172 }, (_, i) => String.fromCharCode(0xac00 + i)).join('');

describe('decodeGuideBytes', () => {
  it('plain UTF-8', () => {
    const r = ok(enc.encode(SAMPLE));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(SAMPLE);
    expect(r.problems).toEqual([]);
  });

  it('UTF-8 with BOM: BOM stripped, so a heading stays a heading', () => {
    const r = ok(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(SAMPLE)]));
    expect(r.encoding).toBe('utf-8-bom');
    expect(r.text.startsWith('# ')).toBe(true);
  });

  it('UTF-16 LE and BE with BOM', () => {
    const le = ok(utf16(SAMPLE, true));
    expect(le.encoding).toBe('utf-16le');
    expect(le.text).toBe(SAMPLE);
    const be = ok(utf16(SAMPLE, false));
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toBe(SAMPLE);
  });

  it('CP949: all 11,172 syllables (똠 햏 쏼 included) with a warning', () => {
    const text = `# 제목\n${ALL_SYLLABLES}\n`;
    const r = ok(new Uint8Array(iconv.encode(text, 'cp949')));
    expect(r.encoding).toBe('cp949');
    expect(r.text).toBe(text);
    expect(r.text).toContain('똠');
    expect(r.text).toContain('햏');
    expect(r.text).toContain('쏼');
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'encoding-cp949' })]);
  });

  it('CP949 short file with rare syllables (where Node euc-kr fails)', () => {
    const r = ok(new Uint8Array(iconv.encode('똠 햏 쏼', 'cp949')));
    expect(r.text).toBe('똠 햏 쏼');
  });

  it('CRLF and CR become LF; text is NFC (never NFKC)', () => {
    const nfd = '이중결제'.normalize('NFD');
    const r = ok(enc.encode(`# ${nfd}\r\nㄱ 항목\r두 번째\r\n`));
    expect(r.text).toBe('# 이중결제\nㄱ 항목\n두 번째\n');
    expect(r.text).toContain('ㄱ'); // NFKC would turn U+3131 into a conjoining jamo
    expect(r.text).not.toContain('\r');
  });

  it('UTF-16 without a BOM is recognised with a warning', () => {
    const le = utf16(SAMPLE, true).subarray(2);
    const r = ok(le);
    expect(r.encoding).toBe('utf-16le');
    expect(r.text).toBe(SAMPLE);
    expect(r.problems.map((p) => p.code)).toEqual(['encoding-utf16-no-bom']);
    expect(ok(utf16(SAMPLE, false).subarray(2)).encoding).toBe('utf-16be');
  });

  it('binary files are errors', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    const r = decodeGuideBytes(png);
    expect(r).toEqual({ ok: false, problem: expect.objectContaining({ severity: 'error', code: 'binary-file' }) });
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(decodeGuideBytes(controls)).toMatchObject({ ok: false, problem: { code: 'binary-file' } });
  });

  it('empty and whitespace-only files are errors', () => {
    for (const bytes of [new Uint8Array(0), enc.encode('  \n\t\r\n'), new Uint8Array([0xef, 0xbb, 0xbf]), utf16('  \n', true)]) {
      expect(decodeGuideBytes(bytes)).toMatchObject({ ok: false, problem: { severity: 'error', code: 'empty-file' } });
    }
  });

  const hangulText = fc.string({
    unit: fc.oneof(
      fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(' ', '\n', '.', '?', '0', '9', 'A', 'z', '-', '~'),
    ),
    minLength: 1,
    maxLength: 200,
  }).filter((s) => s.trim().length > 0);

  it('property: UTF-8, UTF-16 LE/BE and CP949 round trips of Hangul text', () => {
    fc.assert(
      fc.property(hangulText, (s) => {
        expect(ok(enc.encode(s)).text).toBe(s);
        expect(ok(utf16(s, true)).text).toBe(s);
        expect(ok(utf16(s, false)).text).toBe(s);
        const cp = ok(new Uint8Array(iconv.encode(s, 'cp949')));
        expect(cp.text).toBe(s);
        // Pure ASCII is valid UTF-8 too; any syllable forces the CP949 path.
        if (/[가-힣]/.test(s)) expect(cp.encoding).toBe('cp949');
      }),
      { numRuns: 300 },
    );
  });

  it('property: never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = decodeGuideBytes(bytes);
        if (r.ok) expect(r.text).toBe(r.text.normalize('NFC'));
        else expect(r.problem.severity).toBe('error');
      }),
      { numRuns: 500 },
    );
  });
});
