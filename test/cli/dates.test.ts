import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

const CONTENT = join(__dirname, '../../content');

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv, '--content', CONTENT], {
    out: (t) => (stdout += `${t}\n`),
    err: (t) => (stderr += `${t}\n`),
  });
  return { code, stdout, stderr };
}

describe('guidedesk date flags', () => {
  it.each([
    ['show', '이중결제 취소요청(타사 주차권)', '--as-of', '2024-02-30'],
    ['search', '이중결제', '--as-of', '2023-02-29'],
    ['changes', '--since', '2024-13-01'],
    ['check', '--today', '2024-04-31'],
  ])('refuses a date that does not exist: %s … %s %s', async (...argv) => {
    const result = await cli(...argv);
    const [flag, date] = argv.slice(-2);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`guidedesk: ${flag} must be a date YYYY-MM-DD, got "${date}"\n`);
  });

  it('accepts a leap day', async () => {
    const result = await cli('changes', '--since', '2024-02-29', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).since).toBe('2024-02-29');
  });
});
