/** `guidedesk changes`: the digest (text, JSON) and the trainer's briefing as HTML and Markdown. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { escapeHtml } from '../../src/cli/commands/briefingHtml';
import { escapeMarkdown } from '../../src/cli/commands/briefingMarkdown';
import { changeBriefing } from '../../src/main/core/versions';
import { ContentLibrary } from '../../src/main/services/contentLibrary';

const CONTENT = join(__dirname, '../../content');

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

async function coreBriefing(since: string, until: string | null) {
  const library = new ContentLibrary(CONTENT);
  await library.load();
  const { versions, histories } = library.snapshot;
  return changeBriefing(versions, histories, { since, until });
}

describe('guidedesk changes --format md', () => {
  it('writes the briefing: every guide under its category, newest first, word marks on changed lines', async () => {
    const result = await cli(
      'changes',
      '--since',
      '2024-12-01',
      '--until',
      '2025-03-31',
      '--format',
      'md',
      '--content',
      CONTENT,
    );
    expect(result.code, result.stderr).toBe(0);
    const md = result.stdout;
    const briefing = await coreBriefing('2024-12-01', '2025-03-31');
    expect(md.startsWith('# 변경 사항 브리핑: 2024-12-01 ~ 2025-03-31\n')).toBe(true);
    expect(md).toContain(`가이드 ${briefing.guideCount}건 · 변경 ${briefing.changeCount}건`);
    const groupHeadings = [...md.matchAll(/^## (.+) \(\d+건\)$/gm)].map((m) => m[1].replaceAll('\\', ''));
    expect(groupHeadings).toEqual(briefing.groups.map((g) => g.category));
    const guideHeadings = [...md.matchAll(/^### (.+) · (새 가이드|변경|사용 중지)$/gm)].map((m) => m[1]);
    expect(guideHeadings).toEqual(briefing.groups.flatMap((g) => g.guides.map((x) => escapeMarkdown(x.title))));
    // The seed guide's 속초시 phone: the old number struck on the before line, the new one bold after.
    const seed = md.slice(md.indexOf('### 이중결제 취소요청(타사 주차권)'));
    const item = seed.slice(seed.indexOf('정책: 속초시 공영주차장'));
    const policy = item.slice(0, item.indexOf('\n- '));
    // A two-line row: its note line continues the item after a hard line break.
    expect(policy).toMatch(/이전: [^\n]*\\\n {4}[^\n]*~~[^~\n]*6242[^~\n]*~~/);
    expect(policy).toMatch(/이후: [^\n]*\\\n {4}[^\n]*\*\*[^*\n]*0000[^*\n]*\*\*/);
  });

  it('escapes Markdown in guide text, keeping it readable', () => {
    expect(escapeMarkdown('대리_고객 *중요* [링크](x) <b> a|b #1')).toBe(
      '대리\\_고객 \\*중요\\* \\[링크\\](x) \\<b\\> a\\|b \\#1',
    );
    expect(escapeMarkdown('- 사용기한\n1. 첫째')).toBe('\\- 사용기한\n1\\. 첫째');
  });

  it('says so when the period is empty', async () => {
    const result = await cli('changes', '--since', '2026-09-01', '--format', 'md', '--content', CONTENT);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('이 기간(2026-09-01 이후)에 바뀐 가이드가 없습니다.');
  });
});

describe('guidedesk changes --format html', () => {
  it('is one self-contained document with the print stylesheet and every guide of the briefing', async () => {
    const result = await cli('changes', '--since', '2024-12-01', '--format', 'html', '--content', CONTENT);
    expect(result.code, result.stderr).toBe(0);
    const html = result.stdout;
    expect(html.startsWith('<!doctype html>\n<html lang="ko">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(/i);
    expect(html).toMatch(/<style>[\s\S]*@page\s*\{\s*size: A4;[\s\S]*break-before: page;[\s\S]*<\/style>/);
    const briefing = await coreBriefing('2024-12-01', null);
    const ids = [...html.matchAll(/<article class="briefing-guide" data-kind="(\w+)" data-id="([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(ids).toEqual(briefing.groups.flatMap((g) => g.guides.map((x) => [x.kind, escapeHtml(x.id)])));
    for (const guide of briefing.groups.flatMap((g) => g.guides)) expect(html).toContain(escapeHtml(guide.title));
    expect(html).toContain('<del data-kind="removed">');
    expect(html).toContain('<ins data-kind="added">');
  });

  it('escapes HTML in guide text', () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
  });
});

describe('guidedesk changes: the digest, and usage', () => {
  it('keeps the digest JSON as it was without --until, and adds `until` with it', async () => {
    const open = JSON.parse((await cli('changes', '--since', '2024-12-01', '--json', '--content', CONTENT)).stdout);
    expect(Object.keys(open)).toEqual(['since', 'guides']);
    const closed = JSON.parse(
      (await cli('changes', '--since', '2024-12-01', '--until', '2024-12-31', '--json', '--content', CONTENT)).stdout,
    );
    expect(Object.keys(closed)).toEqual(['since', 'until', 'guides']);
    expect(closed.until).toBe('2024-12-31');
    for (const guide of closed.guides) {
      for (const event of guide.events) expect(event.date <= '2024-12-31' && event.date >= '2024-12-01').toBe(true);
    }
    expect(closed.guides.length).toBeLessThan(open.guides.length);
    const text = await cli('changes', '--since', '2024-12-01', '--until', '2024-12-31', '--content', CONTENT);
    expect(text.stdout.split('\n')[0]).toBe(`2024-12-01 ~ 2024-12-31 바뀐 가이드 ${closed.guides.length}건`);
  });

  it('refuses a bad format, --format with --json, and a period that ends before it starts', async () => {
    for (const argv of [
      ['--since', '2024-12-01', '--format', 'pdf'],
      ['--since', '2024-12-01', '--format', 'html', '--json'],
      ['--since', '2024-12-01', '--until', '2024-11-30'],
      ['--since', '2024-12-01', '--until', '2024-02-30'],
      ['--format', 'md'],
    ]) {
      const result = await cli('changes', ...argv, '--content', CONTENT);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  });
});
