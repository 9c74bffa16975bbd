/** A small hand-built pack of guide versions for search tests. */
import type { GuideVersion, PolicyRow, ScriptStep, VersionSummary } from '../../../src/shared/guide';
import type { SearchDocInput } from '../../../src/main/core/search';

interface Spec {
  id: string;
  path: string;
  title: string;
  archivedAt?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  isCurrent?: boolean;
  category: string[];
  options?: string[];
  steps?: string[];
  policies?: [string, string[]?][];
  question?: string;
  scripts?: [string, string][];
  extraBody?: string;
  /** The body as given, instead of every field joined (keeps a test's matches to chosen fields). */
  plainText?: string;
}

function phonesOf(s: string): string[] {
  return [...s.matchAll(/0\d{1,2}-\d{3,4}-\d{4}|1\d{3}-\d{4}/g)].map((m) => m[0]);
}

export function makeDoc(spec: Spec): SearchDocInput {
  const archived = !!spec.archivedAt;
  const policies: PolicyRow[] = (spec.policies ?? []).map(([text, notes = []]) => ({
    text,
    notes,
    phones: phonesOf([text, ...notes].join(' ')),
  }));
  const scripts: ScriptStep[] = (spec.scripts ?? []).map(([title, text], i) => ({
    step: i + 1,
    title,
    text,
    notes: [],
    condition: null,
    placeholders: [],
    branches: [],
  }));
  const plainText =
    spec.plainText ??
    [
      spec.title,
      spec.category.join(' ▶ '),
      (spec.options ?? []).join(', '),
      (spec.steps ?? []).join(' ▶ '),
      ...policies.flatMap((p) => [p.text, ...p.notes]),
      spec.question ?? '',
      ...scripts.flatMap((s) => [s.title, s.text]),
      spec.extraBody ?? '',
    ]
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  const version: GuideVersion = {
    id: spec.id,
    path: spec.path,
    format: 'authored',
    title: spec.title,
    rawTitle: archived ? `(보관-${spec.archivedAt})${spec.title}` : spec.title,
    archived,
    archivedAt: spec.archivedAt ?? null,
    category: spec.category,
    categoryOptions: spec.options ?? [],
    responseSteps: spec.steps ?? [],
    policies,
    question: spec.question ?? null,
    scripts,
    placeholders: [],
    phones: policies.flatMap((p) => p.phones),
    links: [],
    effectiveDates: [],
    expiryDates: [],
    notes: [],
    markdown: plainText,
    plainText,
  };
  const summary: VersionSummary = {
    path: spec.path,
    archived,
    archivedAt: spec.archivedAt ?? null,
    validFrom: spec.validFrom ?? null,
    validTo: spec.validTo ?? null,
  };
  return { version, summary, isCurrent: spec.isCurrent ?? !archived };
}

const LONG_FILLER =
  '상담 시 고객님의 불편 사항을 충분히 경청하고 공감 표현을 먼저 한 뒤 안내를 시작합니다. ' +
  '안내 내용은 천천히 또렷하게 전달하고, 고객님이 이해하셨는지 확인하는 질문을 덧붙입니다. ' +
  '처리 결과는 상담 이력에 빠짐없이 남기고 후속 조치가 필요한 경우 담당 부서를 함께 기록합니다. ';

export const DOUBLE_PAY_OLD = makeDoc({
  id: 'double-payment',
  path: '(보관-24.12.5)이중결제 취소요청(타사 주차권).md',
  title: '이중결제 취소요청(타사 주차권)',
  archivedAt: '2024-12-05',
  validFrom: null,
  validTo: '2024-12-04',
  category: ['주차_고객', '결제', '이중결제'],
  options: ['연동', '비연동', '기타'],
  steps: ['pick 확인', '타사 주차권 내역요청', '자동결제 취소', 'T 주차권 구매제안 및 쿠폰지급'],
  policies: [
    ['성북구 공영주차장 → 고객이 직접 관제센터로 문의 안내', ['성북구통합관제센터 02-6925-0023']],
    [
      '속초시 공영주차장 → 센터에서 관제센터로 연락하여 조치 후 고객 사후 안내',
      ['속초시 관제센터 연락처 033-636-4240'],
    ],
  ],
  question: '타사 주차권을 사용했는데, 주차패스도 결제되었어요.',
  scripts: [
    ['기본안내', '이중결제가 발생되어 많이 당황스러우셨을 텐데요. 신속히 확인해 보겠습니다.'],
    [
      '타사 주차권 내역 확인',
      "이용하신 주차권의 날짜와 차량번호가 확인되도록, '예약내역'과 '결제내역'을 첨부해 주시겠습니까?",
    ],
    ['주차패스 결제취소', '첨부해 주신 내역으로 주차패스 결제 건은 바로 취소처리하겠습니다.'],
  ],
});

export const DOUBLE_PAY = makeDoc({
  ...{
    id: 'double-payment',
    path: '이중결제 취소요청(타사 주차권).md',
    title: '이중결제 취소요청(타사 주차권)',
    validFrom: '2024-12-05',
    category: ['주차_고객', '결제', '이중결제'],
    options: ['연동', '비연동', '기타'],
    steps: ['pick 확인', '타사 주차권 내역요청', '자동결제 취소', 'T 주차권 구매제안 및 쿠폰지급'],
    policies: [
      ['성북구 공영주차장 → 고객이 직접 관제센터로 문의 안내', ['성북구통합관제센터 02-6925-0023']],
      [
        '속초시 공영주차장 → 센터에서 관제센터로 연락하여 조치 후 고객 사후 안내',
        ['속초시 관제센터 연락처 033-636-4240'],
      ],
      ['인천공항 주차장 관련 모든 요청은 아지트로 확인 요청'],
    ],
    question: '타사 주차권을 사용했는데, 주차패스도 결제되었어요.',
    scripts: [
      ['기본안내', '이중결제가 발생되어 많이 당황스러우셨을 텐데요. 신속히 확인해 보겠습니다.'],
      [
        '타사 주차권 내역 확인',
        "이용하신 주차권의 날짜와 차량번호가 확인되도록, '예약내역'과 '결제내역'을 첨부해 주시겠습니까?",
      ],
      [
        '주차패스 결제취소',
        '첨부해 주신 내역으로 주차패스 결제 건은 바로 취소처리하겠습니다. 카드사에 따라 취소 이후 실제 환불까지 영업일 기준 3~5일이 소요될 수 있습니다.',
      ],
      [
        '카카오 T 주차권 구매 권유',
        '카카오 T 주차권은 이중결제 걱정 없이 더욱 간편하게 주차장을 이용할 수 있어요. 할인쿠폰도 지급해 드릴게요.',
      ],
    ],
  },
});

export const PACK: SearchDocInput[] = [
  DOUBLE_PAY_OLD,
  DOUBLE_PAY,
  makeDoc({
    id: 'parking-refund',
    path: 'parking/주차권 환불 요청.md',
    title: '주차권 환불 요청',
    validFrom: '2025-03-01',
    category: ['주차_고객', '환불', '주차권'],
    options: ['미사용', '사용'],
    steps: ['본인 확인', '주차권 사용 여부 확인', '환불 처리', '완료 안내'],
    policies: [['미사용 주차권은 이용일 전날까지 전액 환불'], ['입차 이후에는 환불 불가 → 현장 관리자 문의 안내']],
    scripts: [
      ['본인 확인', '정확한 확인을 위해 고객님 본인 맞으실까요?'],
      [
        '환불 처리',
        '구매하신 주차권은 바로 환불 처리해 드리겠습니다. 환불은 결제 수단으로 3~5 영업일 안에 돌아갑니다.',
      ],
    ],
    extraBody: LONG_FILLER + '환불 요청 시 영수증 재발급은 앱의 이용내역 화면에서 가능하다고 안내합니다.',
  }),
  makeDoc({
    id: 'parking-refund',
    path: 'parking/(보관-25.3.1)주차권 환불 요청.md',
    title: '주차권 환불 요청',
    archivedAt: '2025-03-01',
    validFrom: null,
    validTo: '2025-02-28',
    category: ['주차_고객', '환불', '주차권'],
    options: ['미사용', '사용'],
    steps: ['본인 확인', '환불 처리'],
    policies: [['미사용 주차권은 이용 시작 1시간 전까지 전액 환불']],
    scripts: [
      ['환불 처리', '구매하신 주차권은 바로 환불 처리해 드리겠습니다. 레거시 정산 시스템에서 수동 환불합니다.'],
    ],
  }),
  makeDoc({
    id: 'monthly-pass',
    path: 'parking/월주차 정기권 해지.md',
    title: '월주차 정기권 해지',
    validFrom: '2025-02-01',
    category: ['주차_고객', '정기권', '해지'],
    steps: ['본인 확인', '잔여 기간 확인', '해지 및 일할 환불'],
    policies: [['해지 요청일 기준 잔여 일수 일할 계산 환불']],
    scripts: [['해지 안내', '월주차 정기권 해지를 도와드리겠습니다. 잔여 기간은 일할 계산하여 환불됩니다.']],
  }),
  makeDoc({
    id: 'gate-error',
    path: 'parking/출차 오류(차단기 미개방).md',
    title: '출차 오류(차단기 미개방)',
    category: ['주차_고객', '이용', '출차 오류'],
    steps: ['안전 확인', '차량번호 확인', '원격 개방 요청'],
    policies: [['차단기 미개방 시 관제센터 원격 개방 요청', ['주차 관제 상황실 1588-0000']]],
    scripts: [['원격 개방', '바로 관제센터에 차단기 개방을 요청해 드리겠습니다. 잠시만 기다려 주세요.']],
  }),
  makeDoc({
    id: 'taxi-lost-item',
    path: 'taxi/택시 분실물 접수.md',
    title: '택시 분실물 접수',
    category: ['택시_고객', '이용', '분실물'],
    steps: ['분실물 정보 확인', '기사님 연락', '전달 방법 안내'],
    policies: [['분실물 전달 시 퀵 비용은 고객 부담'], ['휴대폰 분실 시 보호자 연락처로 회신 가능']],
    question: '택시에 휴대폰을 두고 내렸어요.',
    scripts: [['분실물 확인', '어떤 물건을 두고 내리셨는지 말씀해 주시겠습니까? 기사님께 바로 연락드려 보겠습니다.']],
  }),
  makeDoc({
    id: 'taxi-cancel-fee',
    path: 'taxi/배차 취소 수수료 문의.md',
    title: '배차 취소 수수료 문의',
    category: ['택시_고객', '결제', '취소 수수료'],
    steps: ['배차 내역 확인', '수수료 부과 사유 안내', '예외 시 환불'],
    policies: [['배차 후 1분 이후 취소 시 취소 수수료 부과'], ['기사님 귀책 시 수수료 면제 및 환불']],
    scripts: [['수수료 안내', '배차 후 일정 시간이 지나 취소하시면 취소 수수료가 부과됩니다.']],
  }),
  makeDoc({
    id: 'bike-breakdown',
    path: '바이크 고장 신고.md',
    title: '바이크 고장 신고',
    category: ['바이크_고객', '이용', '고장 신고'],
    options: ['브레이크', '배터리', '체인', '잠금장치', '기타'],
    steps: ['안전 확인', '본인 확인', '고장 내용 확인', '이용 종료 및 요금 조정'],
    policies: [
      ['주행 중 고장으로 부상이 있는 경우 → 119 신고 우선 안내', ['바이크 현장운영팀 1644-0000']],
      ['고장 바이크 QR 훼손 시 바이크 번호(6자리) 확인'],
    ],
    scripts: [['안전 확인', '주행 중에 브레이크가 말을 듣지 않아 많이 놀라셨을 텐데요. 혹시 다치신 곳은 없으실까요?']],
  }),
  makeDoc({
    id: 'driver-fare',
    path: '대리운전 요금 이의.md',
    title: '대리운전 요금 이의',
    category: ['대리_고객', '요금', '요금 이의'],
    steps: ['운행 내역 확인', '요금 산정 기준 안내', '조정 여부 안내'],
    policies: [['경유지 추가 요금은 기사님과 합의된 경우만 인정'], ['app 결제 오류는 결제팀 이관']],
    scripts: [['요금 안내', '대리운전 요금은 출발지와 도착지, 경유지를 기준으로 산정됩니다.']],
  }),
  makeDoc({
    id: 'navi-route',
    path: '내비 경로 오류 신고.md',
    title: '내비 경로 오류 신고',
    category: ['내비_고객', '경로', '오류 신고'],
    steps: ['경로 확인', '오류 접수', '반영 일정 안내'],
    policies: [['도로 통제·공사 정보는 지자체 공지 기준으로 반영']],
    scripts: [['오류 접수', '안내받으신 경로의 출발지와 도착지, 문제가 된 구간을 말씀해 주시겠습니까?']],
    extraBody:
      LONG_FILLER +
      LONG_FILLER +
      '폐쇄된 진출입로가 경로에 계속 나타나는 경우 지도 데이터팀에 긴급 수정 요청을 올립니다.',
  }),
  makeDoc({
    id: 'membership',
    path: '멤버십 해지 및 환불.md',
    title: '멤버십 해지 및 환불',
    category: ['공통_고객', '멤버십', '해지'],
    steps: ['가입 내역 확인', '혜택 사용 여부 확인', '해지 처리'],
    policies: [['혜택 미사용 시 7일 이내 전액 환불'], ['kb 카드 제휴 할인 적용분은 환불 금액에서 차감']],
    scripts: [['해지 안내', '멤버십 해지를 도와드리겠습니다. 사용하신 혜택이 있는지 확인해 보겠습니다.']],
  }),
];

/** A new version of the taxi guide: its policy rows replaced by one about umbrellas (`퀵비용` is gone). */
export const TAXI_CHANGED = makeDoc({
  id: 'taxi-lost-item',
  path: 'taxi/택시 분실물 접수.md',
  title: '택시 분실물 접수',
  category: ['택시_고객', '이용', '분실물'],
  policies: [['우산 분실은 보관 기간 7일']],
});

export const SYNONYMS_TXT = `# 상담사가 자주 쓰는 말
중복결제, 이중결제, 두번결제
분실물 => 유실물, 습득물
이중 청구 => 이중결제
`;
