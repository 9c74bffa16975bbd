/**
 * The front matter of a guide file, whatever the body's format: split off the body, read as YAML
 * DATA only (never evaluated), then its fields read into plain values.
 *
 * A fence naming another language (`---js`, `---javascript`, `---coffee`) is never run and never
 * read: the block is skipped with the warning `frontmatter-code` and the guide is read from its body
 * alone (title from its `# ` heading; an `id:` or `archived:` in the block is not trusted).
 */
import { parseDocument } from 'yaml';
import type { IsoDate, Problem } from '../../../../shared/guide';
import { normalizeSpaces } from '../markup';
import { parseLooseDate } from '../title';

export interface FrontMatterSplit {
  /** The YAML source, or null when the file has no front matter that may be read. */
  yaml: string | null;
  body: string;
  /** Line number (1-based) where the body starts. */
  bodyLine: number;
  /** What the author should know; with `fatal`, the file cannot be read past its front matter. */
  problems: Problem[];
  fatal: boolean;
}

/** A YAML fence the file cannot be read past: the whole text stays the body, with the error at line 1. */
function refused(text: string, code: string, message: string): FrontMatterSplit {
  return {
    yaml: null,
    body: text,
    bodyLine: 1,
    problems: [{ severity: 'error', code, message, line: 1 }],
    fatal: true,
  };
}

const FENCE_CLOSE = /^(---|\.\.\.)\s*$/;

/** Index of the line closing the fence opened on line 0, or -1. */
function closingLine(lines: readonly string[]): number {
  for (let i = 1; i < lines.length; i++) if (FENCE_CLOSE.test(lines[i])) return i;
  return -1;
}

/**
 * A fence in another language: its block is skipped unread, up to its closing line (or, when
 * there is none, only the fence line itself, so that no guide text is lost).
 */
function skippedCode(lines: readonly string[], lang: string): FrontMatterSplit {
  const close = closingLine(lines);
  const end = close >= 0 ? close : 0;
  const what =
    close >= 0 ? `lines 1-${close + 1} are skipped` : 'it has no closing `---` line, so only its first line is skipped';
  return {
    yaml: null,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
    problems: [
      {
        severity: 'warning',
        code: 'frontmatter-code',
        message: `Front matter fenced as \`---${lang}\` is never run or read (${what}); the guide is read from its body. Use a plain \`---\` fence with YAML data.`,
        line: 1,
      },
    ],
    fatal: false,
  };
}

/** Splits `---` front matter off the text. A fence naming another language (`---js`) is skipped unread. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split('\n');
  const first = (lines[0] ?? '').trim();
  const lang = /^---\s*([A-Za-z][\w-]*)?\s*$/.exec(first);
  if (!lang) return { yaml: null, body: text, bodyLine: 1, problems: [], fatal: false };
  if (lang[1] && lang[1].toLowerCase() !== 'yaml' && lang[1].toLowerCase() !== 'yml')
    return skippedCode(lines, lang[1]);
  const close = closingLine(lines);
  if (close >= 0)
    return {
      yaml: lines.slice(1, close).join('\n'),
      body: lines.slice(close + 1).join('\n'),
      bodyLine: close + 2,
      problems: [],
      fatal: false,
    };
  return refused(text, 'frontmatter-unclosed', 'Front matter starts with `---` but has no closing `---` line.');
}

function invalid(message: string, line: number): { problem: Problem } {
  return { problem: { severity: 'error', code: 'frontmatter-invalid', message, line } };
}

/** The YAML of the front matter as a mapping (empty when there is none), or the error that stops the file. */
export function readYamlMapping(yaml: string | null): { data: Record<string, unknown> } | { problem: Problem } {
  if (yaml === null) return { data: {} };
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    return invalid(
      `Front matter is not valid YAML: ${error.message.split('\n')[0]}`,
      (error.linePos?.[0]?.line ?? 0) + 1,
    );
  }
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return invalid(`Front matter could not be read: ${(e as Error).message}`, 1);
  }
  if (js !== null && js !== undefined && (typeof js !== 'object' || Array.isArray(js)))
    return invalid('Front matter must be a YAML mapping (`key: value` lines).', 2);
  return { data: (js ?? {}) as Record<string, unknown> };
}

export function asString(v: unknown): string | null {
  if (typeof v === 'string') return normalizeSpaces(v).normalize('NFC').trim() || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export function asDate(v: unknown): IsoDate | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  const s = asString(v);
  return s ? parseLooseDate(s) : null;
}

export function asList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(asString).filter((x): x is string => x !== null);
  const s = asString(v);
  return s ? [s] : [];
}

/** What the front matter declares, read into plain values; null or empty where it says nothing. */
export interface DeclaredFields {
  title: string | null;
  id: string | null;
  archive: { archived: boolean; archivedAt: IsoDate | null };
  /** `category:` as a path string (a YAML list is joined with ` ▶ `), or null. */
  category: string | null;
  categoryOptions: string[] | null;
  responseSteps: string[] | null;
  /** `responseSteps:` written as one string (`A ▶ B`), to be split like the body's line. */
  responseStepsLine: string | null;
  question: string | null;
  effective: IsoDate[];
  effectiveFrom: IsoDate | null;
  zendeskId: string | null;
  /** Who keeps the guide current (`owner:`), or null. */
  owner: string | null;
  /** The day the guide is reviewed by (`reviewBy:`), or null. */
  reviewBy: IsoDate | null;
  /** Values that are there but unreadable (`effective: soon`): warnings for the author. */
  problems: Problem[];
}

function dateWarning(message: string): Problem {
  return { severity: 'warning', code: 'frontmatter-date', message };
}

/** Nothing declared: a file without front matter, or one whose front matter may not be read. */
export function noDeclaredFields(): DeclaredFields {
  return readDeclaredFields({});
}

/** A file's front matter, read: what it declares (null when nothing may be read) and where its body starts. */
export interface FrontMatter {
  declared: DeclaredFields | null;
  body: string;
  /** Line number (1-based) of the body's first line in the file. */
  bodyLine: number;
  problems: Problem[];
  /** The front matter cannot be read (invalid YAML, no closing fence): the file gives no guide. */
  fatal: boolean;
}

/** Splits and reads the front matter of `text` (which is known to open with a `---` fence). */
export function readFrontMatter(text: string): FrontMatter {
  const split = splitFrontMatter(text);
  const { body, bodyLine, problems, fatal } = split;
  if (fatal || split.yaml === null) return { declared: null, body, bodyLine, problems, fatal };
  const yaml = readYamlMapping(split.yaml);
  if ('problem' in yaml) return { declared: null, body, bodyLine, problems: [...problems, yaml.problem], fatal: true };
  return { declared: readDeclaredFields(yaml.data), body, bodyLine, problems, fatal: false };
}

export function readDeclaredFields(data: Record<string, unknown>): DeclaredFields {
  const archivedAt = asDate(data.archived);
  const effective = (Array.isArray(data.effective) ? data.effective.map(asDate) : [asDate(data.effective)]).filter(
    (d): d is IsoDate => d !== null,
  );
  const problems: Problem[] = [];
  if (data.effective !== undefined && effective.length === 0)
    problems.push(dateWarning('`effective:` is not a date (write YYYY-MM-DD).'));
  if (data.archived !== undefined && typeof data.archived !== 'boolean' && archivedAt === null)
    problems.push(dateWarning('`archived:` is not a date (write YYYY-MM-DD, or true).'));
  const reviewBy = asDate(data.reviewBy);
  if (data.reviewBy !== undefined && data.reviewBy !== null && reviewBy === null)
    problems.push(dateWarning('`reviewBy:` is not a date (write YYYY-MM-DD).'));
  return {
    title: asString(data.title),
    id: asString(data.id),
    archive: { archived: archivedAt !== null || data.archived === true, archivedAt },
    category: Array.isArray(data.category) ? asList(data.category).join(' ▶ ') : asString(data.category),
    categoryOptions: Array.isArray(data.categoryOptions) ? asList(data.categoryOptions) : null,
    responseSteps: Array.isArray(data.responseSteps) ? asList(data.responseSteps) : null,
    responseStepsLine: asString(data.responseSteps),
    question: asString(data.question),
    effective,
    effectiveFrom: Array.isArray(data.effective)
      ? (asList(data.effective).map(parseLooseDate).find(Boolean) ?? null)
      : asDate(data.effective),
    zendeskId: asString(data.zendeskId),
    owner: asString(data.owner),
    reviewBy,
    problems,
  };
}
