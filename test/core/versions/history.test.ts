import { describe, expect, it } from 'vitest';
import { buildHistories, findHistory, versionInForce } from '../../../src/main/core/versions';
import { addDays, isIsoDate } from '../../../src/main/core/versions/dates';
import { archivedCopy, currentCopy, makeVersion, seedArchived, seedCurrent } from './factory';

describe('buildHistories: grouping', () => {
  it('groups an archived copy and the current copy of one guide into one history', () => {
    const hs = buildHistories([seedCurrent(), seedArchived()]);
    expect(hs).toHaveLength(1);
    const h = hs[0];
    expect(h.id).toBe('이중결제취소요청(타사주차권)');
    expect(h.title).toBe('이중결제 취소요청(타사 주차권)');
    expect(h.versions.map((v) => v.path)).toEqual([
      '(보관-24.12.5)이중결제 취소요청(타사 주차권).md',
      '이중결제 취소요청(타사 주차권).md',
    ]);
    expect(h.currentPath).toBe('이중결제 취소요청(타사 주차권).md');
    expect(h.retired).toBe(false);
    expect(h.conflicts).toBeUndefined();
  });

  it('groups by id only: same id with different titles is one guide, newest title wins', () => {
    const old = archivedCopy('주차 환불 안내', '2024-06-01', { id: 'parking-refund' });
    const cur = currentCopy('주차권 환불 안내', { id: 'parking-refund' });
    const other = currentCopy('주차 환불 안내 (법인)', { id: 'parking-refund-corp' });
    const hs = buildHistories([cur, other, old]);
    expect(hs).toHaveLength(2);
    const h = hs.find((x) => x.id === 'parking-refund')!;
    expect(h.title).toBe('주차권 환불 안내');
    expect(h.versions).toHaveLength(2);
    expect(hs.find((x) => x.id === 'parking-refund-corp')!.versions).toHaveLength(1);
  });

  it('keeps guides apart when their ids differ even if titles look alike (NFD vs NFC is the parser’s job)', () => {
    const nfc = '택시 분실물 접수'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    const a = currentCopy(nfc, { id: nfc.replace(/\s+/g, '') });
    const b = archivedCopy(nfc, '2025-03-01', { id: nfc.replace(/\s+/g, '') });
    const c = currentCopy(nfd, { id: 'other', path: 'x/' + nfd + '.md' });
    const hs = buildHistories([a, b, c]);
    expect(hs).toHaveLength(2);
    expect(hs.find((h) => h.id === '택시분실물접수')!.versions.map((v) => v.archived)).toEqual([true, false]);
  });

  it('marks a guide whose copies are all archived as retired, with no current path', () => {
    const a = archivedCopy('페이백 이벤트 안내', '2024-03-01');
    const b = archivedCopy('페이백 이벤트 안내', '2024-09-30');
    const [h] = buildHistories([b, a]);
    expect(h.retired).toBe(true);
    expect(h.currentPath).toBeNull();
    expect(h.versions.map((v) => v.archivedAt)).toEqual(['2024-03-01', '2024-09-30']);
    expect(h.versions[1].validFrom).toBe('2024-03-01');
    expect(h.versions[1].validTo).toBe('2024-09-29');
  });

  it('reports extra non-archived copies as conflicts and keeps the one with the latest effective date', () => {
    const older = makeVersion({ title: '출차 오류', path: 'parking/출차 오류.md', effectiveDates: ['2024-01-01'] });
    const newer = makeVersion({
      title: '출차 오류',
      path: 'parking/출차 오류 (사본).md',
      effectiveDates: ['2025-02-01'],
    });
    const arch = archivedCopy('출차 오류', '2024-12-01');
    const [h] = buildHistories([older, arch, newer]);
    expect(h.currentPath).toBe('parking/출차 오류 (사본).md');
    expect(h.conflicts).toEqual(['parking/출차 오류.md']);
    expect(h.versions.map((v) => v.path)).toEqual([arch.path, 'parking/출차 오류 (사본).md']);
  });

  it('breaks a tie between undated current copies by path, deterministically', () => {
    const a = currentCopy('정기권', { path: 'b/정기권.md' });
    const b = currentCopy('정기권', { path: 'a/정기권.md' });
    expect(buildHistories([a, b])[0].currentPath).toBe('a/정기권.md');
    expect(buildHistories([b, a])[0].currentPath).toBe('a/정기권.md');
  });

  it('sorts guides by title in Korean order', () => {
    const hs = buildHistories([
      currentCopy('택시 분실물 접수'),
      currentCopy('가맹 택시 문의'),
      currentCopy('주차 정기권 해지'),
      currentCopy('나중 결제'),
    ]);
    expect(hs.map((h) => h.title)).toEqual(['가맹 택시 문의', '나중 결제', '주차 정기권 해지', '택시 분실물 접수']);
  });
});

describe('buildHistories: ordering', () => {
  it('orders archived copies by archive date whatever the input order, current last', () => {
    const t = '정기권 해지';
    const v1 = archivedCopy(t, '2023-05-01');
    const v2 = archivedCopy(t, '2024-12-05');
    const v3 = currentCopy(t);
    for (const input of [
      [v3, v2, v1],
      [v2, v3, v1],
      [v1, v2, v3],
    ]) {
      const [h] = buildHistories(input);
      expect(h.versions.map((v) => v.path)).toEqual([v1.path, v2.path, v3.path]);
    }
  });

  it('breaks archive-date ties by effective date, then path', () => {
    const t = '쿠폰 지급';
    const a = makeVersion({
      title: t,
      path: 'z.md',
      archived: true,
      archivedAt: '2024-05-01',
      effectiveDates: ['2024-01-01'],
    });
    const b = makeVersion({
      title: t,
      path: 'y.md',
      archived: true,
      archivedAt: '2024-05-01',
      effectiveDates: ['2024-03-01'],
    });
    const c = makeVersion({
      title: t,
      path: 'x.md',
      archived: true,
      archivedAt: '2024-05-01',
      effectiveDates: ['2024-03-01'],
    });
    const [h] = buildHistories([b, c, a]);
    expect(h.versions.map((v) => v.path)).toEqual(['z.md', 'x.md', 'y.md']);
  });
});

describe('validity windows', () => {
  it('seed guide: archived copy runs through the day before its archive day; current starts on it', () => {
    const [h] = buildHistories([seedArchived(), seedCurrent()]);
    // Archived copy: its own `24.11.27부터 적용` is the oldest known start.
    expect(h.versions[0]).toMatchObject({ validFrom: '2024-11-27', validTo: '2024-12-04', archivedAt: '2024-12-05' });
    // Current copy: replaced the archived one on 2024-12-05; its in-text `25.1.2부터 적용` dates one step only.
    expect(h.versions[1]).toMatchObject({ validFrom: '2024-12-05', validTo: null, archived: false });
  });

  it('windows tile: each validTo is the day before the next validFrom', () => {
    const t = '정기권 해지';
    const [h] = buildHistories([archivedCopy(t, '2023-05-01'), archivedCopy(t, '2024-12-05'), currentCopy(t)]);
    expect(h.versions.map((v) => [v.validFrom, v.validTo])).toEqual([
      [null, '2023-04-30'],
      ['2023-05-01', '2024-12-04'],
      ['2024-12-05', null],
    ]);
  });

  it('a front-matter effective date later than the archive day wins and extends the archived copy', () => {
    const t = '출차 오류';
    const [h] = buildHistories([archivedCopy(t, '2025-03-01'), currentCopy(t, { effectiveFrom: '2025-03-10' })]);
    expect(h.versions[0].validTo).toBe('2025-03-09');
    expect(h.versions[1].validFrom).toBe('2025-03-10');
    expect(versionInForce(h, '2025-03-05')!.archived).toBe(true);
    expect(versionInForce(h, '2025-03-10')!.archived).toBe(false);
  });

  it('a front-matter effective date before the archive day wins too: the archived copy ends earlier', () => {
    const t = '출차 오류';
    const [h] = buildHistories([archivedCopy(t, '2025-03-01'), currentCopy(t, { effectiveFrom: '2025-02-20' })]);
    expect(h.versions.map((v) => [v.validFrom, v.validTo])).toEqual([
      [null, '2025-02-19'],
      ['2025-02-20', null],
    ]);
    expect(versionInForce(h, '2025-02-25')!.archived).toBe(false);
  });

  it('the oldest copy’s front-matter effective date beats its in-text dates', () => {
    const [h] = buildHistories([
      currentCopy('포인트 환불', { effectiveFrom: '2025-01-01', effectiveDates: ['2024-06-01', '2025-01-01'] }),
    ]);
    expect(h.versions[0].validFrom).toBe('2025-01-01');
    expect(versionInForce(h, '2024-12-31')).toBeNull();
  });

  it('crosses month, year and leap-day boundaries', () => {
    const t = '경계';
    const [h] = buildHistories([
      archivedCopy(t, '2024-03-01'),
      archivedCopy(t, '2025-01-01'),
      archivedCopy(t, '2025-03-01'),
      currentCopy(t),
    ]);
    expect(h.versions.map((v) => v.validTo)).toEqual(['2024-02-29', '2024-12-31', '2025-02-28', null]);
  });

  it('uses no in-text date after the archive day for the oldest copy', () => {
    const v = archivedCopy('쿠폰', '2024-06-01', { effectiveDates: ['2024-02-01', '2024-07-01'] });
    const [h] = buildHistories([v]);
    expect(h.versions[0].validFrom).toBe('2024-02-01');
    expect(h.versions[0].validTo).toBe('2024-05-31');
  });
});

describe('versionInForce', () => {
  const [h] = buildHistories([seedArchived(), seedCurrent()]);
  const at = (d: string) => versionInForce(h, d)?.path ?? null;
  const archivedPath = '(보관-24.12.5)이중결제 취소요청(타사 주차권).md';
  const currentPath = '이중결제 취소요청(타사 주차권).md';

  it('the archive day itself belongs to the new version', () => {
    expect(at('2024-12-05')).toBe(currentPath);
  });
  it('the day before the archive day belongs to the archived copy', () => {
    expect(at('2024-12-04')).toBe(archivedPath);
  });
  it('the first known day of the oldest copy is covered, the day before is not', () => {
    expect(at('2024-11-27')).toBe(archivedPath);
    expect(at('2024-11-26')).toBeNull();
  });
  it('the far future is the current version', () => {
    expect(at('2099-12-31')).toBe(currentPath);
  });
  it('an oldest copy without dates is in force since forever', () => {
    const [g] = buildHistories([archivedCopy('x', '2024-12-05'), currentCopy('x')]);
    expect(versionInForce(g, '1900-01-01')!.archived).toBe(true);
  });
  it('a retired guide is in force through the day before its last archive day, then nothing', () => {
    const [g] = buildHistories([archivedCopy('페이백', '2024-09-30')]);
    expect(versionInForce(g, '2024-09-29')!.path).toBe(g.versions[0].path);
    expect(versionInForce(g, '2024-09-30')).toBeNull();
    expect(versionInForce(g, '2099-01-01')).toBeNull();
  });
  it('agrees with the windows on every day of a three-version history', () => {
    const t = '정기권 해지';
    const [g] = buildHistories([archivedCopy(t, '2023-05-01'), archivedCopy(t, '2024-12-05'), currentCopy(t)]);
    let d = '2023-04-25';
    while (d <= '2024-12-10') {
      const v = versionInForce(g, d)!;
      expect(v).not.toBeNull();
      expect(v.validFrom === null || v.validFrom <= d).toBe(true);
      expect(v.validTo === null || d <= v.validTo).toBe(true);
      d = addDays(d, 1);
    }
  });
});

describe('findHistory', () => {
  const hs = buildHistories([seedArchived(), seedCurrent(), currentCopy('택시 분실물 접수', { id: 'taxi-lost-item' })]);
  it('finds by id', () => {
    expect(findHistory(hs, 'taxi-lost-item')!.title).toBe('택시 분실물 접수');
  });
  it('finds by the path of an archived version', () => {
    expect(findHistory(hs, '(보관-24.12.5)이중결제 취소요청(타사 주차권).md')!.id).toBe('이중결제취소요청(타사주차권)');
  });
  it('finds by an NFD-spelled path or a ./ prefix', () => {
    expect(findHistory(hs, './이중결제 취소요청(타사 주차권).md'.normalize('NFD'))!.id).toBe(
      '이중결제취소요청(타사주차권)',
    );
  });
  it('finds by a title typed with spaces', () => {
    expect(findHistory(hs, '이중결제 취소요청(타사 주차권)')!.id).toBe('이중결제취소요청(타사주차권)');
  });
  it('returns null for an unknown guide', () => {
    expect(findHistory(hs, '없는 가이드')).toBeNull();
    expect(findHistory(hs, '')).toBeNull();
  });
});

describe('dates helpers', () => {
  it('addDays and isIsoDate', () => {
    expect(addDays('2024-12-05', -1)).toBe('2024-12-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('24.12.5')).toBe(false);
  });
});
