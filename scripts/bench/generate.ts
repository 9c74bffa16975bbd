/**
 * Deterministic synthetic guide packs for the search benchmark: GuideVersion objects built
 * directly (no files), ~4 KB of Korean text each, 1–4 versions per guide with small differences,
 * and a labelled query set whose expected guide is known by construction.
 */
import { convertHangulToQwerty, getChoseong } from 'es-hangul';
import type { GuideVersion, PolicyRow, ScriptStep, VersionSummary } from '../../src/shared/guide';
import type { SearchDocInput } from '../../src/main/core/search';

export type QueryType =
  'word' | 'multi-word' | 'body phrase' | '초성' | 'typo' | 'spacing' | 'layout' | 'phone' | 'no-hit' | 'common';
export const QUERY_TYPES: QueryType[] = [
  'word',
  'multi-word',
  'body phrase',
  '초성',
  'typo',
  'spacing',
  'layout',
  'phone',
  'no-hit',
  'common',
];
/** Frequent words that match thousands of versions: latency only, no single right answer. */
const COMMON = [
  '환불',
  '주차권',
  '결제',
  '이중결제',
  '취소 수수료',
  '본인 확인',
  '쿠폰',
  '관제센터',
  '고객님',
  '안내',
  'ㅎㅂ',
  '주차장 환불',
];

export interface LabelledQuery {
  type: QueryType;
  query: string;
  /** Expected guide id at rank 1; null for `no-hit` (should find nothing) and `common` (latency only). */
  expected: string | null;
}

export interface Pack {
  docs: SearchDocInput[];
  queries: LabelledQuery[];
  guides: number;
  bytes: number;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = [
  {
    name: '주차',
    cat: '주차_고객',
    topics: [
      '주차권 환불 요청',
      '월주차 정기권 해지',
      '출차 오류',
      '이중결제 취소요청',
      '주차장 정보 수정 요청',
      '입차 기록 누락',
      '할인권 적용 오류',
      '주차 페이백 이벤트 문의',
      '발렛 서비스 문의',
      '전기차 충전 요금',
    ],
  },
  {
    name: '택시',
    cat: '택시_고객',
    topics: [
      '택시 분실물 접수',
      '배차 취소 수수료 문의',
      '요금 과다청구 이의신청',
      '블루 택시 예약 문의',
      '기사님 불친절 신고',
      '경로 우회 이의',
      '택시 영수증 재발급',
      '호출비 환불 요청',
    ],
  },
  {
    name: '바이크',
    cat: '바이크_고객',
    topics: [
      '바이크 고장 신고',
      '바이크 반납 불가 및 추가요금',
      '바이크 이용권 환불',
      '헬멧 분실 신고',
      '배터리 방전 문의',
      '잠금장치 오류',
    ],
  },
  {
    name: '대리',
    cat: '대리_고객',
    topics: [
      '대리운전 요금 이의',
      '대리운전 사고 접수(보험)',
      '기사 배정 지연',
      '대리운전 취소 수수료',
      '경유지 추가 요금 문의',
    ],
  },
  {
    name: '내비',
    cat: '내비_고객',
    topics: [
      '내비 경로 오류 신고',
      '음성 안내 오류',
      '지도 정보 수정 요청',
      '과속 단속 정보 문의',
      '도착 시간 오차 문의',
    ],
  },
  {
    name: '결제',
    cat: '결제_고객',
    topics: [
      '결제 수단 변경',
      '카드 결제 실패',
      '포인트 환불 문의',
      '영수증 발급 요청',
      '자동결제 해지',
      '부분 취소 요청',
    ],
  },
  {
    name: '멤버십',
    cat: '멤버십_고객',
    topics: [
      '멤버십 해지 및 환불',
      '멤버십 혜택 문의',
      '쿠폰 미지급 문의',
      '제휴 카드 할인 문의',
      '멤버십 자동 갱신 문의',
    ],
  },
];

const GROUPS = ['결제', '이용', '환불', '계정', '예약', '정책', '서비스'];
const OPTIONS = ['연동', '비연동', '기타', '앱', '웹', '전화', '현장', '카드', '포인트'];
const STEPS = [
  '본인 확인',
  '이용 내역 확인',
  '감성케어',
  '정책 안내',
  '환불 처리',
  '쿠폰 지급',
  '후속 안내',
  '관제센터 연락',
  '현장 확인 요청',
  '처리 결과 안내',
  '이관 접수',
  '사진 첨부 요청',
];
const REGIONS = [
  '속초시',
  '성북구',
  '강남구',
  '해운대구',
  '수원시',
  '전주시',
  '춘천시',
  '청주시',
  '제주시',
  '포항시',
  '마포구',
  '송파구',
  '분당구',
  '일산동구',
  '김해시',
  '창원시',
  '여수시',
  '목포시',
  '안동시',
  '원주시',
];
const FACILITIES = [
  '공영주차장',
  '환승주차장',
  '민영주차장',
  '기차역 주차장',
  '공항 주차장',
  '대여소',
  '정류장',
  '충전소',
];
const ACTIONS = [
  '고객이 직접 관제센터로 문의 안내',
  '센터에서 관제센터로 연락하여 조치 후 고객 사후 안내',
  '현장운영팀 이관 후 회신',
  '아지트로 확인 요청',
  '담당 부서 확인 후 24시간 내 회신',
  '고객센터 재접수 불가, 현장 문의 안내',
];
const SENT = [
  '많이 당황스러우셨을 텐데요. 신속히 확인해 보겠습니다.',
  '정확한 확인을 위해 카카오 T를 이용하시는 고객님 본인 맞으실까요?',
  '소중한 정보 확인 감사합니다.',
  '번거로우시겠지만 이용 내역이 보이도록 화면을 첨부해 주시겠습니까?',
  '첨부해 주신 내역으로 바로 취소 처리하겠습니다.',
  '카드사에 따라 취소 이후 실제 환불까지 영업일 기준 3~5일이 소요될 수 있으니 양해 부탁드립니다.',
  '이용에 불편을 드린 점 사과드리는 마음으로 할인쿠폰을 지급해 드렸어요.',
  '쿠폰 발급이 완료되면 앱의 쿠폰함에서 확인하실 수 있어요.',
  '추가로 궁금하신 점이 있으시면 언제든 문의해 주세요.',
  '확인해 보니 정상적으로 처리된 것으로 확인됩니다.',
  '담당 부서에 전달하여 빠르게 처리될 수 있도록 하겠습니다.',
  '처리 결과는 카카오톡 알림으로 안내해 드릴게요.',
  '불편을 드려 정말 죄송합니다.',
  '잠시만 기다려 주시면 확인 후 다시 안내해 드리겠습니다.',
  '정책상 예외 적용은 어려운 점 양해 부탁드립니다.',
];
const NOTES = [
  '본인이 아닌 경우 상담 제한',
  '상담 이력에 처리 내용 기록',
  '쿠폰은 1회만 지급',
  '고객 요청 시 상위 부서 이관',
  '동일 건 재문의 시 이전 이력 확인',
];
// Syllables per initial consonant, to build place names with unique 초성.
const BY_CHO: Record<string, string[]> = {
  ㄱ: ['가', '고', '구', '기', '강'],
  ㄴ: ['나', '노', '누', '니', '남'],
  ㄷ: ['다', '도', '두', '디', '동'],
  ㄹ: ['라', '로', '루', '리', '람'],
  ㅁ: ['마', '모', '무', '미', '문'],
  ㅂ: ['바', '보', '부', '비', '반'],
  ㅅ: ['사', '소', '수', '시', '솔'],
  ㅇ: ['아', '오', '우', '이', '은'],
  ㅈ: ['자', '조', '주', '지', '정'],
  ㅊ: ['차', '초', '추', '치', '청'],
  ㅋ: ['카', '코', '쿠', '키', '큰'],
  ㅌ: ['타', '토', '투', '티', '탄'],
  ㅍ: ['파', '포', '푸', '피', '평'],
  ㅎ: ['하', '호', '후', '히', '한'],
};
const CHO_LIST = Object.keys(BY_CHO);
const PLACE_SUFFIX = ['역', '동', '시장', '공원', '터미널', '센터'];

function pick<T>(r: () => number, a: T[]): T {
  return a[Math.floor(r() * a.length)];
}

/** Place names whose (초성 triple, suffix) is unique across the pack. */
function placeNames(count: number, r: () => number): string[] {
  const combos: [number, number, number, number][] = [];
  for (let a = 0; a < CHO_LIST.length; a++)
    for (let b = 0; b < CHO_LIST.length; b++)
      for (let c = 0; c < CHO_LIST.length; c++) for (let s = 0; s < PLACE_SUFFIX.length; s++) combos.push([a, b, c, s]);
  for (let i = combos.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [combos[i], combos[j]] = [combos[j], combos[i]];
  }
  return combos
    .slice(0, count)
    .map(
      ([a, b, c, s]) =>
        pick(r, BY_CHO[CHO_LIST[a]]) + pick(r, BY_CHO[CHO_LIST[b]]) + pick(r, BY_CHO[CHO_LIST[c]]) + PLACE_SUFFIX[s],
    );
}

function phone(r: () => number, used: Set<string>): string {
  for (;;) {
    const area = pick(r, ['02', '031', '033', '051', '061', '064', '070']);
    const p = `${area}-${1000 + Math.floor(r() * 9000)}-${1000 + Math.floor(r() * 9000)}`;
    if (!used.has(p)) {
      used.add(p);
      return p;
    }
  }
}

function date(r: () => number, year: number): string {
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface GuideSeed {
  id: string;
  title: string;
  place: string;
  topic: string;
  phone: string;
  service: (typeof SERVICES)[number];
  bodyPhrase: string;
}

/** One typo on a word: a vowel swapped for a look-alike (결제 → 결재). */
function typo(word: string, r: () => number): string {
  const swaps: [string, string][] = [
    ['제', '재'],
    ['불', '블'],
    ['요', '오'],
    ['청', '천'],
    ['권', '궈'],
    ['해', '헤'],
    ['차', '치'],
    ['료', '로'],
    ['금', '근'],
    ['소', '서'],
  ];
  const options = swaps.filter(([a]) => word.includes(a));
  if (options.length === 0) return word.slice(0, -1) + String.fromCharCode(word.charCodeAt(word.length - 1) + 28 * 21);
  const [a, b] = pick(r, options);
  return word.replace(a, b);
}

export function generatePack(versions: number, seed = 20261124): Pack {
  const r = rng(seed + versions);
  const guideCount = versions;
  const places = placeNames(guideCount, r);
  const usedPhones = new Set<string>();
  const docs: SearchDocInput[] = [];
  const seeds: GuideSeed[] = [];
  let bytes = 0;
  for (let g = 0; docs.length < versions; g++) {
    const service = SERVICES[g % SERVICES.length];
    const topic = pick(r, service.topics);
    const place = places[g];
    const title = `${topic} (${place})`;
    const id = `g${String(g).padStart(5, '0')}`;
    const region = pick(r, REGIONS);
    const ph = phone(r, usedPhones);
    const amount = `${(1 + Math.floor(r() * 99)) * 500}원`;
    const nVersions = Math.min(versions - docs.length, 1 + Math.floor(r() * 4));
    const bodyPhrase = `${place} 인근 ${pick(r, FACILITIES)} 이용 고객에게는 ${amount} 보상 기준을 적용합니다`;
    seeds.push({ id, title, place, topic, phone: ph, service, bodyPhrase });
    const [base, extra] = buildVersion(r, { id, title, place, topic, service, region, phone: ph, amount, bodyPhrase });
    // Versions oldest first: each later one changes a little.
    let validFrom: string | null = null;
    const years = [2023, 2024, 2025, 2026];
    for (let k = 0; k < nVersions; k++) {
      const isCurrent = k === nVersions - 1;
      const archivedAt = isCurrent ? null : date(r, years[k]);
      const v = mutate(base, extra, k, r);
      const path = isCurrent ? `${service.name}/${title}.md` : `${service.name}/(보관-${archivedAt})${title}.md`;
      v.path = path;
      v.archived = !isCurrent;
      v.archivedAt = archivedAt;
      v.rawTitle = isCurrent ? title : `(보관-${archivedAt})${title}`;
      const summary: VersionSummary = {
        path,
        archived: !isCurrent,
        archivedAt,
        validFrom,
        validTo: archivedAt ? dayBefore(archivedAt) : null,
      };
      validFrom = archivedAt;
      bytes += Buffer.byteLength(v.plainText);
      docs.push({ version: v, summary, isCurrent });
    }
  }
  return { docs, queries: labelledQueries(seeds, r, docs), guides: seeds.length, bytes };
}

function dayBefore(d: string): string {
  const t = new Date(d + 'T00:00:00Z').getTime() - 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

interface Parts {
  id: string;
  title: string;
  place: string;
  topic: string;
  service: (typeof SERVICES)[number];
  region: string;
  phone: string;
  amount: string;
  bodyPhrase: string;
}

function buildVersion(r: () => number, p: Parts): [GuideVersion, string] {
  const policies: PolicyRow[] = [];
  const nPol = 3 + Math.floor(r() * 3);
  for (let i = 0; i < nPol; i++) {
    const region = i === 0 ? p.region : pick(r, REGIONS);
    const fac = pick(r, FACILITIES);
    const text = `${region} ${fac} → ${pick(r, ACTIONS)}`;
    const notes = i === 0 ? [`${region} 관제센터 연락처 ${p.phone}`] : r() < 0.4 ? [pick(r, NOTES)] : [];
    policies.push({ text, notes, phones: i === 0 ? [p.phone] : [] });
  }
  const scripts: ScriptStep[] = [];
  const nScripts = 4 + Math.floor(r() * 3);
  for (let s = 1; s <= nScripts; s++) {
    const sentences: string[] = [];
    const n = 3 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) sentences.push(pick(r, SENT));
    if (s === 2) sentences.push(`${p.place} ${p.topic} 건은 ${p.amount} 기준으로 확인됩니다.`);
    scripts.push({
      step: s,
      title: pick(r, STEPS),
      text: sentences.join(' '),
      notes: r() < 0.5 ? [pick(r, NOTES)] : [],
      condition: r() < 0.2 ? `${pick(r, ['앱에서 결제한', '현장에서 결제한', '쿠폰을 사용한'])} 경우` : null,
      placeholders: [],
      branches: [],
    });
  }
  const extra: string[] = [];
  for (let i = 0; i < 7; i++) extra.push(pick(r, SENT));
  extra.splice(3, 0, p.bodyPhrase + '.');
  for (let i = 0; i < 6; i++) extra.push(pick(r, SENT));
  const category = [p.service.cat, pick(r, GROUPS), p.topic.split(' ')[0]];
  const categoryOptions = [pick(r, OPTIONS), pick(r, OPTIONS), '기타'];
  const responseSteps = [pick(r, STEPS), pick(r, STEPS), pick(r, STEPS), pick(r, STEPS)];
  const question = `${p.place}에서 ${p.topic} 관련해서 문의드려요.`;
  const v: GuideVersion = {
    id: p.id,
    path: '',
    format: 'authored',
    title: p.title,
    rawTitle: p.title,
    archived: false,
    archivedAt: null,
    category,
    categoryOptions,
    responseSteps,
    policies,
    question,
    scripts,
    placeholders: [],
    phones: [p.phone],
    links: [],
    effectiveDates: [],
    expiryDates: [],
    notes: [pick(r, NOTES)],
    markdown: '',
    plainText: '',
  };
  v.plainText = plainTextOf(v, extra.join(' '));
  return [v, extra.join(' ')];
}

function plainTextOf(v: GuideVersion, extra: string): string {
  return [
    v.title,
    '상담 유형 : ' + v.category.join(' ▶ ') + ' ▶ ' + v.categoryOptions.join(', '),
    '응대 순서 : ' + v.responseSteps.join(' ▶ '),
    '정책 및 참고사항',
    ...v.policies.flatMap((p) => ['· ' + p.text, ...p.notes.map((n) => 'ㄴ ' + n)]),
    '스크립트 / Q&A',
    v.question ? 'Q. ' + v.question : '',
    extra,
    ...v.scripts.flatMap((s) => [`${s.step}. ${s.title}`, s.condition ?? '', s.text, ...s.notes.map((n) => '* ' + n)]),
    ...v.notes.map((n) => '※ ' + n),
  ]
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Version k differs from the base by a changed sentence and date (k = 0 is the oldest). */
function mutate(base: GuideVersion, extra: string, k: number, r: () => number): GuideVersion {
  const v: GuideVersion = JSON.parse(JSON.stringify(base));
  if (k > 0) {
    const s = v.scripts[k % v.scripts.length];
    s.text = s.text + ` (${2023 + k}.${1 + Math.floor(r() * 12)}.1부터 적용) ` + pick(r, SENT);
    v.policies[v.policies.length - 1].text += ` (개정 ${k}차)`;
  }
  v.plainText = plainTextOf(v, extra);
  v.markdown = v.plainText;
  return v;
}

function labelledQueries(seeds: GuideSeed[], r: () => number, docs: SearchDocInput[]): LabelledQuery[] {
  void docs;
  const out: LabelledQuery[] = [];
  const perType = 60;
  const sample = () => seeds[Math.floor(r() * seeds.length)];
  for (let i = 0; i < perType; i++) {
    let s = sample();
    out.push({ type: 'word', query: s.place, expected: s.id });
    s = sample();
    out.push({
      type: 'multi-word',
      query: `${s.place.slice(0, 3)} ${s.topic.split(' ')[0]} ${s.topic.split(' ').slice(-1)[0]}`,
      expected: s.id,
    });
    s = sample();
    const words = s.bodyPhrase.split(' ');
    out.push({ type: 'body phrase', query: words.slice(0, 5).join(' '), expected: s.id });
    s = sample();
    out.push({ type: '초성', query: getChoseong(s.place), expected: s.id });
    s = sample();
    const tw = s.topic.split(' ')[0];
    out.push({ type: 'typo', query: `${s.place} ${typo(tw, r)}`, expected: s.id });
    s = sample();
    out.push({
      type: 'spacing',
      query: i % 2 ? (s.place + s.topic).replace(/\s+/g, '') : `${s.place.slice(0, 2)} ${s.place.slice(2)} ${s.topic}`,
      expected: s.id,
    });
    s = sample();
    out.push({ type: 'layout', query: convertHangulToQwerty(s.place), expected: s.id });
    s = sample();
    out.push({ type: 'phone', query: i % 2 ? s.phone.replace(/-/g, '') : s.phone, expected: s.id });
    out.push({ type: 'common', query: COMMON[i % COMMON.length], expected: null });
    out.push({
      type: 'no-hit',
      query: pick(r, ['퓨뷁쿄', '쿼퓌뛝', 'xqzvbn', '뚫꿿', '햏뷁']) + String(i),
      expected: null,
    });
  }
  return out;
}
