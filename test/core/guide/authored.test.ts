import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseGuide } from '../../../src/main/core/guide/parse';

const AUTHORING_DOC = readFileSync(join(__dirname, '../../../docs/authoring.md'), 'utf8');

/** The complete example file in docs/authoring.md (the block fenced with ````markdown). */
function docExample(): string {
  const m = /````markdown\n([\s\S]*?)\n````/.exec(AUTHORING_DOC);
  if (!m) throw new Error('docs/authoring.md has no ````markdown example');
  return `${m[1]}\n`;
}

describe('authored format', () => {
  it('the example in docs/authoring.md parses exactly as the doc says', () => {
    const { version, problems } = parseGuide('taxi/택시 분실물 접수.md', docExample());
    expect(problems).toEqual([]);
    const v = version!;
    expect(v.format).toBe('authored');
    expect(v.id).toBe('taxi-lost-item');
    expect(v.title).toBe('택시 분실물 접수');
    expect(v.category).toEqual(['택시_고객', '이용', '분실물']);
    expect(v.categoryOptions).toEqual(['일반호출', '블루', '벤티']);
    expect(v.responseSteps).toEqual(['본인 확인', '분실물 정보 확인', '기사님 연락', '결과 안내']);
    expect(v.effectiveDates).toEqual(['2025-03-02']);
    expect(v.effectiveFrom).toBe('2025-03-02');
    expect(v.archived).toBe(false);
    expect(v.zendeskId).toBe('30110000000101');
    expect(v.policies).toEqual([
      { text: '서울 법인택시 → 고객이 직접 다산콜센터로 문의 안내', notes: ['다산콜센터 120'], phones: [] },
      {
        text: '경기 개인택시 → 센터에서 조합으로 연락 후 고객 사후 안내',
        notes: ['경기개인택시조합 031-000-0000'],
        phones: ['031-000-0000'],
      },
    ]);
    expect(v.question).toBe('택시에 휴대폰을 두고 내렸어요.');
    expect(v.scripts).toHaveLength(2);
    expect(v.scripts[0]).toEqual({
      step: 1,
      title: '기본안내(감성케어+본인확인)',
      text: '많이 당황스러우셨을 텐데요. 바로 확인해 보겠습니다.\n20OO-OO-OO OO:OO 탑승 건 맞으실까요?',
      notes: ['본인이 아닌 경우 상담 제한'],
      condition: null,
      placeholders: ['20OO-OO-OO', 'OO:OO'],
      branches: [],
    });
    expect(v.scripts[1].condition).toBe('기사님과 연락이 되지 않는 경우');
    expect(v.scripts[1].text).toBe('번거로우시겠지만 조금만 기다려 주시겠어요?');
    expect(v.scripts[1].notes).toEqual(['30분 간격 최대 3회 재시도']);
    expect(v.scripts[1].branches).toEqual([
      {
        condition: '분실물이 확인된 경우',
        text: '기사님께서 보관하고 계세요.\n안심번호로 연결해 드릴게요.',
        notes: [],
        placeholders: [],
      },
    ]);
    expect(v.links.map((l) => l.href)).toEqual(['guide:영수증재발행']);
    expect(v.markdown).toMatch(/^### ① 기본안내\(감성케어\+본인확인\)$/m);
    expect(v.markdown).not.toContain(':::');
    expect(v.markdown).not.toContain('zendeskId');
  });

  it('archive from front matter `archived:` and from the title prefix', () => {
    const a = parseGuide(
      'a.md',
      '---\ntitle: 택시 분실물 접수\narchived: 2025-06-30\n---\n:::script ① 안내\n안녕하세요.\n:::\n',
    ).version!;
    expect(a.archived).toBe(true);
    expect(a.archivedAt).toBe('2025-06-30');
    const b = parseGuide(
      'b.md',
      '---\ntitle: (보관-25.3.1)택시 분실물 접수\n---\n:::script ① 안내\n안녕하세요.\n:::\n',
    ).version!;
    expect(b.title).toBe('택시 분실물 접수');
    expect(b.archivedAt).toBe('2025-03-01');
    expect(b.id).toBe(a.id);
  });

  // Until issue 11 such a file was an error and the guide was lost; now only the block is (see
  // frontMatterBodies.test.ts for what is read from the body).
  it.each(['---js', '---javascript', '---JS', '--- js', '---coffee'])(
    'skips %s front matter with a warning and never evaluates it',
    (fence) => {
      const marker = '__guidedesk_frontmatter_ran__';
      const text = `${fence}\n(globalThis['${marker}'] = true, { title: 'x' })\n---\n# 제목\n\n:::script ① 안내\n안녕하세요.\n:::\n`;
      const r = parseGuide('evil.md', text);
      expect(r.version!.title).toBe('제목');
      expect(r.problems[0]).toMatchObject({ severity: 'warning', code: 'frontmatter-code', line: 1 });
      expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    },
  );

  it('YAML is data: tags that would build objects or run code are plain values or errors', () => {
    const r = parseGuide(
      'a.md',
      '---\ntitle: !!js/function "function () { return 1 }"\n---\n:::script ① 안내\n안녕\n:::\n',
    );
    if (r.version) expect(typeof r.version.title).toBe('string');
    else expect(r.problems[0].severity).toBe('error');
  });

  it('invalid YAML and unclosed front matter are errors, not crashes', () => {
    expect(parseGuide('a.md', '---\ntitle: [unclosed\n---\n# x\n').problems[0]).toMatchObject({
      severity: 'error',
      code: 'frontmatter-invalid',
    });
    expect(parseGuide('a.md', '---\ntitle: x\n# no end\n').problems[0]).toMatchObject({
      severity: 'error',
      code: 'frontmatter-unclosed',
    });
    expect(parseGuide('a.md', '---\n- a\n- b\n---\n# x\n').problems[0]).toMatchObject({ code: 'frontmatter-invalid' });
  });

  it('warns about what is missing', () => {
    const r = parseGuide('폴더/제목 없는 안내.md', '---\nid: x\n---\n본문만 있습니다.\n');
    expect(r.version!.title).toBe('제목 없는 안내');
    expect(r.problems.map((p) => p.code).sort()).toEqual(['no-category', 'no-scripts', 'no-title']);
  });

  it('format detection', () => {
    expect(detectFormat('---\ntitle: x\n---\n')).toBe('authored');
    expect(detectFormat('---js\n{}\n---\n')).toBe('authored');
    expect(detectFormat('# 제목\n\n:::script ① 안내\n안녕\n:::\n')).toBe('authored');
    expect(detectFormat('# (보관-24.12.5)이중결제\n\n**가이드**\n---\n')).toBe('zendesk-export');
  });
});

describe('parseGuide never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const r = parseGuide('x.md', s);
        expect(Array.isArray(r.problems)).toBe(true);
        if (r.version === null) expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('on strings built from export and authoring syntax', () => {
    const tokens = [
      '# ',
      '## ',
      '### ',
      '**',
      '****',
      '―',
      '---',
      '===',
      '\n',
      '\n\n',
      '|',
      ' | ',
      '| --- |',
      '① ',
      '④ ',
      '> ',
      '\\* ',
      '※ ',
      'ㄴ ',
      '·',
      'Q. ',
      'A.',
      '1️⃣ ',
      '상담 유형 : ',
      ' ▶ ',
      '응대 순서 : ',
      ':::script ',
      ':::',
      '---\n',
      'title: ',
      '[참고]',
      '[a](b)',
      '<https://x.y>',
      '20OO-OO-OO',
      '02-6925-0023',
      '24.12.31까지',
      '안내합니다.',
      '경우',
      '\u00a0',
      '<br>',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 60 }), (parts) => {
        const r = parseGuide('(보관-24.1.1)x.md', parts.join(''));
        if (r.version) {
          for (const s of r.version.scripts) {
            expect(s.text).toBe(s.text.trim());
            expect(s.step).toBeGreaterThan(0);
          }
        } else expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});

describe('authored policy section', () => {
  it('rows from - items, ㄴ and indented items as row notes, * / ※ lines as notes, tables as rows', () => {
    const text = [
      '---',
      'title: 정책 예시',
      'category: 공통 ▶ 예시',
      '---',
      '## 정책 및 참고사항',
      '- 첫째 정책 → 안내',
      '  - ㄴ 관제센터 02-6925-0023',
      '  - 들여쓴 항목도 메모',
      '  * 들여쓴 별표 메모',
      '- 둘째 정책',
      '※ 정책 전체에 대한 메모',
      '',
      '| 구분 | 처리 |',
      '| --- | --- |',
      '| 셋째 | 센터 연락 |',
    ].join('\n');
    const v = parseGuide('a.md', text).version!;
    expect(v.policies).toEqual([
      {
        text: '첫째 정책 → 안내',
        notes: ['관제센터 02-6925-0023', '들여쓴 항목도 메모', '들여쓴 별표 메모'],
        phones: ['02-6925-0023'],
      },
      { text: '둘째 정책', notes: [], phones: [] },
      { text: '셋째 → 센터 연락', notes: [], phones: [] },
    ]);
    expect(v.notes).toEqual(['정책 전체에 대한 메모']);
    expect(v.category).toEqual(['공통', '예시']);
    expect(v.categoryOptions).toEqual([]);
  });
});

describe('format detection edge', () => {
  it('an export that opens with a rule stays an export', () => {
    const text =
      '---\n# 이중결제 안내\n\n**가이드**\n---\n\n**상담 유형 : 주차_고객 ▶ 결제 ▶ 이중결제**\n\n**① 인사** 안녕하세요.\n';
    expect(detectFormat(text)).toBe('zendesk-export');
    const r = parseGuide('a.md', text);
    expect(r.version!.category).toEqual(['주차_고객', '결제', '이중결제']);
  });
});
