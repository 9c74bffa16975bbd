import { describe, expect, it } from 'vitest';
import { collectLinks, stripInline } from '../../../src/main/core/guide/markup';

describe('links to guides by file name with spaces', () => {
  it('are links (CommonMark would not take them) and their syntax never reaches plain text', () => {
    const note = '이중결제 건은 [이중결제 취소요청(타사 주차권)](../이중결제 취소요청(타사 주차권).md) 가이드 참고';
    expect(collectLinks(note)).toEqual([
      { text: '이중결제 취소요청(타사 주차권)', href: '../이중결제 취소요청(타사 주차권).md', target: null },
    ]);
    expect(stripInline(note)).toBe('이중결제 건은 이중결제 취소요청(타사 주차권) 가이드 참고');
  });

  it('do not swallow prose in brackets that is not a link to a guide', () => {
    expect(collectLinks('[참고] (아래 내용 확인) 후 안내')).toEqual([]);
    expect(collectLinks('[쿠폰](https://t.kakao.com/a b)')).toEqual([]);
  });
});
