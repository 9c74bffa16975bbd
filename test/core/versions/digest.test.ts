import { describe, expect, it } from 'vitest';
import { buildHistories, changesSince, DIGEST_LABEL_LIMIT } from '../../../src/main/core/versions';
import { archivedCopy, currentCopy, seedArchived, seedCurrent } from './factory';

const T3 = '주차 정기권 해지';
const v1 = archivedCopy(T3, '2023-05-01', { responseSteps: ['본인 확인', '해지 접수'] });
const v2 = archivedCopy(T3, '2024-12-05', { responseSteps: ['본인 확인', '잔여 기간 확인', '해지 접수'] });
const v3 = currentCopy(T3, { responseSteps: ['본인 확인', '잔여 기간 확인', '해지 접수', '환불 안내'] });
const retired = archivedCopy('페이백 이벤트 안내', '2024-09-30', { responseSteps: ['이벤트 안내'] });
const steady = currentCopy('택시 분실물 접수', { responseSteps: ['본인 확인'] });

const versions = [seedArchived(), seedCurrent(), v1, v2, v3, retired, steady];
const histories = buildHistories(versions);
const SEED = '이중결제취소요청(타사주차권)';

describe('changesSince', () => {
  it('lists the seed guide with its archive, effective and step-dated events, and a summary', () => {
    const entries = changesSince(versions, histories, '2024-12-01');
    const seed = entries.find((e) => e.id === SEED)!;
    expect(seed.title).toBe('이중결제 취소요청(타사 주차권)');
    expect(seed.retired).toBe(false);
    expect(seed.events).toEqual([
      { kind: 'archived', date: '2024-12-05', path: '(보관-24.12.5)이중결제 취소요청(타사 주차권).md' },
      { kind: 'effective', date: '2024-12-05', path: '이중결제 취소요청(타사 주차권).md' },
      { kind: 'dated', date: '2025-01-02', path: '이중결제 취소요청(타사 주차권).md' },
    ]);
    expect(seed.summary).toEqual({
      from: '(보관-24.12.5)이중결제 취소요청(타사 주차권).md',
      to: '이중결제 취소요청(타사 주차권).md',
      total: 7,
      counts: { responseSteps: 1, policies: 1, scripts: 3, dates: 2 },
      labels: ['응대 순서 5', '정책: 속초시 공영주차장', '스크립트 ③', '스크립트 ④ 제목', '스크립트 ④'],
    });
    expect(seed.summary!.labels.length).toBeLessThanOrEqual(DIGEST_LABEL_LIMIT);
  });

  it('includes a guide archived exactly on `since`, and excludes unchanged and older ones', () => {
    const ids = changesSince(versions, histories, '2024-12-05').map((e) => e.id);
    expect(ids).toContain(SEED);
    expect(ids).toContain('주차정기권해지');
    expect(ids).not.toContain('택시분실물접수');
    expect(ids).not.toContain('페이백이벤트안내');
  });

  it('diffs from the version in force the day before `since`, not from the oldest', () => {
    const e = changesSince(versions, histories, '2024-01-01').find((x) => x.id === '주차정기권해지')!;
    expect(e.events.map((ev) => `${ev.kind} ${ev.date}`)).toEqual(['archived 2024-12-05', 'effective 2024-12-05']);
    expect(e.summary).toMatchObject({
      from: v2.path,
      to: v3.path,
      total: 1,
      counts: { responseSteps: 1 },
      labels: ['응대 순서 4'],
    });
  });

  it('diffs from the oldest version when nothing was in force before `since`', () => {
    const e = changesSince(versions, histories, '2000-01-01').find((x) => x.id === '주차정기권해지')!;
    expect(e.summary).toMatchObject({ from: v1.path, to: v3.path, total: 2 });
  });

  it('reports a retired guide by its archive event, with an empty summary (nothing replaced it)', () => {
    const e = changesSince(versions, histories, '2024-09-01').find((x) => x.id === '페이백이벤트안내')!;
    expect(e.retired).toBe(true);
    expect(e.currentPath).toBeNull();
    expect(e.events).toEqual([{ kind: 'archived', date: '2024-09-30', path: retired.path }]);
    expect(e.summary).toMatchObject({ from: retired.path, to: retired.path, total: 0, counts: {}, labels: [] });
  });

  it('a step-level date alone still lists the guide, summarising the edit that introduced it', () => {
    const entries = changesSince(versions, histories, '2024-12-06');
    expect(entries.map((e) => e.id)).toEqual([SEED]);
    expect(entries[0].events).toEqual([
      { kind: 'dated', date: '2025-01-02', path: '이중결제 취소요청(타사 주차권).md' },
    ]);
    expect(entries[0].summary!.from).toBe('(보관-24.12.5)이중결제 취소요청(타사 주차권).md');
    expect(entries[0].summary!.total).toBe(7);
  });

  it('is empty after the last event', () => {
    expect(changesSince(versions, histories, '2025-01-03')).toEqual([]);
  });

  it('keeps the Korean title order of the histories', () => {
    const titles = changesSince(versions, histories, '2000-01-01').map((e) => e.title);
    expect(titles).toEqual(['이중결제 취소요청(타사 주차권)', '주차 정기권 해지', '페이백 이벤트 안내']);
  });

  it('gives a null summary when a version file is missing', () => {
    const e = changesSince([seedCurrent()], histories, '2024-12-01').find((x) => x.id === SEED)!;
    expect(e.summary).toBeNull();
  });
});
