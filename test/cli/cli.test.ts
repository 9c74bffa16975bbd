import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

const REPO = join(__dirname, '../..');
const CONTENT = join(REPO, 'content');
const SEED_FILE = '(보관-24.12.5)이중결제 취소요청(타사 주차권).md';
const CURRENT_FILE = '이중결제 취소요청(타사 주차권).md';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

describe('guidedesk show', () => {
  it("returns the original guide as structure (the issue's acceptance values)", async () => {
    const result = await cli('show', SEED_FILE, '--content', CONTENT, '--json');
    expect(result.code, result.stderr).toBe(0);
    const guide = result.json();
    expect(guide.title).toBe('이중결제 취소요청(타사 주차권)');
    expect(guide.archived).toBe(true);
    expect(guide.archivedAt).toBe('2024-12-05');
    expect(guide.category).toEqual(['주차_고객', '결제', '이중결제']);
    expect(guide.categoryOptions).toEqual(['연동', '비연동', '기타']);
    expect(guide.responseSteps).toHaveLength(4);
    expect(guide.policies).toHaveLength(3);
    expect(guide.policies.flatMap((p: { phones: string[] }) => p.phones)).toEqual([
      '02-6925-0023',
      '033-636-4240',
      '033-637-6242',
    ]);
    expect(guide.question).toBe('타사 주차권을 사용했는데, 주차패스도 결제되었어요.');
    expect(guide.scripts.map((s: { step: number }) => s.step)).toEqual([1, 2, 3, 4]);
    expect(guide.scripts[0].placeholders).toEqual(expect.arrayContaining(['20OO-OO-OO', 'OOO']));
    expect(guide.effectiveDates).toEqual(['2024-11-27']);
    expect(guide.expiryDates).toEqual(['2024-12-31']);
    expect(guide).not.toHaveProperty('markdown');
  });

  it('finds a guide by id or title and by the version in force on a date', async () => {
    const current = (await cli('show', '이중결제 취소요청(타사 주차권)', '--content', CONTENT, '--json')).json();
    expect(current.path).toBe(CURRENT_FILE);
    const before = (
      await cli('show', '이중결제 취소요청(타사 주차권)', '--as-of', '2024-12-01', '--content', CONTENT, '--json')
    ).json();
    expect(before.path).toBe(SEED_FILE);
    const archivedByRelativePath = (await cli('show', `./${SEED_FILE}`, '--content', CONTENT, '--json')).json();
    expect(archivedByRelativePath.path).toBe(SEED_FILE);
    const bySpacedTitle = (await cli('show', '이중결제 취소요청 (타사 주차권)', '--content', CONTENT, '--json')).json();
    expect(bySpacedTitle.path).toBe(CURRENT_FILE);
  });

  it('exits 2 with a one-line message for bad usage', async () => {
    for (const argv of [
      ['show'],
      ['show', 'no such guide at all'],
      ['show', SEED_FILE, '--as-of', '24.12.5'],
      ['frobnicate'],
      ['search', 'x', '--limit', '0'],
      ['check', '--content', '/nonexistent/folder'],
    ]) {
      const result = await cli(
        ...argv,
        '--content',
        argv.includes('--content') ? argv[argv.indexOf('--content') + 1] : CONTENT,
      );
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')[0], argv.join(' ')).toMatch(/^guidedesk: /);
      expect(result.stdout).toBe('');
    }
  });
});

describe('guidedesk versions, diff, changes, search', () => {
  it('lists versions oldest first with validity windows', async () => {
    const data = (await cli('versions', CURRENT_FILE, '--content', CONTENT, '--json')).json();
    expect(data.versions.map((v: { path: string }) => v.path)).toEqual([SEED_FILE, CURRENT_FILE]);
    expect(data.versions[0]).toMatchObject({ archived: true, archivedAt: '2024-12-05', validTo: '2024-12-04' });
    expect(data.versions[1]).toMatchObject({ archived: false, validTo: null });
  });

  it('diffs the archived original against the current version', async () => {
    const diff = (await cli('diff', SEED_FILE, CURRENT_FILE, '--content', CONTENT, '--json')).json();
    expect(diff.from).toBe(SEED_FILE);
    expect(diff.to).toBe(CURRENT_FILE);
    const policies = diff.changes.filter((c: { section: string }) => c.section === 'policies');
    expect(
      policies.some((c: { before: string; after: string }) => c.before.includes('033-63') && c.after !== c.before),
    ).toBe(true);
    expect((await cli('diff', SEED_FILE, SEED_FILE, '--content', CONTENT, '--json')).json().changes).toEqual([]);
  });

  it('lists the guide among changes since a date before its archive day', async () => {
    const data = (await cli('changes', '--since', '2024-12-01', '--content', CONTENT, '--json')).json();
    expect(data.guides.map((g: { title: string }) => g.title)).toContain('이중결제 취소요청(타사 주차권)');
  });

  it('searches with the Korean front-end and says how it understood the query', async () => {
    const data = (await cli('search', 'dlwndrufwp', '--content', CONTENT, '--json')).json();
    expect(data.query).toBe('dlwndrufwp');
    expect(data.interpretedAs.join(' ')).toContain('이중결제');
    expect(data.results[0].title).toBe('이중결제 취소요청(타사 주차권)');
    expect(data.results[0].archived).toBe(false);
    expect(typeof data.tookMs).toBe('number');
    const archived = (await cli('search', '이중결제', '--archived', 'only', '--content', CONTENT, '--json')).json();
    expect(archived.results.every((r: { archived: boolean }) => r.archived)).toBe(true);
  });
});

describe('guidedesk check on a folder of bad inputs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'guidedesk-check-'));
    copyFileSync(join(CONTENT, SEED_FILE), join(dir, SEED_FILE));
    const cp949Text =
      '# 똠방각하 햏 쏼 문의\n\n**1. 상담 유형 : 기타_고객 ▶ 문의 ▶ 일반**\n\n**Q. 똠 햏 쏼이 뭔가요?**\n\n**① 기본안내**\n\n안녕하세요. 확인해 보겠습니다.\n';
    writeFileSync(join(dir, '똠방각하 문의.md'), iconv.encode(cp949Text, 'cp949'));
    writeFileSync(join(dir, '환불 안내.md'.normalize('NFD')), readFileSync(join(CONTENT, CURRENT_FILE)));
    writeFileSync(
      join(dir, 'broken.md'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]),
    );
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(
      join(dir, 'evil.md'),
      '---js\n{ title: require("child_process").execSync("touch /tmp/pwned") }\n---\n# 제목\n',
    );
    mkdirSync(join(dir, 'sub'));
    writeFileSync(
      join(dir, 'sub', 'utf16.md'),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('# 유니코드 안내\n\n**Q. 질문**\n\n① 안내\n\n고객님 안녕하세요.\n', 'utf16le'),
      ]),
    );
  });

  it('exits 1, names each problem, and still reports the good files', async () => {
    const result = await cli('check', '--content', dir, '--json');
    expect(result.code).toBe(1);
    const report = result.json();
    const byPath = new Map(report.files.map((f: { path: string }) => [f.path, f]));
    const file = (path: string) =>
      byPath.get(path) as { status: string; encoding: string | null; problems: { code: string; message: string }[] };
    expect(file(SEED_FILE).status).toBe('ok');
    expect(file('똠방각하 문의.md')).toMatchObject({ encoding: 'cp949' });
    expect(file('똠방각하 문의.md').status).not.toBe('error');
    expect(file('환불 안내.md')).toBeDefined(); // NFD name reported in NFC
    expect(file('sub/utf16.md')).toMatchObject({ encoding: 'utf-16le' });
    for (const bad of ['broken.md', 'empty.md', 'evil.md']) {
      expect(file(bad).status, bad).toBe('error');
      expect(file(bad).problems[0].message.length, bad).toBeGreaterThan(5);
    }
    expect(file('broken.md').problems.map((p) => p.code)).toContain('binary-file');
    expect(file('empty.md').problems.map((p) => p.code)).toContain('empty-file');
    expect(report.versions).toBeGreaterThanOrEqual(4);

    const text = await cli('check', '--content', dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('ERROR   broken.md');
    expect(text.stdout).toMatch(/OK\s+\(보관-24\.12\.5\)/);
  });

  it('shows the CP949 guide with every syllable decoded', async () => {
    const guide = (await cli('show', '똠방각하 문의.md', '--content', dir, '--json')).json();
    expect(guide.title).toBe('똠방각하 햏 쏼 문의');
  });
});

describe('guidedesk check on the embedded pack', () => {
  it('has no errors, resolves its internal links, and flags deadlines that passed by the given day', async () => {
    const early = (await cli('check', '--content', CONTENT, '--today', '2024-12-01', '--json')).json();
    expect(early.files.filter((f: { status: string }) => f.status === 'error')).toEqual([]);
    const codes = (report: { files: { problems: { code: string }[] }[] }) =>
      report.files.flatMap((f) => f.problems.map((p) => p.code));
    expect(codes(early)).not.toContain('broken-link');
    const late = await cli('check', '--content', CONTENT, '--today', '2026-11-24', '--json');
    expect(late.code).toBe(0);
    const current = late.json().files.find((f: { path: string }) => f.path === CURRENT_FILE);
    expect(current.status).toBe('warning');
    expect(current.problems.map((p: { code: string }) => p.code)).toContain('expired-date');
  });
});
