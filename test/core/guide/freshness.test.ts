/** Front-matter `owner` and `reviewBy`: read by the authored parser, warned about by the audit. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLibrary, reviewOverdue } from '../../../src/main/core/audit';
import { parseGuide } from '../../../src/main/core/guide/parse';
import { buildHistories } from '../../../src/main/core/versions';

const BODY = '\n## 스크립트\n\n:::script ① 안내\n안내해 드릴게요.\n:::\n';

function parse(path: string, frontMatter: string) {
  return parseGuide(path, `---\n${frontMatter}\n---\n${BODY}`);
}

describe('owner and reviewBy in front matter', () => {
  it('are read into the version', () => {
    const { version, problems } = parse(
      '쿠폰 안내.md',
      'title: 쿠폰 안내\nowner: 주차 콘텐츠팀 김민지\nreviewBy: 2025-03-31',
    );
    expect(version).toMatchObject({ owner: '주차 콘텐츠팀 김민지', reviewBy: '2025-03-31' });
    expect(problems.filter((p) => p.code.startsWith('frontmatter'))).toEqual([]);
  });

  it('take the same loose dates as the other date keys', () => {
    expect(parse('a.md', 'title: a\nreviewBy: 25.3.31').version!.reviewBy).toBe('2025-03-31');
    expect(parse('a.md', "title: a\nreviewBy: '2025.03.31'").version!.reviewBy).toBe('2025-03-31');
  });

  it('are absent when not given, so versions without them are unchanged', () => {
    const { version } = parse('a.md', 'title: a');
    expect(version).not.toHaveProperty('owner');
    expect(version).not.toHaveProperty('reviewBy');
  });

  it('an unreadable reviewBy is a warning and no date, the guide still loads', () => {
    const { version, problems } = parse('a.md', 'title: a\nowner: 팀\nreviewBy: 곧');
    expect(version).not.toBeNull();
    expect(version).not.toHaveProperty('reviewBy');
    expect(version!.owner).toBe('팀');
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'frontmatter-date' }));
  });

  it('the complete example in docs/authoring.md has the owner and review date the doc says', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/authoring.md'), 'utf8');
    const example = /````markdown\n([\s\S]*?)\n````/.exec(doc)![1];
    expect(parseGuide('taxi/택시 분실물 접수.md', `${example}\n`).version).toMatchObject({
      owner: '택시 콘텐츠팀',
      reviewBy: '2025-09-30',
    });
    expect(doc).toContain('owner `택시 콘텐츠팀`, to be reviewed by 2025-09-30');
  });

  it('a Zendesk export has neither', () => {
    const { version } = parseGuide(
      'x.md',
      '# 제목\n\n**1. 상담 유형 : 주차_고객 ▶ 결제**\n\n**① 안내**\n\n안녕하세요.\n',
    );
    expect(version).not.toHaveProperty('owner');
    expect(version).not.toHaveProperty('reviewBy');
  });
});

describe('review-overdue', () => {
  const current = parse('쿠폰 안내.md', 'title: 쿠폰 안내\nowner: 주차 콘텐츠팀\nreviewBy: 2025-03-31').version!;
  const archived = parse(
    '(보관-25.1.1)쿠폰 안내.md',
    'title: 쿠폰 안내\narchived: 2025-01-01\nreviewBy: 2024-06-30',
  ).version!;
  const unowned = parse('환불 안내.md', 'title: 환불 안내\nreviewBy: 2025-01-31').version!;
  const versions = [current, archived, unowned];
  const histories = buildHistories(versions);
  const codes = (today: string, path: string) =>
    (auditLibrary(versions, histories, today).get(path) ?? []).map((p) => p.code);

  it('is not due on the review day itself, and is the day after', () => {
    expect(codes('2025-03-31', '쿠폰 안내.md')).not.toContain('review-overdue');
    expect(codes('2025-04-01', '쿠폰 안내.md')).toContain('review-overdue');
  });

  it('names the owner and the date, and what to do', () => {
    const problem = reviewOverdue(current, '2025-04-01')!;
    expect(problem.severity).toBe('warning');
    expect(problem.message).toContain('주차 콘텐츠팀');
    expect(problem.message).toContain('2025-03-31');
    expect(reviewOverdue(unowned, '2025-04-01')!.message).toContain('2025-01-31');
  });

  it('only warns on current versions (an archived copy is not reviewed)', () => {
    expect(codes('2026-01-01', '(보관-25.1.1)쿠폰 안내.md')).not.toContain('review-overdue');
  });
});
