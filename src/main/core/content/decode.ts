/**
 * Turns the bytes of a guide file into NFC text with LF line ends.
 * Pure: no IO. UTF-8 is tried strictly first; CP949 (the Korean Windows code page) is the deliberate
 * fallback. Node's `TextDecoder('euc-kr')` is never used: it mis-decodes most modern syllables.
 */
import iconv from 'iconv-lite';
import type { Problem, TextEncoding } from '../../../shared/guide';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncoding; problems: Problem[] }
  | { ok: false; problem: Problem };

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Text normalisation shared by every encoding: no BOM, LF line ends, NFC (never NFKC). */
export function normalizeText(text: string): string {
  let t = text;
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  return t.replace(/\r\n?/g, '\n').normalize('NFC');
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string | null {
  const body = bytes.subarray(2);
  const n = Math.floor(body.length / 2);
  try {
    const dec = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true });
    return dec.decode(body.subarray(0, n * 2));
  } catch {
    return null;
  }
}

/** True when the bytes look like a binary file rather than text in any supported encoding. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) return true;
    // Control characters other than TAB, LF, VT, FF, CR, ESC.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Control characters in decoded text (other than whitespace) hint that the guess was wrong. */
function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  let c = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 13 && code !== 12 && code !== 11) || code === 0xfffd) c++;
  }
  return c / text.length;
}

function finish(raw: string, encoding: TextEncoding, problems: Problem[]): DecodeResult {
  const text = normalizeText(raw);
  if (text.trim().length === 0) {
    return {
      ok: false,
      problem: { severity: 'error', code: 'empty-file', message: 'The file is empty or holds only whitespace. Write the guide content or delete the file.' },
    };
  }
  return { ok: true, text, encoding, problems };
}

export function decodeGuideBytes(bytes: Uint8Array): DecodeResult {
  const problems: Problem[] = [];
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const t = decodeUtf16(bytes, true);
    if (t === null) return { ok: false, problem: { severity: 'error', code: 'encoding-invalid', message: 'The file starts with a UTF-16 LE byte order mark but is not valid UTF-16. Save it again as UTF-8.' } };
    return finish(t, 'utf-16le', problems);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const t = decodeUtf16(bytes, false);
    if (t === null) return { ok: false, problem: { severity: 'error', code: 'encoding-invalid', message: 'The file starts with a UTF-16 BE byte order mark but is not valid UTF-16. Save it again as UTF-8.' } };
    return finish(t, 'utf-16be', problems);
  }
  const hasUtf8Bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  if (body.length === 0 || isWhitespaceOnly(body)) {
    return { ok: false, problem: { severity: 'error', code: 'empty-file', message: 'The file is empty or holds only whitespace. Write the guide content or delete the file.' } };
  }
  const bomless = guessBomlessUtf16(body);
  if (bomless) {
    problems.push({
      severity: 'warning',
      code: 'encoding-utf16-no-bom',
      message: `The file is UTF-16 (${bomless.encoding === 'utf-16le' ? 'LE' : 'BE'}) without a byte order mark. Save it as UTF-8.`,
    });
    return finish(bomless.text, bomless.encoding, problems);
  }
  if (looksBinary(body)) {
    return { ok: false, problem: { severity: 'error', code: 'binary-file', message: 'The file looks binary (NUL or control bytes), not a Markdown guide. Remove it from the content folder.' } };
  }
  let utf8: string | null;
  try {
    utf8 = utf8Strict.decode(body);
  } catch {
    utf8 = null;
  }
  const readCp949 = () => iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'cp949');
  if (utf8 !== null) {
    // A few CP949 syllables are also valid UTF-8 by accident (훮 = C4 81 = ā). Valid UTF-8 with no Korean
    // at all, whose CP949 reading is clean Korean, is taken as CP949; a UTF-8 BOM always wins.
    if (hasUtf8Bom || isAscii(utf8) || HANGUL_OR_CJK.test(utf8) || !isCleanKorean(readCp949())) {
      return finish(utf8, hasUtf8Bom ? 'utf-8-bom' : 'utf-8', problems);
    }
  }
  const cp949 = readCp949();
  if (controlRatio(cp949) > 0.01) {
    return { ok: false, problem: { severity: 'error', code: 'encoding-invalid', message: 'The file is neither valid UTF-8 nor readable CP949 (EUC-KR). Save it again as UTF-8.' } };
  }
  problems.push({
    severity: 'warning',
    code: 'encoding-cp949',
    message: 'The file is not UTF-8; it was read as CP949 (EUC-KR). Save it as UTF-8 to avoid mistakes.',
  });
  return finish(cp949, 'cp949', problems);
}

/**
 * UTF-16 without a BOM shows NUL bytes in every other position for ASCII text. Accepted only when the
 * decoded text is clean (no control characters) and mostly Hangul, ASCII and common punctuation.
 */
function guessBomlessUtf16(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (evenNul === 0 && oddNul === 0) return null;
  const littleEndian = oddNul >= evenNul;
  if ((littleEndian ? evenNul : oddNul) > n / 200) return null;
  let text: string;
  try {
    text = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (controlRatio(text) > 0) return null;
  let good = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x20 && c < 0x7f) || c === 10 || c === 13 || c === 9 || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3130 && c <= 0x318f) || (c >= 0x2000 && c <= 0x2bff) || c === 0xa0 || c === 0xb7) good++;
  }
  return good / Math.max(1, text.length) >= 0.9 ? { text, encoding: littleEndian ? 'utf-16le' : 'utf-16be' } : null;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

const HANGUL_OR_CJK = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3400-\u9fff]/;

/** Every non-ASCII character is a Hangul syllable or jamo, and there is no replacement or control character. */
function isCleanKorean(text: string): boolean {
  if (controlRatio(text) > 0) return false;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) continue;
    if (!((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3130 && c <= 0x318f))) return false;
  }
  return true;
}

function isWhitespaceOnly(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c) return false;
  }
  return true;
}
