import { describe, expect, it } from 'vitest';
import { buildHistories, changeBriefing, changesSince, topCategory } from '../../../src/main/core/versions';
import { UNCATEGORISED } from '../../../src/shared/briefing';
import { archivedCopy, currentCopy, row, seedArchived, seedCurrent, step } from './factory';

const PARKING = ['주차_고객', '정기권', '해지'];
const TAXI = ['택시_고객', '이용', '분실물'];

// 주차 정기권 해지: replaced on 2024-12-05 and on 2025-02-01 (a policy phone changed).
const pass1 = archivedCopy('주차 정기권 해지', '2024-12-05', {
  category: PARKING,
  responseSteps: ['본인 확인', '해지 접수'],
  effectiveDates: ['2024-06-01'],
});
const pass2 = archivedCopy('주차 정기권 해지', '2025-02-01', {
  category: PARKING,
  responseSteps: ['본인 확인', '잔여 기간 확인', '해지 접수'],
  policies: [row('정기권 운영사 → 1588-0000 안내')],
});
const pass3 = currentCopy('주차 정기권 해지', {
  category: PARKING,
  responseSteps: ['본인 확인', '잔여 기간 확인', '해지 접수'],
  policies: [row('정기권 운영사 → 1588-1111 안내')],
});
// 택시 분실물 접수: new on 2025-01-10.
const lost = currentCopy('택시 분실물 접수', {
  category: TAXI,
  responseSteps: ['분실 일시 확인', '기사 연락'],
  scripts: [step(1, '기본안내', '분실물 접수 도와드리겠습니다. 하차 시각을 알려 주시겠어요?')],
  effectiveDates: ['2025-01-10'],
});
// 페이백 이벤트: retired on 2024-12-31, nothing replaced it.
const payback = archivedCopy('페이백 이벤트 안내', '2024-12-31', {
  category: ['주차_고객', '이벤트'],
  responseSteps: ['이벤트 안내'],
  effectiveDates: ['2024-07-01'],
});
// No 상담 유형 at all, changed on 2024-12-20.
const bare1 = archivedCopy('공지 모음', '2024-12-20', { responseSteps: ['공지 확인'], effectiveDates: ['2024-01-01'] });
const bare2 = currentCopy('공지 모음', { responseSteps: ['공지 확인', '공지 안내'] });
const steady = currentCopy('택시 요금 안내', { category: TAXI, responseSteps: ['요금 확인'] });

const versions = [seedArchived(), seedCurrent(), pass1, pass2, pass3, lost, payback, bare1, bare2, steady];
const histories = buildHistories(versions);
const SEED = '이중결제취소요청(타사주차권)';

const brief = (since: string, until: string | null = null) => changeBriefing(versions, histories, { since, until });
const ids = (b: ReturnType<typeof brief>) => b.groups.flatMap((g) => g.guides.map((x) => x.id));

describe('changeBriefing', () => {
  it('groups by the top of 상담 유형, groups and guides newest first', () => {
    const b = brief('2024-12-01');
    expect(b.groups.map((g) => [g.category, g.latest])).toEqual([
      ['주차_고객', '2025-02-01'],
      ['택시_고객', '2025-01-10'],
      [UNCATEGORISED, '2024-12-20'],
    ]);
    expect(b.groups[0].guides.map((g) => [g.title, g.latest])).toEqual([
      ['주차 정기권 해지', '2025-02-01'],
      ['이중결제 취소요청(타사 주차권)', '2025-01-02'],
      ['페이백 이벤트 안내', '2024-12-31'],
    ]);
    expect(ids(b)).not.toContain('택시요금안내');
    expect(b.guideCount).toBe(5);
    expect(b.changeCount).toBe(b.groups.flatMap((g) => g.guides).reduce((n, g) => n + g.changes.length, 0));
  });

  it('lists the same guides as the digest for an open-ended period', () => {
    for (const since of ['2000-01-01', '2024-12-01', '2024-12-06', '2025-01-03', '2025-03-01']) {
      const digest = changesSince(versions, histories, since).map((e) => e.id);
      expect(ids(brief(since)).sort(), since).toEqual(digest.sort());
    }
  });

  it('gives each changed guide its whole structured diff from the version before the period', () => {
    const pass = brief('2024-12-01').groups[0].guides[0];
    expect(pass).toMatchObject({ kind: 'changed', from: pass1.path, to: pass3.path, toTitle: pass3.rawTitle });
    expect(pass.fromTitle).toBe(pass1.rawTitle);
    expect(pass.events.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2024-12-05 archived',
      '2024-12-05 effective',
      '2025-02-01 archived',
      '2025-02-01 effective',
    ]);
    expect(pass.changes.map((c) => [c.section, c.op, c.label])).toEqual([
      ['responseSteps', 'added', '응대 순서 2'],
      ['policies', 'added', '정책: 정기권 운영사'],
      ['dates', 'removed', '적용일'],
    ]);
    // The archive date is an event, never a change line.
    expect(pass.changes.some((c) => c.label === '보관일')).toBe(false);
  });

  it('keeps script sentences with word marks for a reworded script', () => {
    const seed = brief('2024-12-01').groups[0].guides.find((g) => g.id === SEED)!;
    const reworded = seed.changes.find(
      (c) => c.section === 'scripts' && c.op === 'changed' && c.label === '스크립트 ③',
    )!;
    expect(reworded.spans?.some((s) => s.kind === 'added')).toBe(true);
    expect(reworded.spans?.some((s) => s.kind === 'removed')).toBe(true);
    const policy = seed.changes.find((c) => c.label === '정책: 속초시 공영주차장')!;
    expect(policy.before).toContain('033-637-6242');
    expect(policy.after).toContain('033-639-0000');
  });

  it('a period ending before a later change compares with the version in force at its end', () => {
    const pass = brief('2024-12-01', '2024-12-31').groups[0].guides.find((g) => g.id === '주차정기권해지')!;
    expect(pass).toMatchObject({ from: pass1.path, to: pass2.path, latest: '2024-12-05' });
    expect(pass.events.every((e) => e.date <= '2024-12-31')).toBe(true);
    expect(ids(brief('2024-12-01', '2024-12-31'))).not.toContain('택시분실물접수');
  });

  it('a new guide lists what it holds, every item added, its path and steps in one piece each', () => {
    const taxi = brief('2025-01-01').groups.find((g) => g.category === '택시_고객')!.guides[0];
    expect(taxi).toMatchObject({ kind: 'new', from: null, fromTitle: null, to: lost.path, latest: '2025-01-10' });
    expect(taxi.changes.every((c) => c.op === 'added' && c.before === null)).toBe(true);
    expect(taxi.changes.map((c) => c.after)).toEqual(
      expect.arrayContaining([
        '택시_고객 ▶ 이용 ▶ 분실물',
        '1. 분실 일시 확인\n2. 기사 연락',
        '분실물 접수 도와드리겠습니다. 하차 시각을 알려 주시겠어요?',
        '2025-01-10',
      ]),
    );
    expect(taxi.changes.find((c) => c.section === 'scripts')!.label).toBe('스크립트 ① 기본안내');
    expect(taxi.changes.some((c) => c.label === '제목')).toBe(false);
  });

  it('a new guide keeps its 상담 유형 options on its path', () => {
    const seed = brief('2024-11-01').groups[0].guides.find((g) => g.id === SEED)!;
    expect(seed.kind).toBe('new');
    expect(seed.changes[0]).toMatchObject({
      section: 'category',
      op: 'added',
      after: '주차_고객 ▶ 결제 ▶ 이중결제 ▶ 연동, 비연동, 기타',
    });
  });

  it('a guide retired in the period is `retired`, compared up to its last copy', () => {
    const payback = brief('2024-12-01').groups[0].guides.find((g) => g.id === '페이백이벤트안내')!;
    expect(payback).toMatchObject({ kind: 'retired', retired: true, currentPath: null, latest: '2024-12-31' });
    expect(payback.from).toBe(payback.to);
    expect(payback.changes).toEqual([]);
  });

  it('a step-level date alone compares the version that introduced it', () => {
    const only = brief('2024-12-06').groups.flatMap((g) => g.guides);
    const seed = only.find((g) => g.id === SEED)!;
    expect(seed.events.map((e) => e.kind)).toEqual(['dated']);
    expect(seed.from).toBe(seedArchived().path);
    expect(seed.kind).toBe('changed');
  });

  it('is empty for a period without events, and keeps its period', () => {
    const b = brief('2026-09-04');
    expect(b).toEqual({ period: { since: '2026-09-04', until: null }, guideCount: 0, changeCount: 0, groups: [] });
  });
});

describe('topCategory', () => {
  it('is the first part of the path, or 분류 없음', () => {
    expect(topCategory(['주차_고객', '결제'])).toBe('주차_고객');
    expect(topCategory([])).toBe(UNCATEGORISED);
    expect(topCategory(['  '])).toBe(UNCATEGORISED);
  });
});
