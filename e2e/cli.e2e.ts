/** The built command line as a user runs it: `node bin/guidedesk.js …` after `npm run build`. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/rendererApp';

function guidedesk(...args: string[]) {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/guidedesk.js'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('guidedesk (built)', () => {
  it('checks the embedded pack by default and exits 0', () => {
    const result = guidedesk('check', '--json');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.guides).toBeGreaterThanOrEqual(17);
    expect(report.versions).toBeGreaterThan(report.guides);
  });

  it('searches by 초성 with machine-readable output', () => {
    const result = guidedesk('search', 'ㅇㅈㄱㅈ', '--json', '--limit', '3');
    expect(result.code, result.stderr).toBe(0);
    const response = JSON.parse(result.stdout);
    expect(response.results[0].title).toBe('이중결제 취소요청(타사 주차권)');
    expect(response.results.length).toBeLessThanOrEqual(3);
  });

  it('prints usage errors as one line on stderr with exit 2', () => {
    const result = guidedesk('diff', 'only-one');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
