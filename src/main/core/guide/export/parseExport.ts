/**
 * Parser for guides exported from the Zendesk Help Center as Markdown. The export is noisy (broken bold,
 * rules made of `―` in bold, setext underlines, whole script paragraphs inside `###` headings, step markers
 * glued to paragraphs); it is read by structure and wording, never by fixed line positions:
 *
 *   1. `toLogical`: source lines → logical lines (headings, paragraphs, tables, rules, blanks);
 *   2. `findTitle`: the title line;
 *   3. `EXPORT_RULES` (rules.ts): every logical line offered to the named rules, in order;
 *   4. `cleanMarkdown`: the renderable Markdown;
 *   5. `assembleVersion` (assemble.ts): a YAML front matter above the export, if any, laid over what
 *      the rules read; then the version model, derived as for every format.
 */
import type { GuideVersion, Problem } from '../../../../shared/guide';
import { assembleVersion, type MissingAdvice } from '../assemble';
import type { DeclaredFields } from '../authored/frontMatter';
import { STEP_MARKER } from '../markup';
import { PolicyCollector } from '../policies';
import { ScriptBuilder } from '../scriptBuilder';
import { fileTitle, guideIdFromTitle, splitArchivePrefix } from '../title';
import { cleanMarkdown } from './cleanMarkdown';
import { toLogical, type Logical } from './logical';
import { EXPORT_RULES, type ExportState } from './rules';
import { sectionOf } from './sections';

const EXPORT_ADVICE: MissingAdvice = {
  title: 'No title heading (`# 제목`) found; the file name is used as the title.',
  content: 'The file has no guide content (only a title, rules or markup). Add the guide text or delete the file.',
  category: 'No `상담 유형 : A ▶ B ▶ 옵션` line found; the guide has no category.',
  scripts: 'No script steps (①, ②, …) found in the 스크립트 / Q&A section.',
};

/**
 * Index of the title line: the first level-1 heading (the export's `# 제목`), else the first heading
 * that names neither a section nor a step; -1 when there is none or text or a table comes before it.
 */
export function findTitle(lines: readonly Logical[]): number {
  let index = lines.findIndex((l) => l.kind === 'heading' && l.level === 1);
  if (index < 0)
    index = lines.findIndex(
      (l) => l.kind === 'heading' && sectionOf(l) === null && !STEP_MARKER.test(l.text.charAt(0)),
    );
  if (index >= 0 && lines.slice(0, index).some((l) => l.kind === 'text' || l.kind === 'table')) return -1;
  return index;
}

function headingText(line: Logical | undefined): string {
  return line && (line.kind === 'heading' || line.kind === 'text') ? line.text : '';
}

/** Runs the rule chain over every line; `onClaim` hears which rule consumed each line (null: none). */
function readLines(
  path: string,
  lines: readonly Logical[],
  onClaim?: (line: Logical, rule: string | null) => void,
): ExportState {
  const titleIndex = findTitle(lines);
  const written = headingText(lines[titleIndex]);
  const state: ExportState = {
    lines,
    index: 0,
    titleIndex,
    titleKey: guideIdFromTitle(splitArchivePrefix(written || fileTitle(path)).title),
    section: 'none',
    script: new ScriptBuilder(),
    policies: new PolicyCollector(),
    skip: new Set(),
    category: [],
    categoryOptions: [],
    responseSteps: [],
    question: null,
    notes: [],
  };
  for (state.index = 0; state.index < lines.length; state.index++) {
    const rule = EXPORT_RULES.offer(state, lines[state.index]);
    onClaim?.(lines[state.index], rule);
  }
  return state;
}

/** One export body (the whole file, or the text under a YAML front matter, whose fields are given). */
export function parseExport(
  path: string,
  text: string,
  frontMatter: DeclaredFields | null = null,
): { version: GuideVersion | null; problems: Problem[] } {
  const lines = toLogical(text);
  const state = readLines(path, lines);
  const { markdown, body } = cleanMarkdown(lines, state.skip, state.titleIndex);
  return assembleVersion({
    path,
    format: 'zendesk-export',
    writtenTitle: headingText(lines[state.titleIndex]),
    declaredId: null,
    declaredArchive: { archived: false, archivedAt: null },
    category: state.category,
    categoryOptions: state.categoryOptions,
    responseSteps: state.responseSteps,
    policies: state.policies.finish(),
    question: state.question,
    script: state.script.finish(),
    notes: state.notes,
    markdown,
    markdownHasTitle: state.titleIndex >= 0,
    bodyMarkdown: body,
    linkSource: text.replace(/\*{4}/g, ''),
    declaredEffective: [],
    zendeskId: null,
    advice: EXPORT_ADVICE,
    frontMatter,
  });
}

/** Which rule consumed each source line of an export (for tests and for debugging a content file). */
export function traceExportRules(path: string, text: string): { line: number; rule: string | null }[] {
  const claims: { line: number; rule: string | null }[] = [];
  readLines(path, toLogical(text), (l, rule) => claims.push({ line: l.line, rule }));
  return claims;
}
