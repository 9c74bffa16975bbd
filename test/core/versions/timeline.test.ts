import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, bucketOf, buildHistories, changeTimeline, weekday } from '../../../src/main/core/versions';
import { archivedCopy, currentCopy } from './factory';

const PARKING = ['주차_고객', '정기권'];
const TAXI = ['택시_고객', '분실물'];

const versions = [
  // 2024-11-27 in effect, replaced 2024-12-05 (one change that day), step dated 2025-01-02.
  archivedCopy('주차 정기권 해지', '2024-12-05', {
    category: PARKING,
    responseSteps: ['a'],
    effectiveDates: ['2024-11-27'],
  }),
  currentCopy('주차 정기권 해지', { category: PARKING, responseSteps: ['a', 'b'], effectiveDates: ['2025-01-02'] }),
  // New on 2024-12-02.
  currentCopy('택시 분실물 접수', { category: TAXI, responseSteps: ['a'], effectiveDates: ['2024-12-02'] }),
  // Retired on 2025-01-31, in force from 2024-12-06.
  archivedCopy('페이백 이벤트', '2025-01-31', {
    category: PARKING,
    responseSteps: ['a'],
    effectiveDates: ['2024-12-06'],
  }),
  // No dates at all: never a change.
  currentCopy('택시 요금 안내', { category: TAXI, responseSteps: ['a'] }),
];
const histories = buildHistories(versions);

describe('weekday and bucketOf', () => {
  it('knows the day of the week (0 = Monday)', () => {
    expect(weekday('2024-12-02')).toBe(0);
    expect(weekday('2024-12-08')).toBe(6);
    expect(weekday('2000-02-29')).toBe(1);
    expect(weekday('2026-12-03')).toBe(3);
  });

  it('agrees with the host calendar on every day of four centuries (sampled)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 146_096 }), (offset) => {
        const date = addDays('1900-01-01', offset);
        return weekday(date) === (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
      }),
    );
  });

  it('weeks run Monday to Sunday, months from the 1st to the last day', () => {
    expect(bucketOf('2024-12-05', 'week')).toEqual({ start: '2024-12-02', end: '2024-12-08' });
    expect(bucketOf('2024-12-31', 'week')).toEqual({ start: '2024-12-30', end: '2025-01-05' });
    expect(bucketOf('2024-02-10', 'month')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(bucketOf('2025-02-28', 'month')).toEqual({ start: '2025-02-01', end: '2025-02-28' });
  });
});

describe('changeTimeline', () => {
  it('counts one change per guide and day, by category, per month, without gaps', () => {
    const t = changeTimeline(versions, histories, 'month');
    expect(t.first).toBe('2024-11-27');
    expect(t.last).toBe('2025-01-31');
    expect(t.buckets.map((b) => [b.start, b.end, b.total, b.counts])).toEqual([
      ['2024-11-01', '2024-11-30', 1, { 주차_고객: 1 }],
      // 정기권 replaced on 12-05 (archived + effective: one change), 택시 new on 12-02, 페이백 from 12-06.
      ['2024-12-01', '2024-12-31', 3, { 주차_고객: 2, 택시_고객: 1 }],
      // 정기권's step dated 01-02, 페이백 retired 01-31.
      ['2025-01-01', '2025-01-31', 2, { 주차_고객: 2 }],
    ]);
    expect(t.total).toBe(6);
    expect(t.categories).toEqual(['주차_고객', '택시_고객']);
  });

  it('fills empty weeks so gaps stay visible', () => {
    const t = changeTimeline(versions, histories, 'week');
    expect(t.buckets[0]).toMatchObject({ start: '2024-11-25', end: '2024-12-01', total: 1 });
    expect(t.buckets.at(-1)).toMatchObject({ start: '2025-01-27', end: '2025-02-02', total: 1 });
    for (let i = 1; i < t.buckets.length; i++) expect(t.buckets[i].start).toBe(addDays(t.buckets[i - 1].end, 1));
    expect(t.buckets.some((b) => b.total === 0)).toBe(true);
    expect(t.buckets.reduce((n, b) => n + b.total, 0)).toBe(t.total);
    for (const b of t.buckets) expect(Object.values(b.counts).reduce((n, c) => n + c, 0)).toBe(b.total);
  });

  it('is empty when nothing ever changed', () => {
    const quiet = [currentCopy('택시 요금 안내', { category: TAXI, responseSteps: ['a'] })];
    expect(changeTimeline(quiet, buildHistories(quiet), 'month')).toEqual({
      unit: 'month',
      categories: [],
      buckets: [],
      total: 0,
      first: null,
      last: null,
    });
  });
});
