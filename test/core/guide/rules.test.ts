import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHORED_RULES, readBody } from '../../../src/main/core/guide/authored/rules';
import { EXPORT_RULES } from '../../../src/main/core/guide/export/rules';
import { traceExportRules } from '../../../src/main/core/guide/export/parseExport';
import { RuleChain, ruleChain } from '../../../src/main/core/guide/ruler';

describe('RuleChain', () => {
  it('offers a line to the rules in order; the first that consumes it wins, passing rules may still act', () => {
    const seen: string[] = [];
    const chain = ruleChain<string[], string>([
      ['log', (state, line) => (state.push(`log ${line}`), false)],
      ['digits', (_s, line) => /^\d+$/.test(line)],
      ['words', (_s, line) => /^\p{L}+$/u.test(line)],
      ['never', () => (seen.push('never ran'), true)],
    ]);
    const state: string[] = [];
    expect(chain.offer(state, '42')).toBe('digits');
    expect(chain.offer(state, '주차')).toBe('words');
    expect(chain.offer(state, '?!')).toBe('never');
    expect(state).toEqual(['log 42', 'log 주차', 'log ?!']);
    expect(seen).toEqual(['never ran']);
    expect(chain.names).toEqual(['log', 'digits', 'words', 'never']);
  });

  it('returns null when no rule consumes the line', () => {
    expect(ruleChain<null, string>([['no', () => false]]).offer(null, 'x')).toBeNull();
  });

  it('refuses two rules of one name', () => {
    expect(
      () =>
        new RuleChain<null, string>([
          { name: 'a', run: () => false },
          { name: 'a', run: () => true },
        ]),
    ).toThrow(/"a" is declared twice/);
  });

  it('both parsers declare their chains with unique names, title and catch-all rules at the ends', () => {
    expect(EXPORT_RULES.names[0]).toBe('title');
    expect(EXPORT_RULES.names.at(-1)).toBe('guide-note');
    expect(AUTHORED_RULES.names.slice(0, 2)).toEqual(['script-block-end', 'script-block-line']);
    expect(AUTHORED_RULES.names.at(-1)).toBe('guide-note');
  });
});

describe('the export rules on the seed', () => {
  const SEED = '(보관-24.12.5)이중결제 취소요청(타사 주차권).md';
  const text = readFileSync(join(__dirname, '../../fixtures/guides', SEED), 'utf8');
  const lines = text.split('\n');
  const claims = new Map(traceExportRules(SEED, text).map((c) => [c.line, c.rule]));
  const ruleOf = (start: string) => claims.get(lines.findIndex((l) => l.startsWith(start)) + 1);

  it('each part of the guide is read by the rule named for it', () => {
    expect(ruleOf('# (보관-24.12.5)')).toBe('title');
    expect(ruleOf('**이중결제 취소요청(타사 주차권)**')).toBe('title-copy');
    expect(ruleOf('**1️⃣ 가이드**')).toBe('section-heading');
    expect(ruleOf('**1. 상담 유형')).toBe('category');
    expect(ruleOf('**2. 응대 순서')).toBe('response-steps');
    expect(ruleOf('**2️⃣ 정책 및 참고사항**')).toBe('section-heading');
    expect(ruleOf('|  |')).toBe('policy-table');
    expect(ruleOf('**Q. 타사 주차권')).toBe('question');
    expect(ruleOf('**A.**')).toBe('answer');
    expect(ruleOf('### **① 기본안내')).toBe('script-line');
    expect(ruleOf('**> 모두의 주차권을 사용한 경우**')).toBe('script-line');
  });

  it('lines are offered in source order; a rule glued to a heading is offered as both', () => {
    const trace = traceExportRules(SEED, text);
    const numbers = trace.map((c) => c.line);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const glued = lines.findIndex((l) => l.endsWith('3️⃣ 스크립트 / Q&A**')) + 1;
    expect(trace.filter((c) => c.line === glued).map((c) => c.rule)).toEqual(['separator', 'section-heading']);
  });
});

describe('the authored body rules', () => {
  it('name what each line is', () => {
    const body = [
      '# 택시 분실물 접수',
      '상담 유형: 택시_고객 ▶ 이용 ▶ 분실물',
      '## 정책 및 참고사항',
      '| 지역 | 처리 |',
      '|---|---|',
      '| 서울 | 다산콜센터 |',
      '- 경기 → 조합 연락',
      '  - 경기개인택시조합 031-000-0000',
      '※ 기사님 개인 번호 안내 금지',
      '',
      'Q. 휴대폰을 두고 내렸어요.',
      ':::script ① 안내',
      '많이 당황스러우셨죠.',
      ':::',
    ];
    const claims: (string | null)[] = [];
    const state = readBody(body.join('\n'), (_line, rule) => claims.push(rule));
    expect(claims).toEqual([
      'heading',
      'category',
      'heading',
      'table-row',
      'table-row',
      'table-row',
      'policy-item',
      'policy-item',
      'policy-note',
      'blank',
      'question',
      'script-block-start',
      'script-block-line',
      'script-block-end',
    ]);
    expect(state.headingTitle).toBe('택시 분실물 접수');
    expect(state.md[state.titleLine]).toBe('# 택시 분실물 접수');
    expect(state.category).toBe('택시_고객 ▶ 이용 ▶ 분실물');
    expect(state.question).toBe('휴대폰을 두고 내렸어요.');
    expect(state.notes).toEqual(['기사님 개인 번호 안내 금지']);
    expect(state.policies.finish().rows).toEqual([
      { text: '서울 → 다산콜센터', notes: [] },
      { text: '경기 → 조합 연락', notes: ['경기개인택시조합 031-000-0000'] },
    ]);
  });
});
