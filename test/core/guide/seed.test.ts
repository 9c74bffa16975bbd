import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../../src/main/core/guide/parse';

const FIXTURES = join(__dirname, '../../fixtures/guides');
const SEED_NAME = '(보관-24.12.5)이중결제 취소요청(타사 주차권).md';
const seedText = readFileSync(join(FIXTURES, SEED_NAME), 'utf8');
const { version, problems } = parseGuide(SEED_NAME, seedText);
const v = version!;

describe('seed export: 이중결제 취소요청(타사 주차권)', () => {
  it('parses without problems', () => {
    expect(problems).toEqual([]);
    expect(v).not.toBeNull();
    expect(v.format).toBe('zendesk-export');
  });

  it('title, id, archive date', () => {
    expect(v.title).toBe('이중결제 취소요청(타사 주차권)');
    expect(v.rawTitle).toBe('(보관-24.12.5)이중결제 취소요청(타사 주차권)');
    expect(v.id).toBe('이중결제취소요청(타사주차권)');
    expect(v.archived).toBe(true);
    expect(v.archivedAt).toBe('2024-12-05');
    expect(v.path).toBe(SEED_NAME);
  });

  it('category path and options, broken bold and escaped underscore repaired', () => {
    expect(v.category).toEqual(['주차_고객', '결제', '이중결제']);
    expect(v.categoryOptions).toEqual(['연동', '비연동', '기타']);
  });

  it('response steps', () => {
    expect(v.responseSteps).toEqual([
      'pick 확인',
      '타사 주차권 내역요청',
      '자동결제 취소',
      'T 주차권 구매제안 및 쿠폰지급',
    ]);
  });

  it('policies: one row per bullet, ㄴ lines as notes, phones per row', () => {
    expect(v.policies).toHaveLength(3);
    expect(v.policies[0]).toEqual({
      text: '성북구 공영주차장 → 고객이 직접 관제센터로 문의 안내',
      notes: ['성북구통합관제센터 02-6925-0023'],
      phones: ['02-6925-0023'],
    });
    expect(v.policies[1].text).toBe('속초시 공영주차장 → 센터에서 관제센터로 연락하여 조치 후 고객 사후 안내');
    expect(v.policies[1].notes).toEqual(['속초시 관제센터 연락처 033-636-4240/ 033-637-6242']);
    expect(v.policies[1].phones).toEqual(['033-636-4240', '033-637-6242']);
    expect(v.policies[2]).toEqual({
      text: '인천공항 주차장 관련 모든 요청은 아지트로 확인 요청',
      notes: [],
      phones: [],
    });
  });

  it('question', () => {
    expect(v.question).toBe('타사 주차권을 사용했는데, 주차패스도 결제되었어요.');
  });

  it('four script steps with their titles', () => {
    expect(v.scripts.map((s) => s.step)).toEqual([1, 2, 3, 4]);
    expect(v.scripts[0].title).toBe('기본안내(감성케어+본인확인+주차이용건 확인)');
    expect(v.scripts[1].title).toBe('타사 주차권 내역 확인 (주차장 명 / 차량번호 / 결제시간)');
    expect(v.scripts[2].title).toBe('이중결제 발생된 상황설명 및 주차패스 결제취소');
    expect(v.scripts[3].title).toContain('카카오 T 주차권 구매 권유 제안 및 쿠폰 지급');
  });

  it('step 1: script out of the ### heading, placeholders, the ※ link text as a note', () => {
    const s = v.scripts[0];
    expect(s.text.startsWith('이중결제가 발생되어 많이 당황스러우셨을 텐데요.')).toBe(true);
    expect(s.text).toContain('20OO-OO-OO OOO 주차장');
    expect(s.text.endsWith('확인해 주셔서 감사합니다.')).toBe(true);
    expect(s.text).not.toContain('②');
    expect(s.text).not.toContain('타사 주차권 내역 확인');
    expect(s.placeholders).toEqual(['20OO-OO-OO', 'OOO']);
    expect(s.notes).toEqual(['본인이 아닌 경우 상담제한']);
    expect(s.condition).toBeNull();
  });

  it('step 2: condition, inline * notes split off, script resumes after the note', () => {
    const s = v.scripts[1];
    expect(s.condition).toBe('모두의 주차권을 사용한 경우');
    expect(s.text).toBe(
      "번거로우시겠지만 이용하신 주차권의 날짜와 차량번호가 확인되도록, '예약내역'과 '결제내역'을 첨부해 주시겠습니까? 첨부해 주셔서 감사합니다.",
    );
    expect(s.notes).toEqual([
      "모두의 주차장에서 주차권 이용 + 자동결제된 경우 모두의 주차장 정책 상 '입차 후 예약' 시 처리불가",
      "모두의 주차장 예약내역에서는 '결제시간' 확인이 불가하여, 결제내역도 함께 요청 필요",
    ]);
  });

  it('step 3: line breaks kept, paragraphs separated', () => {
    expect(v.scripts[2].text).toBe(
      [
        '주차권이 정상적으로 적용되었다면 주차패스 내역은 생성되더라도 결제되지 않아요.',
        '다만, 주차권이 제대로 적용되지 않아 결제가 이루어진 상황으로 확인됩니다.',
        '',
        '첨부해 주신 내역으로 주차패스 결제 건은 바로 취소처리하겠습니다.',
        '카드사에 따라 취소 이후 실제 환불까지 영업일 기준 3~5일의 시간이 소요될 수 있으니 양해 부탁드립니다.',
      ].join('\n'),
    );
  });

  it('step 4: glued marker, coupon block and URL line, [참고] case as a branch', () => {
    const s = v.scripts[3];
    expect(s.text.startsWith('이번에 다른 업체의 주차권이')).toBe(true);
    expect(s.text).toContain('[쿠폰 사용 안내]\n- 사용범위 : 카카오 T 또는 카카오내비 앱을 통한 주차권 구매 전용\n');
    expect(s.text).toContain('- 사용기한 : 24.12.31까지');
    expect(s.text.split('\n')).toContain('https://t.kakao.com/launch?page=coupon');
    expect(s.text.endsWith('편리한 주차서비스를 카카오 T와 함께 경험해 보시길 바랄게요.')).toBe(true);
    expect(s.text).not.toContain('[참고]');
    expect(s.text).not.toContain('입차 후 구매');
    expect(s.branches).toHaveLength(1);
    expect(s.branches[0].condition).toBe("모두의주차권 예약내역 상 '입차 후 구매' 문구 확인 시");
    expect(s.branches[0].text).toBe(
      '확인 감사합니다. 다만 첨부해 주신 모두의 주차권은 입차 후 구매하신 내역으로 확인됩니다. 번거로우시겠지만 주차권 관련하여 모두의 주차장으로 문의해 주시겠습니까?',
    );
  });

  it('script texts are customer-facing only: no markup, no notes, no step titles, trimmed', () => {
    for (const s of v.scripts) {
      expect(s.text).toBe(s.text.trim());
      expect(s.text).not.toMatch(/\*\*|\\|※|^#|<https?:|\]\(|^>/m);
      expect(s.text).not.toMatch(/^\* /m);
      expect(s.text).not.toContain(s.title);
      expect(s.text).not.toMatch(/[①-⑳]/u);
      expect(s.text).not.toContain('\u00a0');
    }
  });

  it('guide-level facts: dates, phones, placeholders, links', () => {
    expect(v.effectiveDates).toEqual(['2024-11-27']);
    expect(v.expiryDates).toEqual(['2024-12-31']);
    expect(v.phones).toEqual(['02-6925-0023', '033-636-4240', '033-637-6242']);
    expect(v.placeholders).toEqual(['20OO-OO-OO', 'OOO']);
    expect(v.links).toHaveLength(2);
    expect(v.links[0].text).toBe('※ 본인이 아닌 경우 상담제한');
    expect(v.links[0].href).toMatch(
      /^https:\/\/kakaomobilitysupport\.zendesk\.com\/hc\/ko\/articles\/29203184881177--/,
    );
    expect(v.links[0].target).toBeNull();
    expect(v.links[1]).toEqual({
      text: 'https://t.kakao.com/launch?page=coupon',
      href: 'https://t.kakao.com/launch?page=coupon',
      target: null,
    });
    expect(v.notes).toEqual([]);
  });

  it('cleaned markdown drops the export noise but keeps the content', () => {
    const md = v.markdown;
    expect(md.startsWith('# (보관-24.12.5)이중결제 취소요청(타사 주차권)\n')).toBe(true);
    expect(md).not.toContain('****');
    expect(md).not.toContain('―');
    expect(md).not.toMatch(/^={3,}$/m);
    expect(md).not.toContain('\u00a0');
    expect(md).toMatch(/^### ② 타사 주차권 내역 확인/m);
    expect(md).toMatch(/^### ③ 이중결제 발생된 상황설명 및 주차패스 결제취소$/m);
    expect(md).toMatch(/^### ④ 카카오 T 주차권 구매 권유 제안 및 쿠폰 지급 \(24\.11\.27부터 적용\)$/m);
    // The long script paragraph is no longer a heading.
    expect(md).toMatch(/^이중결제가 발생되어/m);
    // The bold copy of the title is gone: the title appears once as a heading.
    expect(md.match(/이중결제 취소요청\(타사 주차권\)/g)).toHaveLength(1);
  });

  it('plain text is NFC, single-spaced, markup-free and searchable', () => {
    const t = v.plainText;
    expect(t).toBe(t.normalize('NFC'));
    expect(t).not.toMatch(/\s{2,}|\*\*|\n/);
    expect(t).toContain('성북구통합관제센터 02-6925-0023');
    expect(t).toContain('타사 주차권을 사용했는데');
    expect(t).toContain('주차_고객');
  });
});
