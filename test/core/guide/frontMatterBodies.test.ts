/**
 * Issue 11, items 1 and 2: a front matter never costs the guide its body. A `---js` block is never
 * run and never read (the guide comes from its body, with a warning); a YAML header above a
 * Zendesk-export body gives the header's facts AND the export's structure.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat, parseGuide } from '../../../src/main/core/guide/parse';

const EXPORT_BODY = `# 주차권 환불 요청

**1. 상담 유형 : 주차_고객 ▶ 환불 ▶ 주차권 ▶ 입차 전, 입차 후**

**2. 응대 순서 : 본인 확인 ▶ 환불 안내**

**2️⃣ 정책 및 참고사항**

- 입차 전 주차권 → 전액 환불
  - 주차 고객센터 1588-0000

**3️⃣ 스크립트**

**Q. 주차권을 환불하고 싶어요.**

**① 기본안내**
20OO-OO-OO OOO 주차장 이용 건 맞으실까요?

**② 환불 안내**
결제하신 OO원은 바로 환불해 드릴게요.
`;

const AUTHORED_BODY = `# 진짜 제목

:::script ① 안내
안녕하세요, 무엇을 도와드릴까요?
:::
`;

describe('a ---js front matter is skipped unread; the guide is read from its body (item 1)', () => {
  it.each(['---js', '---javascript', '---JS', '--- js', '---coffee'])('%s above an authored body', (fence) => {
    const marker = '__guidedesk_frontmatter_ran__';
    const block = `(globalThis['${marker}'] = true, { id: 'other-guide', title: '가짜 제목', archived: '2024-01-01' })`;
    const r = parseGuide('evil.md', `${fence}\n${block}\n---\n${AUTHORED_BODY}`);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    const v = r.version!;
    expect(v).not.toBeNull();
    // Title from the H1; nothing from the block is trusted.
    expect(v.title).toBe('진짜 제목');
    expect(v.id).toBe('진짜제목');
    expect(v.archived).toBe(false);
    expect(v.scripts.map((s) => s.text)).toEqual(['안녕하세요, 무엇을 도와드릴까요?']);
    expect(v.markdown).not.toContain('other-guide');
    expect(v.plainText).not.toContain('globalThis');
    expect(r.problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'frontmatter-code', line: 1 }),
    );
    expect(r.problems.some((p) => p.severity === 'error')).toBe(false);
  });

  it('---javascript above a Zendesk export keeps the whole export structure', () => {
    const r = parseGuide('a.md', `---javascript\nmodule.exports = { id: 'x' }\n---\n${EXPORT_BODY}`);
    const v = r.version!;
    expect(v.format).toBe('zendesk-export');
    expect(v.id).toBe('주차권환불요청');
    expect(v.category).toEqual(['주차_고객', '환불', '주차권']);
    expect(v.scripts.map((s) => s.step)).toEqual([1, 2]);
    expect(r.problems.map((p) => p.code)).toEqual(['frontmatter-code']);
  });

  it('an unclosed ---js fence loses no guide text: only the fence line is skipped', () => {
    const r = parseGuide('a.md', `---js\n${AUTHORED_BODY}`);
    expect(r.version!.title).toBe('진짜 제목');
    expect(r.version!.scripts).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'frontmatter-code', severity: 'warning', line: 1 });
    expect(r.problems[0].message).toContain('no closing');
    expect(r.problems.some((p) => p.severity === 'error')).toBe(false);
  });
});

describe('a YAML header above a Zendesk-export body (item 2)', () => {
  const HEADER = `---\nid: parking-refund\ntitle: (보관-25.3.1)주차권 환불 요청\neffective: 2025-01-02\nzendeskId: "4242"\n---\n`;

  it('takes the header data and parses the body as an export', () => {
    const r = parseGuide('parking/a.md', HEADER + EXPORT_BODY);
    const v = r.version!;
    expect(detectFormat(HEADER + EXPORT_BODY)).toBe('zendesk-export');
    expect(v.format).toBe('zendesk-export');
    // From the header …
    expect(v.id).toBe('parking-refund');
    expect(v.archived).toBe(true);
    expect(v.archivedAt).toBe('2025-03-01');
    expect(v.effectiveFrom).toBe('2025-01-02');
    expect(v.effectiveDates).toContain('2025-01-02');
    expect(v.zendeskId).toBe('4242');
    // … and the export's structure from the body.
    expect(v.category).toEqual(['주차_고객', '환불', '주차권']);
    expect(v.categoryOptions).toEqual(['입차 전', '입차 후']);
    expect(v.responseSteps).toEqual(['본인 확인', '환불 안내']);
    expect(v.question).toBe('주차권을 환불하고 싶어요.');
    expect(v.policies.map((p) => p.phones)).toEqual([['1588-0000']]);
    expect(v.scripts.map((s) => [s.step, s.title])).toEqual([
      [1, '기본안내'],
      [2, '환불 안내'],
    ]);
    expect(v.scripts[0].placeholders).toEqual(['20OO-OO-OO', 'OOO']);
    expect(v.markdown).not.toContain('zendeskId');
    expect(r.problems).toEqual([]);
  });

  it("the header's category and steps win over the body's", () => {
    const header = `---\ntitle: 주차권 환불 요청\ncategory: 공통 ▶ 환불 ▶ 옵션1, 옵션2\nresponseSteps: [확인, 안내]\n---\n`;
    const v = parseGuide('a.md', header + EXPORT_BODY).version!;
    expect(v.category).toEqual(['공통', '환불']);
    expect(v.categoryOptions).toEqual(['옵션1', '옵션2']);
    expect(v.responseSteps).toEqual(['확인', '안내']);
    expect(v.scripts).toHaveLength(2);
  });

  it('a YAML header above plain Markdown stays the authored format', () => {
    const text = `---\ntitle: 안내\ncategory: 공통 ▶ 안내\n---\n본문입니다.\n`;
    expect(detectFormat(text)).toBe('authored');
    expect(parseGuide('a.md', text).version!.format).toBe('authored');
  });
});
