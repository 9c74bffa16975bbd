/**
 * The authored format's front matter: split off the body, read as YAML DATA only (never evaluated;
 * `---js` / `---javascript` fences are refused), then its fields read into plain values.
 */
import { parseDocument } from 'yaml';
import type { IsoDate, Problem } from '../../../../shared/guide';
import { normalizeSpaces } from '../markup';
import { parseLooseDate } from '../title';

export interface FrontMatterSplit {
  /** The YAML source, or null when the file has no front matter. */
  yaml: string | null;
  body: string;
  /** Line number (1-based) where the body starts. */
  bodyLine: number;
  problem?: Problem;
}

/** A fence the file cannot be read past: the whole text stays the body, with the error at line 1. */
function refused(text: string, code: string, message: string): FrontMatterSplit {
  return { yaml: null, body: text, bodyLine: 1, problem: { severity: 'error', code, message, line: 1 } };
}

/** Splits `---` front matter off the text. A fence naming another language (`---js`) is refused. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split('\n');
  const first = (lines[0] ?? '').trim();
  const lang = /^---\s*([A-Za-z][\w-]*)?\s*$/.exec(first);
  if (!lang) return { yaml: null, body: text, bodyLine: 1 };
  if (lang[1] && lang[1].toLowerCase() !== 'yaml' && lang[1].toLowerCase() !== 'yml') {
    return refused(
      text,
      'frontmatter-code',
      `Front matter fenced as \`---${lang[1]}\` is refused: front matter is YAML data only and is never run. Use a plain \`---\` fence with YAML.`,
    );
  }
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)\s*$/.test(lines[i])) {
      return { yaml: lines.slice(1, i).join('\n'), body: lines.slice(i + 1).join('\n'), bodyLine: i + 2 };
    }
  }
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
