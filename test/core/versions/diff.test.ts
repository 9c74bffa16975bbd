import { describe, expect, it } from 'vitest';
import type { DiffChange, GuideVersion } from '../../../src/shared/guide';
import { diffVersions, sectionText } from '../../../src/main/core/versions';
import { makeVersion, row, seedArchived, seedCurrent, spell, step } from './factory';

function edit(v: GuideVersion, f: (c: GuideVersion) => void): GuideVersion {
  const c = structuredClone(v);
  c.path = 'edited/' + v.path;
  f(c);
  return c;
}

const removedText = (c: DiffChange) => (c.spans ?? []).filter((s) => s.kind === 'removed').map((s) => s.text);
const addedText = (c: DiffChange) => (c.spans ?? []).filter((s) => s.kind === 'added').map((s) => s.text);

describe('diffVersions on the seed guide', () => {
  it('reports nothing between a version and itself', () => {
    expect(diffVersions(seedArchived(), seedArchived()).changes).toEqual([]);
    expect(diffVersions(seedCurrent(), seedCurrent()).changes).toEqual([]);
  });

  it('names from and to by path', () => {
    const d = diffVersions(seedArchived(), seedCurrent());
    expect(d.from).toBe('(보관-24.12.5)이중결제 취소요청(타사 주차권).md');
    expect(d.to).toBe('이중결제 취소요청(타사 주차권).md');
  });

  it('archived → current: exactly the edits made, each in its place', () => {
    const d = diffVersions(seedArchived(), seedCurrent());
    const summary = d.changes.map((c) => `${c.section}|${c.op}|${c.label}`);
    expect(summary).toEqual([
      'responseSteps|added|응대 순서 5',
      'policies|changed|정책: 속초시 공영주차장',
      'scripts|changed|스크립트 ③',
      'scripts|changed|스크립트 ④ 제목',
      'scripts|changed|스크립트 ④',
      'dates|changed|적용일',
      'dates|changed|기한',
      'dates|removed|보관일',
    ]);
    const refund = d.changes[2];
    expect(refund.before).toBe(
      '카드사에 따라 취소 이후 실제 환불까지 영업일 기준 3~5일의 시간이 소요될 수 있으니 양해 부탁드립니다.',
    );
    expect(refund.after).toBe(
      '취소 후 실제 환불까지는 카드사에 따라 영업일 기준 3~5일 정도 걸릴 수 있는 점 양해 부탁드립니다.',
    );
    expect(spell(refund.spans!)).toEqual({ before: refund.before, after: refund.after });
  });
});

describe('policies', () => {
  it('a changed phone number is exactly one changed row, named by its subject, marking just the number', () => {
    const from = seedArchived();
    const to = edit(from, (c) => {
      c.policies[0] = row('성북구 공영주차장 → 고객이 직접 관제센터로 문의 안내', ['성북구통합관제센터 02-6925-0099']);
    });
    const { changes } = diffVersions(from, to);
    expect(changes).toHaveLength(1);
    const [c] = changes;
    expect(c).toMatchObject({ section: 'policies', op: 'changed', label: '정책: 성북구 공영주차장' });
    expect(c.before).toContain('02-6925-0023');
    expect(c.after).toContain('02-6925-0099');
    expect(removedText(c)).toEqual(['0023']);
    expect(addedText(c)).toEqual(['0099']);
    expect(spell(c.spans!)).toEqual({ before: c.before, after: c.after });
  });

  it('matches rows by subject even when the rule text and order change', () => {
    const from = seedArchived();
    const to = edit(from, (c) => {
      const sokcho = row('속초시 공영주차장 → 고객에게 직접 관제센터 연락 안내', c.policies[1].notes);
      c.policies = [c.policies[2], sokcho, c.policies[0]];
    });
    const { changes } = diffVersions(from, to);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ section: 'policies', op: 'changed', label: '정책: 속초시 공영주차장' });
  });

  it('an added and a removed row are one added and one removed entry', () => {
    const from = seedArchived();
    const to = edit(from, (c) => {
      c.policies.splice(2, 1);
      c.policies.push(row('김포공항 주차장 → 공항공사 고객센터로 안내', ['한국공항공사 1661-2626']));
    });
    const ops = diffVersions(from, to).changes.map((c) => `${c.op}|${c.label}`);
    expect(ops).toEqual(['added|정책: 김포공항 주차장', 'removed|정책: 인천공항 주차장']);
  });

  it('a slightly renamed subject is still the same row (one changed entry)', () => {
    const from = seedArchived();
    const to = edit(from, (c) => {
      c.policies[0] = row('성북구청 공영주차장 → 고객이 직접 관제센터로 문의 안내', c.policies[0].notes);
    });
    const { changes } = diffVersions(from, to);
    expect(changes.map((c) => `${c.op}|${c.label}`)).toEqual(['changed|정책: 성북구청 공영주차장']);
    expect(removedText(changes[0])).toEqual(['성북구']);
    expect(addedText(changes[0])).toEqual(['성북구청']);
  });

  it('reordering rows without editing them is no change', () => {
    const from = seedArchived();
    const to = edit(from, (c) => c.policies.reverse());
    expect(diffVersions(from, to).changes).toEqual([]);
  });
});

describe('response steps', () => {
  it('an inserted step is one added entry, not a cascade of changes', () => {
    const from = seedArchived();
    const to = edit(from, (c) => c.responseSteps.splice(2, 0, '환불 가능 여부 확인'));
    const { changes } = diffVersions(from, to);
    expect(changes).toEqual([
      { section: 'responseSteps', op: 'added', before: null, after: '환불 가능 여부 확인', label: '응대 순서 3' },
    ]);
  });

  it('a reworded step is one changed entry with spans', () => {
    const from = seedArchived();
    const to = edit(from, (c) => (c.responseSteps[2] = '자동결제 즉시 취소'));
    const { changes } = diffVersions(from, to);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      section: 'responseSteps',
      op: 'changed',
      label: '응대 순서 3',
      before: '자동결제 취소',
      after: '자동결제 즉시 취소',
    });
    expect(addedText(changes[0]).join('')).toBe('즉시 ');
  });

  it('a removed step is one removed entry', () => {
    const from = seedArchived();
    const to = edit(from, (c) => c.responseSteps.splice(0, 1));
    expect(diffVersions(from, to).changes).toEqual([
      { section: 'responseSteps', op: 'removed', before: 'pick 확인', after: null, label: '응대 순서 1' },
    ]);
  });
});

describe('scripts', () => {
  it('a reworded sentence is one changed entry whose spans mark only the changed word', () => {
    const from = seedArchived();
    const to = edit(from, (c) => {
      c.scripts[2].text = c.scripts[2].text.replace('바로 취소처리하겠습니다', '즉시 취소처리하겠습니다');
    });
    const { changes } = diffVersions(from, to);
    expect(changes).toHaveLength(1);
    const [c] = changes;
    expect(c).toMatchObject({ section: 'scripts', op: 'changed', label: '스크립트 ③' });
    expect(c.before).toBe('첨부해 주신 내역으로 주차패스 결제 건은 바로 취소처리하겠습니다.');
    expect(c.after).toBe('첨부해 주신 내역으로 주차패스 결제 건은 즉시 취소처리하겠습니다.');
    expect(c.spans).toEqual([
      { kind: 'same', text: '첨부해 주신 내역으로 주차패스 결제 건은 ' },
      { kind: 'removed', text: '바로' },
      { kind: 'added', text: '즉시' },
      { kind: 'same', text: ' 취소처리하겠습니다.' },
    ]);
  });

  it('a sentence rewritten beyond recognition in the same place is one changed entry', () => {
    const from = makeVersion({
      path: 'a.md',
      scripts: [
        step(
          3,
          '반납 불가 안내',
          '불편을 드려 죄송합니다.\n지금 계신 곳은 반납구역 밖이라 반납이 되지 않고 있어요.\n확인 감사합니다.',
        ),
      ],
    });
    const to = makeVersion({
      path: 'b.md',
      scripts: [
        step(
          3,
          '반납 불가 안내',
          '불편을 드려 죄송합니다.\n현재 위치가 서비스 지역을 벗어나 있어요.\n확인 감사합니다.',
        ),
      ],
    });
    const { changes } = diffVersions(from, to);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      section: 'scripts',
      op: 'changed',
      label: '스크립트 ③',
      before: '지금 계신 곳은 반납구역 밖이라 반납이 되지 않고 있어요.',
      after: '현재 위치가 서비스 지역을 벗어나 있어요.',
    });
  });

  it('Korean words are marked whole, never syllable by syllable', () => {
    const from = makeVersion({ path: 'a.md', scripts: [step(1, '안내', '주차권을 구매해 주세요.')] });
    const to = makeVersion({ path: 'b.md', scripts: [step(1, '안내', '주차권을 환불해 주세요.')] });
    const [c] = diffVersions(from, to).changes;
    expect(removedText(c)).toEqual(['구매해']);
    expect(addedText(c)).toEqual(['환불해']);
  });

  it('coupon period change: the script line and the expiry date, nothing else', () => {
    const from = seedArchived();
    const to = edit(from, (c) => {
      c.scripts[3].text = c.scripts[3].text.replace('사용기한 : 24.12.31까지', '사용기한 : 25.3.31까지');
      c.expiryDates = ['2025-03-31'];
    });
    const { changes } = diffVersions(from, to);
    expect(changes.map((c) => `${c.section}|${c.op}|${c.label}`)).toEqual([
      'scripts|changed|스크립트 ④',
      'dates|changed|기한',
    ]);
    const [script, date] = changes;
    expect(script.before).toBe('- 사용기한 : 24.12.31까지');
    expect(script.after).toBe('- 사용기한 : 25.3.31까지');
    // Only the part that differs is marked: `24.12` → `25.3`, the shared `.31까지` stays plain.
    expect(removedText(script)).toEqual(['24.12']);
    expect(addedText(script)).toEqual(['25.3']);
    expect(date).toMatchObject({ before: '2024-12-31', after: '2025-03-31' });
  });

  it('an inserted step is one added entry; renumbered steps after it are unchanged', () => {
    const from = seedArchived();
    const to = edit(from, (c) => {
      c.scripts.splice(2, 0, step(3, '환불 가능 여부 확인', '확인해 보니 환불이 가능한 건으로 확인됩니다.'));
      c.scripts.forEach((s, i) => (s.step = i + 1));
    });
    const { changes } = diffVersions(from, to);
    expect(changes).toEqual([
      {
        section: 'scripts',
        op: 'added',
        before: null,
        after: '확인해 보니 환불이 가능한 건으로 확인됩니다.',
        label: '스크립트 ③ 환불 가능 여부 확인',
      },
    ]);
  });

  it('an added sentence inside a step is one added entry', () => {
    const from = seedArchived();
    const to = edit(from, (c) => (c.scripts[0].text += '\n잠시만 기다려 주세요.'));
    expect(diffVersions(from, to).changes).toEqual([
      { section: 'scripts', op: 'added', before: null, after: '잠시만 기다려 주세요.', label: '스크립트 ①' },
    ]);
  });

  it('notes, condition and branches are diffed in place', () => {
    const from = seedArchived();
    const to = edit(from, (c) => {
      c.scripts[0].notes = ['본인이 아닌 경우 상담 제한 (가족 포함)'];
      c.scripts[1].condition = '모두의 주차권 또는 파킹박 주차권을 사용한 경우';
      c.scripts[3].branches[0].text = c.scripts[3].branches[0].text.replace(
        '모두의 주차장으로',
        '모두의 주차장 고객센터로',
      );
    });
    const labels = diffVersions(from, to).changes.map((c) => `${c.op}|${c.label}`);
    expect(labels).toEqual([
      'changed|스크립트 ① 메모',
      'changed|스크립트 ② 조건',
      "changed|스크립트 ④ 분기: 모두의주차권 예약내역 상 '입차 후 구매' 문구 확인 시",
    ]);
  });
});

describe('category, dates, text', () => {
  it('category path and options', () => {
    const from = seedArchived();
    const to = edit(from, (c) => {
      c.category = ['주차_고객', '결제', '중복결제'];
      c.categoryOptions = ['연동', '비연동'];
    });
    const { changes } = diffVersions(from, to);
    expect(changes.map((c) => `${c.section}|${c.op}|${c.label}|${c.before}|${c.after}`)).toEqual([
      'category|changed|상담 유형|주차_고객 ▶ 결제 ▶ 이중결제|주차_고객 ▶ 결제 ▶ 중복결제',
      'category|removed|상담 유형 선택지|기타|null',
    ]);
  });

  it('question and general notes go to section text', () => {
    const from = seedArchived();
    const to = edit(from, (c) => {
      c.question = '타사 주차권을 썼는데 주차패스도 결제되었어요.';
      c.notes = ['주말에는 관제센터 연결이 지연될 수 있음'];
    });
    const { changes } = diffVersions(from, to);
    expect(changes.map((c) => `${c.section}|${c.op}|${c.label}`)).toEqual(['text|changed|질문', 'text|added|메모']);
  });
});

describe('links', () => {
  it('a link pointing somewhere else is one changed text entry', () => {
    const from = seedArchived();
    from.links = [{ text: '※ 본인이 아닌 경우 상담제한', href: 'https://example.com/old', target: null }];
    const to = edit(from, (c) => (c.links[0].href = 'https://example.com/new'));
    const { changes } = diffVersions(from, to);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ section: 'text', op: 'changed', label: '링크' });
    expect(removedText(changes[0])).toEqual(['old']);
    expect(addedText(changes[0])).toEqual(['new']);
  });
});

describe('plain-text fallback', () => {
  const a = makeVersion({
    path: 'memo.md',
    markdown: '# 공지\n\n주차장 점검 안내\n점검 시간은 02:00부터 04:00까지입니다.\n문의: 1599-0000',
  });

  it('diffs the markdown by lines under section text when a side has no structure', () => {
    const b = {
      ...a,
      path: 'memo2.md',
      markdown: '# 공지\n\n주차장 점검 안내\n점검 시간은 01:00부터 04:00까지입니다.\n문의: 1599-0000\n추가 안내 예정',
    };
    const { changes } = diffVersions(a, b);
    expect(changes.map((c) => `${c.section}|${c.op}|${c.label}`)).toEqual(['text|changed|줄 4', 'text|added|줄 6']);
    expect(removedText(changes[0])).toEqual(['02']);
    expect(addedText(changes[0])).toEqual(['01']);
  });

  it('falls back when only one side is structured, still with verbatim before/after', () => {
    const b = { ...seedArchived(), markdown: '# 공지\n\n주차장 점검 안내\n새 줄' };
    const { changes } = diffVersions(a, b);
    expect(changes.every((c) => c.section === 'text')).toBe(true);
    for (const c of changes) {
      if (c.before !== null) expect(sectionText(a, 'text', true)).toContain(c.before);
      if (c.after !== null) expect(sectionText(b, 'text', true)).toContain(c.after);
    }
    expect(changes.length).toBeGreaterThan(0);
  });
});
