/**
 * Issue 11, "Done when" for items 1-4 and 6: `guidedesk check` on a folder holding every bad input
 * exits 1, names each problem with its file (and line where it has one), and every guide with
 * readable content is still shown. The hostile guides are test/fixtures/hostile; the links and odd
 * names git cannot hold are made here.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import type { FileReport } from '../../src/shared/guide';

const HOSTILE = join(__dirname, '../fixtures/hostile');
const GUIDE = '# 정상 가이드\n\n**1. 상담 유형 : 기타_고객 ▶ 문의**\n\n**① 안내**\n안녕하세요.\n';
const NOT_UTF8 = '옛 이름\ufffd.md';
const NEWLINE = '줄\n바꿈.md';
const BACKSLASH = 'a\\b.md';

let base: string;
let root: string;

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'guidedesk-hostile-folder-'));
  root = join(base, 'content');
  cpSync(HOSTILE, root, { recursive: true });
  const outside = join(base, 'outside');
  mkdirSync(join(outside, 'pkg'), { recursive: true });
  writeFileSync(join(outside, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
  writeFileSync(join(outside, 'pkg', 'README.md'), '# 남의 파일\n');
  writeFileSync(join(root, '정상 가이드.md'), GUIDE);
  symlinkSync(join(outside, 'passwd'), join(root, 'passwd.md'));
  symlinkSync(outside, join(root, 'node_modules'), 'dir');
  symlinkSync('/', join(root, 'everything'), 'dir');
  writeFileSync(Buffer.concat([Buffer.from(`${root}/옛 이름`), Buffer.from([0xc7]), Buffer.from('.md')]), GUIDE);
  writeFileSync(join(root, NEWLINE), GUIDE);
  writeFileSync(join(root, BACKSLASH), GUIDE);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('guidedesk check on a folder of every bad input', () => {
  it('exits 1 and names each problem with its file and line', async () => {
    const started = performance.now();
    const result = await cli('check', '--content', root, '--json');
    console.log(`check over the hostile folder: ${(performance.now() - started).toFixed(0)} ms`);
    expect(result.code, result.stderr).toBe(1);
    const files = (JSON.parse(result.stdout) as { files: FileReport[] }).files;
    const problem = (path: string, code: string) =>
      files.find((f) => f.path === path)?.problems.find((p) => p.code === code);
    expect(problem('passwd.md', 'outside-content')).toMatchObject({ severity: 'error' });
    expect(problem('node_modules', 'outside-content')).toMatchObject({ severity: 'error' });
    expect(problem('everything', 'outside-content')).toMatchObject({ severity: 'error' });
    expect(problem(NOT_UTF8, 'name-not-utf8')).toMatchObject({ severity: 'warning' });
    expect(problem('실행 머리말.md', 'frontmatter-code')).toMatchObject({ severity: 'warning', line: 1 });
    expect(problem('위험한 링크 모음.md', 'unsafe-link')).toMatchObject({ line: 8 });
    expect(problem('원문 HTML 공격.md', 'raw-html')).toMatchObject({ line: 28 });
    expect(problem('속이는 링크.md', 'deceptive-link')).toMatchObject({ line: 8 });
    expect(problem('속이는 링크.md', 'refused-link')).toMatchObject({ line: 9 });
    const unsafe = files
      .find((f) => f.path === '위험한 링크 모음.md')!
      .problems.filter((p) => p.code === 'unsafe-link');
    expect(unsafe.length).toBeGreaterThanOrEqual(15);
    expect(unsafe.every((p) => typeof p.line === 'number')).toBe(true);
    expect(files.some((f) => f.path.includes('README') || f.path.startsWith('everything/'))).toBe(false);
  });

  it('still shows every guide with readable content', async () => {
    const result = await cli('check', '--content', root, '--json');
    const report = JSON.parse(result.stdout) as { versions: number; files: FileReport[] };
    // Every corpus guide, the plain one, and the three with odd names.
    const corpus = readdirSync(HOSTILE).filter((name) => name.endsWith('.md'));
    const readable = [...corpus, '정상 가이드.md', NOT_UTF8, NEWLINE, BACKSLASH];
    expect(corpus.length).toBeGreaterThanOrEqual(6);
    expect(report.versions).toBe(readable.length);
    for (const path of readable) expect(report.files.find((f) => f.path === path)?.status, path).not.toBe('error');
    const shown = JSON.parse((await cli('show', '실행 머리말.md', '--content', root, '--json')).stdout);
    expect(shown.title).toBe('실행 머리말');
    expect(shown.id).toBe('실행머리말');
    const yamlExport = JSON.parse((await cli('show', 'yaml-export', '--content', root, '--json')).stdout);
    expect(yamlExport.category).toEqual(['기타_고객', '보안', '머리말']);
    expect(yamlExport.scripts).toHaveLength(1);
    const links = JSON.parse((await cli('show', '위험한 링크 모음.md', '--content', root, '--json')).stdout).links;
    for (const link of links) expect(link.href).toMatch(/^https:\/\//);
    expect(JSON.parse((await cli('show', BACKSLASH, '--content', root, '--json')).stdout).path).toBe(BACKSLASH);
  });

  it('keeps one report line per line of text: a newline in a name is escaped, not printed', async () => {
    const result = await cli('check', '--content', root);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    for (const line of lines)
      expect(line, JSON.stringify(line)).toMatch(/^(?:(?:OK|WARNING|ERROR) +\S| {8}(?:error|warning): |\d+ guides, )/);
    expect(result.stdout).toContain('"줄\\n바꿈.md"');
    expect(result.stdout).toMatch(/^OK +a\\b\.md/m);
    expect(result.stdout).not.toContain('\u202e');
    expect(result.stdout).toContain('\\u202e');
  });
});
