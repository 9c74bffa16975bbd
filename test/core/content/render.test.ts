import { describe, expect, it } from 'vitest';
import { MAX_TABLE_COLUMNS, renderGuideMarkdown } from '../../../src/main/core/render';

describe('renderGuideMarkdown', () => {
  it('renders headings, tables, lists', () => {
    const { html, problems } = renderGuideMarkdown('# 제목\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n- 항목\n');
    expect(problems).toEqual([]);
    expect(html).toContain('<h1>제목</h1>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<li>항목</li>');
  });

  it('raw HTML is escaped, never rendered', () => {
    const { html } = renderGuideMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n안녕 <b>굵게</b>');
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('only http/https/mailto/tel links become anchors; others show as text', () => {
    const { html } = renderGuideMarkdown(
      '[a](https://x.example) [b](mailto:a@b.c) [c](tel:02-6925-0023) [d](javascript:alert(1)) [e](JaVaScRiPt:alert(1)) [f](file:///etc/passwd) [g](smb://host/share) [h](../other.md) [i](//evil.example) [j](data:text/html,x) [k](search-ms:query=x)',
    );
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://x.example', 'mailto:a@b.c', 'tel:02-6925-0023']);
    expect(html).toContain(' g ');
    expect(html).toContain(' h ');
    expect(html).not.toMatch(/href="(?:javascript|file|smb|data|search-ms|\/\/|\.\.)/i);
  });

  it('linkifies bare URLs', () => {
    const { html } = renderGuideMarkdown('링크 https://t.kakao.com/launch?page=coupon 확인');
    expect(html).toContain('<a href="https://t.kakao.com/launch?page=coupon"');
  });

  it('table alignment as classes, no inline style', () => {
    const { html } = renderGuideMarkdown('| a | b | c |\n| :--- | :---: | ---: |\n| 1 | 2 | 3 |\n');
    expect(html).not.toContain('style=');
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).toContain('<td class="align-center">2</td>');
    expect(html).toContain('<td class="align-right">3</td>');
  });

  it('a 1,000-column table renders fast, cut to the column limit with a warning', () => {
    const cols = 1000;
    const row = (f: (i: number) => string) => `| ${Array.from({ length: cols }, (_, i) => f(i)).join(' | ')} |`;
    const md = [row((i) => `h${i}`), row(() => '---'), ...Array.from({ length: 30 }, () => row((i) => `c${i}`))].join('\n');
    renderGuideMarkdown('warm-up');
    // Best of three: the CI machine is shared; an unbounded render takes seconds, not milliseconds.
    const times: number[] = [];
    let result = renderGuideMarkdown(md);
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      result = renderGuideMarkdown(md);
      times.push(performance.now() - t0);
    }
    const { html, problems } = result;
    expect(Math.min(...times)).toBeLessThan(200);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'table-too-wide' })]);
    expect((html.match(/<th>/g) ?? []).length).toBe(MAX_TABLE_COLUMNS);
    expect(html).toContain('<th>h99</th>');
    expect(html).not.toContain('h100');
  });

  it('over-long Markdown is truncated with a warning', () => {
    const md = '가나다라 마바사\n'.repeat(200_000); // ~1.8 M chars
    const t0 = performance.now();
    const { html, problems } = renderGuideMarkdown(md);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(problems.map((p) => p.code)).toEqual(['render-truncated']);
    expect(html.length).toBeLessThan(md.length);
  });

  it('a BOM does not turn a heading into a paragraph', () => {
    expect(renderGuideMarkdown('\uFEFF# 제목').html).toContain('<h1>제목</h1>');
  });
});
