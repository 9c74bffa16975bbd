import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../../src/main/core/guide/parse';

const FIXTURES = join(__dirname, '../../fixtures/guides');
function load(name: string) {
  const r = parseGuide(name, readFileSync(join(FIXTURES, name), 'utf8'));
  expect(r.version).not.toBeNull();
  return { v: r.version!, problems: r.problems };
}

describe('export written by someone else: 2-column policy table, bold-only markers, > branch after text', () => {
  const { v, problems } = load('[채팅 공통] 분실물 발생(휴대폰, 핸드폰).md');
  it('structure', () => {
    expect(problems).toEqual([]);
    expect(v.title).toBe('[채팅 공통] 분실물 발생(휴대폰, 핸드폰)');
    expect(v.archived).toBe(false);
    expect(v.category).toEqual(['공통', '분실물', '휴대폰']);
    expect(v.categoryOptions).toEqual(['택시', '대리', '바이크']);
    expect(v.responseSteps).toHaveLength(4);
  });
  it('two-column table: header skipped, columns joined, <br> and inline ㄴ become notes', () => {
    expect(v.policies).toEqual([
      {
        text: '가족·지인 번호로 문의 → 분실 당사자 본인 확인 후 상담 진행',
        notes: ['확인 불가 시 상담 제한'],
        phones: [],
      },
      { text: '경찰 인계 요청 → 가까운 경찰서 유실물 센터 안내', notes: ['경찰청 유실물 통합센터 182'], phones: [] },
    ]);
    expect(v.notes).toEqual(['휴대폰 분실 고객은 통화가 어려우므로 채팅으로만 응대']);
  });
  it('scripts', () => {
    expect(v.question).toBe('택시에 휴대폰을 놓고 내렸어요. 지금 다른 사람 폰으로 연락드려요.');
    expect(v.scripts.map((s) => [s.step, s.title])).toEqual([
      [1, '공감 및 본인 확인'],
      [2, '분실 정보 확인'],
      [3, '기사님 연락'],
      [4, '결과 안내'],
    ]);
    expect(v.scripts[0].text.split('\n')).toHaveLength(2);
    expect(v.scripts[0].notes).toEqual(['가입 정보와 일치하지 않으면 상담 제한']);
    expect(v.scripts[1].placeholders).toEqual(['20OO-OO-OO', 'OO:OO', 'OOO']);
    expect(v.scripts[2].condition).toBeNull();
    expect(v.scripts[2].text).toBe('지금 기사님께 바로 연락해 보겠습니다. 잠시만 기다려 주세요.');
    expect(v.scripts[2].branches).toEqual([
      {
        condition: '기사님과 통화가 되지 않는 경우',
        text: '기사님께서 운행 중이셔서 연락이 닿지 않고 있어요. 연락되는 대로 이 채팅으로 안내드릴게요.',
        notes: [],
        placeholders: [],
      },
    ]);
    expect(v.scripts[3].notes).toEqual(['퀵·택배 비용은 고객 부담 안내']);
    expect(v.scripts[3].text).not.toContain('퀵');
  });
});

describe('export without a policy section, scripts inside a one-column table', () => {
  const { v, problems } = load('택시 요금 환불 문의.md');
  it('category without an option list', () => {
    expect(problems).toEqual([]);
    expect(v.category).toEqual(['택시_고객', '요금', '환불']);
    expect(v.categoryOptions).toEqual([]);
    expect(v.policies).toEqual([]);
    expect(v.question).toBe('택시비가 두 번 빠져나갔어요.');
  });
  it('steps from table cells, <br> as line breaks, notes out of the text', () => {
    expect(v.scripts.map((s) => s.title)).toEqual(['이용 내역 확인', '환불 사유 확인', '환불 접수']);
    expect(v.scripts[1].text).toBe('결제 내역을 확인해 보니 같은 금액으로 두 번 결제되었습니다.');
    expect(v.scripts[1].notes).toEqual(['동일 금액 1분 이내 중복 결제 시 시스템 오류로 판단']);
    expect(v.scripts[2].text).toBe(
      '중복 결제된 OO,OOO원은 바로 환불 접수해 드렸어요.\n카드사 사정에 따라 영업일 기준 3~5일 소요될 수 있습니다.',
    );
    expect(v.scripts[2].placeholders).toEqual(['OO,OOO원']);
    expect(v.scripts[2].notes).toEqual(['고객센터 1599-9400 안내 금지']);
    expect(v.phones).toEqual(['1599-9400']);
  });
  it('a later section (5️⃣ 기타) does not leak into the last step', () => {
    expect(v.scripts[2].text).not.toContain('별도 채널');
    expect(v.expiryDates).toEqual(['2025-03-31']);
  });
});

describe('export with archive date only in the file name, bullet paragraphs, glued markers and inline notes', () => {
  const { v, problems } = load('(보관-25.1.3) 대리운전 취소 수수료.md');
  it('archive from the file name', () => {
    expect(problems).toEqual([]);
    expect(v.title).toBe('대리운전 취소 수수료');
    expect(v.archived).toBe(true);
    expect(v.archivedAt).toBe('2025-01-03');
    expect(v.categoryOptions).toEqual(['일반', '프리미엄']);
  });
  it('policy bullets as paragraphs with ㄴ paragraphs under them', () => {
    expect(v.policies.map((p) => p.text)).toEqual([
      '기사 배정 후 5분 이내 취소 → 수수료 면제',
      '기사님 도착 후 10분 이상 지연 → 고객센터 확인 후 면제 가능',
    ]);
    expect(v.policies[0].notes).toEqual(['단, 기사님 도착 후 취소는 제외']);
    expect(v.policies[1].phones).toEqual(['1577-0000', '02-1234-5678']);
  });
  it('markers at the end of ### paragraphs and glued to script text, NBSP after the marker', () => {
    expect(v.scripts.map((s) => s.step)).toEqual([1, 2, 3]);
    expect(v.scripts[0].title).toBe('취소 사유 확인');
    expect(v.scripts[0].text).toBe(
      '불편을 드려 죄송합니다. 어떤 사유로 취소하셨는지 여쭤봐도 될까요? 말씀해 주셔서 감사합니다.',
    );
    expect(v.scripts[0].notes).toEqual(['고객 귀책 여부 확인 필요']);
    expect(v.scripts[1].title).toBe('수수료 기준 안내 (25.1.1부터 적용)');
    expect(v.scripts[1].notes).toEqual(['수수료 금액은 지역별 상이 확인 부탁드립니다.']);
    expect(v.scripts[1].placeholders).toEqual(['OOOO원']);
    expect(v.scripts[1].branches[0].condition).toBe('기사님 도착이 10분 이상 늦은 경우');
    expect(v.scripts[2].text).toBe('이번 건 수수료는 면제 처리해 드렸습니다. 이용에 불편을 드려 다시 한번 죄송합니다.');
    expect(v.effectiveDates).toEqual(['2025-01-01']);
  });
});

describe('export with ❶ markers in ### headings, list-style policies, [참고] paragraph then a > case', () => {
  const { v, problems } = load('바이크 잠금 해제 오류.md');
  it('policies from `- **· …**` list items with an indented ㄴ line', () => {
    expect(problems).toEqual([]);
    expect(v.policies).toEqual([
      { text: '원격 해제 3회 실패 → 현장 점검 요청 후 이용 요금 미부과', notes: [], phones: [] },
      {
        text: '배터리 10% 미만 바이크 → 다른 바이크 이용 안내',
        notes: ['배터리 잔량은 어드민 > 바이크 상세에서 확인'],
        phones: [],
      },
    ]);
    expect(v.category).toEqual(['바이크_고객', '이용', '잠금 해제']);
  });
  it('steps, heading text after the title stays in the title, ㄴ lines as notes', () => {
    expect(v.scripts.map((s) => s.title)).toEqual([
      '공감',
      '바이크 번호 확인',
      '원격 해제 (25.4.1부터 적용)',
      '결과 안내',
    ]);
    expect(v.scripts[1].text).toBe('바이크 핸들 가운데 있는 여섯 자리 번호를 알려 주시겠어요?');
    expect(v.scripts[1].notes).toEqual(['번호가 보이지 않으면 QR 아래 숫자 확인 요청']);
    expect(v.scripts[2].text).toBe('지금 원격으로 잠금을 풀어 드릴게요. 10초 정도 기다려 주세요.');
    expect(v.scripts[2].notes).toEqual(['잠금 해제 3회 실패 시 현장 점검 요청']);
    expect(v.scripts[2].branches.map((b) => b.condition)).toEqual(['원격 해제가 되지 않는 경우']);
    expect(v.scripts[3].placeholders).toEqual([]); // "OK 버튼" is not a blank
    expect(v.effectiveDates).toEqual(['2025-04-01']);
  });
});

describe('minimal export without section headings or bold', () => {
  const { v, problems } = load('포인트 소멸 문의.md');
  it('category, question and plain ① steps are still found', () => {
    expect(problems).toEqual([]);
    expect(v.category).toEqual(['결제_고객', '포인트', '소멸']);
    expect(v.responseSteps).toEqual([]);
    expect(v.question).toBe('포인트가 사라졌어요.');
    expect(v.scripts.map((s) => [s.step, s.title])).toEqual([
      [1, '공감 및 확인'],
      [2, '소멸 기준 안내'],
    ]);
    expect(v.scripts[1].notes).toEqual(['소멸 포인트 복구 불가']);
    expect(v.scripts[1].text).not.toContain('복구');
  });
});

describe('every fixture', () => {
  it('parses to a version without errors, with scripts, and markdown that renders', async () => {
    const { readdirSync } = await import('node:fs');
    const { renderGuideMarkdown } = await import('../../../src/main/core/render');
    for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.md'))) {
      const r = parseGuide(name, readFileSync(join(FIXTURES, name), 'utf8'));
      expect(
        r.problems.filter((p) => p.severity === 'error'),
        name,
      ).toEqual([]);
      expect(r.version!.scripts.length, name).toBeGreaterThan(0);
      for (const s of r.version!.scripts) expect(s.text, `${name} ${s.step}`).not.toMatch(/\*\*|\\\*|^#/m);
      const html = renderGuideMarkdown(r.version!.markdown).html;
      expect(html).not.toContain('****');
      expect(html).toContain('<h1>');
    }
  });
});

describe('small export variations', () => {
  it('Q1./A1., > separators, a parenthesis after a bold title, <br> and &nbsp; in paragraphs, title|script table rows', () => {
    const text = [
      '# 테스트 가이드',
      '',
      '**상담 유형 : 공통 > 테스트 > 예시 > 가/나**',
      '',
      '**Q1. 질문입니다.**',
      '',
      '**A1.**',
      '',
      '**① 기본안내**(감성케어) 안녕하세요, 고객님.<br>무엇을 도와드릴까요?&nbsp;감사합니다.',
      '',
      '| **② 확인** | 확인해 보겠습니다. |',
      '| --- | --- |',
      '| **③ 종료** | 감사합니다. |',
    ].join('\n');
    const { version, problems } = parseGuide('a.md', text);
    expect(problems).toEqual([]);
    const v = version!;
    expect(v.category).toEqual(['공통', '테스트', '예시']);
    expect(v.categoryOptions).toEqual(['가', '나']);
    expect(v.question).toBe('질문입니다.');
    expect(v.scripts.map((s) => [s.step, s.title, s.text])).toEqual([
      [1, '기본안내 (감성케어)', '안녕하세요, 고객님.\n무엇을 도와드릴까요? 감사합니다.'],
      [2, '확인', '확인해 보겠습니다.'],
      [3, '종료', '감사합니다.'],
    ]);
  });
});

describe('other ways of writing cases and markers', () => {
  it('[… 시] and ▶ … 경우 lines are conditions; `①.` markers', () => {
    const text = [
      '# 사례 표기',
      '',
      '**상담 유형 : 공통 ▶ 사례**',
      '',
      '**Q. 문의합니다.**',
      '',
      '**①. 확인**',
      '',
      '[앱 미설치 시]',
      '',
      '앱을 먼저 설치해 주시겠어요?',
      '',
      '▶ 설치가 안 되는 경우',
      '',
      '기기 설정을 확인해 주세요.',
    ].join('\n');
    const v = parseGuide('a.md', text).version!;
    expect(v.scripts).toHaveLength(1);
    expect(v.scripts[0]).toMatchObject({
      step: 1,
      title: '확인',
      condition: '앱 미설치 시',
      text: '앱을 먼저 설치해 주시겠어요?',
      branches: [{ condition: '설치가 안 되는 경우', text: '기기 설정을 확인해 주세요.', notes: [], placeholders: [] }],
    });
  });
});

describe('policy lists written with * bullets', () => {
  it('* items are rows, indented items and ㄴ are notes, \\* and ※ lines are notes', () => {
    const text = [
      '# 목록형 정책',
      '',
      '**2️⃣ 정책 및 참고사항**',
      '',
      '* 서울 공영주차장 → 직접 문의 안내',
      '    * ㄴ 서울시설공단 1588-5656',
      '* **· 경기 민영주차장 → 센터 확인 후 사후 안내**',
      '    * 확인 후 2시간 내 회신',
      '',
      '\\* 주말에는 관제센터 연락 불가',
      '',
      '**3️⃣ 스크립트**',
      '',
      '**① 안내** 확인해 보겠습니다.',
    ].join('\n');
    const v = parseGuide('a.md', text).version!;
    expect(v.policies).toEqual([
      { text: '서울 공영주차장 → 직접 문의 안내', notes: ['서울시설공단 1588-5656'], phones: ['1588-5656'] },
      { text: '경기 민영주차장 → 센터 확인 후 사후 안내', notes: ['확인 후 2시간 내 회신'], phones: [] },
    ]);
    expect(v.notes).toEqual(['주말에는 관제센터 연락 불가']);
  });
});
