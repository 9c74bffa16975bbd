/**
 * Property tests (fast-check) for the diff invariants:
 * - diff(v, v) is empty;
 * - every `before` is a verbatim substring of the from side's section text, every `after` of the to side's;
 * - spans spell `before` (same + removed) and `after` (same + added);
 * - a section whose data is equal on both sides reports nothing;
 * - an inserted response step / script sentence is exactly one `added` change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiffChange, DiffSection, GuideVersion, ScriptStep } from '../../../src/shared/guide';
import { diffVersions, isPlainTextDiff, sectionText } from '../../../src/main/core/versions';
import { splitSentences, wordSpans } from '../../../src/main/core/versions/textdiff';
import { makeVersion, spell } from './factory';

const WORDS = [
  '주차권',
  '주차권을',
  '결제',
  '결제가',
  '취소',
  '취소처리',
  '고객님',
  '확인',
  '확인해',
  '보겠습니다',
  '카카오',
  'T',
  '쿠폰',
  '사용기한',
  ':',
  '24.12.31까지',
  '02-6925-0023',
  '033-636-4240/',
  '3~5일',
  '영업일',
  '기준',
  '양해',
  '부탁드립니다',
  '관제센터',
  '→',
  '(보관)',
  'OOO',
  '20OO-OO-OO',
  'pick',
  '모두의',
];

const word = fc.constantFrom(...WORDS);
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 7 }), fc.constantFrom('', '.', '?', '!', '요.'))
  .map(([ws, end]) => ws.join(' ') + end);
const text = fc
  .tuple(fc.array(sentence, { minLength: 0, maxLength: 5 }), fc.constantFrom(' ', '\n'))
  .map(([ss, sep]) => ss.join(sep));
const shortList = fc.array(sentence, { maxLength: 3 });
const date = fc
  .tuple(fc.integer({ min: 2023, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const dates = fc.uniqueArray(date, { maxLength: 3 }).map((ds) => ds.sort());

const policy = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 2 }), sentence, fc.boolean(), shortList)
  .map(([subj, rest, arrow, notes]) => ({
    text: arrow ? `${subj.join(' ')} → ${rest}` : `${subj.join(' ')} ${rest}`,
    notes,
    phones: [],
  }));

/** Rows may also be notes only (empty statement), as some exported tables are. */
const anyPolicy = fc.oneof(
  { arbitrary: policy, weight: 4 },
  { arbitrary: shortList.map((notes) => ({ text: '', notes, phones: [] as string[] })), weight: 1 },
);

const branch = fc.record({ condition: sentence, text, notes: shortList, placeholders: fc.constant([] as string[]) });
const scripts = fc
  .array(
    fc.record({
      title: sentence,
      text,
      notes: shortList,
      condition: fc.option(sentence, { nil: null }),
      branches: fc.array(branch, { maxLength: 2 }),
    }),
    { maxLength: 4 },
  )
  .map((steps): ScriptStep[] => steps.map((s, i) => ({ ...s, step: i + 1, placeholders: [] })));

/** Per-section data, so pairs can share some sections exactly and differ in others. */
const sections = {
  category: fc.record({
    category: fc.array(word, { maxLength: 3 }),
    categoryOptions: fc.array(word, { maxLength: 3 }),
  }),
  responseSteps: fc.record({ responseSteps: fc.array(sentence, { maxLength: 5 }) }),
  policies: fc.record({ policies: fc.array(anyPolicy, { maxLength: 4 }) }),
  scripts: fc.record({ scripts }),
  dates: fc.record({ effectiveDates: dates, expiryDates: dates, archivedAt: fc.option(date, { nil: null }) }),
  text: fc.record({
    title: sentence,
    question: fc.option(sentence, { nil: null }),
    notes: shortList,
    links: fc.array(
      fc.record({
        text: sentence,
        href: fc.constantFrom(
          'https://t.kakao.com/launch?page=coupon',
          'guide:taxi-lost-item',
          'https://example.com/a',
        ),
        target: fc.constant(null),
      }),
      { maxLength: 2 },
    ),
  }),
};
const SECTIONS = Object.keys(sections) as (keyof typeof sections)[];
const FIELDS: Record<keyof typeof sections, (keyof GuideVersion)[]> = {
  category: ['category', 'categoryOptions'],
  responseSteps: ['responseSteps'],
  policies: ['policies'],
  scripts: ['scripts'],
  dates: ['effectiveDates', 'expiryDates', 'archivedAt'],
  text: ['title', 'question', 'notes', 'links'],
};

const markdown = fc.array(sentence, { maxLength: 6 }).map((ls) => ls.join('\n'));

const version = (path: string) =>
  fc
    .tuple(
      sections.category,
      sections.responseSteps,
      sections.policies,
      sections.scripts,
      sections.dates,
      sections.text,
      markdown,
    )
    .map(([a, b, c, d, e, f, md]) =>
      makeVersion({
        path,
        ...a,
        ...b,
        ...c,
        ...d,
        ...e,
        ...f,
        archived: e.archivedAt !== null,
        markdown: md,
        plainText: md.replace(/\s+/g, ' '),
      }),
    );

/** A pair sharing a random subset of sections exactly. */
const pair = fc.tuple(version('from.md'), version('to.md'), fc.subarray(SECTIONS)).map(([from, other, shared]) => {
  const to: GuideVersion = structuredClone(other);
  for (const s of shared) {
    for (const field of FIELDS[s]) {
      (to as unknown as Record<string, unknown>)[field] = structuredClone(from[field]);
    }
  }
  to.markdown = from.markdown; // keep the fallback text comparable too
  return { from, to, shared };
});

function checkChange(c: DiffChange, from: GuideVersion, to: GuideVersion, fallback: boolean): void {
  if (c.op === 'added') {
    expect(c.before).toBeNull();
    expect(c.after).toBeTruthy();
  } else if (c.op === 'removed') {
    expect(c.after).toBeNull();
    expect(c.before).toBeTruthy();
  } else {
    expect(c.before).toBeTruthy();
    expect(c.after).toBeTruthy();
    expect(c.before).not.toBe(c.after);
    expect(c.spans && c.spans.length > 0).toBe(true);
    expect(spell(c.spans!)).toEqual({ before: c.before, after: c.after });
  }
  if (c.before !== null) expect(sectionText(from, c.section, fallback)).toContain(c.before);
  if (c.after !== null) expect(sectionText(to, c.section, fallback)).toContain(c.after);
  expect(c.label).toBeTruthy();
}

describe('diff invariants (property)', () => {
  it('diff(v, v) has no changes', () => {
    fc.assert(
      fc.property(version('v.md'), (v) => {
        expect(diffVersions(v, structuredClone(v)).changes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('before/after are verbatim section text; spans spell both sides', () => {
    fc.assert(
      fc.property(pair, ({ from, to }) => {
        const fallback = isPlainTextDiff(from, to);
        const d = diffVersions(from, to);
        for (const c of d.changes) {
          if (fallback) expect(c.section).toBe('text');
          checkChange(c, from, to, fallback);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a section with equal data on both sides reports nothing', () => {
    fc.assert(
      fc.property(pair, ({ from, to, shared }) => {
        if (isPlainTextDiff(from, to)) return;
        const touched = new Set<DiffSection>(diffVersions(from, to).changes.map((c) => c.section));
        for (const s of shared) expect(touched.has(s)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('an inserted response step is exactly one added change', () => {
    fc.assert(
      fc.property(version('v.md'), sentence, fc.nat(), (v, extra, at) => {
        fc.pre(v.responseSteps.length > 0 || v.scripts.length > 0 || v.policies.length > 0);
        const to = structuredClone(v);
        const i = at % (v.responseSteps.length + 1);
        to.responseSteps.splice(i, 0, extra);
        const { changes } = diffVersions(v, to);
        // Inserting a copy next to an equal step gives the same list from several positions:
        // any of them is a right answer, so the label may name any position that yields `to`.
        const positions = [...Array(v.responseSteps.length + 1).keys()].filter((j) => {
          const alt = [...v.responseSteps];
          alt.splice(j, 0, extra);
          return JSON.stringify(alt) === JSON.stringify(to.responseSteps);
        });
        expect(changes).toHaveLength(1);
        expect(changes[0]).toMatchObject({ section: 'responseSteps', op: 'added', before: null, after: extra });
        expect(positions.map((j) => `응대 순서 ${j + 1}`)).toContain(changes[0].label);
      }),
      { numRuns: 300 },
    );
  });

  it('a sentence appended to a script step is exactly one added change in that step', () => {
    fc.assert(
      fc.property(version('v.md'), sentence, fc.nat(), (v, extra, at) => {
        fc.pre(v.scripts.length > 0);
        const to = structuredClone(v);
        const s = to.scripts[at % to.scripts.length];
        // The new sentence must be a new unit: not already a sentence of this step.
        fc.pre(!splitSentences(s.text).includes(extra.trim()));
        s.text = s.text ? `${s.text}\n${extra}` : extra;
        const { changes } = diffVersions(v, to);
        expect(changes).toHaveLength(1);
        expect(changes[0]).toMatchObject({ section: 'scripts', op: 'added', after: extra.trim() });
      }),
      { numRuns: 300 },
    );
  });
});

describe('word spans and sentences (property)', () => {
  const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), text);

  it('spans spell both inputs, never empty, never two adjacent runs of one kind', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const spans = wordSpans(a, b);
        expect(spell(spans)).toEqual({ before: a, after: b });
        for (let i = 0; i < spans.length; i++) {
          expect(spans[i].text.length).toBeGreaterThan(0);
          if (i > 0) expect(spans[i].kind).not.toBe(spans[i - 1].kind);
          if (i > 0 && spans[i].kind === 'removed') expect(spans[i - 1].kind).not.toBe('added');
        }
        if (a === b) expect(spans.every((s) => s.kind === 'same')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('sentences are substrings and lose nothing but whitespace', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const units = splitSentences(t);
        for (const u of units) {
          expect(t).toContain(u);
          expect(u).toBe(u.trim());
          expect(u.length).toBeGreaterThan(0);
        }
        expect(units.join('').replace(/\s+/g, '')).toBe(t.replace(/\s+/g, ''));
      }),
      { numRuns: 500 },
    );
  });
});
