import { describe, expect, it, vi } from 'vitest';
import { assembleVersion, type VersionDraft } from '../../../src/main/core/guide/assemble';
import { parseGuide } from '../../../src/main/core/guide/parse';

// The real assembly, watched: every call goes through to it.
vi.mock('../../../src/main/core/guide/assemble', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/main/core/guide/assemble')>();
  return { ...real, assembleVersion: vi.fn(real.assembleVersion) };
});

/** One small guide written in the Zendesk-export format… */
const EXPORT = `# 주차권 환불 요청

**1. 상담 유형 : 주차_고객 ▶ 환불 ▶ 주차권 ▶ 입차 전, 입차 후**

**2. 응대 순서 : 본인 확인 ▶ 환불 안내**

**2️⃣ 정책 및 참고사항**

- 이벤트 주차권 → 25.3.1부터 적용, 25.12.31까지 판매
- 입차 전 주차권 → 전액 환불 (25.3.1부터 적용)
  - 주차 고객센터 1588-0000
- 입차 후 주차권 → 환불 불가 (24.11.27부터 적용), 25.6.30까지

**3️⃣ 스크립트**

**Q. 주차권을 환불하고 싶어요.**

**① 기본안내**
20OO-OO-OO OOO 주차장 이용 건 맞으실까요?

**② 환불 안내**
> 입차 전인 경우
결제하신 OO원은 바로 환불해 드릴게요.
`;

/** …and the same guide in the authored format. */
const AUTHORED = `---
title: 주차권 환불 요청
category: 주차_고객 ▶ 환불 ▶ 주차권 ▶ 입차 전, 입차 후
responseSteps: 본인 확인 ▶ 환불 안내
---
## 정책 및 참고사항

- 이벤트 주차권 → 25.3.1부터 적용, 25.12.31까지 판매
- 입차 전 주차권 → 전액 환불 (25.3.1부터 적용)
  - 주차 고객센터 1588-0000
- 입차 후 주차권 → 환불 불가 (24.11.27부터 적용), 25.6.30까지

## 스크립트

Q. 주차권을 환불하고 싶어요.

:::script ① 기본안내
20OO-OO-OO OOO 주차장 이용 건 맞으실까요?
:::

:::script ② 환불 안내
> 입차 전인 경우
결제하신 OO원은 바로 환불해 드릴게요.
:::
`;

const DERIVED = [
  'id',
  'title',
  'rawTitle',
  'archived',
  'archivedAt',
  'category',
  'categoryOptions',
  'responseSteps',
  'policies',
  'question',
  'scripts',
  'placeholders',
  'phones',
  'effectiveDates',
  'expiryDates',
  'notes',
] as const;

describe('both formats end in one assembly', () => {
  it('each parser hands its draft to assembleVersion and returns the version it built', () => {
    const assemble = vi.mocked(assembleVersion);
    assemble.mockClear();
    const fromExport = parseGuide('a.md', EXPORT);
    const fromAuthored = parseGuide('b.md', AUTHORED);
    expect(assemble.mock.calls.map(([draft]) => draft.format)).toEqual(['zendesk-export', 'authored']);
    const built = assemble.mock.results.map((r) => (r.type === 'return' ? r.value.version : null));
    expect(built[0]).toBe(fromExport.version);
    expect(built[1]).toBe(fromAuthored.version);
  });

  it('the same guide written in each format comes out the same', () => {
    const e = parseGuide('주차권 환불 요청.md', EXPORT);
    const a = parseGuide('주차권 환불 요청.md', AUTHORED);
    expect(e.problems).toEqual([]);
    expect(a.problems).toEqual([]);
    expect([e.version!.format, a.version!.format]).toEqual(['zendesk-export', 'authored']);
    for (const field of DERIVED)
      expect({ field, value: a.version![field] }).toEqual({ field, value: e.version![field] });
    const v = e.version!;
    expect(v.effectiveDates).toEqual(['2024-11-27', '2025-03-01']);
    expect(v.expiryDates).toEqual(['2025-06-30', '2025-12-31']);
    expect(v.placeholders).toEqual(['20OO-OO-OO', 'OOO', 'OO원']);
    expect(v.phones).toEqual(['1588-0000']);
    expect(v.policies[1]).toEqual({
      text: '입차 전 주차권 → 전액 환불 (25.3.1부터 적용)',
      notes: ['주차 고객센터 1588-0000'],
      phones: ['1588-0000'],
    });
    expect(v.scripts.map((s) => [s.step, s.condition, s.placeholders])).toEqual([
      [1, null, ['20OO-OO-OO', 'OOO']],
      [2, '입차 전인 경우', ['OO원']],
    ]);
  });

  it('unsorted, repeated dates come out sorted and unique in both formats (front matter merged in)', () => {
    const body =
      '25.3.1부터 적용되는 요금입니다.\n\n24.11.27부터 적용된 쿠폰입니다.\n\n25.3.1부터 적용: 중복\n\n26.1.31까지 판매하고, 25.6.30까지 예약합니다.\n';
    const e = parseGuide('a.md', `# 요금 안내\n\n${body}`).version!;
    const a = parseGuide('a.md', `---\ntitle: 요금 안내\n---\n${body}`).version!;
    const declared = parseGuide(
      'a.md',
      `---\ntitle: 요금 안내\neffective: [2025-03-01, 2024-01-01, 2025-03-01]\n---\n${body}`,
    ).version!;
    expect([e.format, a.format]).toEqual(['zendesk-export', 'authored']);
    expect(e.effectiveDates).toEqual(['2024-11-27', '2025-03-01']);
    expect(a.effectiveDates).toEqual(e.effectiveDates);
    expect(e.expiryDates).toEqual(['2025-06-30', '2026-01-31']);
    expect(a.expiryDates).toEqual(e.expiryDates);
    expect(declared.effectiveDates).toEqual(['2024-01-01', '2024-11-27', '2025-03-01']);
    expect(declared.effectiveFrom).toBe('2025-03-01');
  });

  it('facts in the title count in every format (they counted only in an authored `# ` heading before)', () => {
    const title = '25.1.1부터 적용되는 OOO 주차장 요금 (문의 1588-0000)';
    const e = parseGuide('a.md', `# ${title}\n\n안내 본문입니다.\n`).version!;
    const a = parseGuide('a.md', `---\ntitle: ${title}\n---\n안내 본문입니다.\n`).version!;
    const h = parseGuide('a.md', `---\nid: x\n---\n# ${title}\n\n안내 본문입니다.\n`).version!;
    for (const v of [e, a, h]) {
      expect(v.effectiveDates).toEqual(['2025-01-01']);
      expect(v.phones).toEqual(['1588-0000']);
      expect(v.placeholders).toEqual(['OOO']);
    }
  });

  it('a file that is only a title has no content in both formats (an authored `# ` heading alone used to pass)', () => {
    for (const text of [
      '# 제목만 있는 안내\n',
      '---\nid: x\n---\n# 제목만 있는 안내\n',
      '---\ntitle: 제목만\n---\n\n',
    ]) {
      const r = parseGuide('a.md', text);
      expect(r.version).toBeNull();
      expect(r.problems.map((p) => p.code)).toEqual(['no-content']);
    }
  });
});

const ADVICE = { title: 'no title', content: 'no content', category: 'no category', scripts: 'no scripts' };

function draft(over: Partial<VersionDraft> = {}): VersionDraft {
  return {
    path: 'parking/(보관-24.12.5)주차권 환불.md',
    format: 'authored',
    writtenTitle: '주차권 환불',
    declaredId: null,
    declaredArchive: { archived: false, archivedAt: null },
    category: ['주차_고객'],
    categoryOptions: [],
    responseSteps: [],
    policies: { rows: [], looseNotes: [] },
    question: null,
    script: { steps: [], notes: [], looseText: '' },
    notes: [],
    markdown: '# 주차권 환불\n\n본문\n',
    markdownHasTitle: true,
    bodyMarkdown: '본문\n',
    linkSource: '',
    declaredEffective: [],
    zendeskId: null,
    advice: ADVICE,
    ...over,
  };
}

describe('assembleVersion', () => {
  it('derives placeholders per step and branch, then for the guide: unique, in order of appearance', () => {
    const { version } = assembleVersion(
      draft({
        script: {
          steps: [
            {
              step: 1,
              title: '안내',
              text: 'OOO 고객님, 20OO-OO-OO 이용 건 맞으실까요? OOO 고객님',
              notes: [],
              condition: null,
              branches: [{ condition: '환불인 경우', text: 'OO원 환불, OOO 고객님', notes: [] }],
            },
          ],
          notes: [],
          looseText: '',
        },
        markdown: '# 주차권 환불\n\nOO:OO 이후 OOO\n',
      }),
    );
    const v = version!;
    expect(v.scripts[0].placeholders).toEqual(['OOO', '20OO-OO-OO']);
    expect(v.scripts[0].branches[0].placeholders).toEqual(['OO원', 'OOO']);
    expect(v.placeholders).toEqual(['OOO', '20OO-OO-OO', 'OO원', 'OO:OO']);
  });

  it('derives each policy row’s phones from its text and notes', () => {
    const { version } = assembleVersion(
      draft({
        policies: {
          rows: [
            { text: '관제센터 02-6925-0023', notes: ['야간 033-636-4240', '다시 02-6925-0023'] },
            { text: '전화 없음', notes: [] },
          ],
          looseNotes: [],
        },
      }),
    );
    expect(version!.policies).toEqual([
      {
        text: '관제센터 02-6925-0023',
        notes: ['야간 033-636-4240', '다시 02-6925-0023'],
        phones: ['02-6925-0023', '033-636-4240'],
      },
      { text: '전화 없음', notes: [], phones: [] },
    ]);
  });

  it('merges notes once each: the format’s, loose script lines, pre-step notes, policy loose notes', () => {
    const step = { step: 1, title: '', text: '안녕하세요.', notes: [], condition: null, branches: [] };
    const { version } = assembleVersion(
      draft({
        notes: ['가', '나'],
        script: { steps: [step], notes: ['나', '다'], looseText: '라\n\n마' },
        policies: { rows: [], looseNotes: ['다', '바'] },
      }),
    );
    expect(version!.notes).toEqual(['가', '나', '라', '마', '다', '바']);
  });

  it('script text before any numbered step becomes step 1 when no step is numbered', () => {
    const { version, problems } = assembleVersion(
      draft({ script: { steps: [], notes: [], looseText: 'OOO 고객님, 안녕하세요.' } }),
    );
    expect(version!.scripts).toEqual([
      {
        step: 1,
        title: '',
        text: 'OOO 고객님, 안녕하세요.',
        notes: [],
        condition: null,
        placeholders: ['OOO'],
        branches: [],
      },
    ]);
    expect(problems).toEqual([]);
  });

  it('title, id and archive: file name when no title, declared values first, then title and file-name prefixes', () => {
    const untitled = assembleVersion(draft({ writtenTitle: null, markdownHasTitle: false, markdown: '본문\n' }));
    expect(untitled.problems[0]).toEqual({ severity: 'warning', code: 'no-title', message: 'no title' });
    const v = untitled.version!;
    expect([v.rawTitle, v.title, v.id]).toEqual(['(보관-24.12.5)주차권 환불', '주차권 환불', '주차권환불']);
    expect([v.archived, v.archivedAt]).toEqual([true, '2024-12-05']);
    expect(v.markdown).toBe('# (보관-24.12.5)주차권 환불\n\n본문\n');
    expect(v.plainText).toBe('(보관-24.12.5)주차권 환불 본문');

    const declared = assembleVersion(
      draft({
        writtenTitle: '(보관-25.1.6)주차권 환불',
        declaredId: 'parking-refund',
        declaredArchive: { archived: true, archivedAt: '2025-02-01' },
      }),
    ).version!;
    expect([declared.id, declared.title, declared.archivedAt]).toEqual(['parking-refund', '주차권 환불', '2025-02-01']);
    const fromTitle = assembleVersion(draft({ writtenTitle: '(보관-25.1.6)주차권 환불' })).version!;
    expect(fromTitle.archivedAt).toBe('2025-01-06');
  });

  it('no-content, no-category and no-scripts use the format’s words', () => {
    expect(assembleVersion(draft({ bodyMarkdown: '\n', category: [] }))).toEqual({
      version: null,
      problems: [{ severity: 'error', code: 'no-content', message: 'no content' }],
    });
    expect(assembleVersion(draft({ category: [] })).problems.map((p) => p.message)).toEqual([
      'no category',
      'no scripts',
    ]);
  });

  it('effectiveFrom and zendeskId appear only when the format has them', () => {
    const none = assembleVersion(draft()).version!;
    expect('effectiveFrom' in none).toBe(false);
    expect('zendeskId' in none).toBe(false);
    const given = assembleVersion(draft({ effectiveFrom: null, zendeskId: '301' })).version!;
    expect(given.effectiveFrom).toBeNull();
    expect(given.zendeskId).toBe('301');
  });
});
