import { describe, expect, it } from 'vitest';
import { auditLibrary } from '../../src/main/core/audit';
import { parseGuide } from '../../src/main/core/guide/parse';
import { resolveLinkTargets } from '../../src/main/core/guide/links';
import { buildHistories } from '../../src/main/core/versions';

function guide(path: string, body: string) {
  const { version } = parseGuide(path, body);
  if (!version) throw new Error(`fixture ${path} did not parse`);
  return version;
}

const current = guide(
  '쿠폰 안내.md',
  `---\ntitle: 쿠폰 안내\ncategory: 주차_고객 ▶ 쿠폰 ▶ 사용, 만료\n---\n\n## 스크립트\n\n:::script ① 안내\n쿠폰은 사용기한 : 25.6.30까지 쓰실 수 있어요.\n* [없는 가이드](없는 가이드.md) 참고, [환불 안내](환불 안내.md) 참고, [외부](https://example.com/x)\n:::\n`,
);
const archived = guide(
  '(보관-25.1.1)쿠폰 안내.md',
  `---\ntitle: 쿠폰 안내\narchived: 2025-01-01\n---\n\n:::script ① 안내\n쿠폰은 사용기한 : 24.12.31까지 쓰실 수 있어요.\n:::\n`,
);
const refund = guide('환불 안내.md', `---\ntitle: 환불 안내\n---\n\n:::script ① 안내\n환불해 드릴게요.\n:::\n`);
const versions = resolveLinkTargets([current, archived, refund]);
const histories = buildHistories(versions);

describe('library audit', () => {
  it('reports a link to a guide that is not in the folder, and not one that is, nor external links', () => {
    const problems = auditLibrary(versions, histories, '2025-01-15').get('쿠폰 안내.md') ?? [];
    const broken = problems.filter((p) => p.code === 'broken-link');
    expect(broken).toHaveLength(1);
    expect(broken[0].message).toContain('없는 가이드.md');
  });

  it('reports a passed deadline only on the current version, and only once it has passed', () => {
    expect(
      (auditLibrary(versions, histories, '2025-06-30').get('쿠폰 안내.md') ?? []).map((p) => p.code),
    ).not.toContain('expired-date');
    const later = auditLibrary(versions, histories, '2025-07-01');
    expect(later.get('쿠폰 안내.md')!.filter((p) => p.code === 'expired-date')).toHaveLength(1);
    expect(later.has('(보관-25.1.1)쿠폰 안내.md')).toBe(false);
    expect(later.has('환불 안내.md')).toBe(false);
  });
});
