import { describe, expect, it } from 'vitest';
import { alignLists, similarity, splitSentences, tokenize, wordSpans } from '../../../src/main/core/versions/textdiff';
import { spell } from './factory';

describe('tokenize', () => {
  it('keeps Korean eojeol whole and splits numbers at punctuation', () => {
    expect(tokenize('주차권을 033-637-6242로')).toEqual(['주차권을', ' ', '033', '-', '637', '-', '6242로']);
  });
  it('keeps decomposed (NFD) Hangul syllables in one token', () => {
    expect(tokenize('주차권을 구매'.normalize('NFD'))).toHaveLength(3);
  });
});

describe('wordSpans', () => {
  it('absorbs glue between two edits so a replaced phrase reads as one run', () => {
    expect(wordSpans('환불 가능 여부 확인', '결제 취소 여부 확인')).toEqual([
      { kind: 'removed', text: '환불 가능' },
      { kind: 'added', text: '결제 취소' },
      { kind: 'same', text: ' 여부 확인' },
    ]);
  });
  it('marks a whole date as replaced when every part differs', () => {
    expect(wordSpans('사용기한 : 24.12.31까지', '사용기한 : 25.6.30까지')).toEqual([
      { kind: 'same', text: '사용기한 : ' },
      { kind: 'removed', text: '24.12.31까지' },
      { kind: 'added', text: '25.6.30까지' },
    ]);
  });
  it('handles empty sides', () => {
    expect(wordSpans('', '안내')).toEqual([{ kind: 'added', text: '안내' }]);
    expect(wordSpans('안내', '')).toEqual([{ kind: 'removed', text: '안내' }]);
    expect(wordSpans('', '')).toEqual([]);
  });
  it('stays exact and fast on a very long, completely rewritten text (cost guard)', () => {
    const a = Array.from({ length: 4000 }, (_, i) => `가${i}`).join(' ');
    const b = Array.from({ length: 4000 }, (_, i) => `나${i}`).join(' ');
    const t = Date.now();
    const spans = wordSpans(`시작 ${a} 끝`, `시작 ${b} 끝`);
    expect(Date.now() - t).toBeLessThan(2000);
    expect(spell(spans)).toEqual({ before: `시작 ${a} 끝`, after: `시작 ${b} 끝` });
    expect(spans[0]).toEqual({ kind: 'same', text: '시작 ' });
  });
});

describe('splitSentences', () => {
  it('splits at line breaks and sentence ends, not inside dates or numbers', () => {
    expect(splitSentences('확인 감사합니다. 사용기한 : 24.12.31까지\n3.5% 할인돼요? 네!')).toEqual([
      '확인 감사합니다.',
      '사용기한 : 24.12.31까지',
      '3.5% 할인돼요?',
      '네!',
    ]);
  });
});

describe('similarity and alignLists', () => {
  it('scores Korean rewordings above unrelated text', () => {
    const a = '카드사에 따라 실제 환불까지 영업일 기준 3~5일이 소요될 수 있으니 양해 부탁드립니다.';
    const b = '환불 금액은 카드사에 따라 영업일 기준 3~5일 안에 돌려받으실 수 있어요.';
    expect(similarity(a, b)).toBeGreaterThan(similarity(a, '기사님께 바로 연락드려 볼게요.'));
    expect(similarity('같음', '같음')).toBe(1);
  });
  it('pairs reworded items in order and leaves the rest added/removed', () => {
    const ops = alignLists(
      ['본인 확인', '자동결제 취소', '쿠폰 지급'],
      ['본인 확인', '신규 단계', '자동결제 즉시 취소', '쿠폰 지급'],
      (s) => s,
      similarity,
      0.4,
    );
    expect(ops.map((o) => o.kind)).toEqual(['pair', 'added', 'pair', 'pair']);
  });
  it('bounds the cost of aligning two long, unrelated lists', () => {
    const a = ['머리', ...Array.from({ length: 3000 }, (_, i) => `a${i}`), '꼬리'];
    const b = ['머리', ...Array.from({ length: 3000 }, (_, i) => `b${i}`), '꼬리'];
    const t = Date.now();
    const ops = alignLists(a, b, (s) => s, similarity, 0.5);
    expect(Date.now() - t).toBeLessThan(2000);
    expect(ops[0]).toMatchObject({ kind: 'pair', a: '머리', b: '머리' });
    expect(ops[ops.length - 1]).toMatchObject({ kind: 'pair', a: '꼬리', b: '꼬리' });
    expect(ops.filter((o) => o.kind === 'removed')).toHaveLength(3000);
    expect(ops.filter((o) => o.kind === 'added')).toHaveLength(3000);
  });
});
