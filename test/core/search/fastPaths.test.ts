/**
 * The scorer's fast paths (src/main/core/search/scorer.ts), each reached with a pack built so
 * that only that path gives the answer asserted: the tiered walk of a very common first term,
 * the candidate cap after it, and the k-th best selection of the top results (with ties).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchResponse } from '../../../src/main/core/search';
import { kthBestScore } from '../../../src/main/core/search/scorer';
import { makeDoc } from './fixture';

const pad = (i: number) => String(i).padStart(3, '0');
const ids = (r: SearchResponse) => r.results.map((x) => x.id);

describe('a very common first term is evaluated in tiers', () => {
  // 30 guides with the word once in their response steps (strong tier, score 4 each); one guide
  // with it in 9 policy rows (policy tier: 3 + 0.15 × 8 = 4.2, the best match); and, for the
  // common case, 700 guides sharing 60 sentences with the word (42,000 references, over the
  // 40,000 that make a first term "very common"; boilerplate tier).
  const word = '공지';
  const strong = Array.from({ length: 30 }, (_, i) =>
    makeDoc({
      id: `steps-${pad(i)}`,
      path: `steps/${i}.md`,
      title: `단계 안내 ${i}번`,
      category: ['공통_고객', '단계'],
      steps: [`${word} 확인 ${i}번 단계`],
      plainText: `단계 안내 ${i}번`,
    }),
  );
  const policyHeavy = makeDoc({
    id: 'policy-heavy',
    path: 'policy.md',
    title: '정책 모음',
    category: ['공통_고객', '정책'],
    policies: Array.from({ length: 9 }, (_, k) => [`${word} 정책 ${k + 1}항은 관제센터와 협의합니다`] as [string]),
    plainText: '정책 모음',
  });
  const shared = Array.from(
    { length: 60 },
    (_, k) => `${word} 사항 ${k + 1}번은 상담 기록에 남기고 고객에게 다시 한 번 또렷하게 안내합니다.`,
  ).join(' ');
  const filler = Array.from({ length: 700 }, (_, i) =>
    makeDoc({
      id: `filler-${pad(i)}`,
      path: `filler/${i}.md`,
      title: `기타 문서 ${i}`,
      category: ['공통_고객', '기타'],
      plainText: shared,
    }),
  );
  const rare = SearchIndex.build([...strong, policyHeavy]);
  const common = SearchIndex.build([...strong, policyHeavy, ...filler]);

  it('a word that is not very common is scored over every match: the policy guide wins', () => {
    expect(ids(rare.search(word, { limit: 5 }))[0]).toBe('policy-heavy');
  });

  it('stops after the strong tier once it holds 5 × limit guides: the policy tier is never visited', () => {
    // limit 5 → enough = 25 ≤ the 30 strong-tier guides. Only the tiered walk can miss the
    // best-scoring guide; the full walk (above) ranks it first.
    const r = common.search(word, { limit: 5 });
    expect(ids(r)).toEqual(['steps-000', 'steps-001', 'steps-002', 'steps-003', 'steps-004']);
    expect(new Set(r.results.map((x) => x.score)).size).toBe(1);
  });

  it('visits the next tiers while it has fewer: with limit 10 the policy guide is found and wins', () => {
    // limit 10 → enough = 50 > 30: the policy tier is walked, then boilerplate until 50.
    const r = common.search(word, { limit: 10 });
    expect(ids(r)[0]).toBe('policy-heavy');
    expect(ids(r).slice(1)).toEqual(strong.slice(0, 9).map((d) => d.version.id));
  });
});

describe('at most 1,000 candidates carry a very common first term into the next terms', () => {
  // Query `우산 반납`. `우산` matches fewer segments, so it is evaluated first: 50 guides have it in
  // the title, 1,050 in one shared body sentence (which also holds `반납`). That is 1,100
  // candidates; the 1,000 strongest go on: the 50 title guides, then the body guides in index
  // order up to 1,000 (they tie). The last body guide has `반납` in its title as well: scored over
  // every candidate it would win, but it is cut before `반납` is looked at.
  const sentence = '우산 반납은 가까운 센터에서 접수합니다.';
  const titled = Array.from({ length: 50 }, (_, i) =>
    makeDoc({
      id: `title-${pad(i)}`,
      path: `title/${i}.md`,
      title: `우산 분실 ${i}번`,
      category: ['공통_고객', '분실'],
      plainText: `분실 ${i}번`,
    }),
  );
  const body = Array.from({ length: 1050 }, (_, i) =>
    makeDoc({
      id: i === 1049 ? 'last-with-title' : `body-${String(i).padStart(4, '0')}`,
      path: `body/${i}.md`,
      title: i === 1049 ? '반납 절차' : `보관 문서 ${i}`,
      category: ['공통_고객', i < 10 || i === 1049 ? '반납' : '보관'],
      plainText: sentence,
    }),
  );
  // `반납` alone in 60 more guides: it matches more segments than `우산`, so it goes second.
  const returnsOnly = Array.from({ length: 60 }, (_, i) =>
    makeDoc({
      id: `return-${pad(i)}`,
      path: `return/${i}.md`,
      title: `센터 ${i}번`,
      category: ['공통_고객', '센터'],
      policies: [[`${i}번 센터 반납 시간은 오전 9시부터입니다`]],
      plainText: `센터 ${i}번`,
    }),
  );
  const index = SearchIndex.build([...titled, ...body, ...returnsOnly]);

  it('with few candidates (a category filter) every one is scored: the guide with both terms wins', () => {
    const r = index.search('우산 반납', { category: '공통_고객 ▶ 반납' });
    expect(ids(r)[0]).toBe('last-with-title');
    expect(r.results).toHaveLength(11);
  });

  it('with 1,100 candidates the 1,000 strongest go on, ties in index order', () => {
    const r = index.search('우산 반납', { limit: 2000 });
    // 1,000 kept − the 50 title guides (no `반납`) = the first 950 body guides, nothing else.
    expect(ids(r)).toEqual(body.slice(0, 950).map((d) => d.version.id));
    expect(ids(r)).not.toContain('last-with-title');
  });
});

describe('the top results are cut at the k-th best score before sorting', () => {
  // 58 guides tie (the word once in a policy row); two stronger ones (the word in the title)
  // come last in index order. 60 guides > 4 × limit for every limit below, so the top `limit`
  // are selected, not sorted; limit 100 sorts all 60.
  const tied = Array.from({ length: 58 }, (_, i) =>
    makeDoc({
      id: `tie-${pad(i)}`,
      path: `tie/${i}.md`,
      title: `동일 점수 ${i}`,
      category: ['공통_고객', '동점'],
      policies: [[`견인 차량은 ${i}번 보관소에서 인계합니다`]],
      plainText: `동일 점수 ${i}`,
    }),
  );
  const strongA = makeDoc({
    id: 'strong-long-title',
    path: 'strong/a.md',
    title: '견인 차량 인계 절차',
    category: ['공통_고객', '견인'],
    plainText: '인계 절차',
  });
  const strongB = makeDoc({
    id: 'strong-short-title',
    path: 'strong/b.md',
    title: '견인 요청',
    category: ['공통_고객', '견인'],
    plainText: '요청',
  });
  const index = SearchIndex.build([...tied, strongA, strongB]);
  const full = index.search('견인', { limit: 100 }).results;

  it('the pack has two leaders and a tie across every cut', () => {
    expect(full).toHaveLength(60);
    // The shorter title is covered more by the query: a bigger title bonus.
    expect(full.slice(0, 2).map((r) => r.id)).toEqual(['strong-short-title', 'strong-long-title']);
    expect(full[0].score).toBeGreaterThan(full[1].score);
    expect(full[1].score).toBeGreaterThan(full[2].score);
    expect(new Set(full.slice(2).map((r) => r.score)).size).toBe(1);
  });

  for (const limit of [1, 2, 3, 5, 10, 14]) {
    it(`limit ${limit}: the same answer as sorting everything (ties: lowest index first)`, () => {
      const r = index.search('견인', { limit });
      expect(r.results).toEqual(full.slice(0, limit));
    });
  }

  it('limit 5 keeps both leaders and the first three tied guides in index order', () => {
    expect(ids(index.search('견인', { limit: 5 }))).toEqual([
      'strong-short-title',
      'strong-long-title',
      'tie-000',
      'tie-001',
      'tie-002',
    ]);
  });

  it('kthBestScore: the k-th largest score, with many ties (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 200 }),
        fc.nat(),
        (values, seed) => {
          const score = Float64Array.from(values, (x) => x / 2);
          const vs = values.map((_, i) => i).reverse();
          const k = 1 + (seed % vs.length);
          const sorted = [...score].sort((a, b) => b - a);
          return kthBestScore(score, vs, k, new Float64Array(vs.length)) === sorted[k - 1];
        },
      ),
    );
  });
});
