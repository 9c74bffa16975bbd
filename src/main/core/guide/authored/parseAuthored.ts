/**
 * Parser for the clean authoring format (docs/authoring.md), in three steps:
 *
 *   1. (parse.ts) the front matter, read by `readFrontMatter` (frontMatter.ts) as YAML data only;
 *   2. `readBody` (rules.ts): the Markdown body through `AUTHORED_RULES`, `:::script` blocks included;
 *   3. `assembleVersion` (assemble.ts): the front matter laid over the body's draft (the front matter
 *      wins, except for `Q.`), then the version model, derived as for every format.
 */
import type { GuideVersion, Problem } from '../../../../shared/guide';
import { assembleVersion, type MissingAdvice, type VersionDraft } from '../assemble';
import { splitCategory, splitSteps } from '../lineSyntax';
import { noDeclaredFields, type DeclaredFields } from './frontMatter';
import { readBody, type AuthoredState } from './rules';

const AUTHORED_ADVICE: MissingAdvice = {
  title: 'No `title:` in the front matter and no `# 제목` heading; the file name is used as the title.',
  content: 'The file has no guide content. Add the guide body or delete the file.',
  category: 'No `category:` in the front matter; the guide has no 상담 유형.',
  scripts: 'No `:::script` blocks found.',
};

/** Joins rendered lines: runs of blank lines become one, the ends trimmed. */
function joinMarkdown(lines: string[]): string {
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** The draft of one authored body, in the body's own words (the front matter is laid over it in assembly). */
function authoredDraft(path: string, text: string, body: AuthoredState, frontMatter: DeclaredFields): VersionDraft {
  const { category, options } = body.category ? splitCategory(body.category) : { category: [], options: [] };
  return {
    path,
    format: 'authored',
    writtenTitle: body.headingTitle,
    declaredId: null,
    declaredArchive: { archived: false, archivedAt: null },
    category,
    categoryOptions: options,
    responseSteps: splitSteps(body.responseSteps ?? ''),
    policies: body.policies.finish(),
    question: body.question,
    script: body.script.finish(),
    notes: body.notes,
    markdown: joinMarkdown(body.md),
    markdownHasTitle: body.headingTitle !== null,
    bodyMarkdown: joinMarkdown(body.md.filter((_line, i) => i !== body.titleLine)),
    linkSource: text,
    declaredEffective: [],
    effectiveFrom: null,
    zendeskId: null,
    advice: AUTHORED_ADVICE,
    frontMatter,
  };
}

/**
 * One authored body (the text under any front matter) and what its front matter declares (null:
 * none, or none that may be read).
 */
export function parseAuthored(
  path: string,
  text: string,
  frontMatter: DeclaredFields | null,
): { version: GuideVersion | null; problems: Problem[] } {
  const body = readBody(text);
  const problems: Problem[] = [];
  if (body.inScript)
    problems.push({
      severity: 'warning',
      code: 'script-unclosed',
      message: 'A `:::script` block has no closing `:::` line; it runs to the end of the file.',
    });
  const assembled = assembleVersion(authoredDraft(path, text, body, frontMatter ?? noDeclaredFields()));
  return { version: assembled.version, problems: [...problems, ...assembled.problems] };
}
