import { describe, expect, it } from 'vitest';
import { circled, escapeRegExp, scriptLabel } from '../../src/shared/labels';
import { diffVersions } from '../../src/main/core/versions';
import { makeVersion } from '../core/versions/factory';
import { SearchIndex } from '../../src/main/core/search';

describe('labels written once', () => {
  it('writes steps ①…⑳, then (21)', () => {
    expect(circled(1)).toBe('①');
    expect(circled(20)).toBe('⑳');
    expect(circled(21)).toBe('(21)');
    expect(circled(0)).toBe('(0)');
    expect(scriptLabel(3)).toBe('스크립트 ③');
    expect(scriptLabel(21)).toBe('스크립트 (21)');
  });

  it('escapes every regular-expression metacharacter', () => {
    const tricky = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    expect(new RegExp(`^${escapeRegExp(tricky)}$`).test(tricky)).toBe(true);
    expect(new RegExp(escapeRegExp('O.O')).test('OxO')).toBe(false);
  });

  it('names step 21 the same in search results and in diffs', () => {
    const script = (text: string) => ({
      step: 21,
      title: '추가 안내',
      text,
      notes: [],
      condition: null,
      placeholders: [],
      branches: [],
    });
    const before = makeVersion({ path: 'a.md', scripts: [script('이전 안내 문구입니다.')] });
    const after = makeVersion({ path: 'b.md', scripts: [script('새로 바뀐 안내 문구입니다.')] });
    const diffLabel = diffVersions(before, after).changes.find((c) => c.section === 'scripts')?.label ?? '';
    expect(diffLabel.startsWith(scriptLabel(21))).toBe(true);

    const index = SearchIndex.build([
      {
        version: after,
        summary: { path: 'b.md', archived: false, archivedAt: null, validFrom: null, validTo: null },
        isCurrent: true,
      },
    ]);
    const fields = index.search('새로 바뀐 안내').results[0]?.matches.map((m) => m.label) ?? [];
    expect(fields).toContain(scriptLabel(21));
  });
});
