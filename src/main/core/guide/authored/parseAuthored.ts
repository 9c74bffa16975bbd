/**
 * Parser for the clean authoring format (docs/authoring.md), in four steps:
 *
 *   1. `splitFrontMatter` + `readYamlMapping` (frontMatter.ts): the front matter, as YAML data only;
 *   2. `readBody` (rules.ts): the Markdown body through `AUTHORED_RULES`, `:::script` blocks included;
 *   3. `authoredDraft`: front matter and body merged (the front matter wins, except for `Q.`);
 *   4. `assembleVersion` (assemble.ts): the version model, derived as for every format.
 */
import type { GuideVersion, Problem } from '../../../../shared/guide';
import { assembleVersion, type MissingAdvice, type VersionDraft } from '../assemble';
import { splitCategory, splitSteps } from '../lineSyntax';
import { readDeclaredFields, readYamlMapping, splitFrontMatter, type DeclaredFields } from './frontMatter';
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

function categoryOf(declared: DeclaredFields, body: AuthoredState): { category: string[]; options: string[] } {
  const path = declared.category ?? body.category;
  const split = path ? splitCategory(path) : { category: [], options: [] };
  return { category: split.category, options: declared.categoryOptions ?? split.options };
}

/** The draft of one authored file: front matter first, the body where the front matter is silent. */
function authoredDraft(path: string, linkSource: string, declared: DeclaredFields, body: AuthoredState): VersionDraft {
  const { category, options } = categoryOf(declared, body);
  return {
    path,
    format: 'authored',
    writtenTitle: declared.title ?? body.headingTitle,
    declaredId: declared.id,
    declaredArchive: declared.archive,
    category,
    categoryOptions: options,
    responseSteps: declared.responseSteps ?? splitSteps(declared.responseStepsLine ?? body.responseSteps ?? ''),
    policies: body.policies.finish(),
    question: body.question ?? declared.question,
    script: body.script.finish(),
    notes: body.notes,
    markdown: joinMarkdown(body.md),
    markdownHasTitle: body.headingTitle !== null,
    bodyMarkdown: joinMarkdown(body.md.filter((_line, i) => i !== body.titleLine)),
    linkSource,
    declaredEffective: declared.effective,
    effectiveFrom: declared.effectiveFrom,
    zendeskId: declared.zendeskId,
    owner: declared.owner,
    reviewBy: declared.reviewBy,
    advice: AUTHORED_ADVICE,
  };
}

export function parseAuthored(path: string, text: string): { version: GuideVersion | null; problems: Problem[] } {
  const fm = splitFrontMatter(text);
  if (fm.problem) return { version: null, problems: [fm.problem] };
  const yaml = readYamlMapping(fm.yaml);
  if ('problem' in yaml) return { version: null, problems: [yaml.problem] };
  const declared = readDeclaredFields(yaml.data);
  const body = readBody(fm.body);
  const problems: Problem[] = [];
  if (body.inScript)
    problems.push({
      severity: 'warning',
      code: 'script-unclosed',
      message: 'A `:::script` block has no closing `:::` line; it runs to the end of the file.',
    });
  const assembled = assembleVersion(authoredDraft(path, fm.body, declared, body));
  problems.push(...assembled.problems);
  // Unreadable front-matter values are reported once the file is known to be a guide.
  if (assembled.version) problems.push(...declared.problems);
  return { version: assembled.version, problems };
}
