import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildLibrary, type LoadedFile } from '../../../src/main/core/library';

const FIXTURES = join(__dirname, '../../fixtures/guides');
const enc = new TextEncoder();
const fixture = (name: string): LoadedFile => ({ path: name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) });

describe('buildLibrary', () => {
  it('one report per file, in path order; broken files never hide the others; links resolved across the pack', () => {
    const files: LoadedFile[] = [
      fixture('택시 요금 환불 문의.md'),
      { path: 'z/binary.md', bytes: new Uint8Array([0, 1, 2, 3, 0, 0]) },
      fixture('(보관-24.12.5)이중결제 취소요청(타사 주차권).md'),
      { path: 'a/locked.md', error: { severity: 'error', code: 'unreadable', message: 'EACCES' } },
      fixture('[채팅 공통] 분실물 발생(휴대폰, 핸드폰).md'),
      { path: 'b/empty.md', bytes: new Uint8Array(0) },
      { path: 'c/cp949.md', bytes: new Uint8Array(iconv.encode('# 똠 햏 쏼 안내\n\n**상담 유형 : 공통 ▶ 기타 ▶ 안내**\n\n**① 인사** 안녕하세요.\n', 'cp949')) },
      { path: 'd/js.md', bytes: enc.encode('---js\n{ title: 1 }\n---\n# x\n') },
    ];
    const { versions, reports } = buildLibrary(files);
    expect(reports.map((r) => r.path)).toEqual([...reports.map((r) => r.path)].sort());
    const byPath = Object.fromEntries(reports.map((r) => [r.path, r]));
    expect(byPath['z/binary.md']).toMatchObject({ status: 'error', encoding: null, problems: [{ code: 'binary-file' }] });
    expect(byPath['a/locked.md']).toMatchObject({ status: 'error', problems: [{ code: 'unreadable' }] });
    expect(byPath['b/empty.md']).toMatchObject({ status: 'error', problems: [{ code: 'empty-file' }] });
    expect(byPath['c/cp949.md']).toMatchObject({ status: 'warning', encoding: 'cp949' });
    expect(byPath['c/cp949.md'].problems.map((p) => p.code)).toContain('encoding-cp949');
    // The `---js` block is skipped unread (issue 11); its body `# x` alone holds no guide.
    expect(byPath['d/js.md']).toMatchObject({ status: 'error', encoding: 'utf-8' });
    expect(byPath['d/js.md'].problems.map((p) => p.code)).toEqual(['frontmatter-code', 'no-content']);
    expect(byPath['(보관-24.12.5)이중결제 취소요청(타사 주차권).md']).toMatchObject({ status: 'ok', encoding: 'utf-8', problems: [] });
    expect(reports).toHaveLength(files.length);
    expect(versions.map((v) => v.path).sort()).toEqual([
      '(보관-24.12.5)이중결제 취소요청(타사 주차권).md',
      '[채팅 공통] 분실물 발생(휴대폰, 핸드폰).md',
      'c/cp949.md',
      '택시 요금 환불 문의.md',
    ]);
    const cp = versions.find((v) => v.path === 'c/cp949.md')!;
    expect(cp.title).toBe('똠 햏 쏼 안내');
    const seed = versions.find((v) => v.path.startsWith('(보관-24.12.5)'))!;
    expect(seed.links[0].target).toBe('[채팅공통]분실물발생(휴대폰,핸드폰)');
  });

  it('NFC/NFD spellings of one path are reported as duplicates; paths come out NFC', () => {
    const name = '이중결제 안내.md';
    const body = enc.encode('# 이중결제 안내\n\n**① 인사** 안녕하세요.\n');
    const { versions, reports } = buildLibrary([
      { path: name.normalize('NFD'), bytes: body },
      { path: name.normalize('NFC'), bytes: body },
    ]);
    expect(versions).toHaveLength(1);
    expect(versions[0].path).toBe(name.normalize('NFC'));
    expect(reports).toHaveLength(2);
    expect(reports.every((r) => r.path === name.normalize('NFC'))).toBe(true);
    expect(reports[1]).toMatchObject({ status: 'error', problems: [{ code: 'duplicate-path' }] });
  });

  it('status reflects the worst problem', () => {
    const { reports } = buildLibrary([{ path: 'x.md', bytes: enc.encode('그냥 본문만 있는 파일입니다.\n') }]);
    expect(reports[0].status).toBe('warning');
    expect(reports[0].problems.map((p) => p.code)).toEqual(expect.arrayContaining(['no-title', 'no-category', 'no-scripts']));
  });
});

describe('the seed in other encodings and line ends parses identically', () => {
  const name = '(보관-24.12.5)이중결제 취소요청(타사 주차권).md';
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const reference = buildLibrary([{ path: name, bytes: enc.encode(text) }]).versions[0];
  const crlf = text.replace(/\n/g, '\r\n');
  const utf16 = (s: string, le: boolean) => {
    const b = new Uint8Array(2 + s.length * 2);
    b.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      b[2 + 2 * i] = le ? c & 0xff : c >> 8;
      b[3 + 2 * i] = le ? c >> 8 : c & 0xff;
    }
    return b;
  };
  it.each([
    ['utf-8-bom', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(crlf)])],
    ['utf-16le', utf16(crlf, true)],
    ['utf-16be', utf16(text.replace(/\n/g, '\r'), false)],
    ['utf-8', enc.encode(text.normalize('NFD'))],
  ] as const)('%s', (encoding, bytes) => {
    const { versions, reports } = buildLibrary([{ path: name.normalize('NFD'), bytes }]);
    expect(reports[0]).toMatchObject({ path: name, status: 'ok', encoding });
    expect(versions[0]).toEqual(reference);
  });
});
