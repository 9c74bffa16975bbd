/**
 * Entry point: one decoded guide file → one GuideVersion (or null) plus problems. Never throws.
 *
 * A file is a body under an optional front matter. The front matter is read first (YAML data only;
 * a `---js` block is skipped unread), then the body is parsed by its own format: a Zendesk export
 * keeps its structure under a YAML header, and an authored body keeps its `:::script` blocks.
 */
import type { GuideFormat, GuideVersion, Problem } from '../../../shared/guide';
import { readFrontMatter, type FrontMatter } from './authored/frontMatter';
import { parseAuthored } from './authored/parseAuthored';
import { parseExport } from './export/parseExport';
import { BOLD_MARKER, KEYCAP_ONE, LINE_STARTS_WITH_MARKER } from './markup';

const SCRIPT_BLOCK = /^\s*:::\s*script\b/im;

/** True when the file opens with a `---` front matter fence (any language) rather than a rule. */
export function hasFrontMatter(text: string): boolean {
  const first = text
    .replace(/^\uFEFF/, '')
    .split('\n', 1)[0]
    .trim();
  if (/^---\s*[A-Za-z][\w-]*\s*$/.test(first)) return true;
  if (first !== '---') return false;
  const lines = text.split('\n').slice(1, 40);
  const close = lines.findIndex((l) => /^(---|\.\.\.)\s*$/.test(l));
  // A closed fence is front matter when what sits between the fences looks like YAML (a YAML list
  // is then reported as invalid): an export that merely opens with a rule (`---`) and has a setext
  // underline further down stays an export. An unclosed one only when it starts like `key:` data.
  if (close < 0) return /^[A-Za-z_][\w-]*\s*:/.test(lines[0] ?? '');
  const head = lines.slice(0, close).filter((l) => l.trim() !== '');
  return (
    head.length > 0 &&
    head.every((l) => /^(?:\s+\S|-\s|[A-Za-z_][\w-]*\s*:|#(?:\s|$))/.test(l)) &&
    !head.every((l) => l.startsWith('#'))
  );
}

/** A line only a Zendesk export writes: a step marker opening a line or in bold, or a keycap section number. */
function exportLine(line: string): boolean {
  const t = line.trim();
  return LINE_STARTS_WITH_MARKER.test(t) || BOLD_MARKER.test(t) || (t.length <= 60 && KEYCAP_ONE.test(t));
}

/**
 * The format of a body: `:::script` blocks make it authored; without them, the export's step
 * markers and section numbers make it an export. Any other body under a front matter is authored,
 * and without one it is an export.
 */
export function bodyFormat(body: string, underFrontMatter: boolean): GuideFormat {
  if (SCRIPT_BLOCK.test(body)) return 'authored';
  if (!underFrontMatter) return 'zendesk-export';
  return body.split('\n').some(exportLine) ? 'zendesk-export' : 'authored';
}

/** The format whose rules read the file's body. */
export function detectFormat(text: string): GuideFormat {
  const fronted = hasFrontMatter(text);
  return bodyFormat(fronted ? readFrontMatter(text).body : text, fronted);
}

const NO_FRONT_MATTER = (text: string): FrontMatter => ({
  declared: null,
  body: text,
  bodyLine: 1,
  problems: [],
  fatal: false,
});

export function parseGuide(path: string, text: string): { version: GuideVersion | null; problems: Problem[] } {
  // The walker gives `/`-separated paths; a `\` is part of a POSIX file name (`a\b.md`).
  const nfcPath = path.normalize('NFC');
  try {
    const clean = text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .normalize('NFC');
    if (clean.trim() === '') {
      return {
        version: null,
        problems: [{ severity: 'error', code: 'empty-file', message: 'The file is empty or holds only whitespace.' }],
      };
    }
    const fronted = hasFrontMatter(clean);
    const head = fronted ? readFrontMatter(clean) : NO_FRONT_MATTER(clean);
    if (head.fatal) return { version: null, problems: head.problems };
    const parse = bodyFormat(head.body, fronted) === 'authored' ? parseAuthored : parseExport;
    const parsed = parse(nfcPath, head.body, head.declared);
    const shift = head.bodyLine - 1;
    return {
      version: parsed.version,
      problems: [
        ...head.problems,
        ...parsed.problems.map((p) => (p.line && shift ? { ...p, line: p.line + shift } : p)),
      ],
    };
  } catch (e) {
    return {
      version: null,
      problems: [
        {
          severity: 'error',
          code: 'parse-failed',
          message: `The guide could not be parsed (${(e as Error)?.message ?? String(e)}). Please report this file.`,
        },
      ],
    };
  }
}
