/**
 * Builds the in-memory library from loaded files: decode, parse, resolve links, one report per file.
 * Pure: the bytes come from services/contentFiles.ts. A broken file never hides the others.
 */
import type { FileReport, GuideVersion, Problem } from '../../shared/guide';
import { decodeGuideBytes } from './content/decode';
import { resolveLinkTargets } from './guide/links';
import { parseGuide } from './guide/parse';

/** A file as the walker read it: its bytes (with what the walker noticed, e.g. an odd name) or why not. */
export type LoadedFile = { path: string; bytes: Uint8Array; problems?: Problem[] } | { path: string; error: Problem };

function statusOf(problems: Problem[]): FileReport['status'] {
  if (problems.some((p) => p.severity === 'error')) return 'error';
  if (problems.length > 0) return 'warning';
  return 'ok';
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildLibrary(files: LoadedFile[]): { versions: GuideVersion[]; reports: FileReport[] } {
  const sorted = files
    // Paths come `/`-separated from the walker; a `\` is part of a POSIX name (`a\b.md`).
    .map((f) => ({ file: f, path: f.path.normalize('NFC') }))
    .sort((a, b) => comparePaths(a.path, b.path));
  const versions: GuideVersion[] = [];
  const reports: FileReport[] = [];
  const seen = new Set<string>();
  for (const { file, path } of sorted) {
    if (seen.has(path)) {
      reports.push({
        path,
        status: 'error',
        encoding: null,
        problems: [
          {
            severity: 'error',
            code: 'duplicate-path',
            message:
              'Two files have the same name once Unicode is normalised (NFC/NFD spellings of one Korean name). Keep one of them.',
          },
        ],
      });
      continue;
    }
    seen.add(path);
    if ('error' in file) {
      reports.push({ path, status: 'error', encoding: null, problems: [file.error] });
      continue;
    }
    const decoded = decodeGuideBytes(file.bytes);
    if (!decoded.ok) {
      reports.push({ path, status: 'error', encoding: null, problems: [decoded.problem] });
      continue;
    }
    const parsed = parseGuide(path, decoded.text);
    const problems = [...(file.problems ?? []), ...decoded.problems, ...parsed.problems];
    if (parsed.version) versions.push(parsed.version);
    else if (!problems.some((p) => p.severity === 'error')) {
      problems.push({ severity: 'error', code: 'no-content', message: 'The file produced no guide.' });
    }
    reports.push({ path, status: statusOf(problems), encoding: decoded.encoding, problems });
  }
  resolveLinkTargets(versions);
  return { versions, reports };
}
