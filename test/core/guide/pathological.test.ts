import { describe, expect, it } from 'vitest';
import { extractDates, extractPhones, extractPlaceholders } from '../../../src/main/core/guide/extract';
import { parseGuide } from '../../../src/main/core/guide/parse';

// Inputs that made earlier regexes backtrack quadratically (200k `[` took minutes). Each must come
// out as a guide: parseGuide catches every exception into a `parse-failed` error, so the test asks
// for the guide itself, not merely for well-formed problems. No wall-clock assertion: a regression to
// minutes-long backtracking fails by the test's timeout instead (a hang guard, not a speed claim).
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
  htmlTags: '<b>'.repeat(N / 3),
  referenceDefinitions: '[a]: javascript:x\n'.repeat(N / 18),
  entities: '&#106;'.repeat(N / 6),
  autolinks: '<x:'.repeat(N / 3),
};

describe('pathological input is still read as a guide', () => {
  for (const [name, body] of Object.entries(CASES)) {
    it(name, { timeout: 60_000 }, () => {
      const r = parseGuide('x.md', `# 제목\n\n${body}\n\n끝까지 읽습니다.\n`);
      expect(r.problems.filter((p) => p.code === 'parse-failed')).toEqual([]);
      expect(r.version).not.toBeNull();
      expect(r.version!.title).toBe('제목');
      // Nothing after the hostile run is lost.
      expect(r.version!.plainText).toContain('끝까지 읽습니다.');
      for (const extracted of [extractPhones(body), extractPlaceholders(body), extractDates(body).effective])
        expect(Array.isArray(extracted)).toBe(true);
    });
  }
});
