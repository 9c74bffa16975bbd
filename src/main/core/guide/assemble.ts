/**
 * The one assembly of the version model. Each format parser reads its file into a `VersionDraft`
 * (what the file says, in the format's own terms) and hands it here; every field that is derived
 * rather than read (id, canonical title, archive state, placeholders, phones, dates, notes merged,
 * links, plain text) is computed here and only here, so the formats cannot drift apart.
 *
 * Front matter is a header either format may carry above its body: what it declares is laid over
 * the body's draft here (`applyFrontMatter`), so a YAML header above a Zendesk-export body keeps both
 * the header's facts and the export's structure.
 *
 * Phones, placeholders and in-text dates are read from the version's `plainText`: the whole guide,
 * title included. Effective and expiry dates are sorted and unique, front-matter dates merged in.
 */
import type { GuideFormat, GuideVersion, IsoDate, Problem, ScriptStep } from '../../../shared/guide';
import type { DeclaredFields } from './authored/frontMatter';
import { extractDates, extractPhones, extractPlaceholders } from './extract';
import { splitCategory, splitSteps } from './lineSyntax';
import { rawHtmlProblems, screenLinks } from './hostile';
import { markdownToPlain } from './markup';
import type { PolicyDraft } from './policies';
import type { ScriptDraft, ScriptStepDraft } from './scriptBuilder';
import { fileTitle, guideIdFromTitle, splitArchivePrefix } from './title';

/** What to tell the author when something is missing, in the words of the file's format. */
export interface MissingAdvice {
  title: string;
  content: string;
  category: string;
  scripts: string;
}

export interface VersionDraft {
  /** Path relative to the content root, NFC, `/`-separated. */
  path: string;
  format: GuideFormat;
  /** The title the file writes (front matter or heading), archive prefix included; empty or null when none. */
  writtenTitle: string | null;
  /** An id the file declares (front-matter `id`); null derives it from the canonical title. */
  declaredId: string | null;
  /** What the file declares about archiving (front matter); title and file-name prefixes are added here. */
  declaredArchive: { archived: boolean; archivedAt: IsoDate | null };
  category: string[];
  categoryOptions: string[];
  responseSteps: string[];
  policies: PolicyDraft;
  question: string | null;
  script: ScriptDraft;
  /** Guide-level notes the format met outside scripts and policies, in order. */
  notes: string[];
  /** The cleaned Markdown as the format renders it, ending with a newline. */
  markdown: string;
  /** Whether `markdown` already holds the title heading; when not, `# rawTitle` is put above it. */
  markdownHasTitle: boolean;
  /** `markdown` without its title heading: a guide with nothing else (and no scripts or category) has no content. */
  bodyMarkdown: string;
  /**
   * The body's Markdown source, line 1 being the body's first line: the version lists its links
   * (targets are resolved later, per pack) and problems found in it carry its line numbers.
   */
  linkSource: string;
  /** Dates the file declares in effect (front-matter `effective`), in any order, repeats allowed. */
  declaredEffective: IsoDate[];
  /** Front-matter `effective` as the version's first day; leave undefined in a format without it. */
  effectiveFrom?: IsoDate | null;
  /** Zendesk article id the file declares, or null. */
  zendeskId: string | null;
  /** Who keeps the guide current, and the day it is reviewed by (front matter); omit in a format without them. */
  owner?: string | null;
  reviewBy?: IsoDate | null;
  advice: MissingAdvice;
  /** What a readable front matter above the body declares; it wins over the body (except for `Q.`). */
  frontMatter?: DeclaredFields | null;
}

/** Items in order of first appearance, each once. */
export function uniqueInOrder<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** ISO dates sorted ascending, each once. */
export function sortedUniqueDates(dates: Iterable<IsoDate>): IsoDate[] {
  return [...new Set(dates)].sort();
}

function withPlaceholders(draft: ScriptStepDraft): ScriptStep {
  return {
    step: draft.step,
    title: draft.title,
    text: draft.text,
    notes: draft.notes,
    condition: draft.condition,
    placeholders: extractPlaceholders(draft.text),
    branches: draft.branches.map((b) => ({
      condition: b.condition,
      text: b.text,
      notes: b.notes,
      placeholders: extractPlaceholders(b.text),
    })),
  };
}

/**
 * Script steps and guide notes. Script text before any numbered step becomes step 1 when the guide
 * numbers none, else guide notes; notes met before the first step and the policy section's loose
 * notes join the guide notes once each.
 */
function scriptsAndNotes(draft: VersionDraft): { scripts: ScriptStep[]; notes: string[] } {
  const { steps, looseText } = draft.script;
  const notes = [...draft.notes];
  let drafts = steps;
  if (steps.length === 0 && looseText)
    drafts = [{ step: 1, title: '', text: looseText, notes: [], condition: null, branches: [] }];
  else if (looseText) notes.push(...looseText.split('\n').filter(Boolean));
  for (const n of [...draft.script.notes, ...draft.policies.looseNotes]) if (!notes.includes(n)) notes.push(n);
  return { scripts: drafts.map(withPlaceholders), notes };
}

/**
 * The body's draft with its front matter laid over it: the header's title, id, archive state,
 * category (and options), response steps, effective dates and Zendesk id win; the body's `Q.` wins
 * over a `question:` field. A draft without front matter is returned as it is.
 */
export function applyFrontMatter(draft: VersionDraft): VersionDraft {
  const declared = draft.frontMatter;
  if (!declared) return draft;
  const path = declared.category ? splitCategory(declared.category) : null;
  return {
    ...draft,
    writtenTitle: declared.title ?? draft.writtenTitle,
    declaredId: declared.id ?? draft.declaredId,
    declaredArchive: declared.archive.archived ? declared.archive : draft.declaredArchive,
    category: path ? path.category : draft.category,
    categoryOptions: declared.categoryOptions ?? path?.options ?? draft.categoryOptions,
    responseSteps:
      declared.responseSteps ??
      (declared.responseStepsLine !== null ? splitSteps(declared.responseStepsLine) : draft.responseSteps),
    question: draft.question ?? declared.question,
    declaredEffective: [...draft.declaredEffective, ...declared.effective],
    effectiveFrom: declared.effectiveFrom ?? draft.effectiveFrom ?? null,
    zendeskId: declared.zendeskId ?? draft.zendeskId,
    owner: declared.owner ?? draft.owner ?? null,
    reviewBy: declared.reviewBy ?? draft.reviewBy ?? null,
  };
}

/** Builds the version a draft describes, or null with a `no-content` error; never throws on content. */
export function assembleVersion(body: VersionDraft): { version: GuideVersion | null; problems: Problem[] } {
  const draft = applyFrontMatter(body);
  const problems: Problem[] = [];
  const advise = (severity: Problem['severity'], code: string, message: string) =>
    problems.push({ severity, code, message });
  let rawTitle = draft.writtenTitle ?? '';
  if (!rawTitle) {
    rawTitle = fileTitle(draft.path);
    advise('warning', 'no-title', draft.advice.title);
  }
  rawTitle = rawTitle.normalize('NFC');
  const { scripts, notes } = scriptsAndNotes(draft);
  const bodyPlain = markdownToPlain(draft.bodyMarkdown);
  if (!bodyPlain && scripts.length === 0 && draft.category.length === 0) {
    advise('error', 'no-content', draft.advice.content);
    return { version: null, problems };
  }
  if (draft.category.length === 0) advise('warning', 'no-category', draft.advice.category);
  if (scripts.length === 0) advise('warning', 'no-scripts', draft.advice.scripts);

  const split = splitArchivePrefix(rawTitle);
  const fromFile = splitArchivePrefix(fileTitle(draft.path));
  const markdown = draft.markdownHasTitle ? draft.markdown : `# ${rawTitle}\n\n${draft.markdown}`;
  // Facts are read from the whole guide, title included, whatever the format.
  const plainText = markdownToPlain(markdown);
  const dates = extractDates(plainText);
  const links = screenLinks(draft.linkSource);
  const version: GuideVersion = {
    id: (draft.declaredId ?? guideIdFromTitle(split.title)).normalize('NFC'),
    path: draft.path,
    format: draft.format,
    title: split.title,
    rawTitle,
    archived: draft.declaredArchive.archived || split.archived || fromFile.archived,
    archivedAt: draft.declaredArchive.archivedAt ?? split.archivedAt ?? fromFile.archivedAt,
    category: draft.category,
    categoryOptions: draft.categoryOptions,
    responseSteps: draft.responseSteps,
    policies: draft.policies.rows.map((r) => ({ ...r, phones: extractPhones([r.text, ...r.notes].join('\n')) })),
    question: draft.question,
    scripts,
    placeholders: uniqueInOrder([
      ...scripts.flatMap((s) => [...s.placeholders, ...s.branches.flatMap((b) => b.placeholders)]),
      ...extractPlaceholders(plainText),
    ]),
    phones: extractPhones(plainText),
    links: links.links,
    effectiveDates: sortedUniqueDates([...draft.declaredEffective, ...dates.effective]),
    expiryDates: sortedUniqueDates(dates.expiry),
    notes,
    markdown,
    plainText,
    ...(draft.effectiveFrom !== undefined ? { effectiveFrom: draft.effectiveFrom } : {}),
    ...(draft.zendeskId ? { zendeskId: draft.zendeskId } : {}),
    ...(draft.owner ? { owner: draft.owner } : {}),
    ...(draft.reviewBy ? { reviewBy: draft.reviewBy } : {}),
  };
  problems.push(...links.problems, ...rawHtmlProblems(version.scripts, version.policies, draft.linkSource));
  // Unreadable front-matter values are reported once the file is known to be a guide.
  problems.push(...(draft.frontMatter?.problems ?? []));
  return { version, problems };
}
