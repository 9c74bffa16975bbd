import { describe, expect, it } from 'vitest';
import { extractDates, extractPhones, extractPlaceholders } from '../../../src/main/core/guide/extract';
import { parseGuide } from '../../../src/main/core/guide/parse';

// Inputs that made earlier regexes backtrack quadratically (200k `[` took minutes). Each must parse
// in well under a second per 100k characters; the bound is loose for a shared CI machine.
const N = 100_000;
const CASES: Record<string, string> = {
  brackets: '['.repeat(N),
  linkStarts: '[a]('.repeat(N / 4),
  dashDigits: '0-'.repeat(N / 2),
  oRuns: 'O'.repeat(N),
  oJoined: 'O-'.repeat(N / 2),
  digits: '0'.repeat(N),
  stars: '**a'.repeat(N / 3),
  markers: '**① '.repeat(N / 4),
  notes: ' \\* a'.repeat(N / 5),
  pipes: '|'.repeat(N),
  backslashes: '\\'.repeat(N),
  longUrl: `https://x.example/${'a'.repeat(N)}`,
  noteTail: `${'※ 가 나 다 필요 '.repeat(N / 12)}감사합니다.`,
};

describe('pathological input stays fast', () => {
  for (const [name, body] of Object.entries(CASES)) {
    it(name, () => {
      const t0 = performance.now();
      const r = parseGuide('x.md', `# 제목\n\n${body}\n`);
      extractPhones(body);
      extractPlaceholders(body);
      extractDates(body);
      const ms = performance.now() - t0;
      expect(r.problems.every((p) => typeof p.code === 'string')).toBe(true);
      expect(ms).toBeLessThan(3000);
    });
  }
});
