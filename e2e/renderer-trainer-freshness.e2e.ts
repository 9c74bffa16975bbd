/**
 * Freshness for content owners: a guide whose front-matter `reviewBy` has passed is flagged
 * 검토 필요 in the guide view, with its owner, and listed by `guidedesk check` (review-overdue);
 * a guide still in time shows its owner and review date without a flag.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './renderer-trainer-support';
import { closeBrowser, launchRendererApp, REPO_ROOT, type RendererApp } from './support/rendererApp';

const TODAY = '2026-12-03';
const OVERDUE = '포인트 환불 요청.md';
const IN_TIME = '바이크 고장 신고.md';

/** Adds front-matter lines after the opening `---` of a guide file. */
function addFrontMatter(path: string, lines: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.startsWith('---\n')) throw new Error(`${path} has no front matter`);
  writeFileSync(path, `---\n${lines}\n${text.slice(4)}`);
}

describe('검토 필요 (copied content folder)', () => {
  let app: RendererApp;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'guidedesk-freshness-'));
    cpSync(join(REPO_ROOT, 'content'), root, { recursive: true });
    addFrontMatter(join(root, OVERDUE), 'owner: 결제 콘텐츠팀 김민지\nreviewBy: 2026-06-30');
    addFrontMatter(join(root, IN_TIME), 'owner: 결제 콘텐츠팀\nreviewBy: 2027-01-31');
    app = await launchRendererApp({ contentRoot: root, today: TODAY });
    await app.page.getByTestId('guide-list').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    rmSync(root, { recursive: true, force: true });
  });

  it('flags the guide past its review day in the guide view, naming the owner', async () => {
    const { page } = app;
    await page.keyboard.insertText('포인트 환불');
    await page.getByTestId('result').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=guide-view][data-path="${OVERDUE}"]`).waitFor();
    const flag = page.getByTestId('review-due');
    expect(await flag.textContent()).toBe(
      '검토 필요검토 기한 2026-06-30이 지났습니다 · 담당 결제 콘텐츠팀 김민지. 안내 전에 내용이 맞는지 담당자에게 확인하세요.',
    );
    expect(await flag.getAttribute('role')).toBe('note');
    await app.screenshot('trainer-review-due');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows owner and review date without a flag while the guide is in time', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.keyboard.insertText('바이크 고장 신고');
    await page.getByTestId('result').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=guide-view][data-path="${IN_TIME}"]`).waitFor();
    expect(await page.getByTestId('review-due').count()).toBe(0);
    expect(await page.getByTestId('guide-owner').textContent()).toBe('담당 결제 콘텐츠팀 · 검토 기한 2027-01-31');
  });

  it('guidedesk check lists the overdue guide (and only it) with review-overdue', () => {
    const result = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'bin/guidedesk.js'), 'check', '--content', root, '--today', TODAY, '--json'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      files: { path: string; problems: { code: string; message: string }[] }[];
    };
    const overdue = report.files.filter((f) => f.problems.some((p) => p.code === 'review-overdue'));
    expect(overdue.map((f) => f.path)).toEqual([OVERDUE]);
    const problem = overdue[0].problems.find((p) => p.code === 'review-overdue')!;
    expect(problem.message).toContain('결제 콘텐츠팀 김민지');
    expect(problem.message).toContain('2026-06-30');
    const text = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'bin/guidedesk.js'), 'check', '--content', root, '--today', TODAY],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    expect(text.stdout).toMatch(
      /warning: review-overdue: review date 2026-06-30 \(reviewBy\) has passed \(today 2026-12-03\): 결제 콘텐츠팀 김민지 should review/,
    );
  });
});
