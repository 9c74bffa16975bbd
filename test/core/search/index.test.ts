import { describe, expect, it } from 'vitest';
import { SearchIndex, parseSynonyms, type SearchResponse } from '../../../src/main/core/search';
import { DOUBLE_PAY, DOUBLE_PAY_OLD, PACK, SYNONYMS_TXT, TAXI_CHANGED, makeDoc } from './fixture';

const synonyms = parseSynonyms(SYNONYMS_TXT);
const index = SearchIndex.build(PACK, { synonyms });
const top = (r: SearchResponse) => r.results[0]?.id;

describe('ranking: each kind of query finds the expected guide first', () => {
  const cases: [string, string, string][] = [
    ['word', '분실물', 'taxi-lost-item'],
    ['word (title)', '차단기', 'gate-error'],
    ['multi-word', '주차권 환불', 'parking-refund'],
    ['multi-word across fields', '취소 수수료 기사님', 'taxi-cancel-fee'],
    ['deep body phrase (beyond 200 chars)', '폐쇄된 진출입로가 경로에 계속 나타나는 경우', 'navi-route'],
    ['초성', 'ㅇㅈㄱㅈ', 'double-payment'],
    ['mixed 초성', '이중ㄱㅈ', 'double-payment'],
    ['half-typed consonant', '이중결ㅈ', 'double-payment'],
    ['half-typed syllable', '이중겨', 'double-payment'],
    ['typo 결재', '이중결재', 'double-payment'],
    ['typo 환블', '월주차 환블', 'monthly-pass'],
    ['spacing', '이중 결제', 'double-payment'],
    ['spacing inside a title', '출차오류', 'gate-error'],
    ['layout', 'dlwndrufwp', 'double-payment'],
    ['layout then typo', 'dlwndruftp', 'double-payment'],
    ['phone with dashes', '02-6925-0023', 'double-payment'],
    ['phone without dashes', '0269250023', 'double-payment'],
    ['region', '속초시', 'double-payment'],
    ['synonym', '중복결제', 'double-payment'],
    ['Latin word kept as typed', 'QR', 'bike-breakdown'],
    ['Latin word kept as typed (kb)', 'kb', 'membership'],
    ['NFD query', '분실물'.normalize('NFD'), 'taxi-lost-item'],
  ];
  for (const [kind, q, expected] of cases) {
    it(`${kind}: ${q}`, () => {
      expect(top(index.search(q))).toBe(expected);
    });
  }

  it('the deep body phrase really is beyond 200 characters of the body', () => {
    const navi = PACK.find((d) => d.version.id === 'navi-route')!;
    expect(navi.version.plainText.indexOf('폐쇄된 진출입로가')).toBeGreaterThan(200);
  });

  it('says how it understood the query', () => {
    expect(index.search('dlwndrufwp').interpretedAs[0]).toBe('dlwndrufwp → 이중결제');
    expect(index.search('ㅇㅈㄱㅈ').interpretedAs).toContain('ㅇㅈㄱㅈ: 초성');
    expect(index.search('중복결제').interpretedAs[0]).toMatch(/^중복결제 → 이중결제.*\(동의어\)$/);
    expect(index.search('이중결재').interpretedAs).toContain('이중결재 → 이중결제 (오타)');
    expect(index.search('이중결ㅈ').interpretedAs).toContain('이중결ㅈ → 이중결제 (입력 중)');
    expect(index.search('속초시').interpretedAs).toEqual([]);
    expect(index.interpret('dlwndruftp')).toEqual(['dlwndruftp → 이중결세', '이중결세 → 이중결제 (오타)']);
  });

  it('synonyms apply to multi-word entries', () => {
    const r = index.search('이중 청구');
    expect(top(r)).toBe('double-payment');
    expect(r.interpretedAs.join()).toContain('동의어');
  });

  it('an unknown word finds nothing', () => {
    expect(index.search('퓨뷁쿄').results).toEqual([]);
  });

  it('an empty query returns no results and no interpretation', () => {
    for (const q of ['', '   ', '\t']) {
      const r = index.search(q);
      expect(r.results).toEqual([]);
      expect(r.interpretedAs).toEqual([]);
    }
  });
});

describe('matches: where and what', () => {
  it('labels a policy row match with the row name', () => {
    const r = index.search('속초시');
    const m = r.results[0].matches[0];
    expect(m.field).toBe('policy');
    expect(m.label).toBe('정책: 속초시 공영주차장');
    const [a, b] = m.highlights[0];
    expect(m.snippet.slice(a, b)).toBe('속초시');
    // The body repeats the policy row; it is not listed again.
    expect(r.results[0].matches.map((x) => x.field)).not.toContain('body');
  });
  it('labels title, category, response steps and scripts', () => {
    const r = index.search('이중결제');
    const labels = r.results[0].matches.map((m) => `${m.field}:${m.label}`);
    expect(labels[0]).toBe('title:제목');
    expect(labels).toContain('category:상담 유형');
    expect(labels.some((l) => /^script:스크립트 [①-⑳]$/.test(l))).toBe(true);
  });
  it('highlights the original text of a spacing-insensitive match', () => {
    const r = index.search('이중결제취소');
    const title = r.results[0].matches.find((m) => m.field === 'title')!;
    const [a, b] = title.highlights[0];
    expect(title.snippet.slice(a, b)).toBe('이중결제 취소');
  });
  it('highlights a phone number typed without dashes', () => {
    const m = index.search('0269250023').results[0].matches[0];
    const [a, b] = m.highlights[0];
    expect(m.snippet.slice(a, b)).toBe('02-6925-0023');
    expect(m.label).toBe('정책: 성북구 공영주차장');
  });
  it('keeps snippets short around a deep body match', () => {
    const m = index.search('폐쇄된 진출입로가').results[0].matches[0];
    expect(m.field).toBe('body');
    expect(m.label).toBe('본문');
    expect(m.snippet.length).toBeLessThanOrEqual(100);
    const [a, b] = m.highlights[0];
    expect(m.snippet.slice(a, b)).toBe('폐쇄된 진출입로가');
  });
});

describe('filters and grouping', () => {
  it('default (exclude) shows only current versions', () => {
    const r = index.search('이중결제');
    expect(r.results.filter((x) => x.id === 'double-payment')).toHaveLength(1);
    expect(r.results[0].path).toBe(DOUBLE_PAY.summary.path);
    expect(r.results[0].archived).toBe(false);
  });
  it('text only in an archived version is not found by default', () => {
    expect(index.search('레거시 정산').results).toEqual([]);
    const inc = index.search('레거시 정산', { archived: 'include' });
    expect(inc.results[0].path).toBe('parking/(보관-25.3.1)주차권 환불 요청.md');
    expect(inc.results[0].archived).toBe(true);
    expect(inc.results[0].archivedAt).toBe('2025-03-01');
  });
  it('include groups versions: one result per guide, the best version', () => {
    const r = index.search('주차권 환불', { archived: 'include' });
    const ids = r.results.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.results[0].id).toBe('parking-refund');
    // Both versions match equally on the title: the current one wins the tie.
    expect(r.results[0].path).toBe('parking/주차권 환불 요청.md');
  });
  it('only returns archived versions', () => {
    const r = index.search('이중결제', { archived: 'only' });
    expect(r.results.map((x) => x.path)).toEqual([DOUBLE_PAY_OLD.summary.path]);
  });
  it('asOf picks the version in force on that date', () => {
    expect(index.search('인천공항', { asOf: '2024-11-01' }).results).toEqual([]);
    const before = index.search('이중결제', { asOf: '2024-11-01' });
    expect(before.results[0].path).toBe(DOUBLE_PAY_OLD.summary.path);
    const after = index.search('이중결제', { asOf: '2024-12-05' });
    expect(after.results[0].path).toBe(DOUBLE_PAY.summary.path);
    // A guide whose only version starts later is not in force yet.
    expect(index.search('월주차', { asOf: '2025-01-01' }).results.map((x) => x.id)).not.toContain('monthly-pass');
  });
  it('category filters by path prefix', () => {
    const all = index.search('환불').results.map((x) => x.id);
    expect(all).toContain('membership');
    const parking = index.search('환불', { category: '주차_고객' }).results.map((x) => x.id);
    expect(parking).toContain('parking-refund');
    expect(parking).not.toContain('membership');
    expect(index.search('환불', { category: '주차_고객 ▶ 환불' }).results.map((x) => x.id)).toEqual(['parking-refund']);
    expect(index.search('환불', { category: '택시' }).results.map((x) => x.id)).toEqual(['taxi-cancel-fee']);
  });
  it('limit caps the number of guides', () => {
    expect(index.search('안내', { limit: 2 }).results).toHaveLength(2);
  });
  it('results carry the guide category and the public fields', () => {
    const r = index.search('분실물').results[0];
    expect(r).toMatchObject({
      id: 'taxi-lost-item',
      title: '택시 분실물 접수',
      path: 'taxi/택시 분실물 접수.md',
      archived: false,
      archivedAt: null,
    });
    expect(r.category).toEqual(['택시_고객', '이용', '분실물']);
    expect(typeof r.score).toBe('number');
  });
});

describe('serialize / deserialize', () => {
  it('round trip gives identical results', () => {
    const data = index.serialize();
    const again = SearchIndex.deserialize(data, { synonyms });
    expect(again.size).toBe(index.size);
    for (const q of ['이중결제', 'ㅇㅈㄱㅈ', '속초시', 'dlwndrufwp', '환블', '주차권 환불', '0269250023', '중복결제']) {
      for (const archived of ['exclude', 'include'] as const) {
        const a = { ...index.search(q, { archived }), tookMs: 0 };
        const b = { ...again.search(q, { archived }), tookMs: 0 };
        expect(b).toEqual(a);
      }
    }
  });
  it('survives an unaligned copy of the bytes', () => {
    const data = index.serialize() as Uint8Array;
    const shifted = new Uint8Array(data.length + 1).subarray(1);
    shifted.set(data);
    expect(top(SearchIndex.deserialize(shifted, { synonyms }).search('속초시'))).toBe('double-payment');
  });
  it('rejects corrupt data', () => {
    const data = index.serialize() as Uint8Array;
    expect(() => SearchIndex.deserialize(data.subarray(0, data.length / 2))).toThrow();
    const bad = data.slice();
    bad[0] ^= 0xff;
    expect(() => SearchIndex.deserialize(bad)).toThrow();
  });
});

describe('update', () => {
  it('replaces a changed version, adds a new guide and removes a deleted one', () => {
    const idx = SearchIndex.build(PACK, { synonyms });
    const before = idx.size;
    const changed = TAXI_CHANGED;
    const added = makeDoc({
      id: 'kickboard',
      path: '킥보드 주차 신고.md',
      title: '킥보드 주차 신고',
      category: ['공통_고객', '신고'],
    });
    idx.update([changed, added], ['내비 경로 오류 신고.md']);
    expect(idx.size).toBe(before);
    expect(top(idx.search('우산 분실'))).toBe('taxi-lost-item');
    expect(index.search('퀵비용').results.map((x) => x.id)).toContain('taxi-lost-item');
    expect(idx.search('퀵비용').results.map((x) => x.id)).not.toContain('taxi-lost-item');
    expect(top(idx.search('킥보드'))).toBe('kickboard');
    expect(idx.search('진출입로').results).toEqual([]);
    // Untouched guides are still there, synonyms still apply.
    expect(top(idx.search('중복결제'))).toBe('double-payment');
    expect(top(idx.search('ㅇㅈㄱㅈ'))).toBe('double-payment');
  });
});

describe('update: overlay and compaction', () => {
  it('a new current version replaces the old one and the old copy can come back archived', () => {
    const idx = SearchIndex.build(PACK, { synonyms });
    const archivedCopy = makeDoc({
      id: 'gate-error',
      path: 'parking/(보관-26.1.1)출차 오류(차단기 미개방).md',
      title: '출차 오류(차단기 미개방)',
      archivedAt: '2026-01-01',
      validTo: '2025-12-31',
      category: ['주차_고객', '이용', '출차 오류'],
      policies: [['차단기 미개방 시 관제센터 원격 개방 요청', ['주차 관제 상황실 1588-0000']]],
    });
    const current = makeDoc({
      id: 'gate-error',
      path: 'parking/출차 오류(차단기 미개방).md',
      title: '출차 오류(차단기 미개방)',
      validFrom: '2026-01-01',
      category: ['주차_고객', '이용', '출차 오류'],
      policies: [['차단기 미개방 시 번호판 인식 재시도 후 원격 개방', ['주차 관제 상황실 1588-1111']]],
    });
    idx.update([archivedCopy, current], []);
    expect(top(idx.search('번호판 인식'))).toBe('gate-error');
    expect(idx.search('15880000').results).toEqual([]);
    const inc = idx.search('15880000', { archived: 'include' });
    expect(inc.results.map((r) => r.path)).toEqual([archivedCopy.summary.path]);
    // One result per guide even though the guide now lives in both parts of the index.
    const both = idx.search('차단기', { archived: 'include' }).results.filter((r) => r.id === 'gate-error');
    expect(both).toHaveLength(1);
    expect(both[0].path).toBe(current.summary.path);
    expect(idx.size).toBe(PACK.length + 1);
  });

  it('serialize after update folds everything into one index with the same answers', () => {
    const idx = SearchIndex.build(PACK, { synonyms });
    idx.update(
      [makeDoc({ id: 'kick', path: '킥보드.md', title: '킥보드 방치 신고', category: ['공통_고객', '신고'] })],
      ['바이크 고장 신고.md'],
    );
    const before = idx.search('킥보드');
    const again = SearchIndex.deserialize(idx.serialize(), { synonyms });
    expect(again.size).toBe(idx.size);
    // Scores may move (term weights are recomputed over the folded index); answers do not.
    const strip = (r: typeof before) => r.results.map(({ score: _score, ...rest }) => rest);
    expect(strip(again.search('킥보드'))).toEqual(strip(before));
    expect(again.search('킥보드').interpretedAs).toEqual(before.interpretedAs);
    expect(again.search('브레이크').results.map((r) => r.id)).not.toContain('bike-breakdown');
  });

  it('many changes compact into a rebuilt index', () => {
    const idx = SearchIndex.build(PACK, { synonyms });
    const many = Array.from({ length: 300 }, (_, i) =>
      makeDoc({
        id: `bulk-${i}`,
        path: `bulk/${i}.md`,
        title: `대량 추가 가이드 ${i}번`,
        category: ['공통_고객', '대량'],
      }),
    );
    idx.update(many, []);
    expect(idx.size).toBe(PACK.length + 300);
    expect(top(idx.search('대량 추가 가이드 299번'))).toBe('bulk-299');
    expect(top(idx.search('ㅇㅈㄱㅈ'))).toBe('double-payment');
  });
});

describe('odd input', () => {
  it('punctuation only is an empty query', () => {
    expect(index.search('!!! ... ---')).toMatchObject({ results: [], interpretedAs: [] });
  });
  it('a repeated word counts once', () => {
    const r = index.search('이중결제 '.repeat(50));
    expect(top(r)).toBe('double-payment');
    expect(r.interpretedAs).toHaveLength(1);
  });
  it('a lone jamo is not expanded to arbitrary words', () => {
    expect(index.search('ㅎ').interpretedAs).toEqual([]);
  });
  it('a long pasted paragraph still finds its guide', () => {
    const pasted = '안내받으신 경로의 출발지와 도착지, 문제가 된 구간을 말씀해 주시겠습니까? ' + LONG_TAIL;
    expect(top(index.search(pasted))).toBe('navi-route');
  });
});

const LONG_TAIL = '상담 시 고객님의 불편 사항을 충분히 경청하고 공감 표현을 먼저 한 뒤 안내를 시작합니다.';
