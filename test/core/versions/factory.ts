/**
 * GuideVersion fixtures for core/versions tests, built by hand (no parser dependency).
 * The `seed*` pair mirrors content/(보관-24.12.5)이중결제 취소요청(타사 주차권).md and its current copy.
 */
import type { GuideVersion, PolicyRow, ScriptStep } from '../../../src/shared/guide';

export function makeVersion(overrides: Partial<GuideVersion> & { path: string }): GuideVersion {
  const title = overrides.title ?? '테스트 가이드';
  const base: GuideVersion = {
    id: title.replace(/\s+/g, ''),
    path: overrides.path,
    format: 'authored',
    title,
    rawTitle: title,
    archived: false,
    archivedAt: null,
    category: [],
    categoryOptions: [],
    responseSteps: [],
    policies: [],
    question: null,
    scripts: [],
    placeholders: [],
    phones: [],
    links: [],
    effectiveDates: [],
    expiryDates: [],
    notes: [],
    markdown: '',
    plainText: '',
  };
  const v = { ...base, ...overrides };
  if (v.archived && v.archivedAt && overrides.rawTitle === undefined) {
    const [y, m, d] = v.archivedAt.split('-').map(Number);
    v.rawTitle = `(보관-${y % 100}.${m}.${d})${title}`;
  }
  return v;
}

/** An archived copy of `title` archived on `archivedAt`, path `(보관-yy.m.d)title.md`. */
export function archivedCopy(title: string, archivedAt: string, extra: Partial<GuideVersion> = {}): GuideVersion {
  const [y, m, d] = archivedAt.split('-').map(Number);
  return makeVersion({ title, archived: true, archivedAt, path: `(보관-${y % 100}.${m}.${d})${title}.md`, ...extra });
}

export function currentCopy(title: string, extra: Partial<GuideVersion> = {}): GuideVersion {
  return makeVersion({ title, path: `${title}.md`, ...extra });
}

export function row(text: string, notes: string[] = []): PolicyRow {
  const phones = [text, ...notes].join(' ').match(/\d{2,4}-\d{3,4}-\d{4}/g) ?? [];
  return { text, notes, phones };
}

export function step(n: number, title: string, text: string, extra: Partial<ScriptStep> = {}): ScriptStep {
  return { step: n, title, text, notes: [], condition: null, placeholders: [], branches: [], ...extra };
}

const SEED_TITLE = '이중결제 취소요청(타사 주차권)';

function seedSteps(variant: 'archived' | 'current'): ScriptStep[] {
  const refund =
    variant === 'archived'
      ? '카드사에 따라 취소 이후 실제 환불까지 영업일 기준 3~5일의 시간이 소요될 수 있으니 양해 부탁드립니다.'
      : '취소 후 실제 환불까지는 카드사에 따라 영업일 기준 3~5일 정도 걸릴 수 있는 점 양해 부탁드립니다.';
  const expiry = variant === 'archived' ? '24.12.31' : '25.6.30';
  const applied = variant === 'archived' ? '24.11.27' : '25.1.2';
  return [
    step(
      1,
      '기본안내(감성케어+본인확인+주차이용건 확인)',
      '이중결제가 발생되어 많이 당황스러우셨을 텐데요. 신속히 확인해 보겠습니다. 정확한 확인을 위해 카카오 T를 이용하시는 고객님 본인 맞으실까요?\n소중한 정보확인 감사합니다.\n실례지만 20OO-OO-OO OOO주차장 이용건 맞으실까요?',
      { notes: ['본인이 아닌 경우 상담제한'], placeholders: ['20OO-OO-OO', 'OOO'] },
    ),
    step(
      2,
      '타사 주차권 내역 확인 (주차장 명 / 차량번호 / 결제시간)',
      "번거로우시겠지만 이용하신 주차권의 날짜와 차량번호가 확인되도록, '예약내역'과 '결제내역'을 첨부해 주시겠습니까?\n첨부해 주셔서 감사합니다.",
      {
        condition: '모두의 주차권을 사용한 경우',
        notes: [
          "모두의 주차장에서 주차권 이용 + 자동결제된 경우 모두의 주차장 정책 상 '입차 후 예약' 시 처리불가",
          "모두의 주차장 예약내역에서는 '결제시간' 확인이 불가하여, 결제내역도 함께 요청 필요",
        ],
      },
    ),
    step(
      3,
      '이중결제 발생된 상황설명 및 주차패스 결제취소',
      `주차권이 정상적으로 적용되었다면 주차패스 내역은 생성되더라도 결제되지 않아요.\n다만, 주차권이 제대로 적용되지 않아 결제가 이루어진 상황으로 확인됩니다.\n첨부해 주신 내역으로 주차패스 결제 건은 바로 취소처리하겠습니다.\n${refund}`,
    ),
    step(
      4,
      `카카오 T 주차권 구매 권유 제안 및 쿠폰 지급 (${applied}부터 적용)`,
      `이번에 다른 업체의 주차권이 자동으로 적용되지 않아 많이 불편하셨을 것 같아요.\n카카오 T 주차권은 이중결제 걱정 없이 더욱 간편하게 주차장을 이용할 수 있으니 다음엔 카카오 T 주차권 꼭 한 번 이용해 보세요.\n더 편리하게 주차장을 이용하실 수 있도록 카카오 T 주차권 할인쿠폰도 지급해 드릴게요.\n[쿠폰 사용 안내]\n- 사용범위 : 카카오 T 또는 카카오내비 앱을 통한 주차권 구매 전용\n- 적용방법 : 주차권 결제단계에서 '쿠폰적용' 선택\n- 사용기한 : ${expiry}까지\n쿠폰 발급이 완료되면 아래의 링크에서 확인하실 수 있어요.\nhttps://t.kakao.com/launch?page=coupon\n편리한 주차서비스를 카카오 T와 함께 경험해 보시길 바랄게요.`,
      {
        branches: [
          {
            condition: "모두의주차권 예약내역 상 '입차 후 구매' 문구 확인 시",
            text: '확인 감사합니다. 다만 첨부해 주신 모두의 주차권은 입차 후 구매하신 내역으로 확인됩니다. 번거로우시겠지만 주차권 관련하여 모두의 주차장으로 문의해 주시겠습니까?',
            notes: [],
            placeholders: [],
          },
        ],
      },
    ),
  ];
}

function seed(variant: 'archived' | 'current'): GuideVersion {
  const archived = variant === 'archived';
  const steps = ['pick 확인', '타사 주차권 내역요청', '자동결제 취소', 'T 주차권 구매제안 및 쿠폰지급'];
  if (!archived) steps.push('재발 방지 안내');
  return makeVersion({
    id: SEED_TITLE.replace(/\s+/g, ''),
    title: SEED_TITLE,
    rawTitle: archived ? `(보관-24.12.5)${SEED_TITLE}` : SEED_TITLE,
    path: archived ? `(보관-24.12.5)${SEED_TITLE}.md` : `${SEED_TITLE}.md`,
    format: 'zendesk-export',
    archived,
    archivedAt: archived ? '2024-12-05' : null,
    category: ['주차_고객', '결제', '이중결제'],
    categoryOptions: ['연동', '비연동', '기타'],
    responseSteps: steps,
    policies: [
      row('성북구 공영주차장 → 고객이 직접 관제센터로 문의 안내', ['성북구통합관제센터 02-6925-0023']),
      row('속초시 공영주차장 → 센터에서 관제센터로 연락하여 조치 후 고객 사후 안내', [
        `속초시 관제센터 연락처 033-636-4240/ ${archived ? '033-637-6242' : '033-639-0000'}`,
      ]),
      row('인천공항 주차장 관련 모든 요청은 아지트로 확인 요청'),
    ],
    question: '타사 주차권을 사용했는데, 주차패스도 결제되었어요.',
    scripts: seedSteps(variant),
    effectiveDates: [archived ? '2024-11-27' : '2025-01-02'],
    expiryDates: [archived ? '2024-12-31' : '2025-06-30'],
  });
}

export const seedArchived = (): GuideVersion => seed('archived');
export const seedCurrent = (): GuideVersion => seed('current');

/** Spans → the two sides they spell. */
export function spell(spans: { kind: string; text: string }[]): { before: string; after: string } {
  return {
    before: spans
      .filter((s) => s.kind !== 'added')
      .map((s) => s.text)
      .join(''),
    after: spans
      .filter((s) => s.kind !== 'removed')
      .map((s) => s.text)
      .join(''),
  };
}
