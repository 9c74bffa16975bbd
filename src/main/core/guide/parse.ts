/**
 * Entry point: one decoded guide file → one GuideVersion (or null) plus problems. Never throws.
 */
import type { GuideVersion, Problem } from '../../../shared/guide';
import { parseAuthored } from './authored/parseAuthored';
import { parseExport } from './export/parseExport';

/** `authored` when the file opens with a `---` front matter fence (any language) or uses `:::script` blocks. */
export function detectFormat(text: string): 'authored' | 'zendesk-export' {
  const first = text
    .replace(/^\uFEFF/, '')
    .split('\n', 1)[0]
    .trim();
  if (/^---\s*[A-Za-z][\w-]*\s*$/.test(first)) return 'authored';
  if (first === '---') {
    const lines = text.split('\n').slice(1, 40);
    const close = lines.findIndex((l) => /^(---|\.\.\.)\s*$/.test(l));
    // A closed fence is front matter whatever it holds (a YAML list is then reported as invalid);
    // an unclosed one only when it starts like YAML `key:` data.
    if (close >= 0) {
      // Only when what sits between the fences looks like YAML: an export that merely opens with a
      // rule (`---`) and has a setext underline further down stays an export.
      const head = lines.slice(0, close).filter((l) => l.trim() !== '');
      if (
        head.length > 0 &&
        head.every((l) => /^(?:\s+\S|-\s|[A-Za-z_][\w-]*\s*:|#(?:\s|$))/.test(l)) &&
        !head.every((l) => l.startsWith('#'))
      )
        return 'authored';
    } else if (/^[A-Za-z_][\w-]*\s*:/.test(lines[0] ?? '')) return 'authored';
  }
  if (/^\s*:::\s*script\b/im.test(text)) return 'authored';
  return 'zendesk-export';
}

export function parseGuide(path: string, text: string): { version: GuideVersion | null; problems: Problem[] } {
  const nfcPath = path.normalize('NFC').replace(/\\/g, '/');
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
    return detectFormat(clean) === 'authored' ? parseAuthored(nfcPath, clean) : parseExport(nfcPath, clean);
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
