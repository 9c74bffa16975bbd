import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHONE_PATTERN, extractDates, extractPhones, extractPlaceholders } from '../../../src/main/core/guide/extract';
import { guideIdFromTitle, splitArchivePrefix } from '../../../src/main/core/guide/title';

describe('extractPhones', () => {
  it.each([
    ['성북구통합관제센터 02-6925-0023', ['02-6925-0023']],
    ['속초시 관제센터 연락처 033-636-4240/ 033-637-6242', ['033-636-4240', '033-637-6242']],
    ['대표번호 1588-1234', ['1588-1234']],
    ['010-1234-5678', ['010-1234-5678']],
    ['02 6925 0023', ['02-6925-0023']],
    ['0269250023', ['02-6925-0023']],
    ['01012345678', ['010-1234-5678']],
    ['(02)6925-0023', ['02-6925-0023']],
    ['031-000-0000 그리고 031-000-0000 다시', ['031-000-0000']],
  ])('%s', (input, expected) => {
    expect(extractPhones(input)).toEqual(expected);
  });

  it.each([
    ['2024-11-27부터 적용'],
    ['24.12.31까지'],
    ['금액 15,880원 결제'],
    ['1588-1234원 청구'],
    ['010-OOOO-OOOO로 연락'],
    ['주문번호 20241127123456'],
    ['영업일 기준 3~5일'],
    ['2024.02.12.3456'],
    ['다산콜센터 120'],
  ])('not a phone: %s', (input) => {
    expect(extractPhones(input)).toEqual([]);
  });

  it('property: every result matches the normalised phone pattern, on any text', () => {
    const alphabet = fc.constantFrom(...'0123456789-. /()~원부터까지OOㄴ가나 \n'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 80 }), (s) => {
        for (const p of extractPhones(s)) expect(p).toMatch(PHONE_PATTERN);
      }),
      { numRuns: 500 },
    );
  });

  it('property: a generated mobile number is found in any spelling', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{4}$/),
        fc.stringMatching(/^[0-9]{4}$/),
        fc.constantFrom('-', ' ', '.', ''),
        (a, b, sep) => {
          expect(extractPhones(`고객 연락처 010${sep}${a}${sep}${b} 입니다`)).toEqual([`010-${a}-${b}`]);
        },
      ),
    );
  });
});

describe('extractPlaceholders', () => {
  it('capital-O runs, with dates/times/units, in order and unique', () => {
    expect(
      extractPlaceholders('20OO-OO-OO OOO 주차장 문의, 날짜 + OOO주차장, OO:OO 출차, OO원 결제, OO,OOO원'),
    ).toEqual(['20OO-OO-OO', 'OOO', 'OO:OO', 'OO원', 'OO,OOO원']);
  });
  it('not the letter O inside English words', () => {
    expect(extractPlaceholders('OK 버튼, ON/OFF, ZOOM, LOOK, O2O 서비스')).toEqual([]);
  });
  it('a lone O only with a unit', () => {
    expect(extractPlaceholders('O시 O분 예약, 등급 O')).toEqual(['O시', 'O분']);
  });
  it('unit kept before a particle, dropped inside a longer word', () => {
    expect(extractPlaceholders('OOOO원의 수수료')).toEqual(['OOOO원']);
    expect(extractPlaceholders('OO시청 앞')).toEqual(['OO']);
  });
});

describe('extractDates', () => {
  it('effective and expiry', () => {
    expect(extractDates('(24.11.27부터 적용)')).toEqual({ effective: ['2024-11-27'], expiry: [] });
    expect(extractDates('2024.11.27부터')).toEqual({ effective: ['2024-11-27'], expiry: [] });
    expect(extractDates('- 사용기한 : 24.12.31까지')).toEqual({ effective: [], expiry: ['2024-12-31'] });
    expect(extractDates('사용기한 : 24.12.31')).toEqual({ effective: [], expiry: ['2024-12-31'] });
    expect(extractDates('이벤트 ~24.12.31')).toEqual({ effective: [], expiry: ['2024-12-31'] });
    expect(extractDates('기간 24.11.1 ~ 24.11.30')).toEqual({ effective: ['2024-11-01'], expiry: ['2024-11-30'] });
    expect(extractDates('2025년 3월 2일부터 시행')).toEqual({ effective: ['2025-03-02'], expiry: [] });
  });
  it('month/day without a year only with a default year', () => {
    expect(extractDates('3월 2일부터')).toEqual({ effective: [], expiry: [] });
    expect(extractDates('3월 2일부터', { defaultYear: 2025 })).toEqual({ effective: ['2025-03-02'], expiry: [] });
  });
  it('ignores dates without a clue, invalid dates and non-dates', () => {
    expect(extractDates('24.12.5 이용 건, 3~5일 소요, 24.13.40부터, 24.2.30까지')).toEqual({
      effective: [],
      expiry: [],
    });
  });
  it('sorted and unique', () => {
    expect(extractDates('25.1.2부터 적용, 24.11.27부터 적용, 24.11.27부터').effective).toEqual([
      '2024-11-27',
      '2025-01-02',
    ]);
  });
});

describe('titles', () => {
  it.each([
    ['(보관-24.12.5)이중결제 취소요청(타사 주차권)', '2024-12-05'],
    ['(보관-24.12.05)이중결제 취소요청(타사 주차권)', '2024-12-05'],
    ['(보관 24.12.5)이중결제 취소요청(타사 주차권)', '2024-12-05'],
    ['[보관-24.12.5]이중결제 취소요청(타사 주차권)', '2024-12-05'],
    ['(보관-2024.12.5)이중결제 취소요청(타사 주차권)', '2024-12-05'],
    ['(보관-24.12.5)   이중결제 취소요청(타사 주차권)', '2024-12-05'],
  ])('%s', (raw, date) => {
    expect(splitArchivePrefix(raw)).toEqual({
      title: '이중결제 취소요청(타사 주차권)',
      archivedAt: date,
      archived: true,
    });
  });
  it('no prefix, or a prefix without a date', () => {
    expect(splitArchivePrefix('이중결제  취소요청')).toEqual({
      title: '이중결제 취소요청',
      archivedAt: null,
      archived: false,
    });
    expect(splitArchivePrefix('(보관)이중결제')).toEqual({ title: '이중결제', archivedAt: null, archived: true });
    expect(splitArchivePrefix('(보관-24.13.5)이중결제').archivedAt).toBeNull();
  });
  it('ids: NFC, whitespace removed, ASCII lower-cased; spacing variants share an id', () => {
    expect(guideIdFromTitle('이중결제 취소요청(타사 주차권)')).toBe('이중결제취소요청(타사주차권)');
    expect(guideIdFromTitle('이중결제취소요청 (타사주차권)')).toBe(guideIdFromTitle('이중 결제 취소요청(타사 주차권)'));
    expect(guideIdFromTitle('카카오 T 주차권')).toBe('카카오t주차권');
    expect(guideIdFromTitle('이중결제'.normalize('NFD'))).toBe('이중결제');
  });
});
