/**
 * Issue 11, item 3: an unsafe scheme is never presented as a link, and `check` says where it is;
 * raw HTML in a policy or a script stays text, with a warning. Also the deceptive links of item 15,
 * which the parser flags for the content team (the main process refuses to open them).
 */
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../../src/main/core/guide/parse';
import type { Problem } from '../../../src/shared/guide';
import { deceptiveLinkReason, hrefScheme, unsafeHrefReason } from '../../../src/shared/linkSafety';

const UNSAFE_HREFS = [
  "javascript:alert('x')",
  "JaVaScRiPt:alert('x')",
  "&#106;avascript:alert('x')",
  "&#x6A;avascript&colon;alert('x')",
  'java&#9;script:alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///C:/Windows/System32/calc.exe',
  'smb://evil.example/share',
  'search-ms:query=x',
  'ms-settings:privacy',
  'C:\\Windows\\System32\\calc.exe',
  '//evil.example/share',
  '\\\\evil.example\\share',
];

function codes(problems: Problem[], code: string): Problem[] {
  return problems.filter((p) => p.code === code);
}

describe('unsafe link schemes (item 3)', () => {
  it.each(UNSAFE_HREFS)('%s is unsafe', (href) => {
    expect(unsafeHrefReason(href)).not.toBeNull();
  });

  it.each([
    'https://a.example/x',
    'http://a.example',
    'mailto:a@b.example',
    'tel:1588-0000',
    'guide:x',
    '../x.md',
    '#top',
  ])('%s may be presented', (href) => {
    expect(unsafeHrefReason(href)).toBeNull();
  });

  it('reads the scheme the way a browser does', () => {
    expect(hrefScheme('&#106;ava\nscript&colon;x')).toBe('javascript:');
    expect(hrefScheme(' \u0001JAVASCRIPT:x')).toBe('javascript:');
    expect(hrefScheme('javascript\\:x')).toBe('javascript:');
    expect(hrefScheme('%6Aavascript:x')).toBeNull();
  });

  it('drops every unsafe link from `links`, warns with its line, and keeps its text', () => {
    const body = UNSAFE_HREFS.map((href, i) => `- [위험${i}](${href})`).join('\n');
    const text = `# 링크 모음\n\n상담 유형 : 기타 ▶ 시험\n\n${body}\n\n[안전](https://help.example.com/a) <mailto:help@example.com> [다른 가이드](guide:x)\n`;
    const r = parseGuide('links.md', text);
    const v = r.version!;
    expect(v.links.map((l) => l.href)).toEqual(['https://help.example.com/a', 'mailto:help@example.com', 'guide:x']);
    const warned = codes(r.problems, 'unsafe-link');
    expect(warned).toHaveLength(UNSAFE_HREFS.length);
    expect(warned.map((p) => p.line)).toEqual(UNSAFE_HREFS.map((_h, i) => 5 + i));
    expect(warned.every((p) => p.severity === 'warning')).toBe(true);
    expect(warned[0].message).toContain('javascript:');
    for (let i = 0; i < UNSAFE_HREFS.length; i++) expect(v.plainText).toContain(`위험${i}`);
  });

  it('counts lines from the top of the file under a front matter', () => {
    const text = `---\ntitle: 머리말 있음\n---\n\n:::script ① 안내\n[눌러 주세요](javascript:alert(1)) 안녕하세요.\n:::\n`;
    const r = parseGuide('a.md', text);
    expect(r.version!.links).toEqual([]);
    expect(codes(r.problems, 'unsafe-link').map((p) => p.line)).toEqual([6]);
    expect(r.version!.scripts[0].text).toBe('눌러 주세요 안녕하세요.');
  });
});

describe('raw HTML in policies and scripts stays text (item 3)', () => {
  const EXPORT = `# 원문 HTML

**1. 상담 유형 : 기타_고객 ▶ 보안 ▶ 시험**

<div>정책 밖의 HTML은 원문 보기에서 글자로 보입니다</div>

**2️⃣ 정책 및 참고사항**

- 환불 기준 <b>3일</b> 이내
- 줄바꿈<br>은 괜찮습니다

**3️⃣ 스크립트**

**① 안내**
안녕하세요 <img src=x onerror="alert(1)"> 고객님.

**② 마무리**
감사합니다 <script>alert(1)</script>
`;

  it('keeps the tags in the copied text and warns with their lines; <br> and text outside are not warned', () => {
    const r = parseGuide('html.md', EXPORT);
    const v = r.version!;
    expect(v.scripts[0].text).toBe('안녕하세요 <img src=x onerror="alert(1)"> 고객님.');
    expect(v.scripts[1].text).toBe('감사합니다 <script>alert(1)</script>');
    expect(v.policies[0].text).toContain('<b>3일</b>');
    const warned = codes(r.problems, 'raw-html');
    expect(warned.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [15, 'script 1 holds raw HTML <img src=x onerror="alert(1)">'],
      [18, 'script 2 holds raw HTML <script>'],
      [18, 'script 2 holds raw HTML </script>'],
      [9, 'policy row 1 holds raw HTML <b>'],
      [9, 'policy row 1 holds raw HTML </b>'],
    ]);
    expect(warned.some((p) => p.message.includes('<br>') || p.message.includes('<div>'))).toBe(false);
  });

  it('Korean in angle brackets and placeholders are not HTML', () => {
    const r = parseGuide('a.md', '# 안내\n\n**① 안내**\n<주의> OOO 주차장 <OOO> 안내드립니다. a < b > c\n');
    expect(codes(r.problems, 'raw-html')).toEqual([]);
  });
});

describe('deceptive web links (item 15, for the content team)', () => {
  it.each([
    ['\u202Emoc.elpmaxe//:sptth', 'https://evil.example/'],
    ['https://help.example.com', 'https://evil.example/'],
    ['www.help.example.com', 'https://help.example.com.evil.example/'],
    ['help.example.com', 'https://help.example.com@evil.example/'],
  ])('%s → %s misleads', (text, href) => {
    expect(deceptiveLinkReason(text, href)).not.toBeNull();
  });

  it.each([
    ['고객센터 안내', 'https://evil.example/'],
    ['https://help.example.com/a', 'https://help.example.com/a'],
    ['example.com', 'https://www.example.com/'],
    ['kakao.com', 'https://t.kakao.com/launch'],
  ])('%s → %s does not', (text, href) => {
    expect(deceptiveLinkReason(text, href)).toBeNull();
  });

  it('keeps the link (main refuses to open it) and warns with its line', () => {
    const r = parseGuide('a.md', '# 안내\n\n본문입니다.\n[https://help.example.com](https://evil.example/x)\n');
    expect(r.version!.links.map((l) => l.href)).toEqual(['https://evil.example/x']);
    expect(codes(r.problems, 'deceptive-link')).toEqual([expect.objectContaining({ severity: 'warning', line: 4 })]);
  });
});

describe('reference definitions, autolinks and addresses the app never opens', () => {
  it('screens reference definitions and autolinks of any scheme too', () => {
    const text = [
      '# 안내',
      '',
      '[참조][위험] [안전한 참조][안전] <javascript:alert(1)> <https://help.example.com/auto>',
      '',
      "[위험]: javascript:alert('ref')",
      '[안전]: https://help.example.com/ref "도움말"',
    ].join('\n');
    const r = parseGuide('a.md', text);
    expect(r.version!.links.map((l) => [l.text, l.href])).toEqual([
      ['https://help.example.com/auto', 'https://help.example.com/auto'],
      ['안전', 'https://help.example.com/ref'],
    ]);
    expect(codes(r.problems, 'unsafe-link').map((p) => p.line)).toEqual([3, 5]);
  });

  it('warns about user names, passwords and this computer as a target', () => {
    const text =
      '# 안내\n\n본문\n[계정](https://user:pass@help.example.com/) [로컬](http://localhost:8080/) [십진수](http://2130706433/) [IPv6](http://[::1]/)\n[정상](https://help.example.com/)\n';
    const r = parseGuide('a.md', text);
    expect(codes(r.problems, 'refused-link').map((p) => [p.line, p.message.split(': ').pop()])).toEqual([
      [4, 'it carries a user name or password (user:pass@…)'],
      [4, 'it points at this computer (localhost)'],
      [4, 'it points at this computer (127.0.0.1)'],
      [4, 'it points at this computer ([::1])'],
    ]);
  });

  it('finds the line a raw HTML tag of a script came from, not an earlier copy of the tag', () => {
    const text = '# 안내\n\n<b>본문</b>\n\n**① 안내**\n안녕하세요 <b>고객님</b>.\n';
    const r = parseGuide('a.md', text);
    expect(codes(r.problems, 'raw-html').map((p) => p.line)).toEqual([6, 6]);
  });
});
