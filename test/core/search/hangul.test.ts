import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  choseongOf,
  compact,
  compactWithMap,
  convertLayout,
  isChoseongOnly,
  isMixedChoseong,
  stripParticle,
  termPattern,
  withinOneEdit,
  boundedEditDistance,
  jamoOf,
} from '../../../src/main/core/search/hangul';
import { parseSynonyms, lookupSynonyms } from '../../../src/main/core/search/synonyms';

describe('compact form', () => {
  it('normalises NFD to NFC', () => {
    const nfd = '이중결제'.normalize('NFD');
    expect(nfd).not.toBe('이중결제');
    expect(compact(nfd)).toBe('이중결제');
  });
  it('ignores spacing and punctuation', () => {
    expect(compact('이중 결제')).toBe(compact('이중결제'));
    expect(compact('이중결제 취소요청(타사 주차권)')).toBe('이중결제취소요청타사주차권');
    expect(compact('  주차권·환불!  ')).toBe('주차권환불');
  });
  it('makes phone numbers with and without dashes equal', () => {
    expect(compact('02-6925-0023')).toBe('0269250023');
    expect(compact('033-636-4240/ 033-637-6242')).toBe('03363642400336376242');
  });
  it('lower-cases Latin letters and keeps digits', () => {
    expect(compact('QR 코드 App')).toBe('qr코드app');
  });
  it('keeps jamo (for 초성 queries) and never decomposes syllables (no NFKC/NFD)', () => {
    expect(compact('ㅇㅈ ㄱㅈ')).toBe('ㅇㅈㄱㅈ');
    expect(compact('결제')).toHaveLength(2);
  });
  it('maps compact offsets back to the original text', () => {
    const text = '속초시 관제센터 033-636-4240';
    const { compact: c, map } = compactWithMap(text);
    const at = c.indexOf('0336364240');
    expect(text.slice(map[at], map[at + 9] + 1)).toBe('033-636-4240');
  });
  it('compactWithMap agrees with compact on NFC text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'이중결제 주차권-환불 QR.ㅇㅈ02 ()·abcA'.split('')) }), (s) => {
        expect(compactWithMap(s).compact).toBe(compact(s));
      }),
    );
  });
});

describe('초성', () => {
  it('extracts initials', () => {
    expect(choseongOf('이중결제')).toBe('ㅇㅈㄱㅈ');
  });
  it('classifies pure and mixed 초성 terms', () => {
    expect(isChoseongOnly('ㅇㅈㄱㅈ')).toBe(true);
    expect(isChoseongOnly('ㅇ')).toBe(false);
    expect(isChoseongOnly('이중ㄱㅈ')).toBe(false);
    expect(isMixedChoseong('이중ㄱㅈ')).toBe(true);
    expect(isMixedChoseong('이중결제')).toBe(false);
  });
  it('builds a pattern where a consonant stands for any syllable with that initial', () => {
    const re = new RegExp(termPattern('이중ㄱㅈ', false));
    expect(re.test('이중결제')).toBe(true);
    expect(re.test('이중과제')).toBe(true);
    expect(re.test('이중결산')).toBe(false);
  });
});

describe('half-typed last syllable (IME composition)', () => {
  it('a trailing consonant matches the syllable being typed', () => {
    expect(new RegExp(termPattern('이중결ㅈ', true)).test('이중결제')).toBe(true);
  });
  it('a syllable without final may still receive one', () => {
    const re = new RegExp(termPattern('이중겨', true));
    expect(re.test('이중결제')).toBe(true);
    expect(re.test('이중겨')).toBe(true);
    expect(re.test('이중가')).toBe(false);
  });
  it('a final consonant may still move to the next syllable', () => {
    // Typing 이주원: after ㅇ the screen shows 이중 for a moment.
    expect(new RegExp(termPattern('이중', true)).test('이주원')).toBe(true);
  });
  it('a vowel may still grow (ㅗ → ㅘ)', () => {
    expect(new RegExp(termPattern('고', true)).test('관리')).toBe(true);
  });
});

describe('wrong keyboard layout', () => {
  it('converts text typed in the English layout', () => {
    expect(convertLayout('dlwndrufwp')).toBe('이중결제');
    expect(convertLayout('ghksqnf')).toBe('환불');
  });
  it('keeps the typo of a layout mistake for the typo step', () => {
    expect(convertLayout('dlwndruftp')).toBe('이중결세');
  });
  it('keeps a half-typed ending', () => {
    expect(convertLayout('dlwndrufw')).toBe('이중결ㅈ');
  });
  it('leaves real Latin words alone', () => {
    for (const w of ['QR', 'app', 'kb', 'pin', 'ok', 'T']) expect(convertLayout(w)).toBeNull();
  });
});

describe('jamo edit distance', () => {
  it('finds one-jamo typos', () => {
    expect(withinOneEdit(jamoOf('이중결재'), jamoOf('이중결제'))).toBe(true);
    expect(withinOneEdit(jamoOf('환블'), jamoOf('환불'))).toBe(true);
    expect(withinOneEdit(jamoOf('이중결세'), jamoOf('이중결제'))).toBe(true);
    expect(withinOneEdit(jamoOf('주차권'), jamoOf('이중결제'))).toBe(false);
  });
  it('bounded distance agrees with the one-edit test (property)', () => {
    const alphabet = fc.constantFrom(...'ㄱㄴㄷㅏㅓㅗ'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 8 }), (a, b) => {
        expect(boundedEditDistance(a, b, 1) <= 1).toBe(withinOneEdit(a, b));
      }),
    );
  });
});

describe('particles', () => {
  it('strips a trailing particle from words long enough', () => {
    expect(stripParticle('주차권을')).toBe('주차권');
    expect(stripParticle('관제센터에서')).toBe('관제센터');
    expect(stripParticle('평가')).toBeNull();
  });
});

describe('synonyms file', () => {
  const table = parseSynonyms(`# comment line
중복결제, 이중결제, 두번결제   # trailing comment
분실물 => 유실물, 습득물

이중 청구 => 이중결제
`);
  it('makes a comma line a bidirectional group', () => {
    expect(lookupSynonyms(table, '중복결제')).toEqual(['이중결제', '두번결제']);
    expect(lookupSynonyms(table, '이중결제')).toEqual(['중복결제', '두번결제']);
  });
  it('makes an arrow line one-way', () => {
    expect(lookupSynonyms(table, '분실물')).toEqual(['유실물', '습득물']);
    expect(lookupSynonyms(table, '유실물')).toEqual([]);
  });
  it('compares keys spacing-insensitively and ignores comments and blank lines', () => {
    expect(lookupSynonyms(table, '이중청구')).toEqual(['이중결제']);
    expect(lookupSynonyms(table, '# comment line')).toEqual([]);
    expect(table.map.size).toBe(5);
  });
});
