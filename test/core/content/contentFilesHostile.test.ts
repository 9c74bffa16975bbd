/**
 * Issue 11, items 4 and 6: the walker reads only what resolves inside the content folder (and says
 * what it left out), bounds its walk, and keeps odd names as the disk spells them.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLibrary, type LoadedFile } from '../../../src/main/core/library';
import { readContentFile, readContentFolder } from '../../../src/main/services/contentFiles';

const GUIDE = '# 이중결제 안내\n\n**상담 유형 : 주차_고객 ▶ 결제 ▶ 이중결제**\n\n**① 인사** 안녕하세요.\n';
let base: string;
let root: string;
let outside: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'guidedesk-walk-'));
  root = join(base, 'content');
  outside = join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function write(dir: string, rel: string, text: string | Uint8Array = GUIDE): void {
  const abs = join(dir, rel);
  mkdirSync(join(abs, '..'), { recursive: true });
  writeFileSync(abs, text);
}

const paths = (files: LoadedFile[]) => files.map((f) => f.path);
const errorOf = (files: LoadedFile[], path: string) => {
  const file = files.find((f) => f.path === path);
  return file && 'error' in file ? file.error : null;
};

describe('symlinks that leave the content folder (item 4)', () => {
  it('a .md link to a file outside is reported, never read', async () => {
    write(outside, 'passwd', 'root:x:0:0:root:/root:/bin/bash\n');
    write(root, 'ok.md');
    symlinkSync(join(outside, 'passwd'), join(root, 'passwd.md'));
    const files = await readContentFolder(root);
    expect(paths(files).sort()).toEqual(['ok.md', 'passwd.md']);
    expect(errorOf(files, 'passwd.md')).toMatchObject({ severity: 'error', code: 'outside-content' });
    expect(files.some((f) => 'bytes' in f && new TextDecoder().decode(f.bytes).includes('root:x'))).toBe(false);
    const { versions, reports } = buildLibrary(files);
    expect(versions.map((v) => v.path)).toEqual(['ok.md']);
    expect(reports.find((r) => r.path === 'passwd.md')).toMatchObject({ status: 'error' });
    expect(await readContentFile(root, 'passwd.md')).toMatchObject({ error: { code: 'outside-content' } });
  });

  it('a folder link outside pulls in nothing and is reported once', async () => {
    for (let i = 0; i < 20; i++) write(outside, `pkg${i}/README.md`, `# 남의 파일 ${i}\n`);
    write(root, 'ok.md');
    symlinkSync(outside, join(root, 'node_modules'), 'dir');
    const files = await readContentFolder(root);
    expect(paths(files).sort()).toEqual(['node_modules', 'ok.md']);
    expect(errorOf(files, 'node_modules')).toMatchObject({ code: 'outside-content' });
  });

  it('a folder link to / finishes at once and is reported', async () => {
    write(root, 'ok.md');
    symlinkSync('/', join(root, 'everything'), 'dir');
    const files = await readContentFolder(root);
    expect(paths(files).sort()).toEqual(['everything', 'ok.md']);
    expect(errorOf(files, 'everything')!.message).toContain('outside the content folder');
  });

  it('links inside the folder are still followed, each real file once', async () => {
    write(root, 'real/guide.md');
    symlinkSync(join(root, 'real'), join(root, 'alias'), 'dir');
    symlinkSync(join(root, 'real', 'guide.md'), join(root, 'same.md'));
    expect(paths(await readContentFolder(root))).toEqual(['real/guide.md']);
  });

  it('a content folder that is itself reached through a symlink works', async () => {
    write(root, 'ok.md');
    symlinkSync(root, join(base, 'content-link'), 'dir');
    expect(paths(await readContentFolder(join(base, 'content-link')))).toEqual(['ok.md']);
  });
});

describe('the walk is bounded (item 4)', () => {
  it('stops after maxFiles guides and says where', async () => {
    for (let i = 0; i < 6; i++) write(root, `g${i}.md`);
    const files = await readContentFolder(root, { maxFiles: 4 });
    expect(files.filter((f) => 'bytes' in f)).toHaveLength(4);
    expect(files.filter((f) => 'error' in f)).toEqual([
      { path: 'g4.md', error: expect.objectContaining({ severity: 'error', code: 'walk-limit' }) },
    ]);
  });

  it('stops past maxTotalBytes', async () => {
    for (let i = 0; i < 5; i++) write(root, `g${i}.md`, `# 가이드 ${i}\n${'가'.repeat(300)}\n`);
    const files = await readContentFolder(root, { maxTotalBytes: 2000 });
    expect(files.filter((f) => 'bytes' in f).length).toBeLessThan(5);
    expect(files.at(-1)).toMatchObject({ error: { code: 'walk-limit' } });
    expect((files.at(-1) as { error: { message: string } }).error.message).toContain('bytes');
  });

  it('stops past maxEntries, counting files that are not guides', async () => {
    for (let i = 0; i < 50; i++) write(root, `data/${String(i).padStart(2, '0')}.json`, '{}');
    write(root, 'z.md');
    const files = await readContentFolder(root, { maxEntries: 20 });
    expect(files).toEqual([{ path: expect.stringMatching(/^data\//), error: expect.objectContaining({ code: 'walk-limit' }) }]);
  });

  it('does not walk deeper than maxDepth', async () => {
    write(root, 'a/ok.md');
    write(root, 'a/b/c/d/deep.md');
    const files = await readContentFolder(root, { maxDepth: 2 });
    expect(paths(files).sort()).toEqual(['a/b/c', 'a/ok.md']);
    expect(errorOf(files, 'a/b/c')).toMatchObject({ code: 'walk-limit' });
  });
});

describe('odd file names (item 6)', () => {
  it('a name that is not UTF-8 is read, shown with U+FFFD and reported as such, not as a permissions problem', async () => {
    const name = Buffer.concat([Buffer.from(root), Buffer.from('/\uac00'), Buffer.from([0xff, 0xfe]), Buffer.from('.md')]);
    writeFileSync(name, GUIDE);
    const files = await readContentFolder(root);
    expect(files).toHaveLength(1);
    const file = files[0];
    expect(file.path).toBe('가\ufffd\ufffd.md');
    expect('bytes' in file).toBe(true);
    const { versions, reports } = buildLibrary(files);
    expect(versions).toHaveLength(1);
    expect(reports[0].status).toBe('warning');
    expect(reports[0].problems[0]).toMatchObject({ code: 'name-not-utf8', severity: 'warning' });
    expect(reports[0].problems[0].message).toContain('ff fe');
    expect(reports[0].problems.some((p) => /permission/i.test(p.message))).toBe(false);
    const again = await readContentFile(root, '가\ufffd\ufffd.md');
    expect('bytes' in again).toBe(true);
  });

  it('a backslash is part of a POSIX name: a\\b.md keeps its name', async (ctx) => {
    if (process.platform === 'win32') return ctx.skip('a backslash separates folders on Windows');
    write(root, 'a\\b.md');
    const files = await readContentFolder(root);
    expect(paths(files)).toEqual(['a\\b.md']);
    const { versions, reports } = buildLibrary(files);
    expect(versions[0].path).toBe('a\\b.md');
    expect(reports[0].path).toBe('a\\b.md');
    expect('bytes' in (await readContentFile(root, 'a\\b.md'))).toBe(true);
  });

  it('a newline in a name is kept in the path (the CLI escapes it when it prints)', async () => {
    write(root, '줄\n바꿈.md');
    const files = await readContentFolder(root);
    expect(paths(files)).toEqual(['줄\n바꿈.md']);
    expect(buildLibrary(files).versions[0].path).toBe('줄\n바꿈.md');
  });
});
